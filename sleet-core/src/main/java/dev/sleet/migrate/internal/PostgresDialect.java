package dev.sleet.migrate.internal;

import dev.sleet.sql.internal.Lexicon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** PostgreSQL: advisory locks, transactional DDL, pg_catalog probes. */
public final class PostgresDialect implements MigrationDialect {

    private static final long MAX_LOCK_POLL_MILLIS = 500;

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean matchesProduct(String databaseProductName) {
        return "PostgreSQL".equalsIgnoreCase(databaseProductName);
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    /** With {@code standard_conforming_strings} off, a backslash escapes in every string, as in E'...'. */
    @Override
    public Lexicon lexicon(Connection connection) throws SQLException {
        return Lexicon.POSTGRESQL.withBackslashEscapes(
                !queryBoolean(connection, "SELECT pg_catalog.current_setting('standard_conforming_strings') = 'on'"));
    }

    @Override
    public String qualifiedName(TrackingTable table) {
        return quote(table.schema()) + "." + quote(table.table());
    }

    // Session-level advisory locks (not pg_advisory_xact_lock): the lock must outlive the
    // per-file transactions and cover the autocommit work (tracking table creation,
    // non-transactional files) as well.

    @Override
    public boolean tryLock(Connection connection, TrackingTable table) throws SQLException {
        return queryBoolean(connection, "SELECT pg_catalog.pg_try_advisory_lock(?)", table.lockKey());
    }

    /**
     * Polls {@code pg_try_advisory_lock} instead of blocking in {@code pg_advisory_lock}. A session
     * blocked inside a statement holds a snapshot, and {@code CREATE INDEX CONCURRENTLY} (run by the
     * lock holder in a non-transactional migration) waits for every older snapshot to go away: the
     * holder would wait for the waiter and the waiter for the holder, a deadlock PostgreSQL breaks
     * by failing one of them. Between polls the waiter holds no snapshot.
     */
    @Override
    public void lock(Connection connection, TrackingTable table) throws SQLException {
        long pauseMillis = 20;
        while (!tryLock(connection, table)) {
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the migration lock", "57014", e);
            }
            pauseMillis = Math.min(pauseMillis * 2, MAX_LOCK_POLL_MILLIS);
        }
    }

    @Override
    public void unlock(Connection connection, TrackingTable table) throws SQLException {
        queryBoolean(connection, "SELECT pg_catalog.pg_advisory_unlock(?)", table.lockKey());
    }

    @Override
    public void ensureTrackingTable(Connection connection, TrackingTable table) throws SQLException {
        // Look in the catalog before CREATE ... IF NOT EXISTS: PostgreSQL checks the CREATE
        // privilege before it notices the object exists, so an application role without CREATE
        // would fail even when the tracking table was set up by an administrator.
        if (!queryBoolean(connection,
                "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?)", table.schema())) {
            execute(connection, "CREATE SCHEMA IF NOT EXISTS " + quote(table.schema()));
        }
        if (!relationExists(connection, table.schema(), table.table(), "'r', 'p'")) {
            execute(connection, "CREATE TABLE IF NOT EXISTS " + qualifiedName(table) + " (\n"
                    + "  tag text PRIMARY KEY,\n"
                    + "  hash text NOT NULL,\n"
                    + "  applied_at timestamptz NOT NULL DEFAULT now(),\n"
                    + "  mode text NOT NULL CHECK (mode IN ('run', 'recorded')),\n"
                    + "  execution_ms bigint,\n"
                    + "  statements integer\n"
                    + ")");
        }
    }

    @Override
    public List<TrackingRow> appliedMigrations(Connection connection, TrackingTable table) throws SQLException {
        String sql = "SELECT tag, hash, mode, applied_at, execution_ms, statements FROM " + qualifiedName(table)
                + " ORDER BY applied_at, tag";
        List<TrackingRow> rows = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                OffsetDateTime appliedAt = rs.getObject(4, OffsetDateTime.class);
                long ms = rs.getLong(5);
                Long executionMs = rs.wasNull() ? null : ms;
                int count = rs.getInt(6);
                Integer statements = rs.wasNull() ? null : count;
                rows.add(new TrackingRow(rs.getString(1), rs.getString(2), TrackingRow.Mode.fromValue(rs.getString(3)),
                        appliedAt == null ? null : appliedAt.toInstant(), executionMs, statements));
            }
        }
        return rows;
    }

    @Override
    public void record(Connection connection, TrackingTable table, TrackingRow row) throws SQLException {
        String sql = "INSERT INTO " + qualifiedName(table)
                + " (tag, hash, mode, execution_ms, statements) VALUES (?, ?, ?, ?, ?)";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, row.tag());
            st.setString(2, row.hash());
            st.setString(3, row.mode().value());
            if (row.executionMs() == null) {
                st.setNull(4, Types.BIGINT);
            } else {
                st.setLong(4, row.executionMs());
            }
            if (row.statements() == null) {
                st.setNull(5, Types.INTEGER);
            } else {
                st.setInt(5, row.statements());
            }
            st.executeUpdate();
        }
    }

    @Override
    public boolean exists(Connection connection, ProbeTarget target) throws SQLException {
        return switch (target.kind()) {
            case TABLE -> relationExists(connection, target.schema(), target.relation(), "'r', 'p', 'f'");
            case INDEX -> relationExists(connection, target.schema(), target.relation(), "'i', 'I'");
            case SEQUENCE -> relationExists(connection, target.schema(), target.relation(), "'S'");
            case VIEW -> relationExists(connection, target.schema(), target.relation(), "'v', 'm'");
            case ROLE -> queryBoolean(connection, "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = ?)",
                    target.relation());
            case SCHEMA -> queryBoolean(connection, "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?)",
                    target.relation());
            case POLICY -> queryBoolean(connection, """
                    SELECT EXISTS (
                      SELECT 1 FROM pg_catalog.pg_policy p
                      JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
                      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = ? AND c.relname = ? AND p.polname = ?)""",
                    target.schema(), target.relation(), target.member());
            case TYPE -> queryBoolean(connection, """
                    SELECT EXISTS (
                      SELECT 1 FROM pg_catalog.pg_type t
                      JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                      WHERE n.nspname = ? AND t.typname = ?)""",
                    target.schema(), target.relation());
            case COLUMN -> queryBoolean(connection, """
                    SELECT EXISTS (
                      SELECT 1 FROM pg_catalog.pg_attribute a
                      JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
                      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = ? AND c.relname = ? AND a.attname = ?
                        AND a.attnum > 0 AND NOT a.attisdropped)""",
                    target.schema(), target.relation(), target.member());
            case CONSTRAINT -> queryBoolean(connection, """
                    SELECT EXISTS (
                      SELECT 1 FROM pg_catalog.pg_constraint k
                      JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
                      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = ? AND c.relname = ? AND k.conname = ?)""",
                    target.schema(), target.relation(), target.member());
        };
    }

    /** relkinds is a fixed literal list chosen by this class, never user input. */
    private static boolean relationExists(Connection connection, String schema, String name, String relkinds)
            throws SQLException {
        return queryBoolean(connection, "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN (" + relkinds + "))", schema, name);
    }

    private static boolean queryBoolean(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    static String quote(String identifier) {
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("identifier contains a NUL character");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
