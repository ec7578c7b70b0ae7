package dev.sleet.kit.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sleet.kit.Output;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotJson;
import dev.sleet.migrate.Journal;
import dev.sleet.migrate.JournalEntry;
import dev.sleet.migrate.MigrationException;
import dev.sleet.migrate.internal.MigrationText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks that a migrations folder holds together: the journal lists files that exist, every entry
 * has its snapshot in the current format, no file lies around unlisted, and the snapshots form one
 * chain ({@code prevId} of each is the {@code id} of the one before). Two snapshots with the same
 * parent are parallel branches, typically two branches that each generated a migration and were
 * merged; they are reported with the way to fix them.
 */
public final class FolderCheck {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * @param journal   the journal, or null when it is missing or unreadable
     * @param sql       each readable migration file's content, by tag
     * @param snapshots each readable snapshot, by tag
     * @param problems  what is wrong, one sentence each
     * @param leftovers what an interrupted run left, which the next run replaces: not a problem
     */
    public record Result(Journal journal, Map<String, String> sql, Map<String, Snapshot> snapshots, List<String> problems,
                         Leftovers leftovers) {}

    private FolderCheck() {}

    public static Result run(Path folder, String dialect) {
        List<String> problems = new ArrayList<>();
        Map<String, String> sql = new LinkedHashMap<>();
        Map<String, Snapshot> snapshots = new LinkedHashMap<>();
        Leftovers none = new Leftovers(List.of());
        if (!Files.isDirectory(folder)) {
            problems.add("The migrations folder " + folder + " does not exist");
            return new Result(null, sql, snapshots, problems, none);
        }
        Path journalFile = Journal.location(folder);
        if (!Files.exists(journalFile)) {
            Leftovers leftovers = Leftovers.find(folder, null);
            List<String> files = migrationFiles(folder);
            files.removeAll(leftovers.files());
            if (!files.isEmpty()) {
                problems.add(journalMissing(folder, files));
            }
            return new Result(null, sql, snapshots, problems, leftovers);
        }
        Journal journal;
        try {
            journal = Journal.read(journalFile);
        } catch (MigrationException | IllegalArgumentException e) {
            problems.add(e.getMessage() + " (a journal written by drizzle-kit or an older Sleet is converted by `sleet up`)");
            return new Result(null, sql, snapshots, problems, none);
        }
        Leftovers leftovers = Leftovers.find(folder, journal);
        Set<String> sqlFiles = list(folder, ".sql");
        Set<String> snapshotFiles = list(folder.resolve("meta"), "_snapshot.json");
        sqlFiles.removeIf(leftovers::contains);
        snapshotFiles.removeIf(f -> leftovers.contains("meta/" + f));
        if (!journal.dialect().equals(dialect)) {
            problems.add("meta/_journal.json is for dialect " + journal.dialect() + ", but the config says " + dialect);
        }

        Map<Path, String> snapshotOwners = new HashMap<>();
        for (JournalEntry entry : journal.entries()) {
            String tag = entry.tag();
            if (sqlFiles.remove(entry.fileName())) {
                try {
                    sql.put(tag, MigrationText.decode(Files.readAllBytes(folder.resolve(entry.fileName())), entry.fileName()));
                } catch (IOException e) {
                    problems.add("Cannot read " + entry.fileName() + ": " + e.getMessage());
                } catch (MigrationException e) {
                    problems.add(e.getMessage());
                }
            } else {
                problems.add(entry.fileName() + " is listed in the journal but missing; restore it from version control");
            }
            Path snapshotFile = MigrationHistory.snapshotFile(folder, tag);
            String owner = snapshotOwners.putIfAbsent(snapshotFile, tag);
            if (owner != null) {
                problems.add(owner + " and " + tag + " share meta/" + snapshotFile.getFileName() + ": two migrations have the number "
                        + tag.substring(0, Math.max(tag.indexOf('_'), 0)) + " (were two branches merged?). Renumber the later one: "
                        + "rename its .sql file, its snapshot and its journal tag, then run `sleet check` again");
                continue;
            }
            snapshotFiles.remove(snapshotFile.getFileName().toString());
            if (!Files.exists(snapshotFile)) {
                problems.add("meta/" + snapshotFile.getFileName() + " (the schema after " + tag
                        + ") is missing; restore it from version control");
                continue;
            }
            readSnapshot(snapshotFile, tag, problems).ifPresent(s -> snapshots.put(tag, s));
        }
        sqlFiles.forEach(f -> problems.add(f + " is not in the journal, so migrate ignores it: add it to meta/_journal.json "
                + "or delete it (a migration is written by `sleet generate`)"));
        snapshotFiles.forEach(f -> problems.add("meta/" + f + " belongs to no migration in the journal; delete it"));
        chain(journal, snapshots, problems);
        return new Result(journal, sql, snapshots, problems, leftovers);
    }

    /** The {@code .sql} files and snapshots in {@code folder}, relative to it ({@code meta/0000_snapshot.json}). */
    static List<String> migrationFiles(Path folder) {
        List<String> files = new ArrayList<>(list(folder, ".sql"));
        list(folder.resolve("meta"), "_snapshot.json").forEach(f -> files.add("meta/" + f));
        return files;
    }

    /** What to do about migration files whose journal is gone (typically: meta/ was deleted). */
    static String journalMissing(Path folder, List<String> files) {
        return "meta/_journal.json is missing, but " + folder.getFileName() + " holds " + files.size() + " migration file"
                + (files.size() == 1 ? "" : "s") + " (" + Output.names(files) + "): was meta/ deleted? Without the journal they are no "
                + "history: migrate ignores them, and a new one would start at 0000 beside them. Restore meta/ from version "
                + "control to keep that history; or, to start over from the schema code, delete the old migration files too "
                + "(a database that applied them keeps its tracking rows: start it over as well, or keep the old history)";
    }

    private static java.util.Optional<Snapshot> readSnapshot(Path file, String tag, List<String> problems) {
        try {
            JsonNode tree = MAPPER.readTree(Files.readString(file));
            JsonNode version = tree == null ? null : tree.get("version");
            if (version != null && (version.isTextual() || version.isNumber() && version.asInt() < Snapshot.CURRENT_VERSION)) {
                problems.add("meta/" + file.getFileName() + " has snapshot format version " + version
                        + (version.isTextual() ? " (drizzle-kit's)" : "") + ", older than this Sleet's ("
                        + Snapshot.CURRENT_VERSION + "): run `sleet up` to convert it");
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(SnapshotJson.fromJson(Files.readString(file), "meta/" + file.getFileName()));
        } catch (IOException e) {
            problems.add("meta/" + file.getFileName() + " (the snapshot after " + tag + ") cannot be read: " + e.getMessage());
        } catch (SleetException e) {
            problems.add(e.getMessage());
        }
        return java.util.Optional.empty();
    }

    /** Each snapshot's prevId must be the id of the one before it; siblings are parallel branches. */
    private static void chain(Journal journal, Map<String, Snapshot> snapshots, List<String> problems) {
        Map<String, String> tagById = new HashMap<>();
        Map<String, List<String>> childrenByParent = new LinkedHashMap<>();
        for (JournalEntry entry : journal.entries()) {
            Snapshot snapshot = snapshots.get(entry.tag());
            if (snapshot == null) {
                continue;
            }
            String other = tagById.putIfAbsent(snapshot.id(), entry.tag());
            if (other != null) {
                problems.add("The snapshots of " + other + " and " + entry.tag() + " have the same id " + snapshot.id()
                        + " (was a snapshot copied?); every snapshot needs its own id");
            }
            childrenByParent.computeIfAbsent(snapshot.prevId(), k -> new ArrayList<>()).add(entry.tag());
        }
        List<String> latestTags = journal.tags();
        Set<String> reported = new TreeSet<>();
        childrenByParent.forEach((parent, children) -> {
            if (children.size() < 2) {
                return;
            }
            String parentTag = Snapshot.NO_PARENT.equals(parent) ? null : tagById.get(parent);
            String newer = children.get(children.size() - 1);
            List<String> after = latestTags.subList(latestTags.indexOf(newer) + 1, latestTags.size());
            problems.add(String.join(" and ", children) + " both follow " + (parentTag == null ? "an empty database" : parentTag)
                    + ": parallel branches (each generated a migration, then they were merged). " + newer
                    + " was generated without the changes of " + String.join(", ", children.subList(0, children.size() - 1))
                    + ", so the snapshots no longer add up and the next generate would compare against the wrong schema. "
                    + "If " + newer + " is not applied to any database, remove it with `sleet drop`"
                    + (after.isEmpty() ? "" : " (after dropping the later " + String.join(", ", after) + ")")
                    + " and run `sleet generate` again; it then builds on both branches.");
            reported.addAll(children);
        });
        String expected = Snapshot.NO_PARENT;
        String previousTag = null;
        for (JournalEntry entry : journal.entries()) {
            Snapshot snapshot = snapshots.get(entry.tag());
            if (snapshot == null) {
                expected = null;
                previousTag = entry.tag();
                continue;
            }
            if (expected != null && !snapshot.prevId().equals(expected) && !reported.contains(entry.tag())) {
                String parentTag = tagById.get(snapshot.prevId());
                problems.add("The snapshot of " + entry.tag() + " follows "
                        + (parentTag != null ? parentTag : Snapshot.NO_PARENT.equals(snapshot.prevId()) ? "an empty database"
                        : "snapshot id " + snapshot.prevId() + ", which no snapshot has")
                        + ", but the journal puts it after " + (previousTag == null ? "nothing (it is the first)" : previousTag)
                        + ": the migrations were reordered or a snapshot was replaced. Restore the order from version control, "
                        + "or drop the migrations from " + entry.tag() + " on with `sleet drop` and generate them again");
            }
            expected = snapshot.id();
            previousTag = entry.tag();
        }
    }

    private static Set<String> list(Path folder, String suffix) {
        Set<String> names = new TreeSet<>();
        if (!Files.isDirectory(folder)) {
            return names;
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(suffix)).forEach(names::add);
        } catch (IOException e) {
            throw new SleetException("Cannot list " + folder + ": " + e.getMessage());
        }
        return names;
    }
}
