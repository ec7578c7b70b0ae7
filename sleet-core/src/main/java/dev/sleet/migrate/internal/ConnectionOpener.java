package dev.sleet.migrate.internal;

import dev.sleet.migrate.MigrationException;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens the one connection a migration run uses (a DataSource or DriverManager underneath). */
@FunctionalInterface
public interface ConnectionOpener {
    Connection open() throws SQLException;

    /**
     * Opens a connection, or fails saying that connecting failed, so that an unreachable database
     * is never reported as a failure to read or migrate it.
     *
     * @param purpose what the connection is for, e.g. "migrate"
     */
    default Connection openTo(String purpose) {
        try {
            return open();
        } catch (SQLException e) {
            // SqlText.describe uses the driver's message only; the URL and credentials stay out of it.
            throw new MigrationException("Cannot connect to the database to " + purpose + ": " + SqlText.describe(e), e);
        }
    }
}
