package dev.sleet.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded PostgreSQL that really checks passwords ({@code scram-sha-256} in its own
 * {@code pg_hba.conf}); the local test server trusts everyone, so a wrong password would pass
 * there. One per test class: {@code @RegisterExtension static final PasswordServer server = new PasswordServer();}
 * starts it before the class and stops it after. Only the superuser {@code postgres} is trusted, so
 * the fixture can create the logins tests use.
 */
final class PasswordServer implements BeforeAllCallback, AfterAllCallback {

    static final String HOST = "127.0.0.1";

    private static final String HBA = """
            local all postgres trust
            host all postgres 127.0.0.1/32 trust
            host all postgres ::1/128 trust
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private final AtomicInteger logins = new AtomicInteger();
    private Path hba;
    private EmbeddedPostgres postgres;

    /** A role that logs in with a password, and a database it owns. */
    record Login(String user, String password, String database, int port) {

        /** {@code user@127.0.0.1:port/database}, as Sleet names a database in messages. */
        String describe() {
            return user + "@" + HOST + ":" + port + "/" + database;
        }

        /** {@code postgresql://user:password@127.0.0.1:port/database}, the password as given (not encoded). */
        String url() {
            return "postgresql://" + user + ":" + password + "@" + HOST + ":" + port + "/" + database;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        hba = Files.createTempFile("sleet-pg_hba", ".conf");
        Files.writeString(hba, HBA);
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("hba_file", hba.toString())
                .setServerConfig("password_encryption", "scram-sha-256")
                .start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } finally {
            Files.deleteIfExists(hba);
        }
    }

    int port() {
        return postgres.getPort();
    }

    /** Creates a new login role with this password and a database it owns. */
    Login login(String password) {
        int n = logins.incrementAndGet();
        String user = "app" + n;
        String database = "shop" + n;
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute(statement(c, "SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', ?::text, ?::text)", user, password));
            st.execute(statement(c, "SELECT format('CREATE DATABASE %I OWNER %I', ?::text, ?::text)", database, user));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Login(user, password, database, port());
    }

    /** The first column of every row, as text, read by the superuser in the given database. */
    List<String> query(String database, String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection c = postgres.getDatabase("postgres", database).getConnection();
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** Runs SQL (several statements allowed) as the superuser in the given database. */
    void execute(String database, String sql) {
        try (Connection c = postgres.getDatabase("postgres", database).getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A statement built by the server from bound values (names quoted with %I, literals with %L). */
    private static String statement(Connection c, String format, String... values) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(format)) {
            for (int i = 0; i < values.length; i++) {
                st.setString(i + 1, values[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
