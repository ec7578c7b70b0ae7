package dev.sleet.sql;

import dev.sleet.schema.DataType;

/**
 * A typed SQL value expression: a column, a bound value, a function call, a subquery, an SQL
 * template. {@code T} is the Java type its values read as; the operators in {@link Sql} accept only
 * operands of the same type, so comparing an integer column with a string does not compile.
 * Columns ({@code dev.sleet.schema.Column}) are expressions; the other implementations are
 * internal to this package.
 *
 * @param <T> the Java type of the expression's values
 */
public interface Expression<T> extends OrderField {

    /** The SQL type and Java type of the values, which decide how they are bound and read. */
    DataType<T> type();

    /** The expression under an alias in a select list: {@code count().as("tasks")}. */
    default Expression<T> as(String alias) {
        return new Nodes.Aliased<>(this, alias);
    }
}
