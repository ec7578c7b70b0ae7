package dev.sleet.migrate;

import dev.sleet.migrate.internal.JournalJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The migrations journal, {@code <out>/meta/_journal.json}: the ordered list of migrations in a
 * folder. Immutable; {@link #append} returns a new journal. {@link #toJson()} is deterministic, so
 * writing the same journal twice gives identical bytes (and clean diffs in review).
 *
 * <pre>{@code
 * Journal journal = Journal.empty("postgresql")
 *         .append("0000_brisk_glacier", System.currentTimeMillis(), true, null);
 * journal.write(Journal.location(out));
 * }</pre>
 */
public record Journal(int version, String dialect, List<JournalEntry> entries) {

    /** The journal format version this Sleet reads and writes. */
    public static final int CURRENT_VERSION = 1;

    public Journal {
        if (version < 1) {
            throw new IllegalArgumentException("journal version must be >= 1, was " + version);
        }
        Objects.requireNonNull(dialect, "dialect");
        if (dialect.isBlank()) {
            throw new IllegalArgumentException("journal dialect must not be blank");
        }
        entries = List.copyOf(entries);
        Set<String> tags = new HashSet<>();
        for (JournalEntry entry : entries) {
            if (!tags.add(entry.tag())) {
                throw new IllegalArgumentException("migration tag " + entry.tag() + " appears twice in the journal");
            }
        }
    }

    /** A journal with no migrations yet. */
    public static Journal empty(String dialect) {
        return new Journal(CURRENT_VERSION, dialect, List.of());
    }

    /** Where the journal lives inside a migrations folder: {@code <folder>/meta/_journal.json}. */
    public static Path location(Path migrationsFolder) {
        return migrationsFolder.resolve("meta").resolve("_journal.json");
    }

    /**
     * Reads a journal file. Unknown fields are ignored.
     *
     * @throws MigrationException if the file is missing or is not a valid journal
     */
    public static Journal read(Path journalFile) {
        try (InputStream in = Files.newInputStream(journalFile)) {
            return JournalJson.parse(in, journalFile.toString());
        } catch (NoSuchFileException e) {
            throw new MigrationException("No migration journal at " + journalFile
                    + " (the migrations folder must contain meta/_journal.json; generate migrations first)");
        } catch (IOException e) {
            throw new MigrationException("Cannot read migration journal " + journalFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a journal from a stream (not closed by this method). Unknown fields are ignored.
     *
     * @throws MigrationException if the content is not a valid journal
     */
    public static Journal read(InputStream in) {
        return JournalJson.parse(in, "migration journal");
    }

    /** The journal as pretty JSON: 2-space indentation, fixed field order, trailing newline. */
    public String toJson() {
        return JournalJson.write(this);
    }

    /** Writes {@link #toJson()} as UTF-8 to {@code journalFile}, creating parent folders. */
    public void write(Path journalFile) {
        try {
            Path parent = journalFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(journalFile, toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write migration journal " + journalFile, e);
        }
    }

    /**
     * A new journal with one more migration at the end ({@code idx} = the next position, breakpoints on).
     *
     * @param transactional false for a file that must run outside a transaction
     * @param pulled        probes for a migration written by {@code sleet pull}, or {@code null}
     */
    public Journal append(String tag, long when, boolean transactional, List<Probe> pulled) {
        return append(new JournalEntry(nextIdx(), tag, when, true, transactional, pulled));
    }

    /** A new journal with {@code entry} at the end. */
    public Journal append(JournalEntry entry) {
        List<JournalEntry> next = new ArrayList<>(entries);
        next.add(entry);
        return new Journal(version, dialect, next);
    }

    /** The {@code idx} the next appended entry gets. */
    public int nextIdx() {
        return entries.stream().mapToInt(JournalEntry::idx).max().orElse(-1) + 1;
    }

    public Optional<JournalEntry> entry(String tag) {
        return entries.stream().filter(e -> e.tag().equals(tag)).findFirst();
    }

    /** The tags in journal order. */
    public List<String> tags() {
        return entries.stream().map(JournalEntry::tag).toList();
    }
}
