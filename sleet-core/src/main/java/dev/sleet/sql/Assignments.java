package dev.sleet.sql;

import dev.sleet.schema.Column;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Column values of an inserted row, an update's {@code set}, or an upsert's {@code do update set}.
 * A column set to {@code null} is NULL; a column not set at all takes its default on insert and is
 * left alone on update, so NULL and "default" are never confused.
 */
public final class Assignments {

    private static final Nodes.Keyword DEFAULT = new Nodes.Keyword("default");

    final Map<Column<?>, Object> values = new LinkedHashMap<>();

    Assignments() {
    }

    /** The column's value, bound as a parameter with the column's binder (null is NULL). */
    public <T> Assignments set(Column<T> column, T value) {
        values.put(Objects.requireNonNull(column, "column"), new Nodes.Param<>(value, column, null));
        return this;
    }

    /** The column set to an expression: {@code set(TASKS.importance, add(TASKS.importance, 1))}. */
    public <T> Assignments set(Column<T> column, Expression<T> value) {
        values.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** The column set to NULL (what {@code set(column, null)} says, without the overload ambiguity). */
    public Assignments setNull(Column<?> column) {
        return nullOf(column);
    }

    private <T> Assignments nullOf(Column<T> column) {
        values.put(Objects.requireNonNull(column, "column"), new Nodes.Param<T>(null, column, null));
        return this;
    }

    /** The column's declared default, written as {@code DEFAULT}. */
    public Assignments setDefault(Column<?> column) {
        values.put(Objects.requireNonNull(column, "column"), DEFAULT);
        return this;
    }

    static Object defaultValue() {
        return DEFAULT;
    }

    /** {@code "a" = ?, "b" = ...}. */
    void renderSet(RenderContext context) {
        boolean first = true;
        for (Map.Entry<Column<?>, Object> entry : values.entrySet()) {
            if (!first) {
                context.sql(", ");
            }
            first = false;
            context.bareColumn(entry.getKey());
            context.sql(" = ");
            context.part(entry.getValue());
        }
    }

    boolean isEmpty() {
        return values.isEmpty();
    }
}
