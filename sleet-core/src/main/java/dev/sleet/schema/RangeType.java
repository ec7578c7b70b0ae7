package dev.sleet.schema;

import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A range type ({@code CREATE TYPE s.r AS RANGE (subtype = uuid)}); PostgreSQL makes its multirange
 * type and their constructor functions with it. The subtype and the options are written as
 * PostgreSQL prints them; a domain or type the subtype is (given with {@link #after}) is created
 * first. Immutable: each method returns a new type.
 */
public final class RangeType implements SchemaObject {

    private final String schema;
    private final String name;
    private final String subtype;
    private final String subtypeOpclass;
    private final String collation;
    private final String canonical;
    private final String subtypeDiff;
    private final String multirange;
    private final SortedSet<String> after;

    private RangeType(String schema, String name, String subtype, String subtypeOpclass, String collation,
                      String canonical, String subtypeDiff, String multirange, SortedSet<String> after) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.name = Objects.requireNonNull(name, "type name");
        this.subtype = Objects.requireNonNull(subtype, "subtype");
        this.subtypeOpclass = subtypeOpclass;
        this.collation = collation;
        this.canonical = canonical;
        this.subtypeDiff = subtypeDiff;
        this.multirange = multirange;
        this.after = new TreeSet<>(after);
    }

    /** {@code CREATE TYPE name AS RANGE (subtype = subtype)}. */
    public static RangeType of(String name, String subtype) {
        return new RangeType("public", name, subtype, null, null, null, null, null, new TreeSet<>());
    }

    public RangeType inSchema(String schemaName) {
        return new RangeType(schemaName, name, subtype, subtypeOpclass, collation, canonical, subtypeDiff, multirange, after);
    }

    /** {@code subtype_opclass = opclass} (qualified). */
    public RangeType subtypeOpclass(String opclass) {
        return new RangeType(schema, name, subtype, opclass, collation, canonical, subtypeDiff, multirange, after);
    }

    /** {@code collation = name} (qualified and quoted). */
    public RangeType collation(String qualifiedCollation) {
        return new RangeType(schema, name, subtype, subtypeOpclass, qualifiedCollation, canonical, subtypeDiff, multirange, after);
    }

    /** {@code canonical = function}. */
    public RangeType canonical(String function) {
        return new RangeType(schema, name, subtype, subtypeOpclass, collation, function, subtypeDiff, multirange, after);
    }

    /** {@code subtype_diff = function}. */
    public RangeType subtypeDiff(String function) {
        return new RangeType(schema, name, subtype, subtypeOpclass, collation, canonical, function, multirange, after);
    }

    /** {@code multirange_type_name = name} (qualified). */
    public RangeType multirange(String qualifiedName) {
        return new RangeType(schema, name, subtype, subtypeOpclass, collation, canonical, subtypeDiff, qualifiedName, after);
    }

    /** A domain or type ({@code schema.name}) the subtype is, created before this type. */
    public RangeType after(String schemaAndName) {
        SortedSet<String> more = new TreeSet<>(after);
        more.add(Objects.requireNonNull(schemaAndName));
        return new RangeType(schema, name, subtype, subtypeOpclass, collation, canonical, subtypeDiff, multirange, more);
    }

    @Override
    public String schemaName() {
        return schema;
    }

    @Override
    public String objectName() {
        return name;
    }

    public String subtype() {
        return subtype;
    }

    public Optional<String> subtypeOpclass() {
        return Optional.ofNullable(subtypeOpclass);
    }

    public Optional<String> collation() {
        return Optional.ofNullable(collation);
    }

    public Optional<String> canonical() {
        return Optional.ofNullable(canonical);
    }

    public Optional<String> subtypeDiff() {
        return Optional.ofNullable(subtypeDiff);
    }

    public Optional<String> multirange() {
        return Optional.ofNullable(multirange);
    }

    /** The keys ({@code schema.name}) of what the type uses. */
    public SortedSet<String> dependsOn() {
        return after;
    }

    @Override
    public String toString() {
        return "range type " + schema + "." + name;
    }
}
