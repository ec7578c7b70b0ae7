package dev.sleet.sql.internal;

/**
 * What one database's SQL text is made of, as far as telling code from what it quotes goes: which
 * characters open strings and quoted identifiers, which escapes and comments it knows. A
 * description, not code: the {@link Lexer} reads it, so a database is one more constant here.
 *
 * @param name                  the dialect's name, as journals and configs spell it
 * @param stringQuotes          characters that open (and close) a string literal
 * @param identifierQuotes      characters that open a quoted identifier; {@code [} closes with {@code ]}
 *                              and has no escape, the others close with themselves, doubled inside
 * @param backslashEscapes      a backslash escapes the next character in every string literal
 *                              (MySQL; PostgreSQL with {@code standard_conforming_strings} off)
 * @param escapeStrings         {@code E'...'} is a string literal with backslash escapes (PostgreSQL)
 * @param dollarQuotes          {@code $$...$$} and {@code $tag$...$tag$} are string literals (PostgreSQL)
 * @param nestedComments        a block comment inside a block comment needs its own end (PostgreSQL)
 * @param hashComments          {@code #} starts a comment to the end of the line (MySQL)
 * @param dashCommentNeedsSpace {@code --} starts a comment only before white space, a control
 *                              character or the end of the text (MySQL; elsewhere always)
 */
public record Lexicon(String name, String stringQuotes, String identifierQuotes, boolean backslashEscapes,
                      boolean escapeStrings, boolean dollarQuotes, boolean nestedComments, boolean hashComments,
                      boolean dashCommentNeedsSpace) {

    /** PostgreSQL with {@code standard_conforming_strings} on, its default since 9.1. */
    public static final Lexicon POSTGRESQL = new Lexicon("postgresql", "'", "\"", false, true, true, true, false, false);

    /**
     * MySQL and MariaDB in their default SQL mode: {@code "} quotes strings (not identifiers, as it
     * does with {@code ANSI_QUOTES}) and backslashes escape (unless {@code NO_BACKSLASH_ESCAPES}).
     */
    public static final Lexicon MYSQL = new Lexicon("mysql", "'\"", "`", true, false, false, false, true, true);

    /** SQLite: no escapes in strings; {@code "..."}, {@code `...`} and {@code [...]} name things. */
    public static final Lexicon SQLITE = new Lexicon("sqlite", "'", "\"`[", false, false, false, false, false, false);

    /** The lexicon of a dialect named as in a journal: postgresql, mysql, mariadb or sqlite. */
    public static Lexicon forDialect(String dialect) {
        return switch (dialect) {
            case "postgresql" -> POSTGRESQL;
            case "mysql", "mariadb" -> MYSQL;
            case "sqlite" -> SQLITE;
            default -> throw new IllegalArgumentException("No SQL lexicon for the dialect '" + dialect
                    + "' (known: postgresql, mysql, mariadb, sqlite)");
        };
    }

    /** The same lexicon with backslash escapes in plain strings on or off. */
    public Lexicon withBackslashEscapes(boolean escapes) {
        return new Lexicon(name, stringQuotes, identifierQuotes, escapes, escapeStrings, dollarQuotes, nestedComments,
                hashComments, dashCommentNeedsSpace);
    }
}
