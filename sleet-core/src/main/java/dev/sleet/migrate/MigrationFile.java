package dev.sleet.migrate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
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

    /** The statements to execute, in order. */
    public List<String> statements() {
        return statements(sql, entry.breakpoints());
    }

    /** SHA-256 of the content with line endings normalised; what the tracking table stores. */
    public String hash() {
        return hash(sql);
    }

    /**
     * Splits migration SQL into statements. With {@code breakpoints}, the text is cut at every line
     * consisting of {@value #BREAKPOINT} (surrounding blanks allowed); each piece is trimmed and
     * empty pieces are dropped. Without, the whole trimmed file is one statement (none if blank).
     * Line endings are normalised to LF first, like {@link #hash(String)}.
     */
    public static List<String> statements(String sql, boolean breakpoints) {
        String text = normaliseLineEndings(sql);
        List<String> pieces = new ArrayList<>();
        if (!breakpoints) {
            pieces.add(text);
        } else {
            StringBuilder current = new StringBuilder();
            // split with limit -1 keeps trailing empty lines, so the text round-trips exactly
            for (String line : text.split("\n", -1)) {
                if (line.strip().equals(BREAKPOINT)) {
                    pieces.add(current.toString());
                    current.setLength(0);
                } else {
                    current.append(line).append('\n');
                }
            }
            pieces.add(current.toString());
        }
        List<String> statements = new ArrayList<>();
        for (String piece : pieces) {
            String trimmed = piece.strip();
            if (!trimmed.isEmpty()) {
                statements.add(trimmed);
            }
        }
        return List.copyOf(statements);
    }

    /**
     * Lower-case hex SHA-256 of the UTF-8 content after turning CRLF and lone CR into LF, so a
     * checkout with Windows line endings does not count as a changed migration.
     */
    public static String hash(String sql) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] bytes = normaliseLineEndings(sql).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(digest.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static String normaliseLineEndings(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
