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
}
