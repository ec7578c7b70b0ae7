package dev.sleet.migrate.internal;

import dev.sleet.sql.internal.Lexicon;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Everything the migrator needs that differs between databases. The {@link MigrationRun} itself
 * only executes the user's statements and calls these methods, always on the single connection
 * that holds the lock.
 */
public interface MigrationDialect {

    /** The journal's {@code dialect} value this implementation serves, e.g. {@code postgresql}. */
    String name();

    /** Whether a JDBC {@code DatabaseMetaData.getDatabaseProductName()} belongs to this dialect. */
    boolean matchesProduct(String databaseProductName);

    /**
     * Whether DDL can be rolled back. When false, every file runs statement by statement in
     * autocommit, like a {@code "transaction": false} entry.
     */
    boolean transactionalDdl();

    /**
     * How the connected database reads SQL text right now, for splitting files into statements
     * (PostgreSQL: whether backslashes escape in plain strings, by {@code standard_conforming_strings}).
     */
    Lexicon lexicon(Connection connection) throws SQLException;

    /** The tracking table's qualified, quoted name, for SQL and for messages. */
    String qualifiedName(TrackingTable table);

    /**
     * Tries to take the migration lock for {@code table} without waiting.
     * The lock belongs to the connection's session, not to a transaction.
     */
    boolean tryLock(Connection connection, TrackingTable table) throws SQLException;

    /**
     * Takes the migration lock, waiting as long as another holder keeps it. The wait must not hold
     * a snapshot or locks the holder's migrations could wait for.
     */
    void lock(Connection connection, TrackingTable table) throws SQLException;

    /** Releases the lock taken by {@link #tryLock} or {@link #lock}. */
    void unlock(Connection connection, TrackingTable table) throws SQLException;

    /** Creates the tracking schema and table when missing. Called with the lock held, in autocommit. */
    void ensureTrackingTable(Connection connection, TrackingTable table) throws SQLException;

    /** All rows of the tracking table. */
    List<TrackingRow> appliedMigrations(Connection connection, TrackingTable table) throws SQLException;

    /** Inserts one tracking row, in whatever transaction the connection is in. */
    void record(Connection connection, TrackingTable table, TrackingRow row) throws SQLException;

    /** Whether the object a probe names exists right now. */
    boolean exists(Connection connection, ProbeTarget target) throws SQLException;
}
