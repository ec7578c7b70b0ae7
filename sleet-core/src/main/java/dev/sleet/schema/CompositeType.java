package dev.sleet.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A composite type ({@code CREATE TYPE s.t AS (a integer, b text)}). Attribute types are written
 * as PostgreSQL prints them ({@code integer[]}, {@code audit.mood}); a domain or other composite or
 * range type an attribute uses is named with {@link #after} so that it is created first. Columns
 * use it by its SQL name: {@code column("at", new DataType<>("point_2d", Object.class))}.
 * Immutable: each method returns a new type.
 */
public final class CompositeType implements SchemaObject {

    /** An attribute; {@code collation} (qualified and quoted as PostgreSQL prints it) only where not its type's. */
    public record Attribute(String name, String type, Optional<String> collation) {
        public Attribute {
            Objects.requireNonNull(name, "attribute name");
            Objects.requireNonNull(type, "attribute type");
            Objects.requireNonNull(collation, "collation");
        }
    }

    private final String schema;
    private final String name;
    private final List<Attribute> attributes;
    private final SortedSet<String> after;

    private CompositeType(String schema, String name, List<Attribute> attributes, SortedSet<String> after) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.name = Objects.requireNonNull(name, "type name");
        this.attributes = List.copyOf(attributes);
        this.after = new TreeSet<>(after);
    }

    public static CompositeType of(String name) {
        return new CompositeType("public", name, List.of(), new TreeSet<>());
    }

    public CompositeType inSchema(String schemaName) {
        return new CompositeType(schemaName, name, attributes, after);
    }

    /** An attribute of {@code type} (SQL, as PostgreSQL prints it). */
    public CompositeType attribute(String attributeName, String type) {
        return with(new Attribute(attributeName, type, Optional.empty()));
    }

    /** An attribute with {@code COLLATE collation}. */
    public CompositeType attribute(String attributeName, String type, String collation) {
        return with(new Attribute(attributeName, type, Optional.of(collation)));
    }

    /** A domain or composite or range type ({@code schema.name}) that this type uses, created before it. */
    public CompositeType after(String schemaAndName) {
        SortedSet<String> more = new TreeSet<>(after);
        more.add(Objects.requireNonNull(schemaAndName));
        return new CompositeType(schema, name, attributes, more);
    }

    private CompositeType with(Attribute attribute) {
        List<Attribute> more = new ArrayList<>(attributes);
        more.add(attribute);
        return new CompositeType(schema, name, more, after);
    }

    @Override
    public String schemaName() {
        return schema;
    }

    @Override
    public String objectName() {
        return name;
    }

    public List<Attribute> attributes() {
        return attributes;
    }

    /** The keys ({@code schema.name}) of what the type uses. */
    public SortedSet<String> dependsOn() {
        return after;
    }

    @Override
    public String toString() {
        return "composite type " + schema + "." + name;
    }
}
