package dev.sleet.migrate.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens the one connection a migration run uses (a DataSource or DriverManager underneath). */
@FunctionalInterface
public interface ConnectionOpener {
    Connection open() throws SQLException;
}
