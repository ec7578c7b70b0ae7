package dev.sleet.schema;

import java.util.Objects;

/**
 * One key of an index: a column or an expression, with its order, where NULLs sort, and its
 * operator class. Immutable; each method returns a new key.
 *
 * <pre>{@code
 * index("posts_recent").on(createdAt.desc().nullsLast(), IndexKey.expression("lower(title)"),
 *         IndexKey.of(slug).opclass("text_pattern_ops"))
 * }</pre>
 *
 * An expression is compared as {@code pg_get_indexdef} prints it ({@code lower(title)},
 * {@code (price * (2)::numeric)}); an operator class is named only when it is not the type's default.
 */
public final class IndexKey {

    /** Where NULLs sort; {@code DEFAULT} is last ascending, first descending. */
    public enum Nulls { DEFAULT, FIRST, LAST }

    private final String column;
    private final String expression;
    private final boolean descending;
    private final Nulls nulls;
    private final String opclass;
    private final String collation;
    private final String collationSchema;

    private IndexKey(String column, String expression, boolean descending, Nulls nulls, String opclass) {
        this(column, expression, descending, nulls, opclass, null, null);
    }

    private IndexKey(String column, String expression, boolean descending, Nulls nulls, String opclass, String collation,
                     String collationSchema) {
        this.collation = collation;
        this.collationSchema = collationSchema;
        this.column = column;
        this.expression = expression;
        this.descending = descending;
        this.nulls = Objects.requireNonNull(nulls);
        this.opclass = opclass;
    }

    /** The column, ascending. */
    public static IndexKey of(Column<?> column) {
        return new IndexKey(column.name(), null, false, Nulls.DEFAULT, null);
    }

    /** An expression, written as PostgreSQL prints it back: {@code lower(email)}. */
    public static IndexKey expression(String sql) {
        return new IndexKey(null, Objects.requireNonNull(sql, "expression"), false, Nulls.DEFAULT, null);
    }

    public IndexKey asc() {
        return new IndexKey(column, expression, false, nulls, opclass, collation, collationSchema);
    }

    public IndexKey desc() {
        return new IndexKey(column, expression, true, nulls, opclass, collation, collationSchema);
    }

    public IndexKey nullsFirst() {
        return new IndexKey(column, expression, descending, Nulls.FIRST, opclass, collation, collationSchema);
    }

    public IndexKey nullsLast() {
        return new IndexKey(column, expression, descending, Nulls.LAST, opclass, collation, collationSchema);
    }

    /** A non-default operator class: {@code text_pattern_ops}, {@code gin_trgm_ops}. */
    public IndexKey opclass(String name) {
        return new IndexKey(column, expression, descending, nulls, Objects.requireNonNull(name), collation, collationSchema);
    }

    /** {@code COLLATE "name"}: a collation PostgreSQL ships, other than the column's own. */
    public IndexKey collate(String collationName) {
        return new IndexKey(column, expression, descending, nulls, opclass, Objects.requireNonNull(collationName), null);
    }

    /** {@code COLLATE schema.name}: a collation the schema declares. */
    public IndexKey collate(Collation declared) {
        return new IndexKey(column, expression, descending, nulls, opclass, declared.objectName(), declared.schemaName());
    }

    /** The key's collation, or null for the column's (or expression's) own. */
    public String collation() {
        return collation;
    }

    /** The schema of a declared collation, or null for one PostgreSQL ships. */
    public String collationSchema() {
        return collationSchema;
    }

    /** The column's SQL name, or null for an expression. */
    public String column() {
        return column;
    }

    /** The expression, or null for a column. */
    public String expression() {
        return expression;
    }

    public boolean isDescending() {
        return descending;
    }

    public Nulls nulls() {
        return nulls;
    }

    /** The operator class, or null for the default one. */
    public String opclass() {
        return opclass;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexKey k && Objects.equals(column, k.column) && Objects.equals(expression, k.expression)
                && descending == k.descending && nulls == k.nulls && Objects.equals(opclass, k.opclass)
                && Objects.equals(collation, k.collation) && Objects.equals(collationSchema, k.collationSchema);
    }

    @Override
    public int hashCode() {
        return Objects.hash(column, expression, descending, nulls, opclass, collation, collationSchema);
    }

    @Override
    public String toString() {
        return (column != null ? column : "(" + expression + ")") + (collation == null ? "" : " COLLATE " + collation) + (opclass == null ? "" : " " + opclass)
                + (descending ? " DESC" : "") + (nulls == Nulls.DEFAULT ? "" : " NULLS " + nulls);
    }
}
