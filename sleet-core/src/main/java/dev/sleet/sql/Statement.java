package dev.sleet.sql;

import dev.sleet.dialect.Binder;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Rendered SQL and its first {@code count} bound values, ready for a PreparedStatement. */
record Statement(String sql, Object[] values, Binder<?>[] binders, int count) {

    @SuppressWarnings({"unchecked", "rawtypes"})
    void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < count; i++) {
            if (values[i] instanceof Placeholder<?> placeholder) {
                throw new IllegalStateException("Placeholder '" + placeholder.name()
                        + "' has no value: run the statement through prepare() and give it one");
            }
            ((Binder) binders[i]).set(statement, i + 1, values[i]);
        }
    }

    List<Object> valueList() {
        List<Object> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(values[i]);
        }
        return list;
    }
}
