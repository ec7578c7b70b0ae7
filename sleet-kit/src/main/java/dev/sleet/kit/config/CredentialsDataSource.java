package dev.sleet.kit.config;

import dev.sleet.sql.internal.ConnectingDataSource;

import java.sql.Connection;

/**
 * The Migrator's view of the configured database: every connection comes from
 * {@link DbCredentials#connect()}, whose failure (a {@code SleetException} saying which step failed)
 * passes through the Migrator unchanged.
 */
final class CredentialsDataSource extends ConnectingDataSource {

    private final DbCredentials credentials;

    CredentialsDataSource(DbCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Connection getConnection() {
        return credentials.connect();
    }

    @Override
    public int getLoginTimeout() {
        return credentials.connectTimeout();
    }
}
