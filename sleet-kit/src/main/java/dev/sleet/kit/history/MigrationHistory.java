package dev.sleet.kit.history;

import dev.sleet.kit.SleetException;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotJson;
import dev.sleet.migrate.Journal;
import dev.sleet.migrate.JournalEntry;
import dev.sleet.migrate.MigrationFile;
import dev.sleet.migrate.Probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * A migrations folder: {@code NNNN_name.sql} files, {@code meta/NNNN_snapshot.json} after each, and
 * {@code meta/_journal.json} listing them in order. {@code generate} and {@code pull} read the latest
 * snapshot from here and append the next migration.
 */
public final class MigrationHistory {

    private final Path folder;
    private final String dialect;
    private final Journal journal;
    private final Clock clock;
    private final RandomGenerator random;

    private MigrationHistory(Path folder, String dialect, Journal journal, Clock clock, RandomGenerator random) {
        this.folder = folder;
        this.dialect = dialect;
        this.journal = journal;
        this.clock = clock;
        this.random = random;
    }

    public static MigrationHistory open(Path folder, String dialect) {
        return open(folder, dialect, Clock.systemUTC(), RandomGenerator.getDefault());
    }

    public static MigrationHistory open(Path folder, String dialect, Clock clock, RandomGenerator random) {
        Path journalFile = Journal.location(folder);
        Journal journal = Files.exists(journalFile) ? Journal.read(journalFile) : Journal.empty(dialect);
        if (!journal.dialect().equals(dialect)) {
            throw new SleetException(journalFile + " is for dialect " + journal.dialect() + ", but the config says " + dialect);
        }
        return new MigrationHistory(folder, dialect, journal, clock, random);
    }

    public Path folder() {
        return folder;
    }

    public Journal journal() {
        return journal;
    }

    /** The snapshot after the last migration, or an empty one for a new folder. */
    public Snapshot latestSnapshot() {
        if (journal.entries().isEmpty()) {
            return Snapshot.empty(dialect);
        }
        JournalEntry last = journal.entries().get(journal.entries().size() - 1);
        Path file = snapshotFile(last.tag());
        if (!Files.exists(file)) {
            throw new SleetException("The journal lists " + last.tag() + " but its snapshot " + file
                    + " is missing; restore it from version control");
        }
        return SnapshotJson.read(file);
    }

    private Path snapshotFile(String tag) {
        return snapshotFile(folder, tag);
    }

    /** {@code <folder>/meta/NNNN_snapshot.json}: the snapshot after migration {@code tag} ({@code NNNN_...}). */
    public static Path snapshotFile(Path folder, String tag) {
        int underscore = tag.indexOf('_');
        return folder.resolve("meta").resolve((underscore < 0 ? tag : tag.substring(0, underscore)) + "_snapshot.json");
    }

    /**
     * Writes the next migration: its SQL, the snapshot it leads to (chained to the latest one) and
     * its journal entry.
     *
     * @param statements SQL statements, joined with statement breakpoints
     * @param header     comment lines put before the first statement, may be empty
     * @param pulled     probes for a migration written by pull, or null
     */
    public Written append(List<String> statements, String header, Snapshot schema, String name, List<Probe> pulled) {
        Snapshot previous = latestSnapshot();
        String tag = MigrationNames.tag(journal.nextIdx(), name, random);
        Snapshot next = schema.withIdentity(UUID.randomUUID().toString(),
                journal.entries().isEmpty() ? Snapshot.NO_PARENT : previous.id());
        String sql = header + String.join("\n" + MigrationFile.BREAKPOINT + "\n", statements) + "\n";
        Journal updated = journal.append(tag, clock.millis(), true, pulled);
        Path sqlFile = folder.resolve(tag + ".sql");
        try {
            Files.createDirectories(folder.resolve("meta"));
            Files.writeString(sqlFile, sql);
            Files.writeString(snapshotFile(tag), SnapshotJson.toJson(next));
            updated.write(Journal.location(folder));
        } catch (IOException e) {
            throw new SleetException("Cannot write migration " + sqlFile + ": " + e.getMessage());
        }
        return new Written(tag, sqlFile, statements.size(), new MigrationHistory(folder, dialect, updated, clock, random));
    }

    /** What {@link #append} wrote; {@code history} is the folder as it is now. */
    public record Written(String tag, Path sqlFile, int statements, MigrationHistory history) {}
}
