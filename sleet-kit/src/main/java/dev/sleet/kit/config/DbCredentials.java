package dev.sleet.kit.config;

import dev.sleet.kit.SleetException;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where the database is and who to log in as. Either the separate fields or a URL
 * ({@code postgresql://user:pass@host:5432/db}). The password never appears in {@link #toString()}
 * or {@link #describe()}, nor in any error built from them.
 */
public record DbCredentials(String host, int port, String user, String password, String database, boolean ssl) {

    public static DbCredentials fromUrl(String url) {
        String text = url.startsWith("jdbc:") ? url.substring(5) : url;
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new SleetException("dbCredentials.url is not a valid URL (expected postgresql://user:password@host:5432/database)");
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new SleetException("dbCredentials.url must start with postgresql:// (found \"" + uri.getScheme() + "://\")");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || path.isEmpty()) {
            throw new SleetException("dbCredentials.url needs a host and a database: postgresql://host:5432/database");
        }
        boolean ssl = uri.getQuery() != null && uri.getQuery().matches(".*(sslmode=(require|verify-ca|verify-full)|ssl=true).*");
        return new DbCredentials(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password, decode(path), ssl);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** For messages: {@code user@host:port/database}, never the password. */
    public String describe() {
        return (user == null ? "" : user + "@") + host + ":" + port + "/" + database;
    }

    /** Driver properties: user, password, ssl and a connect timeout, so an unreachable host fails fast. */
    public Properties properties() {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ssl", Boolean.toString(ssl));
        props.setProperty("connectTimeout", "10");
        props.setProperty("ApplicationName", "sleet");
        return props;
    }

    public Connection connect() {
        try {
            return DriverManager.getConnection(jdbcUrl(), properties());
        } catch (SQLException e) {
            throw new SleetException("Cannot connect to PostgreSQL at " + describe() + ": " + redact(e.getMessage()), e);
        }
    }

    /** Removes the password from a driver message, in case a driver ever echoes it. */
    public String redact(String message) {
        if (message == null) {
            return "";
        }
        return password == null || password.isEmpty() ? message : message.replace(password, "****");
    }

    @Override
    public String toString() {
        return "DbCredentials[" + describe() + (password == null ? "" : ", password=****") + "]";
    }
}
