/**
 * How SQL text reads, database by database: a {@link dev.sleet.sql.internal.Lexicon} describes a
 * dialect's quotes, escapes and comments, and the {@link dev.sleet.sql.internal.Lexer} cuts text
 * into tokens by it, so that code looking for something in SQL (a statement breakpoint, a literal to
 * re-spell) never finds it inside a string, a quoted name or a comment. Also the JDBC plumbing the
 * public API and the kit share ({@link dev.sleet.sql.internal.ConnectingDataSource}).
 * <strong>Not a supported API:</strong> classes here may change or disappear in any release.
 */
package dev.sleet.sql.internal;
