package dev.sleet.sql;

import dev.sleet.dialect.Dialect;
import dev.sleet.dialect.PostgresDialect;

import dev.sleet.sql.internal.ConnectingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * The entry point: {@code Database db = Database.connect(dataSource);} then
 * {@code db.select(TASKS.name).from(TASKS).fetchValues()}. Immutable and thread-safe; each
 * statement borrows a connection from the data source and returns it, unless it runs inside
 * {@link #transaction}. Give it a pool (HikariCP or any) in applications; {@link #connect(String)}
 * opens a connection per statement, for scripts.
 */
public final class Database extends Session {

    private final DataSource dataSource;

    private Database(DataSource dataSource, Dialect dialect, Settings settings) {
        super(dialect, settings);
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** A PostgreSQL database behind a data source. */
    public static Database connect(DataSource dataSource) {
        return connect(dataSource, PostgresDialect.INSTANCE);
    }

    public static Database connect(DataSource dataSource, Dialect dialect) {
        return new Database(dataSource, dialect, new Settings(false, false));
    }

    /** A database reached by JDBC URL, a new connection per statement or transaction (for scripts and tools). */
    public static Database connect(String jdbcUrl) {
        return connect(jdbcUrl, new Properties());
    }

    /** With driver properties ({@code user}, {@code password}, ...). */
    public static Database connect(String jdbcUrl, Properties properties) {
        return connect(new UrlDataSource(jdbcUrl, properties));
    }

    /** A copy whose errors (message and {@link DataAccessException#values()}) include the bound values. */
    public Database withValuesInErrors(boolean include) {
        return new Database(dataSource, dialect, new Settings(include, settings.logValues()));
    }

    /** A copy that logs bound values with each statement (logger {@code dev.sleet.sql}, level DEBUG). */
    public Database withValuesInLogs(boolean include) {
        return new Database(dataSource, dialect, new Settings(settings.valuesInErrors(), include));
    }

    @Override
    <R> R withConnection(ConnectionWork<R> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        }
    }

    @Override
    public <R> R transaction(TransactionOptions options, TransactionWork<R> work) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw failure(null, e);
        }
        try (connection) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            boolean readOnly = connection.isReadOnly();
            try {
                if (options.isolation() != null) {
                    connection.setTransactionIsolation(options.isolation().jdbc);
                }
                if (options.isReadOnly()) {
                    connection.setReadOnly(true);
                }
                connection.setAutoCommit(false);
                Transaction tx = new Transaction(connection, dialect, settings);
                R result;
                try {
                    result = tx.run(work);
                } catch (Throwable e) {
                    tx.close();
                    rollback(connection, e);
                    throw Transaction.unchecked(e);
                }
                tx.close();
                connection.commit();
                return result;
            } finally {
                connection.setAutoCommit(autoCommit);
                if (options.isReadOnly()) {
                    connection.setReadOnly(readOnly);
                }
                if (options.isolation() != null) {
                    connection.setTransactionIsolation(isolation);
                }
            }
        } catch (SQLException e) {
            throw failure(null, e);
        }
    }

    @Override
    Connection openStream() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** The stream's own transaction only read: it ends with a commit (a cursor over a data-modifying CTE keeps its changes). */
    @Override
    void closeStream(Connection connection) throws SQLException {
        try (connection) {
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** DriverManager behind the DataSource interface; credentials stay in the properties, never in messages. */
    private static final class UrlDataSource extends ConnectingDataSource {
        private final String url;
        private final Properties properties;

        UrlDataSource(String url, Properties properties) {
            this.url = url;
            this.properties = properties;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, properties);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            Properties withUser = new Properties();
            withUser.putAll(properties);
            withUser.setProperty("user", username);
            withUser.setProperty("password", password);
            return DriverManager.getConnection(url, withUser);
        }

        @Override
        public String toString() {
            return url;
        }
    }
}
