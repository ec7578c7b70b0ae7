package dev.sleet.sql;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the current row of a result into one value. */
@FunctionalInterface
interface RowReader<R> {

    R read(ResultSet result) throws SQLException;
}
