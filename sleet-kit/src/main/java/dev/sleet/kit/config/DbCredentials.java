package dev.sleet.kit.config;

import dev.sleet.kit.Secrets;
import dev.sleet.kit.SleetException;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Where the database is, who to log in as, and how long to wait for it to answer. Either the
 * separate fields or a URL ({@code postgresql://user:pass@host:5432/db}, or the
 * {@code jdbc:postgresql://host/db?user=...&password=...} form). The password never appears in
 * {@link #toString()} or {@link #describe()}, nor in any error built from them.
 *
 * @param connectTimeout seconds to wait for the server to accept the connection and for the
 *                       login to finish; statements have no time limit
 */
public record DbCredentials(String host, int port, String user, String password, String database, boolean ssl,
                            int connectTimeout) {

    public static final int DEFAULT_PORT = 5432;
    public static final int DEFAULT_CONNECT_TIMEOUT = 30;

    private static final String FORM = "postgresql://user:password@host:5432/database";
    private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    private static final Set<String> SSL_REQUIRED = Set.of("require", "verify-ca", "verify-full");
    private static final List<String> PARAMETERS = List.of("user", "password", "ssl", "sslmode", "connectTimeout",
            "connect_timeout");

    /** Reads a URL; the connect timeout comes from its parameters or is {@value #DEFAULT_CONNECT_TIMEOUT} seconds. */
    public static DbCredentials fromUrl(String url) {
        return fromUrl(url, null);
    }

    /**
     * Reads a URL. Only percent-escapes are decoded ({@code +} is a plus, as psql reads it).
     *
     * @param connectTimeout the config's {@code connectTimeout}, or null; the URL may give it instead, not both
     */
    public static DbCredentials fromUrl(String url, Integer connectTimeout) {
        URI uri;
        try {
            uri = URI.create(url.startsWith("jdbc:") ? url.substring(5) : url);
        } catch (IllegalArgumentException e) {
            // The URL itself is not repeated: it holds the password, and a broken URL cannot be masked reliably.
            throw new SleetException("The database URL is not a valid URL (expected " + FORM + "; escape special "
                    + "characters in the user or password as %XX, e.g. %40 for @)");
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new SleetException("The database URL must start with postgresql:// (found \"" + uri.getScheme() + ":\")");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (uri.getHost() == null || path.isEmpty()) {
            throw new SleetException("The database URL needs a host and a database: " + FORM);
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        Map<String, String> parameters = parameters(uri.getRawQuery());
        user = once("user", user, parameters.get("user"));
        password = once("password", password, parameters.get("password"));
        String timeoutParameter = parameters.containsKey("connectTimeout") ? parameters.get("connectTimeout")
                : parameters.get("connect_timeout");
        if (timeoutParameter != null && connectTimeout != null) {
            throw new SleetException("connectTimeout is given twice: in the database URL and as connectTimeout in [dbCredentials]");
        }
        int timeout = timeoutParameter != null ? seconds(timeoutParameter)
                : connectTimeout != null ? connectTimeout : DEFAULT_CONNECT_TIMEOUT;
        return new DbCredentials(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), user, password,
                decode(path), ssl(parameters), timeout);
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            String[] parts = pair.split("=", 2);
            String key = decode(parts[0]);
            if (!PARAMETERS.contains(key)) {
                throw new SleetException("The database URL has the parameter `" + key + "`, which Sleet does not read; "
                        + "known parameters: " + PARAMETERS);
            }
            if (parameters.put(key, parts.length > 1 ? decode(parts[1]) : "") != null) {
                throw new SleetException("The database URL gives the parameter `" + key + "` twice");
            }
        }
        return parameters;
    }

    /** A value given in the URL's user info or as a parameter, not both. */
    private static String once(String key, String fromUserInfo, String fromParameter) {
        if (fromUserInfo != null && fromParameter != null) {
            throw new SleetException("The database URL gives the " + key + " twice: before the @ and as ?" + key + "=");
        }
        return fromUserInfo != null ? fromUserInfo : fromParameter;
    }

    private static boolean ssl(Map<String, String> parameters) {
        String ssl = parameters.get("ssl");
        if (ssl != null && !ssl.equals("true") && !ssl.equals("false")) {
            throw new SleetException("The database URL's ssl parameter must be true or false (found \"" + ssl + "\")");
        }
        String mode = parameters.get("sslmode");
        if (mode != null && !SSL_MODES.contains(mode)) {
            throw new SleetException("The database URL's sslmode must be one of " + SSL_MODES + " (found \"" + mode + "\")");
        }
        return "true".equals(ssl) || mode != null && SSL_REQUIRED.contains(mode);
    }

    /** Seconds, at least one. */
    private static int seconds(String text) {
        try {
            int seconds = Integer.parseInt(text.trim());
            if (seconds >= 1) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SleetException("connectTimeout must be a whole number of seconds, at least 1 (found \"" + text + "\")");
    }

    /** Percent-decoding only: URLDecoder alone is form decoding, which would read '+' as a space. */
    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    public String jdbcUrl() {
        // pgjdbc form-decodes the database name in its URL; form-encoding gets it there unchanged.
        return "jdbc:postgresql://" + host + ":" + port + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
    }

    /** For messages: {@code user@host:port/database}, never the password. */
    public String describe() {
        return (user == null ? "" : user + "@") + host + ":" + port + "/" + database;
    }

    /** What to mask in messages about this database: its password, and anything that looks like a credential. */
    public Secrets secrets() {
        return Secrets.of(password);
    }

    /**
     * Driver properties: user, password, ssl, and the connect timeout as both pgjdbc's
     * {@code connectTimeout} (the TCP connect) and {@code loginTimeout} (the whole login, so a
     * server that accepts and never answers cannot hang a command). No {@code socketTimeout}:
     * it would limit every read, and a CREATE INDEX on a big table may rightly take hours.
     */
    public Properties properties() {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ssl", Boolean.toString(ssl));
        props.setProperty("connectTimeout", Integer.toString(connectTimeout));
        props.setProperty("loginTimeout", Integer.toString(connectTimeout));
        props.setProperty("ApplicationName", "sleet");
        return props;
    }

    /** Opens a connection, or fails saying which step failed (see {@link ConnectionFailure}). */
    public Connection connect() {
        long start = System.nanoTime();
        try {
            return DriverManager.getConnection(jdbcUrl(), properties());
        } catch (SQLException e) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            throw new SleetException(ConnectionFailure.of(e, elapsed, connectTimeout).message(this, e), e);
        }
    }

    /** Connections from {@link #connect()}, for the Migrator: a failure to connect reads as everywhere else. */
    public DataSource dataSource() {
        return new CredentialsDataSource(this);
    }

    /** A failure after connecting: {@code Cannot <doing> user@host:port/db: <the server's message>}. */
    public SleetException failure(String doing, SQLException e) {
        return new SleetException("Cannot " + doing + " " + describe() + ": " + secrets().mask(e.getMessage()), e);
    }

    @Override
    public String toString() {
        return "DbCredentials[" + describe() + (password == null ? "" : ", password=****") + "]";
    }
}
