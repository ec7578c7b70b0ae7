package dev.sleet.sql;

import dev.sleet.dialect.Binder;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Rendered SQL and its bound values, ready for a PreparedStatement. */
record Statement(String sql, Object[] values, Binder<?>[] binders) {

    @SuppressWarnings({"unchecked", "rawtypes"})
    void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ((Binder) binders[i]).set(statement, i + 1, values[i]);
        }
    }

    List<Object> valueList() {
        List<Object> list = new ArrayList<>(values.length);
        for (Object value : values) {
            list.add(value);
        }
        return list;
    }
}
