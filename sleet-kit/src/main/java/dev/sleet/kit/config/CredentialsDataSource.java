package dev.sleet.kit.config;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The Migrator's view of the configured database: every connection comes from
 * {@link DbCredentials#connect()}, whose failure (a {@code SleetException} saying which step failed)
 * passes through the Migrator unchanged.
 */
record CredentialsDataSource(DbCredentials credentials) implements DataSource {

    @Override
    public Connection getConnection() {
        return credentials.connect();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the user and password come from the Sleet config");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no driver logging
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        throw new SQLFeatureNotSupportedException("the login timeout is connectTimeout in the Sleet config");
    }

    @Override
    public int getLoginTimeout() {
        return credentials.connectTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
