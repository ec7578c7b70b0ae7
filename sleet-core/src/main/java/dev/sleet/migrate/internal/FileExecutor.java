package dev.sleet.migrate.internal;

import dev.sleet.migrate.MigrationException;
import dev.sleet.migrate.MigrationFile;
import dev.sleet.migrate.MigrationListener;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Runs one migration file on the locked connection and records it. A transactional file and its
 * tracking row commit together, so a file is either fully applied and recorded or not at all.
 * A non-transactional file runs in autocommit and is recorded only after its last statement.
 */
final class FileExecutor {

    private final Connection connection;
    private final MigrationDialect dialect;
    private final TrackingTable tracking;
    private final MigrationListener listener;

    FileExecutor(Connection connection, MigrationDialect dialect, TrackingTable tracking, MigrationListener listener) {
        this.connection = connection;
        this.dialect = dialect;
        this.tracking = tracking;
        this.listener = listener;
    }

    /** Records a pulled file without running it; the connection is in autocommit. */
    void record(MigrationFile file) {
        try {
            dialect.record(connection, tracking,
                    new TrackingRow(file.tag(), file.hash(), TrackingRow.Mode.RECORDED, null, null, null));
        } catch (SQLException e) {
            throw new MigrationException("Cannot record " + file.fileName() + " in " + dialect.qualifiedName(tracking)
                    + ": " + SqlText.describe(e), e);
        }
    }

    /** Runs and records the file; returns how long its statements took. */
    Duration run(MigrationFile file) throws SQLException {
        List<String> statements = StatementSplitter.split(file.sql(), file.entry().breakpoints(),
                dialect.lexicon(connection), file.fileName());
        boolean inTransaction = file.entry().transaction() && dialect.transactionalDdl();
        listener.fileStarting(file, statements.size());
        if (!inTransaction) {
            listener.outsideTransaction(file);
            return execute(file, statements, false);
        }
        connection.setAutoCommit(false);
        boolean committed = false;
        try {
            Duration elapsed = execute(file, statements, true);
            try {
                connection.commit();
            } catch (SQLException e) {
                // e.g. a deferred constraint checked only at commit
                throw new MigrationException("Migration " + file.fileName() + " failed at commit: " + SqlText.describe(e)
                        + "\nThe file's transaction was rolled back and " + file.tag()
                        + " is not recorded; migrations before it stay applied.", e);
            }
            committed = true;
            return elapsed;
        } finally {
            if (!committed) {
                rollbackQuietly();
            }
            connection.setAutoCommit(true);
        }
    }

    private Duration execute(MigrationFile file, List<String> statements, boolean inTransaction) {
        long start = System.nanoTime();
        for (int i = 0; i < statements.size(); i++) {
            String sql = statements.get(i);
            listener.statementStarting(file, i + 1, statements.size(), sql);
            try (Statement st = connection.createStatement()) {
                // Migration SQL is sent exactly as written: no JDBC {fn ...} escape rewriting.
                st.setEscapeProcessing(false);
                st.execute(sql);
            } catch (SQLException e) {
                throw statementFailed(file, i + 1, statements.size(), sql, e, inTransaction);
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        try {
            dialect.record(connection, tracking, new TrackingRow(file.tag(), file.hash(), TrackingRow.Mode.RUN, null,
                    elapsed.toMillis(), statements.size()));
        } catch (SQLException e) {
            throw new MigrationException("Cannot record " + file.fileName() + " in " + dialect.qualifiedName(tracking)
                    + ": " + SqlText.describe(e)
                    + (inTransaction ? "; the file's transaction was rolled back." : "; its statements did run."), e);
        }
        return elapsed;
    }

    private static MigrationException statementFailed(MigrationFile file, int number, int total, String sql,
                                                      SQLException e, boolean inTransaction) {
        String aftermath = inTransaction
                ? "The file's transaction was rolled back and " + file.tag()
                  + " is not recorded; migrations before it stay applied. Fix the file and migrate again."
                : file.fileName() + " runs outside a transaction: "
                  + (number == 1 ? "no statement of it ran" : "statements 1 to " + (number - 1) + " stay applied")
                  + " and it is not recorded. Make it safe to re-run (e.g. IF NOT EXISTS) or finish it by hand,"
                  + " then migrate again.";
        return new MigrationException("Migration " + file.fileName() + " failed at statement " + number + " of " + total
                + ":\n  " + SqlText.preview(sql) + "\nDatabase error: " + SqlText.describe(e) + "\n" + aftermath, e);
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The original failure is what matters; a connection that cannot roll back is broken
            // and its transaction dies with it.
        }
    }
}
