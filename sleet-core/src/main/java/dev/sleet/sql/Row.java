package dev.sleet.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One result row: {@code row.get(TASKS.name)} is a {@code String}. Values were read with their
 * column's binder, so they already have their Java types.
 */
public final class Row {

    private final Selection selection;
    private final Object[] values;

    Row(Selection selection, Object[] values) {
        this.selection = selection;
        this.values = values;
    }

    /** The value of a selected expression (the very object passed to {@code select}, or a column of a selected table). */
    @SuppressWarnings("unchecked")
    public <T> T get(Expression<T> expression) {
        int position = selection.indexOf(expression);
        if (position < 0) {
            throw new IllegalArgumentException(expression + " is not selected by this query");
        }
        return (T) values[position];
    }

    /** The value of the result column with this name (alias or column name); the first one when several share it. */
    public <T> T get(String name, Class<T> type) {
        int position = selection.indexOf(name);
        if (position < 0) {
            throw new IllegalArgumentException("No result column is named " + name);
        }
        return get(position, type);
    }

    /** The value at a 0-based position. */
    public <T> T get(int position, Class<T> type) {
        Object value = values[Objects.checkIndex(position, values.length)];
        if (value != null && !type.isInstance(value)) {
            throw new ClassCastException("Result column " + position + " is " + value.getClass().getName()
                    + ", not " + type.getName());
        }
        return type.cast(value);
    }

    public int size() {
        return values.length;
    }

    /** The values in select order. */
    public List<Object> values() {
        List<Object> list = new ArrayList<>(values.length);
        for (Object value : values) {
            list.add(value);
        }
        return list;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Row[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            String name = Selection.name(selection.expressions[i]);
            text.append(name == null ? "#" + i : name).append('=').append(values[i]);
        }
        return text.append(']').toString();
    }
}
