package dev.sleet.migrate;

import dev.sleet.migrate.internal.StatementSplitter;
import dev.sleet.sql.internal.Lexicon;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A migration's journal entry together with its SQL text, plus the two rules every Sleet tool must
 * agree on: how a file splits into statements and how its content is hashed.
 */
public record MigrationFile(JournalEntry entry, String sql) {

    /** The line that separates statements in a migration file. */
    public static final String BREAKPOINT = "--> statement-breakpoint";

    public MigrationFile {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(sql, "sql");
    }

    public String tag() {
        return entry.tag();
    }

    /** {@code <tag>.sql}, used in every message about the file. */
    public String fileName() {
        return entry.fileName();
    }

    /**
     * The statements to execute, in order, as a database of {@code dialect} (the journal's
     * {@code dialect}, e.g. {@code postgresql}) reads the file; see {@link #statements(String, boolean, String)}.
     */
    public List<String> statements(String dialect) {
        return StatementSplitter.split(sql, entry.breakpoints(), Lexicon.forDialect(dialect), fileName());
    }

    /** SHA-256 of the content with line endings normalised; what the tracking table stores. */
    public String hash() {
        return hash(sql);
    }

    /**
     * Splits migration SQL into statements. With {@code breakpoints}, the text is cut at every line
     * consisting of {@value #BREAKPOINT} (surrounding blanks allowed) that is not inside a string
     * literal, quoted identifier, dollar-quoted string or comment as {@code dialect} reads them; each
     * piece is trimmed and empty pieces are dropped. Without, the whole trimmed file is one statement
     * (none if blank). Line endings are normalised to LF first, like {@link #hash(String)}.
     *
     * @throws MigrationException when a literal or comment that is never closed hides a breakpoint line
     */
    public static List<String> statements(String sql, boolean breakpoints, String dialect) {
        return StatementSplitter.split(sql, breakpoints, Lexicon.forDialect(dialect), "the migration");
    }

    /**
     * Lower-case hex SHA-256 of the UTF-8 content after turning CRLF and lone CR into LF, so a
     * checkout with Windows line endings does not count as a changed migration.
     */
    public static String hash(String sql) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] bytes = StatementSplitter.withLfLineEndings(sql).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(digest.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
