package dev.sleet.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A throw-away PostgreSQL database on the local server (127.0.0.1:5432, trust auth), created for one
 * test and dropped after it. Override the server with SLEET_TEST_PG_HOST / SLEET_TEST_PG_PORT /
 * SLEET_TEST_PG_USER.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String HOST = env("SLEET_TEST_PG_HOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(env("SLEET_TEST_PG_PORT", "5432"));
    public static final String USER = env("SLEET_TEST_PG_USER", "postgres");

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    /** Creates a fresh, empty database whose name starts with the given prefix. */
    public static TestDatabase create(String prefix) {
        // PostgreSQL cuts names at 63 bytes: shorten the prefix, never the unique suffix.
        String base = prefix.toLowerCase().replaceAll("[^a-z0-9_]", "_");
        String name = base.substring(0, Math.min(base.length(), 40)) + "_" + Long.toHexString(System.nanoTime())
                + Integer.toHexString((int) (Math.random() * 0xffff));
        try (Connection admin = connect("postgres"); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + HOST + ":" + PORT
                    + " (is PostgreSQL running?)", e);
        }
        return new TestDatabase(name);
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    public Connection connect() throws SQLException {
        return connect(name);
    }

    /** Runs SQL (several statements allowed) on this database. */
    public void execute(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public javax.sql.DataSource dataSource() {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setServerNames(new String[] {HOST});
        ds.setPortNumbers(new int[] {PORT});
        ds.setDatabaseName(name);
        ds.setUser(USER);
        return ds;
    }

    private static Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + database, props);
    }

    @Override
    public void close() {
        try (Connection admin = connect("postgres"); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test database " + name, e);
        }
    }

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }
}
