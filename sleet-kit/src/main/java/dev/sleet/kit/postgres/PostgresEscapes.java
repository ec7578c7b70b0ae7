package dev.sleet.kit.postgres;

import dev.sleet.migrate.MigrationFile;
import dev.sleet.sql.internal.Lexer;
import dev.sleet.sql.internal.Lexicon;
import dev.sleet.sql.internal.Token;
import dev.sleet.sql.internal.Token.Kind;

import java.util.List;

/**
 * Statements spelled so that no line break falls inside a value: every string constant and quoted
 * identifier that holds a control character (a line break above all) is written with escapes instead,
 * {@code E'a\nb'} and {@code U&"a\000Ab"}; a dollar-quoted body keeps its lines unless one of them
 * is the statement breakpoint marker; a comment that holds the marker is left out (PostgreSQL reads
 * a comment as white space). The database gets the very same values,
 * while no line of a migration file can be taken for the marker, by Sleet's migrator or by a simpler
 * one. Snapshots keep the catalog's spelling ({@code pg_get_expr} prints a raw line break); only the
 * SQL text written for the database changes.
 */
final class PostgresEscapes {

    private PostgresEscapes() {}

    static String escapeLineBreaks(String statement) {
        List<Token> tokens = Lexer.tokens(statement, Lexicon.POSTGRESQL);
        StringBuilder sql = new StringBuilder(statement.length());
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String text = token.text(statement);
            // B'..', X'..', N'..' and U&'..' mean something else with an E in front: they stay as written.
            boolean prefixed = i > 0 && (tokens.get(i - 1).kind() == Kind.WORD || tokens.get(i - 1).text(statement).equals("&"));
            if (token.isString() && token.closed() && !prefixed) {
                int last = continuationEnd(statement, tokens, i);
                List<Token> segments = tokens.subList(i, last + 1).stream().filter(Token::isString).toList();
                if (segments.stream().anyMatch(segment -> needsEscapes(statement, segment))) {
                    sql.append("E'").append(escapedBody(statement, segments)).append('\'');
                    i = last;
                    continue;
                }
            } else if (token.kind() == Kind.QUOTED_IDENTIFIER && token.closed() && !prefixed && hasControlCharacter(text)) {
                sql.append("U&\"").append(escape(body(statement, token).replace("\"\"", "\""), '"', false)).append('"');
                continue;
            } else if ((token.kind() == Kind.LINE_COMMENT || token.kind() == Kind.BLOCK_COMMENT)
                    && text.contains(MigrationFile.BREAKPOINT)) {
                sql.append(' ');
                continue;
            }
            sql.append(text);
        }
        return sql.toString();
    }

    /**
     * The last token of the string constant that starts at {@code first}: PostgreSQL joins string
     * segments separated by white space with a line break in it (and {@code --} comments), and reads
     * them all as the first one says ({@code E'...'} or plain).
     */
    private static int continuationEnd(String sql, List<Token> tokens, int first) {
        int last = first;
        if (tokens.get(first).kind() == Kind.DOLLAR_STRING) {
            return last;
        }
        int next = last + 1;
        while (next < tokens.size() && tokens.get(next).kind() == Kind.SPACE
                && tokens.get(next).text(sql).chars().anyMatch(c -> c == '\n' || c == '\r')) {
            int k = next;
            while (k < tokens.size() && (tokens.get(k).kind() == Kind.SPACE || tokens.get(k).kind() == Kind.LINE_COMMENT)) {
                k++;
            }
            if (k == tokens.size() || tokens.get(k).kind() != Kind.STRING || !tokens.get(k).closed()) {
                break;
            }
            last = k;
            next = k + 1;
        }
        return last;
    }

    /**
     * Whether a string must be re-spelled: when it holds a control character. A dollar-quoted body
     * is code (a DO block's) more often than a value, and keeps its line breaks and tabs unless one
     * of its lines could be taken for the marker.
     */
    private static boolean needsEscapes(String sql, Token string) {
        String body = body(sql, string);
        if (string.kind() != Kind.DOLLAR_STRING) {
            return hasControlCharacter(body);
        }
        return body.chars().anyMatch(c -> isControl((char) c) && c != '\n' && c != '\t')
                || body.lines().anyMatch(line -> line.strip().equals(MigrationFile.BREAKPOINT));
    }

    /** The text between a quoted token's delimiters. */
    private static String body(String sql, Token token) {
        String text = token.text(sql);
        return switch (token.kind()) {
            case DOLLAR_STRING -> text.substring(text.indexOf('$', 1) + 1, text.length() - text.indexOf('$', 1) - 1);
            case ESCAPE_STRING -> text.substring(2, text.length() - 1);
            default -> text.substring(1, text.length() - 1);
        };
    }

    /** The segments of one string constant as the body of an {@code E'...'} literal with the same value. */
    private static String escapedBody(String sql, List<Token> segments) {
        StringBuilder raw = new StringBuilder();
        segments.forEach(segment -> raw.append(body(sql, segment)));
        return switch (segments.get(0).kind()) {
            // Already escaped text: only raw control characters change, a backslash before one included.
            case ESCAPE_STRING -> escape(raw.toString(), '\'', true);
            case DOLLAR_STRING -> escape(raw.toString(), '\'', false);
            default -> escape(raw.toString().replace("''", "'"), '\'', false);
        };
    }

    /**
     * {@code text} with control characters, backslashes and {@code quote} escaped: as an E-string's
     * body for {@code '}, as a U&amp; identifier's for {@code "}. With {@code alreadyEscaped}, the text is an
     * E-string's body already: its escapes stay, and only raw control characters are escaped.
     */
    private static String escape(String text, char quote, boolean alreadyEscaped) {
        boolean identifier = quote == '"';
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (alreadyEscaped && c == '\\' && i + 1 < text.length() && !isControl(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (alreadyEscaped && c == '\\') {
                // a backslash before a raw control character escapes it to itself
            } else if (c == '\\') {
                out.append("\\\\");
            } else if (c == quote && !alreadyEscaped) {
                out.append(quote).append(quote);
            } else if (isControl(c)) {
                out.append(identifier ? String.format("\\%04X", (int) c) : controlEscape(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String controlEscape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            default -> String.format("\\x%02X", (int) c);
        };
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> isControl((char) c));
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7F;
    }
}
