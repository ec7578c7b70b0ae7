package dev.sleet.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One result row: {@code row.get(TASKS.name)} is a {@code String}. Values are read with their
 * column's binder, so they already have their Java types.
 *
 * <p>A row from {@code fetch()} or {@code stream(fetchSize)} holds its values. The row a
 * {@link RowMapper} is given reads them from the result set as they are asked for, and only while
 * {@code map} runs (mapping then costs no copy of the row): keep the values, not the row.
 */
public final class Row {

    private final Selection selection;
    private final Object[] values;
    /** The result set a mapper's row reads from; null for a row that holds its values. */
    private final ResultSet cursor;
    private boolean readable;

    Row(Selection selection, Object[] values) {
        this.selection = selection;
        this.values = values;
        this.cursor = null;
        this.readable = true;
    }

    private Row(Selection selection, ResultSet cursor) {
        this.selection = selection;
        this.values = null;
        this.cursor = cursor;
    }

    /**
     * A reader that hands each row to {@code mapper} as one row object reading from the result set,
     * readable only during the call. A failure to read surfaces as the SQLException it was, so the
     * session reports it like any other.
     */
    static <R> RowReader<R> mapping(Selection selection, RowMapper<R> mapper) {
        return result -> {
            // A row object per call (it holds no values): one kept by the mapper can never read a later row.
            Row row = new Row(selection, result);
            row.readable = true;
            try {
                return mapper.map(row);
            } catch (CursorFailure failure) {
                throw failure.getCause();
            } finally {
                row.readable = false;
            }
        };
    }

    /** A read from a mapper's row that failed; unwrapped by {@link #mapping}. */
    private static final class CursorFailure extends RuntimeException {
        CursorFailure(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    private Object value(int position) {
        if (values != null) {
            return values[position];
        }
        try {
            return readable().binders[position].get(cursor, position + 1);
        } catch (SQLException e) {
            throw new CursorFailure(e);
        }
    }

    /** The selection of a mapper's row, once it is known to be inside its mapper's call. */
    private Selection readable() {
        if (!readable) {
            throw new IllegalStateException("This row was given to a RowMapper and can be read only inside map(): "
                    + "keep its values, not the row");
        }
        return selection;
    }

    /** The value of a selected expression (the very object passed to {@code select}, or a column of a selected table). */
    @SuppressWarnings("unchecked")
    public <T> T get(Expression<T> expression) {
        return (T) value(position(expression));
    }

    // Without a box: a mapper's row reads them with the driver's primitive getter. NULL fails (read it with get).

    public int getInt(Expression<Integer> expression) {
        int position = position(expression);
        if (values != null) {
            return (Integer) present(values[position], position);
        }
        try {
            int value = readable().binders[position].getInt(cursor, position + 1);
            return value == 0 && cursor.wasNull() ? (Integer) present(null, position) : value;
        } catch (SQLException e) {
            throw new CursorFailure(e);
        }
    }

    public long getLong(Expression<Long> expression) {
        int position = position(expression);
        if (values != null) {
            return (Long) present(values[position], position);
        }
        try {
            long value = readable().binders[position].getLong(cursor, position + 1);
            return value == 0 && cursor.wasNull() ? (Long) present(null, position) : value;
        } catch (SQLException e) {
            throw new CursorFailure(e);
        }
    }

    private int position(Expression<?> expression) {
        int position = selection.indexOf(expression);
        if (position < 0) {
            throw new IllegalArgumentException(expression + " is not selected by this query");
        }
        return position;
    }

    private Object present(Object value, int position) {
        if (value == null) {
            String name = Selection.name(selection.expressions[position]);
            throw new IllegalStateException("Result column " + (name == null ? "#" + position : name)
                    + " is NULL: read it with get(...), which gives null");
        }
        return value;
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
        Object value = value(Objects.checkIndex(position, size()));
        if (value != null && !type.isInstance(value)) {
            throw new ClassCastException("Result column " + position + " is " + value.getClass().getName()
                    + ", not " + type.getName());
        }
        return type.cast(value);
    }

    public int size() {
        return selection.binders.length;
    }

    /** The values in select order. */
    public List<Object> values() {
        List<Object> list = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            list.add(value(i));
        }
        return list;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Row[");
        for (int i = 0; i < size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            String name = Selection.name(selection.expressions[i]);
            text.append(name == null ? "#" + i : name).append('=').append(values != null || readable ? value(i) : "?");
        }
        return text.append(']').toString();
    }
}
