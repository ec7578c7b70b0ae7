package dev.sleet.sql;

import dev.sleet.dialect.Binder;
import dev.sleet.schema.Column;

import java.util.Arrays;
import java.util.Objects;

/**
 * Column values of an inserted row, an update's {@code set}, or an upsert's {@code do update set}.
 * A column set to {@code null} is NULL; a column not set at all takes its default on insert and is
 * left alone on update, so NULL and "default" are never confused.
 */
public final class Assignments {

    private static final Nodes.Keyword DEFAULT = new Nodes.Keyword("default");
    /** Marks a slot whose value is an expression (or DEFAULT) rather than a value to bind. */
    private static final Object VALUE = new Object();

    // Parallel arrays, not a map: rows of a thousand-row insert have a handful of columns each.
    private Column<?>[] columns = new Column<?>[2];
    private Object[] values = new Object[2];
    private boolean[] expressions = new boolean[2];
    private int size;

    Assignments() {
    }

    /** The column's value, bound as a parameter with the column's binder (null is NULL). */
    public <T> Assignments set(Column<T> column, T value) {
        return put(column, value, false);
    }

    /** The column set to an expression: {@code set(TASKS.importance, add(TASKS.importance, 1))}. */
    public <T> Assignments set(Column<T> column, Expression<T> value) {
        return put(column, Objects.requireNonNull(value, "value"), true);
    }

    /** The column set to NULL (what {@code set(column, null)} says, without the overload ambiguity). */
    public Assignments setNull(Column<?> column) {
        return put(column, null, false);
    }

    /** The column's declared default, written as {@code DEFAULT}. */
    public Assignments setDefault(Column<?> column) {
        return put(column, DEFAULT, true);
    }

    private Assignments put(Column<?> column, Object value, boolean expression) {
        Objects.requireNonNull(column, "column");
        int slot = indexOf(column);
        if (slot < 0) {
            if (size == columns.length) {
                columns = Arrays.copyOf(columns, size * 2);
                values = Arrays.copyOf(values, size * 2);
                expressions = Arrays.copyOf(expressions, size * 2);
            }
            slot = size++;
            columns[slot] = column;
        }
        values[slot] = value;
        expressions[slot] = expression;
        return this;
    }

    int indexOf(Column<?> column) {
        for (int i = 0; i < size; i++) {
            if (columns[i] == column) {
                return i;
            }
        }
        return -1;
    }

    int size() {
        return size;
    }

    Column<?> column(int slot) {
        return columns[slot];
    }

    boolean isEmpty() {
        return size == 0;
    }

    Object value(int slot) {
        return values[slot];
    }

    boolean isExpression(int slot) {
        return expressions[slot];
    }

    /** Empties it for the next row of an insert, dropping the values so none outlives its row. */
    void clear() {
        Arrays.fill(values, 0, size, null);
        Arrays.fill(columns, 0, size, null);
        size = 0;
    }

    /** The value in a slot: bound with the column's binder, or written as its expression. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void renderValue(RenderContext context, int slot, Binder binder) {
        if (expressions[slot]) {
            context.part(values[slot]);
        } else {
            context.bind(values[slot], binder);
        }
    }

    static void renderDefault(RenderContext context) {
        DEFAULT.render(context);
    }

    /** {@code "a" = ?, "b" = ...}. */
    void renderSet(RenderContext context) {
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                context.sql(", ");
            }
            context.bareColumn(columns[i]);
            context.sql(" = ");
            renderValue(context, i, context.binder(columns[i]));
        }
    }

    /** {@code ("a", "b") values (?, ...)}: one row, for MERGE's {@code then insert}. */
    void renderRow(RenderContext context) {
        context.sql('(');
        for (int i = 0; i < size; i++) {
            context.sql(i > 0 ? ", " : "");
            context.bareColumn(columns[i]);
        }
        context.sql(") values (");
        for (int i = 0; i < size; i++) {
            context.sql(i > 0 ? ", " : "");
            renderValue(context, i, context.binder(columns[i]));
        }
        context.sql(')');
    }
}
