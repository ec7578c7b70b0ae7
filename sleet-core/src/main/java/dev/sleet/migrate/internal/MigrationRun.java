package dev.sleet.migrate.internal;

import dev.sleet.migrate.Journal;
import dev.sleet.migrate.JournalEntry;
import dev.sleet.migrate.MigrationException;
import dev.sleet.migrate.MigrationFile;
import dev.sleet.migrate.MigrationListener;
import dev.sleet.migrate.MigrationReport;
import dev.sleet.migrate.MigrationSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code migrate()} call: read the source, open one connection, lock, verify, apply, unlock.
 * Everything database-specific goes through {@link MigrationDialect}.
 */
public final class MigrationRun {

    private final ConnectionOpener connections;
    private final MigrationSource source;
    private final TrackingTable tracking;
    private final MigrationListener listener;

    public MigrationRun(ConnectionOpener connections, MigrationSource source, TrackingTable tracking,
                        MigrationListener listener) {
        this.connections = connections;
        this.source = source;
        this.tracking = tracking;
        this.listener = listener;
    }

    public MigrationReport execute() {
        // Read every file before connecting: a missing or unreadable file should fail before the
        // database is touched, and verification needs the applied files' hashes anyway.
        Journal journal = source.journal();
        List<MigrationFile> files = new ArrayList<>();
        for (JournalEntry entry : journal.entries()) {
            files.add(new MigrationFile(entry, source.sql(entry)));
        }
        Connection connection = connections.openTo("migrate");
        try {
            MigrationDialect dialect = Dialects.select(journal.dialect(), connection.getMetaData().getDatabaseProductName());
            return locked(connection, dialect, files);
        } catch (SQLException e) {
            throw new MigrationException("Migrating failed: " + SqlText.describe(e), e);
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing also ends the session, which releases a lock an earlier failure left behind.
            }
        }
    }

    private MigrationReport locked(Connection connection, MigrationDialect dialect, List<MigrationFile> files)
            throws SQLException {
        boolean originalAutoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        String trackingName = dialect.qualifiedName(tracking);
        // Lock before touching the tracking table: concurrent CREATE SCHEMA/TABLE IF NOT EXISTS can
        // still fail with a unique violation in the catalog, and the applied rows must be read by
        // the one process that will act on them.
        if (!dialect.tryLock(connection, tracking)) {
            listener.waitingForLock(trackingName);
            dialect.lock(connection, tracking);
        }
        MigrationReport report = null;
        try {
            report = migrate(connection, dialect, files, trackingName);
            return report;
        } finally {
            release(connection, dialect, originalAutoCommit, report != null);
        }
    }

    private MigrationReport migrate(Connection connection, MigrationDialect dialect, List<MigrationFile> files,
                                    String trackingName) throws SQLException {
        List<TrackingRow> applied;
        try {
            dialect.ensureTrackingTable(connection, tracking);
            applied = dialect.appliedMigrations(connection, tracking);
        } catch (SQLException e) {
            throw new MigrationException("Cannot prepare the migration tracking table " + trackingName + ": "
                    + SqlText.describe(e), e);
        }
        MigrationPlan plan = MigrationPlan.of(files, applied, source.describe(), trackingName);
        listener.planned(plan.pending(), plan.alreadyApplied().size());

        FileExecutor executor = new FileExecutor(connection, dialect, tracking, listener);
        List<String> ran = new ArrayList<>();
        List<String> recorded = new ArrayList<>();
        List<MigrationFile> pending = plan.pending();
        for (int i = 0; i < pending.size(); i++) {
            MigrationFile file = pending.get(i);
            if (plan.isOutOfOrder(file)) {
                listener.outOfOrder(file, plan.lastApplied());
            }
            if (file.entry().isPulled() && PulledCheck.decide(connection, dialect, file, pulledRunAfter(pending, i))
                    == PulledCheck.Decision.RECORD) {
                executor.record(file);
                recorded.add(file.tag());
                listener.fileRecorded(file, file.entry().pulled());
                continue;
            }
            Duration elapsed = executor.run(file);
            ran.add(file.tag());
            listener.fileApplied(file, elapsed);
        }
        MigrationReport report = new MigrationReport(ran, recorded, plan.alreadyApplied(), plan.outOfOrder());
        listener.finished(report);
        return report;
    }

    /** The pulled files pending right after position {@code index}, up to the first that was not pulled. */
    private static List<MigrationFile> pulledRunAfter(List<MigrationFile> pending, int index) {
        int end = index + 1;
        while (end < pending.size() && pending.get(end).entry().isPulled()) {
            end++;
        }
        return pending.subList(index + 1, end);
    }

    /**
     * Unlocks and restores the connection for a pool. A failure here only matters when the
     * migration itself succeeded; otherwise the migration's own exception is the one to report.
     */
    private void release(Connection connection, MigrationDialect dialect, boolean originalAutoCommit, boolean succeeded) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            dialect.unlock(connection, tracking);
            connection.setAutoCommit(originalAutoCommit);
        } catch (SQLException e) {
            if (succeeded) {
                throw new MigrationException("Migrations were applied, but releasing the migration lock failed: "
                        + SqlText.describe(e), e);
            }
        }
    }
}
