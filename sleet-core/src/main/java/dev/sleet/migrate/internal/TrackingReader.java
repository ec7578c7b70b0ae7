package dev.sleet.migrate.internal;

import dev.sleet.migrate.AppliedMigration;
import dev.sleet.migrate.MigrationException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tracking table without changing anything: no lock, no CREATE, a read-only connection.
 * A database without the tracking table has applied nothing.
 */
public final class TrackingReader {

    private TrackingReader() {
    }

    public static List<AppliedMigration> read(ConnectionOpener connections, TrackingTable tracking) {
        try (Connection connection = connections.openTo("read the migration tracking table")) {
            connection.setReadOnly(true);
            MigrationDialect dialect = Dialects.forProduct(connection.getMetaData().getDatabaseProductName());
            if (!dialect.exists(connection, new ProbeTarget(dev.sleet.migrate.Probe.Kind.TABLE, tracking.schema(),
                    tracking.table(), null))) {
                return List.of();
            }
            List<AppliedMigration> rows = new ArrayList<>();
            for (TrackingRow row : dialect.appliedMigrations(connection, tracking)) {
                rows.add(new AppliedMigration(row.tag(), row.hash(), row.mode().value(), row.appliedAt(),
                        row.executionMs(), row.statements()));
            }
            return List.copyOf(rows);
        } catch (SQLException e) {
            throw new MigrationException("Cannot read the migration tracking table " + tracking.schema() + "."
                    + tracking.table() + ": " + SqlText.describe(e), e);
        }
    }
}
