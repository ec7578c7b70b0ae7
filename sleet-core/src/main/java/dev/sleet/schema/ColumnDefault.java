package dev.sleet.schema;

/**
 * A column default: either a Java value that Sleet renders as an SQL literal of the column's type,
 * or an SQL expression written out as it is ({@code now()}, {@code gen_random_uuid()}).
 */
public sealed interface ColumnDefault {

    record Value(Object value) implements ColumnDefault {}

    record Sql(String expression) implements ColumnDefault {}
}
