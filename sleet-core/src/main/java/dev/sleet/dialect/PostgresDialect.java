package dev.sleet.dialect;

import dev.sleet.migrate.internal.MigrationDialect;
import dev.sleet.migrate.internal.ProbeTarget;
import dev.sleet.migrate.internal.TrackingRow;
import dev.sleet.migrate.internal.TrackingTable;
import dev.sleet.schema.Column;
import dev.sleet.schema.DataType;

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

/**
 * PostgreSQL, the one object Sleet has for it at run time: identifier quoting, literals, value
 * binding and the SQL forms the query renderer asks about ({@link Dialect}), and the migrator's
 * advisory lock, tracking table and catalog probes ({@link MigrationDialect}). The kit's DDL
 * dialect builds on this object.
 */
public final class PostgresDialect implements Dialect, MigrationDialect {

    public static final PostgresDialect INSTANCE = new PostgresDialect();

    private final Binders binders = new Binders(this);

    private PostgresDialect() {
    }

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
            case COLLATION -> queryBoolean(connection, """
                    SELECT EXISTS (
                      SELECT 1 FROM pg_catalog.pg_collation k
                      JOIN pg_catalog.pg_namespace n ON n.oid = k.collnamespace
                      WHERE n.nspname = ? AND k.collname = ?)""",
                    target.schema(), target.relation());
            case TEXT_SEARCH_CONFIGURATION -> queryBoolean(connection, """
                    SELECT EXISTS (
                      SELECT 1 FROM pg_catalog.pg_ts_config k
                      JOIN pg_catalog.pg_namespace n ON n.oid = k.cfgnamespace
                      WHERE n.nspname = ? AND k.cfgname = ?)""",
                    target.schema(), target.relation());
            case TEXT_SEARCH_DICTIONARY -> queryBoolean(connection, """
                    SELECT EXISTS (
                      SELECT 1 FROM pg_catalog.pg_ts_dict k
                      JOIN pg_catalog.pg_namespace n ON n.oid = k.dictnamespace
                      WHERE n.nspname = ? AND k.dictname = ?)""",
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
            case ROUTINE -> queryBoolean(connection, """
                    SELECT EXISTS (
                      SELECT 1 FROM pg_catalog.pg_proc p
                      JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                      WHERE n.nspname = ? AND p.proname = ? AND pg_catalog.pg_get_function_arguments(p.oid) = ?)""",
                    target.schema(), target.relation(), target.member());
            case TRIGGER -> queryBoolean(connection, """
                    SELECT EXISTS (
                      SELECT 1 FROM pg_catalog.pg_trigger t
                      JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
                      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = ? AND c.relname = ? AND t.tgname = ?)""",
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

    // ---- the query side -----------------------------------------------------------------------

    @Override
    public String quote(String identifier) {
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("identifier contains a NUL character");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public void quote(StringBuilder out, String identifier) {
        out.append('"');
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (c == '"') {
                out.append('"');
            } else if (c == '\0') {
                throw new IllegalArgumentException("identifier contains a NUL character");
            }
            out.append(c);
        }
        out.append('"');
    }

    @Override
    public String stringLiteral(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("PostgreSQL text cannot contain a NUL character");
        }
        // standard_conforming_strings is on by default since 9.1: a backslash is an ordinary character.
        return "'" + text.replace("'", "''") + "'";
    }

    @Override
    public boolean supports(Feature feature) {
        return true;
    }

    @Override
    public void renderLimitOffset(StringBuilder sql, Integer limit, Integer offset) {
        if (limit != null) {
            sql.append(" limit ").append((int) limit);
        }
        if (offset != null) {
            sql.append(" offset ").append((int) offset);
        }
    }

    @Override
    public <T> Binder<T> binder(Column<T> column) {
        return binders.of(column);
    }

    @Override
    public <T> Binder<T> binder(DataType<T> type) {
        return binders.of(type);
    }

    /** SQLState classes from PostgreSQL's errcodes (Appendix A). */
    @Override
    public ErrorKind errorKind(String sqlState) {
        if (sqlState == null) {
            return ErrorKind.OTHER;
        }
        return switch (sqlState) {
            case "23505" -> ErrorKind.UNIQUE_VIOLATION;
            case "23503" -> ErrorKind.FOREIGN_KEY_VIOLATION;
            case "23502" -> ErrorKind.NOT_NULL_VIOLATION;
            case "23514" -> ErrorKind.CHECK_VIOLATION;
            case "23P01" -> ErrorKind.EXCLUSION_VIOLATION;
            case "40001" -> ErrorKind.SERIALIZATION_FAILURE;
            case "40P01" -> ErrorKind.DEADLOCK;
            case "55P03" -> ErrorKind.LOCK_NOT_AVAILABLE;
            default -> sqlState.startsWith("08") ? ErrorKind.CONNECTION : ErrorKind.OTHER;
        };
    }

    @Override
    public String arrayElementType(String sqlType) {
        String base = sqlType.substring(0, sqlType.length() - 2);
        int paren = base.indexOf('(');
        return paren < 0 ? base : base.substring(0, paren);
    }
}
