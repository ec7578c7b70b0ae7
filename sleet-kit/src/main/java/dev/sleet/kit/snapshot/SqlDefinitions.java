package dev.sleet.kit.snapshot;

import java.util.Set;

/**
 * The one normalisation applied to SQL text Sleet compares whole (view definitions): runs of white
 * space outside quoted literals and identifiers become one space, comments go, and so do leading
 * and trailing space and a final semicolon. What is inside quotes is kept exactly, so the result
 * means what the input meant. Also the keywords that, bare, never stand for a name (which the
 * differ needs to read the names a definition mentions).
 */
public final class SqlDefinitions {

    /**
     * Keywords PostgreSQL 15 quotes in its output (every category but unreserved): such a word, bare,
     * is never a name.
     */
    private static final Set<String> QUOTED_KEYWORDS = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
            "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character",
            "check", "coalesce", "collate", "collation", "column", "concurrently", "constraint", "create",
            "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc", "distinct",
            "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign",
            "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in",
            "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is", "isnull",
            "join", "lateral", "leading", "least", "left", "like", "limit", "localtime", "localtimestamp",
            "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric",
            "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing",
            "position", "precision", "primary", "real", "references", "returning", "right", "row", "select",
            "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric", "table",
            "tablesample", "then", "time", "timestamp", "to", "trailing", "treat", "trim", "true", "union",
            "unique", "user", "using", "values", "varchar", "variadic", "verbose", "when", "where", "window",
            "with", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces",
            "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable");

    private SqlDefinitions() {}

    /** Whether a bare (lower-case) word is a keyword that cannot stand for a name. */
    public static boolean isKeyword(String word) {
        return QUOTED_KEYWORDS.contains(word);
    }

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
