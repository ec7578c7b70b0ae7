package dev.sleet.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A domain ({@code CREATE DOMAIN}): a base type (built-in, an enum type or another domain, or an
 * array of an enum type or domain) with an
 * optional collation, default, NOT NULL and named checks. Declare it before the tables and domains
 * that use it, and use it for columns with {@code column("zip", US_ZIP)}:
 *
 * <pre>{@code
 * public static final Domain<Integer> POSITIVE = Domain.of("positive", DataType.INTEGER)
 *         .check("positive_check", "(VALUE > 0)");
 * public static final Domain<String> US_ZIP = Domain.of("us_zip", DataType.TEXT).collate("C").notNull();
 * }</pre>
 *
 * Checks and the default are compared as PostgreSQL prints them back ({@code (VALUE > 0)},
 * {@code 'x'::text}), so write them in that form, or let {@code sleet pull} write them.
 * Immutable: each method returns a new domain.
 *
 * @param <T> the Java type of the values
 */
public final class Domain<T> implements SchemaObject {

    /** A named check of a domain; the expression uses {@code VALUE}. */
    public record DomainCheck(String name, String expression) {
        public DomainCheck {
            Objects.requireNonNull(name, "check name");
            Objects.requireNonNull(expression, "check expression");
        }
    }

    private final String schema;
    private final String name;
    private final DataType<T> baseType;
    private final SchemaObject baseObject;
    private final String defaultSql;
    private final boolean notNull;
    private final List<DomainCheck> checks;
    private final String collation;
    private final String collationSchema;

    private Domain(String schema, String name, DataType<T> baseType, SchemaObject baseObject, String defaultSql,
                   boolean notNull, List<DomainCheck> checks, String collation, String collationSchema) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.name = Objects.requireNonNull(name, "domain name");
        this.baseType = Objects.requireNonNull(baseType, "base type");
        this.baseObject = baseObject;
        this.defaultSql = defaultSql;
        this.notNull = notNull;
        this.checks = List.copyOf(checks);
        this.collation = collation;
        this.collationSchema = collationSchema;
    }

    /** A domain over a built-in type: {@code Domain.of("positive", DataType.INTEGER)}. */
    public static <T> Domain<T> of(String name, DataType<T> baseType) {
        return new Domain<>("public", name, baseType, null, null, false, List.of(), null, null);
    }

    /** A domain over an enum type. */
    public static <T> Domain<T> of(String name, EnumType<T> baseType) {
        Objects.requireNonNull(baseType, () -> "The base type of domain " + name + " is null: declare the enum type first");
        return new Domain<>("public", name, baseType.dataType(), baseType, null, false, List.of(), null, null);
    }

    /** A domain over another domain. */
    public static <T> Domain<T> of(String name, Domain<T> baseType) {
        Objects.requireNonNull(baseType, () -> "The base type of domain " + name + " is null: declare that domain first");
        return new Domain<>("public", name, baseType.dataType(), baseType, null, false, List.of(), null, null);
    }

    /**
     * A domain over an array of an enum type: {@code Domain.arrayOf("moods", MOOD)} is
     * {@code CREATE DOMAIN moods AS mood[]}.
     */
    public static <T> Domain<T[]> arrayOf(String name, EnumType<T> elementType) {
        Objects.requireNonNull(elementType, () -> "The element type of domain " + name + " is null: declare the enum type first");
        return new Domain<>("public", name, arrayType(elementType.dataType()), elementType, null, false, List.of(), null, null);
    }

    /**
     * A domain over an array of another domain: {@code Domain.arrayOf("zips", US_ZIP)} is
     * {@code CREATE DOMAIN zips AS us_zip[]}.
     */
    public static <T> Domain<T[]> arrayOf(String name, Domain<T> elementType) {
        Objects.requireNonNull(elementType, () -> "The element type of domain " + name + " is null: declare that domain first");
        return new Domain<>("public", name, arrayType(elementType.dataType()), elementType, null, false, List.of(), null, null);
    }

    @SuppressWarnings("unchecked")
    private static <T> DataType<T[]> arrayType(DataType<T> element) {
        Class<T[]> arrayClass = (Class<T[]>) java.lang.reflect.Array.newInstance(element.javaType(), 0).getClass();
        return new DataType<>(element.sql() + "[]", arrayClass);
    }

    public Domain<T> inSchema(String schemaName) {
        return new Domain<>(schemaName, name, baseType, baseObject, defaultSql, notNull, checks, collation, collationSchema);
    }

    /** {@code DEFAULT expression}, as PostgreSQL prints it back. */
    public Domain<T> defaultSql(String expression) {
        return new Domain<>(schema, name, baseType, baseObject, Objects.requireNonNull(expression), notNull, checks,
                collation, collationSchema);
    }

    /** {@code NOT NULL}. */
    public Domain<T> notNull() {
        return new Domain<>(schema, name, baseType, baseObject, defaultSql, true, checks, collation, collationSchema);
    }

    /** {@code CONSTRAINT name CHECK (expression)}; the expression names the value {@code VALUE}. */
    public Domain<T> check(String checkName, String expression) {
        List<DomainCheck> more = new ArrayList<>(checks);
        more.add(new DomainCheck(checkName, expression));
        return new Domain<>(schema, name, baseType, baseObject, defaultSql, notNull, more, collation, collationSchema);
    }

    /** {@code COLLATE "name"}: a collation PostgreSQL ships ({@code "C"}, {@code "en-x-icu"}). */
    public Domain<T> collate(String collationName) {
        return new Domain<>(schema, name, baseType, baseObject, defaultSql, notNull, checks,
                Objects.requireNonNull(collationName), null);
    }

    /** {@code COLLATE schema.name}: a collation the schema declares. */
    public Domain<T> collate(Collation declared) {
        Objects.requireNonNull(declared, () -> "The collation of domain " + name + " is null: declare the collation first");
        return new Domain<>(schema, name, baseType, baseObject, defaultSql, notNull, checks, declared.objectName(),
                declared.schemaName());
    }

    @Override
    public String schemaName() {
        return schema;
    }

    @Override
    public String objectName() {
        return name;
    }

    /** The column type: its SQL spelling is the domain's name, its schema is {@link #schemaName()}. */
    public DataType<T> dataType() {
        return new DataType<>(name, baseType.javaType());
    }

    /** The base type's SQL spelling (the plain name of an enum type or domain). */
    public DataType<T> baseType() {
        return baseType;
    }

    /** The enum type or domain the domain is over; empty for a built-in base type. */
    public Optional<SchemaObject> baseObject() {
        return Optional.ofNullable(baseObject);
    }

    public Optional<String> defaultExpression() {
        return Optional.ofNullable(defaultSql);
    }

    public boolean isNotNull() {
        return notNull;
    }

    public List<DomainCheck> checks() {
        return checks;
    }

    /** The collation's name; empty for the base type's own. */
    public Optional<String> collation() {
        return Optional.ofNullable(collation);
    }

    /** The schema of a declared collation; empty for one PostgreSQL ships ({@code pg_catalog}). */
    public Optional<String> collationSchema() {
        return Optional.ofNullable(collationSchema);
    }

    @Override
    public String toString() {
        return "domain " + schema + "." + name;
    }
}
