package dev.sleet.migrate.internal;

import dev.sleet.migrate.MigrationException;
import dev.sleet.migrate.MigrationFile;
import dev.sleet.sql.internal.Lexer;
import dev.sleet.sql.internal.Lexicon;
import dev.sleet.sql.internal.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a migration file into statements at its breakpoint lines: lines that consist of
 * {@value MigrationFile#BREAKPOINT} (blanks around it allowed) and stand between tokens, never
 * inside a string literal, quoted identifier, dollar-quoted body or comment, as the database's
 * {@link Lexicon} reads them. The file's text is not changed otherwise, so its hash is unaffected.
 */
public final class StatementSplitter {

    private StatementSplitter() {
    }

    /**
     * The statements of a migration file's SQL: with {@code breakpoints}, the pieces between
     * breakpoint lines; without, the whole text as one. Line endings are normalised to LF first (as
     * the hash does, so a checkout with CRLF endings changes nothing, inside literals neither); each
     * piece is trimmed and empty pieces are dropped.
     *
     * @param source names the file in messages
     * @throws MigrationException when a literal or comment the text never closes hides a breakpoint
     *                            line: the statements after it would silently be part of it
     */
    public static List<String> split(String sql, boolean breakpoints, Lexicon lexicon, String source) {
        // A byte order mark (Notepad writes one) is no part of the first statement; the hash keeps it.
        String text = withLfLineEndings(sql.startsWith("\uFEFF") ? sql.substring(1) : sql);
        List<String> pieces = breakpoints ? pieces(text, lexicon, source) : List.of(text);
        List<String> statements = new ArrayList<>();
        for (String piece : pieces) {
            String trimmed = piece.strip();
            if (!trimmed.isEmpty()) {
                statements.add(trimmed);
            }
        }
        return List.copyOf(statements);
    }

    /** The text with CRLF and lone CR turned into LF, as both splitting and hashing read it. */
    public static String withLfLineEndings(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static List<String> pieces(String text, Lexicon lexicon, String source) {
        Lexer tokens = new Lexer(text, lexicon);
        Token token = null;
        List<String> pieces = new ArrayList<>();
        int pieceStart = 0;
        for (int lineStart = 0; lineStart <= text.length(); ) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            while ((token == null || token.end() <= lineStart) && tokens.hasNext()) {
                token = tokens.next();
            }
            Token around = token != null && token.start() < lineStart && lineStart < token.end() ? token : null;
            if (text.substring(lineStart, lineEnd).strip().equals(MigrationFile.BREAKPOINT)) {
                if (around == null || !around.quotes()) {
                    pieces.add(text.substring(pieceStart, lineStart));
                    pieceStart = lineEnd;
                } else if (!around.closed()) {
                    throw new MigrationException("Cannot split " + source + " into statements: "
                            + describe(around.kind()) + " opened on line " + line(text, around.start())
                            + " is never closed, so the statement breakpoint on line " + line(text, lineStart)
                            + " and everything after it would be part of it. Close it, or end the statement before the"
                            + " breakpoint.");
                }
            }
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
        }
        pieces.add(text.substring(pieceStart));
        return pieces;
    }

    private static String describe(Token.Kind kind) {
        return switch (kind) {
            case QUOTED_IDENTIFIER -> "the quoted identifier";
            case LINE_COMMENT, BLOCK_COMMENT -> "the comment";
            case DOLLAR_STRING -> "the dollar-quoted string";
            default -> "the string literal";
        };
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
