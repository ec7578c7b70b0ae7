package dev.sleet.sql.internal;

/**
 * A stretch of SQL text, {@code [start, end)}, of one kind. Tokens from {@link Lexer#tokens} cover
 * the text without gaps.
 *
 * @param closed false for a literal, quoted identifier or block comment that the text ends inside
 */
public record Token(Kind kind, int start, int end, boolean closed) {

    public enum Kind {
        /** Letters, digits, {@code _} and {@code $}: a keyword, a name or a number. */
        WORD,
        /** White space. */
        SPACE,
        /** Any other single character: an operator, a parenthesis, {@code ;}. */
        SYMBOL,
        /** {@code '...'} (and {@code "..."} where that is a string). */
        STRING,
        /** {@code E'...'}: a string with backslash escapes, whatever the lexicon's plain strings do. */
        ESCAPE_STRING,
        /** {@code $tag$...$tag$}. */
        DOLLAR_STRING,
        /** {@code "..."}, {@code `...`} or {@code [...]}. */
        QUOTED_IDENTIFIER,
        /** {@code -- ...} or {@code # ...}, up to the end of the line (the line break is not part of it). */
        LINE_COMMENT,
        /** A block comment, from slash-star to star-slash. */
        BLOCK_COMMENT
    }

    public String text(String sql) {
        return sql.substring(start, end);
    }

    /** Whether the token is one whose content is not SQL: a literal, a quoted identifier or a comment. */
    public boolean quotes() {
        return kind != Kind.WORD && kind != Kind.SPACE && kind != Kind.SYMBOL;
    }

    /** Whether the token is a string constant of any spelling. */
    public boolean isString() {
        return kind == Kind.STRING || kind == Kind.ESCAPE_STRING || kind == Kind.DOLLAR_STRING;
    }
}
