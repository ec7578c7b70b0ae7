package dev.sleet.sql;

/**
 * A from item that is not a table: a subquery under an alias ({@link Derived}) or a common table
 * expression ({@link Cte}). It renders itself as a from item and names its result columns.
 */
interface Source extends QueryPart {

    /** The name its columns are qualified with. */
    String alias();

    /** Its result columns, qualified with {@link #alias()}. */
    Expression<?>[] fields();

    /** The column of a from item called {@code alias} for an expression its query selects (by alias or column name). */
    static <T> Expression<T> field(String alias, Expression<T> selected) {
        String name = Selection.name(selected);
        if (name == null) {
            throw new IllegalArgumentException(selected + " has no name in " + alias + ": select it with .as(name)");
        }
        return new Nodes.DerivedField<>(alias, name, selected);
    }

    static Expression<?>[] fields(String alias, Expression<?>[] inner) {
        Expression<?>[] fields = new Expression<?>[inner.length];
        for (int i = 0; i < inner.length; i++) {
            fields[i] = field(alias, inner[i]);
        }
        return fields;
    }
}
