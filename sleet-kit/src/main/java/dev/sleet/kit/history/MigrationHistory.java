package dev.sleet.kit.history;

import dev.sleet.kit.AtomicFiles;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotJson;
import dev.sleet.migrate.Journal;
import dev.sleet.migrate.JournalEntry;
import dev.sleet.migrate.MigrationFile;
import dev.sleet.migrate.Probe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        if (!Files.exists(journalFile)) {
            // Files without their journal are a history that lost it: a new one must not start beside them.
            List<String> files = FolderCheck.migrationFiles(folder);
            files.removeAll(Leftovers.find(folder, null).files());
            if (!files.isEmpty()) {
                throw new SleetException(FolderCheck.journalMissing(folder, files) + " Nothing was written.");
            }
        }
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

    /** What an interrupted run left in the folder (see {@link Leftovers}); the next {@link #append} removes it. */
    public Leftovers leftovers() {
        return Leftovers.find(folder, Files.exists(Journal.location(folder)) ? journal : null);
    }

    /** Removes what an interrupted run left, and returns it. */
    public Leftovers removeLeftovers() {
        Leftovers leftovers = leftovers();
        leftovers.remove(folder);
        return leftovers;
    }

    /**
     * One migration to append.
     *
     * @param statements    SQL statements, joined with statement breakpoints
     * @param header        comment lines put before the first statement, may be empty
     * @param schema        the schema after it
     * @param name          replaces the random words of the tag (--name), or null
     * @param pulled        probes for a migration written by pull, or null
     * @param transactional false marks the journal entry {@code "transaction": false}, for statements
     *                      PostgreSQL will not run in a transaction block ({@code CREATE INDEX CONCURRENTLY})
     */
    public record Draft(List<String> statements, String header, Snapshot schema, String name, List<Probe> pulled,
                        boolean transactional) {
        public Draft {
            statements = List.copyOf(statements);
        }
    }

    /** Writes the next migration: its SQL, the snapshot it leads to (chained to the latest one) and its journal entry. */
    public Written append(List<String> statements, String header, Snapshot schema, String name, List<Probe> pulled) {
        return append(statements, header, schema, name, pulled, true);
    }

    /** As {@link #append(List, String, Snapshot, String, List)}, in a transaction or not. */
    public Written append(List<String> statements, String header, Snapshot schema, String name, List<Probe> pulled,
                          boolean transactional) {
        return append(List.of(new Draft(statements, header, schema, name, pulled, transactional))).get(0);
    }

    /**
     * Writes the next migrations, in order, as one change of the folder: first what an interrupted
     * run left is removed, then the list of files about to be written (see {@link Leftovers}), each
     * {@code .sql} file and snapshot, and the journal last — the commit point: a crash before it
     * leaves the old history (and leftovers the next run replaces), a crash after it the new one.
     * Every file is replaced atomically ({@link AtomicFiles}).
     */
    public List<Written> append(List<Draft> drafts) {
        Snapshot previous = latestSnapshot();
        Journal updated = journal;
        Map<Path, String> files = new LinkedHashMap<>();
        List<String> tags = new ArrayList<>();
        for (Draft draft : drafts) {
            String tag = MigrationNames.tag(updated.nextIdx(), draft.name(), random);
            Snapshot next = draft.schema().withIdentity(UUID.randomUUID().toString(),
                    updated.entries().isEmpty() ? Snapshot.NO_PARENT : previous.id());
            files.put(folder.resolve(tag + ".sql"),
                    draft.header() + String.join("\n" + MigrationFile.BREAKPOINT + "\n", draft.statements()) + "\n");
            files.put(snapshotFile(tag), SnapshotJson.toJson(next));
            updated = updated.append(tag, clock.millis(), draft.transactional(), draft.pulled());
            tags.add(tag);
            previous = next;
        }
        removeLeftovers();
        Leftovers.begin(folder, files.keySet().stream().map(f -> folder.relativize(f).toString().replace('\\', '/')).toList());
        files.forEach(AtomicFiles::write);
        AtomicFiles.write(Journal.location(folder), updated.toJson());
        Leftovers.end(folder);
        MigrationHistory history = new MigrationHistory(folder, dialect, updated, clock, random);
        List<Written> written = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            written.add(new Written(tags.get(i), folder.resolve(tags.get(i) + ".sql"), drafts.get(i).statements().size(), history));
        }
        return written;
    }

    /**
     * Removes the latest migration — its journal entry first (the commit point), then its
     * {@code .sql} file and snapshot — and returns the files removed, relative to the folder.
     */
    public List<String> removeLatest() {
        List<JournalEntry> remaining = new ArrayList<>(journal.entries());
        JournalEntry last = remaining.remove(remaining.size() - 1);
        List<String> files = List.of(last.fileName(), "meta/" + snapshotFile(last.tag()).getFileName());
        removeLeftovers();
        Leftovers.begin(folder, files);
        AtomicFiles.write(Journal.location(folder), new Journal(journal.version(), journal.dialect(), remaining).toJson());
        List<String> removed = files.stream().filter(f -> AtomicFiles.delete(folder.resolve(f))).toList();
        Leftovers.end(folder);
        return removed;
    }

    /** What {@link #append} wrote; {@code history} is the folder as it is now. */
    public record Written(String tag, Path sqlFile, int statements, MigrationHistory history) {}
}
