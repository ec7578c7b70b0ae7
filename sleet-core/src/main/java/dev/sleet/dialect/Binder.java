package dev.sleet.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Binds a Java value as a statement parameter and reads it back from a result, both ways in its
 * Java type. A null value is bound as SQL NULL of the binder's type.
 */
public interface Binder<T> {

    void set(PreparedStatement statement, int index, T value) throws SQLException;

    T get(ResultSet result, int index) throws SQLException;

    // Reads without a box, for mappers on hot paths (Row.getInt, Row.getLong). As in JDBC, NULL reads as
    // 0 and the caller asks ResultSet.wasNull(); the binders of plain integer and bigint columns override them
    // to call the driver's primitive getter.

    default int getInt(ResultSet result, int index) throws SQLException {
        Object value = get(result, index);
        return value == null ? 0 : ((Number) value).intValue();
    }

    default long getLong(ResultSet result, int index) throws SQLException {
        Object value = get(result, index);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
