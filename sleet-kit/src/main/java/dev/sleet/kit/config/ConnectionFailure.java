package dev.sleet.kit.config;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Which step of opening a connection failed: resolving the host, reaching it, getting an answer in
 * time, logging in, or finding the database. Each names the database ({@code user@host:port/db},
 * never the password) and ends with the driver's or server's own message, unchanged.
 */
enum ConnectionFailure {
    RESOLVE, REFUSED, TIMEOUT, AUTHENTICATE, NO_DATABASE, OTHER;

    /**
     * @param elapsed how long the attempt took: the driver's login timeout leaves no cause to tell it
     *                by, but no attempt outlasts it, so one that took the whole timeout ran into it
     */
    static ConnectionFailure of(SQLException e, Duration elapsed, int timeoutSeconds) {
        if (causedBy(e, UnknownHostException.class)) {
            return RESOLVE;
        }
        if (causedBy(e, ConnectException.class)) {
            return REFUSED;
        }
        if (causedBy(e, SocketTimeoutException.class) || elapsed.compareTo(Duration.ofSeconds(timeoutSeconds)) >= 0) {
            return TIMEOUT;
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        // 28xxx: invalid authorization (wrong password, unknown role); 08004: the server rejected the
        // login, or the driver had no password to give.
        if (state.startsWith("28") || state.equals("08004")) {
            return AUTHENTICATE;
        }
        return state.equals("3D000") ? NO_DATABASE : OTHER;
    }

    String message(DbCredentials db, SQLException e) {
        String where = db.describe();
        String step = switch (this) {
            case RESOLVE -> "Cannot resolve the host name of " + where;
            case REFUSED -> "Cannot connect to " + where + " (connection refused)";
            case TIMEOUT -> "Timed out after " + db.connectTimeout() + " s connecting to " + where
                    + " (no answer from " + db.host() + "; connectTimeout in [dbCredentials] or the URL sets the limit)";
            case AUTHENTICATE -> "Cannot authenticate to " + where;
            case NO_DATABASE -> "Cannot open " + where + " (the database does not exist)";
            case OTHER -> "Cannot connect to " + where;
        };
        return step + ": " + db.secrets().mask(driverMessage(e));
    }

    /**
     * The driver's message, followed by the network error under it: an unknown host says only "The
     * connection attempt failed". A refused connection's message already says it was refused.
     */
    private String driverMessage(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        Throwable cause = e.getCause();
        return cause == null || cause instanceof SQLException || this == REFUSED ? message
                : message + " (" + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
