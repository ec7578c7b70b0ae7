package dev.sleet.sql.internal;

import dev.sleet.sql.internal.Token.Kind;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Cuts SQL text into {@link Token}s by a {@link Lexicon}: enough of a lexer to tell where literals,
 * quoted identifiers and comments begin and end, and nothing more (keywords, numbers and operators
 * are words and symbols). Text that ends inside a literal or comment gives a last token that is not
 * {@link Token#closed() closed}; the lexer itself never fails. As an iterator it holds one token at
 * a time, for texts too large to hold as a list of tokens (a migration that loads data).
 */
public final class Lexer implements Iterator<Token> {

    private final String sql;
    private final Lexicon lexicon;
    private Token token;
    private int at;

    /** The tokens of {@code sql}, one by one, covering it without gaps. */
    public Lexer(String sql, Lexicon lexicon) {
        this.sql = sql;
        this.lexicon = lexicon;
    }

    /** The tokens of {@code sql}, in order, covering it without gaps. */
    public static List<Token> tokens(String sql, Lexicon lexicon) {
        List<Token> tokens = new ArrayList<>();
        new Lexer(sql, lexicon).forEachRemaining(tokens::add);
        return List.copyOf(tokens);
    }

    @Override
    public boolean hasNext() {
        return at < sql.length();
    }

    @Override
    public Token next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        scan();
        return token;
    }

    private void scan() {
        int start = at;
        char c = sql.charAt(at);
        if (lexicon.stringQuotes().indexOf(c) >= 0) {
            quoted(Kind.STRING, start, at, c, lexicon.backslashEscapes());
        } else if (lexicon.identifierQuotes().indexOf(c) >= 0) {
            quoted(Kind.QUOTED_IDENTIFIER, start, at, c == '[' ? ']' : c, false);
        } else if (c == '-' && startsLineComment()) {
            lineComment(start);
        } else if (c == '#' && lexicon.hashComments()) {
            lineComment(start);
        } else if (c == '/' && peek(1) == '*') {
            blockComment(start);
        } else if (c == '$' && lexicon.dollarQuotes() && dollarTagEnd(at) > 0) {
            dollarQuoted(start, dollarTagEnd(at));
        } else if (isWordPart(c) && c != '$') {
            word(start);
        } else if (Character.isWhitespace(c)) {
            while (at < sql.length() && Character.isWhitespace(sql.charAt(at))) {
                at++;
            }
            add(Kind.SPACE, start, true);
        } else {
            at++;
            add(Kind.SYMBOL, start, true);
        }
    }

    /** A word, or {@code E'...'} where E stands alone before the quote. */
    private void word(int start) {
        while (at < sql.length() && isWordPart(sql.charAt(at))) {
            at++;
        }
        if (lexicon.escapeStrings() && at - start == 1 && (sql.charAt(start) == 'E' || sql.charAt(start) == 'e')
                && peek(0) == '\'') {
            quoted(Kind.ESCAPE_STRING, start, at, '\'', true);
        } else {
            add(Kind.WORD, start, true);
        }
    }

    /**
     * A quoted token whose opening quote is at {@code quote}: it ends at the next {@code close} that
     * is not doubled (and, with {@code escapes}, not after a backslash).
     */
    private void quoted(Kind kind, int start, int quote, char close, boolean escapes) {
        boolean doubling = close != ']';
        at = quote + 1;
        while (at < sql.length()) {
            char c = sql.charAt(at);
            if (escapes && c == '\\') {
                at = Math.min(at + 2, sql.length());
            } else if (c == close && doubling && peek(1) == close) {
                at += 2;
            } else if (c == close) {
                at++;
                add(kind, start, true);
                return;
            } else {
                at++;
            }
        }
        add(kind, start, false);
    }

    private boolean startsLineComment() {
        if (peek(1) != '-') {
            return false;
        }
        char after = peek(2);
        return !lexicon.dashCommentNeedsSpace() || after == 0 || Character.isWhitespace(after) || Character.isISOControl(after);
    }

    private void lineComment(int start) {
        while (at < sql.length() && sql.charAt(at) != '\n' && sql.charAt(at) != '\r') {
            at++;
        }
        add(Kind.LINE_COMMENT, start, true);
    }

    private void blockComment(int start) {
        int depth = 0;
        while (at < sql.length()) {
            if (sql.startsWith("/*", at) && (depth == 0 || lexicon.nestedComments())) {
                depth++;
                at += 2;
            } else if (sql.startsWith("*/", at)) {
                at += 2;
                if (--depth == 0) {
                    add(Kind.BLOCK_COMMENT, start, true);
                    return;
                }
            } else {
                at++;
            }
        }
        add(Kind.BLOCK_COMMENT, start, false);
    }

    /**
     * Where the opening delimiter of a dollar-quoted string starting at {@code from} ends
     * ({@code $$}, {@code $tag$} with a tag shaped like a name that contains no {@code $}), or -1
     * ({@code $1} is a parameter).
     */
    private int dollarTagEnd(int from) {
        int i = from + 1;
        if (i < sql.length() && isWordPart(sql.charAt(i)) && !Character.isDigit(sql.charAt(i))) {
            while (i < sql.length() && isWordPart(sql.charAt(i)) && sql.charAt(i) != '$') {
                i++;
            }
        }
        return i < sql.length() && sql.charAt(i) == '$' ? i + 1 : -1;
    }

    private void dollarQuoted(int start, int bodyStart) {
        String delimiter = sql.substring(start, bodyStart);
        int close = sql.indexOf(delimiter, bodyStart);
        at = close < 0 ? sql.length() : close + delimiter.length();
        add(Kind.DOLLAR_STRING, start, close >= 0);
    }

    /** Letters and digits of any script, {@code _} and {@code $}: what names and numbers are made of. */
    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c >= 0x80 && !Character.isWhitespace(c);
    }

    private char peek(int offset) {
        int i = at + offset;
        return i < sql.length() ? sql.charAt(i) : 0;
    }

    private void add(Kind kind, int start, boolean closed) {
        token = new Token(kind, start, at, closed);
    }
}
