package dev.sleet.kit.property;

import dev.sleet.kit.dialect.IntrospectOptions;
import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One database for all the tries of a property, on one open connection: creating a database per
 * try would cost more than the try. {@link #reset()} empties it between tries by dropping every
 * schema (public is made again) and the roles the tries created (roles belong to the cluster, so
 * they carry {@link Names#ROLE_PREFIX}, which no other run shares).
 */
final class PropertyDatabase implements AutoCloseable {

    private final TestDatabase database;
    private final Connection connection;

    private PropertyDatabase(TestDatabase database) throws SQLException {
        this.database = database;
        this.connection = database.connect();
    }

    static PropertyDatabase create(String prefix) {
        TestDatabase database = TestDatabase.create(prefix);
        try {
            return new PropertyDatabase(database);
        } catch (SQLException e) {
            database.close();
            throw new IllegalStateException(e);
        }
    }

    /** Drops every schema but the system ones, then makes an empty public as a new database has it. */
    void reset() {
        try (Statement st = connection.createStatement()) {
            StringBuilder sql = new StringBuilder();
            for (String schema : userSchemas()) {
                sql.append("DROP SCHEMA ").append(quote(schema)).append(" CASCADE;");
            }
            // With PostgreSQL's comment, which a snapshot without one means (a public made anew has none).
            sql.append("CREATE SCHEMA public; COMMENT ON SCHEMA public IS 'standard public schema';");
            st.execute(sql.toString());
            dropRoles(st);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reset " + database.name(), e);
        }
    }

    /** Drops this run's roles; nothing depends on them once the schemas (and their policies) are gone. */
    private void dropRoles(Statement st) throws SQLException {
        List<String> roles = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT rolname FROM pg_roles WHERE starts_with(rolname, ?)")) {
            query.setString(1, Names.ROLE_PREFIX);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    roles.add(rs.getString(1));
                }
            }
        }
        for (String role : roles) {
            st.execute("DROP ROLE " + quote(role));
        }
    }

    /** Runs the statements one by one, in autocommit; a failure names the statement and lists them all. */
    void execute(List<String> statements) {
        execute(statements, false);
    }

    /**
     * Runs the statements one by one, in one transaction when {@code transactional} (as the migrator
     * runs a migration file); a failure names the statement and lists them all.
     */
    void execute(List<String> statements, boolean transactional) {
        try (Statement st = connection.createStatement()) {
            connection.setAutoCommit(!transactional);
            for (String sql : statements) {
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    throw new AssertionError("PostgreSQL rejected a generated statement: " + e.getMessage()
                            + "\n  statement: " + sql + "\n  all statements" + (transactional ? " (in one transaction)" : "")
                            + ":\n    " + String.join("\n    ", statements), e);
                }
            }
            if (transactional) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            } catch (SQLException ignored) {
                // the connection is broken; the next use says so
            }
        }
    }

    /** A session setting, "" when not set. */
    String setting(String name) {
        try (PreparedStatement query = connection.prepareStatement("SELECT coalesce(current_setting(?, true), '')")) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void resetSetting(String name) {
        try (PreparedStatement st = connection.prepareStatement("SELECT set_config(?, '', false)")) {
            st.setString(1, name);
            st.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The database as the kit reads it, over every schema it has and the named roles. */
    Snapshot introspect(java.util.Collection<String> roles) {
        try {
            return PostgresDialect.INSTANCE.introspect(connection,
                    new IntrospectOptions(userSchemas(), "sleet", "__sleet_migrations", List.copyOf(roles))).snapshot();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same, read to compare with {@code expected}, as check, pull and push read it: expressions
     * that PostgreSQL prints alike once applied take the expected spelling.
     */
    Snapshot introspect(java.util.Collection<String> roles, Snapshot expected) {
        try {
            return PostgresDialect.INSTANCE.introspect(connection,
                    new IntrospectOptions(userSchemas(), "sleet", "__sleet_migrations", List.copyOf(roles)), expected).snapshot();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> userSchemas() throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
                     + "AND nspname <> 'information_schema' ORDER BY nspname")) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        return schemas;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() {
        try (Statement st = connection.createStatement()) {
            for (String schema : userSchemas()) {
                st.execute("DROP SCHEMA " + quote(schema) + " CASCADE");
            }
            dropRoles(st);
        } catch (SQLException ignored) {
            // dropping the database below is what matters
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the database is dropped next
        }
        database.close();
    }
}
