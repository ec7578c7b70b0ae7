package dev.sleet.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A throw-away database on the local MariaDB (127.0.0.1:3306, root without a password), created for
 * one test and dropped when closed. Override the server with SLEET_TEST_MARIADB_URL (a JDBC URL
 * without a database, e.g. {@code jdbc:mariadb://host:3306/?user=root}).
 */
public final class TestMariaDb implements AutoCloseable {

    private static final String SERVER = System.getenv().getOrDefault("SLEET_TEST_MARIADB_URL",
            "jdbc:mariadb://127.0.0.1:3306/?user=root");

    private final String name;

    private TestMariaDb(String name) {
        this.name = name;
    }

    public static TestMariaDb create(String prefix) {
        String name = prefix + "_" + Long.toHexString(System.nanoTime());
        try (Connection admin = DriverManager.getConnection(SERVER); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + SERVER
                    + " (is MariaDB running?)", e);
        }
        return new TestMariaDb(name);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER.replace("/?", "/" + name + "?"));
    }

    @Override
    public void close() {
        try (Connection admin = DriverManager.getConnection(SERVER); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS `" + name + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test database " + name, e);
        }
    }
}
