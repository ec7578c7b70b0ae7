package dev.sleet.migrate.internal;

import java.sql.SQLException;
import java.util.regex.Pattern;

/** Formatting of SQL and database errors for exception messages. */
public final class SqlText {

    static final int PREVIEW_LIMIT = 300;

    // Migrations may create roles; their password literals must not end up in logs.
    private static final Pattern PASSWORD_LITERAL = Pattern.compile("(?i)\\bPASSWORD\\s+'(?:[^']|'')*'");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private SqlText() {
    }

    /** One line, passwords masked, at most {@link #PREVIEW_LIMIT} characters plus a length note. */
    public static String preview(String sql) {
        String line = WHITESPACE.matcher(sql.strip()).replaceAll(" ");
        line = PASSWORD_LITERAL.matcher(line).replaceAll("PASSWORD '***'");
        if (line.length() <= PREVIEW_LIMIT) {
            return line;
        }
        return line.substring(0, PREVIEW_LIMIT) + " ... (" + line.length() + " characters)";
    }

    /** The database's message and SQLSTATE, e.g. {@code ERROR: relation "x" does not exist (SQLSTATE 42P01)}. */
    public static String describe(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        return e.getSQLState() == null ? message : message + " (SQLSTATE " + e.getSQLState() + ")";
    }

    /** The first 12 characters of a hash, enough to tell two apart in a message. */
    public static String shortHash(String hash) {
        return hash == null ? "(none)" : hash.substring(0, Math.min(12, hash.length()));
    }
}
