package dev.sleet.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A PostgreSQL enum type ({@code CREATE TYPE status AS ENUM ('active', 'inactive')}): an ordered
 * list of labels. Declare it once, as a public static final field before the tables that use it,
 * and use it for columns with {@code column("status", STATUS)}:
 *
 * <pre>{@code
 * public static final EnumType<String> STATUS = EnumType.of("status", "active", "inactive");
 * public static final EnumType<Mood> MOOD = EnumType.of("mood", Mood.class).inSchema("audit");
 * }</pre>
 *
 * <p>With a Java enum, each constant's label is its {@code name()}, or what the given function
 * returns. Enum types are immutable: {@link #inSchema} returns a new one.
 *
 * @param <E> the Java type of the values: {@code String}, or a Java enum
 */
public final class EnumType<E> implements SchemaObject {

    private final String schema;
    private final String name;
    private final List<String> labels;
    private final Class<E> javaType;
    private final Function<? super E, String> label;
    private final String previousName;

    private EnumType(String schema, String name, List<String> labels, Class<E> javaType, Function<? super E, String> label,
                     String previousName) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.name = Objects.requireNonNull(name, "enum name");
        this.labels = List.copyOf(labels);
        this.javaType = javaType;
        this.label = label;
        this.previousName = previousName;
        // No labels is allowed: PostgreSQL has such types (made empty, given labels later), and pull writes them.
        if (new LinkedHashSet<>(this.labels).size() != this.labels.size()) {
            throw new IllegalArgumentException("Enum type " + name + " lists a label twice: " + this.labels);
        }
    }

    /** An enum type in the {@code public} schema whose values are the given labels, in order. */
    public static EnumType<String> of(String name, String... labels) {
        return new EnumType<>("public", name, List.of(labels), String.class, Function.identity(), null);
    }

    /** An enum type whose labels are the constants' {@code name()}s, in declaration order. */
    public static <E extends Enum<E>> EnumType<E> of(String name, Class<E> javaEnum) {
        return of(name, javaEnum, Enum::name);
    }

    /** An enum type whose labels are {@code label} applied to each constant, in declaration order. */
    public static <E extends Enum<E>> EnumType<E> of(String name, Class<E> javaEnum, Function<? super E, String> label) {
        List<String> labels = new ArrayList<>();
        for (E constant : javaEnum.getEnumConstants()) {
            labels.add(Objects.requireNonNull(label.apply(constant), "label of " + constant));
        }
        return new EnumType<>("public", name, labels, javaEnum, label, null);
    }

    /** The same enum type in another schema. */
    public EnumType<E> inSchema(String schemaName) {
        return new EnumType<>(schemaName, name, labels, javaType, label, previousName);
    }

    /**
     * Declares that this enum type was called {@code previousName} (in the same schema) before, so that
     * {@code sleet generate} and {@code sleet push} rename it, keeping the columns of it and their values, instead of asking whether it is new.
     * Once the rename has been generated the declaration is harmless and may be removed.
     */
    public EnumType<E> renamedFrom(String previousName) {
        return new EnumType<>(schema, name, labels, javaType, label, Objects.requireNonNull(previousName, "previousName"));
    }

    @Override
    public String schemaName() {
        return schema;
    }

    @Override
    public String objectName() {
        return name;
    }

    @Override
    public Optional<String> previousName() {
        return Optional.ofNullable(previousName);
    }

    /** The labels in order. */
    public List<String> labels() {
        return labels;
    }

    public Class<E> javaType() {
        return javaType;
    }

    /** The column type: its SQL spelling is the enum's name, its schema is {@link #schemaName()}. */
    public DataType<E> dataType() {
        return new DataType<>(name, javaType);
    }

    /**
     * The label a Java value stands for: a label itself, or a constant of the Java enum. Arrays
     * are not labels; see {@link Column#array()}.
     */
    public String labelOf(Object value) {
        String result;
        if (javaType.isInstance(value)) {
            result = label.apply(javaType.cast(value));
        } else if (value instanceof String s) {
            result = s;
        } else {
            throw new IllegalArgumentException(value + " is not a value of enum type " + name);
        }
        if (!labels.contains(result)) {
            throw new IllegalArgumentException("\"" + result + "\" is not a label of enum type " + name + " " + labels);
        }
        return result;
    }

    @Override
    public String toString() {
        return schema + "." + name + labels;
    }
}
