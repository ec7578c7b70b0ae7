package dev.sleet.kit.snapshot;

/**
 * The one normalisation applied to SQL text Sleet compares whole (view definitions): runs of white
 * space outside quoted literals and identifiers become one space, comments go, and so do leading
 * and trailing space and a final semicolon. What is inside quotes is kept exactly, so the result
 * means what the input meant.
 */
public final class SqlDefinitions {

    private SqlDefinitions() {}

    public static String normalize(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        boolean space = false;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closing(sql, i, c);
                space = flushSpace(out, space);
                out.append(sql, i, end);
                i = end;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                int end = close < 0 ? n : close + tag.length();
                space = flushSpace(out, space);
                out.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
                space = true;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                space = true;
            } else if (Character.isWhitespace(c)) {
                space = true;
                i++;
            } else {
                space = flushSpace(out, space);
                out.append(c);
                i++;
            }
        }
        String result = out.toString();
        while (result.endsWith(";")) {
            result = result.substring(0, result.length() - 1).stripTrailing();
        }
        return result;
    }

    private static boolean flushSpace(StringBuilder out, boolean space) {
        if (space && out.length() > 0) {
            out.append(' ');
        }
        return false;
    }

    /** The index after the quote that closes the one at {@code start} (a doubled quote stays inside). */
    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        boolean escapes = quote == '\'' && start > 0 && (sql.charAt(start - 1) == 'E' || sql.charAt(start - 1) == 'e');
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (escapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** The dollar-quote tag ({@code $$}, {@code $body$}) starting at {@code start}, or null. */
    private static String dollarTag(String sql, int start) {
        int i = start + 1;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        if (i < sql.length() && sql.charAt(i) == '$' && (i == start + 1 || !Character.isDigit(sql.charAt(start + 1)))) {
            return sql.substring(start, i + 1);
        }
        return null;
    }
}
