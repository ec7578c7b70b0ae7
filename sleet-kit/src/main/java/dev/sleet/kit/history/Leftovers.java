package dev.sleet.kit.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sleet.kit.AtomicFiles;
import dev.sleet.migrate.Journal;
import dev.sleet.migrate.JournalEntry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an interrupted {@code generate}, {@code pull} or {@code drop} left in a migrations folder.
 * Such a run changes the folder in an order that makes the journal the commit point: it first
 * writes {@code meta/_writing.json} listing the {@code .sql} files and snapshots it is about to
 * write or delete, then changes them, then writes the journal, and finally deletes the list. A file
 * on the list that the journal does not list is a leftover: the run stopped before its journal, so
 * the history is still the old one and the file is no part of it. So is the list itself, and any
 * temporary file of {@link AtomicFiles}. The next run that writes the folder removes them first.
 *
 * @param files the leftovers, relative to the folder ({@code 0001_x.sql}, {@code meta/0001_snapshot.json})
 */
public record Leftovers(List<String> files) {

    /** The list a run writes first and deletes last, in {@code meta/}. */
    public static final String LIST = "_writing.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** What the list may name: a migration file or a snapshot, never a path out of the folder. */
    private static final Pattern LISTABLE = Pattern.compile("[^/\\\\]+\\.sql|meta/\\d+_snapshot\\.json");

    public Leftovers {
        files = List.copyOf(files);
    }

    /**
     * Finds the leftovers in {@code folder}.
     *
     * @param journal the folder's journal, or null when it has none (then every listed file is a leftover)
     */
    public static Leftovers find(Path folder, Journal journal) {
        List<String> files = new ArrayList<>();
        Path list = list(folder);
        if (Files.isRegularFile(list)) {
            Set<String> committed = new HashSet<>();
            if (journal != null) {
                for (JournalEntry entry : journal.entries()) {
                    committed.add(entry.fileName());
                    committed.add("meta/" + MigrationHistory.snapshotFile(folder, entry.tag()).getFileName());
                }
            }
            for (String file : listed(list)) {
                if (!committed.contains(file) && Files.exists(folder.resolve(file))) {
                    files.add(file);
                }
            }
            files.add("meta/" + LIST);
        }
        AtomicFiles.temporaryFiles(folder).forEach(p -> files.add(p.getFileName().toString()));
        AtomicFiles.temporaryFiles(folder.resolve("meta")).forEach(p -> files.add("meta/" + p.getFileName()));
        return new Leftovers(files);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    public boolean contains(String file) {
        return files.contains(file);
    }

    /** A sentence naming the leftovers and what to do about them. */
    public String describe() {
        boolean one = files.size() == 1;
        // Only the list and temporary files: the run stopped after its journal, or before it changed anything.
        boolean harmless = files.stream().allMatch(f -> f.equals("meta/" + LIST) || f.endsWith(AtomicFiles.TEMPORARY_SUFFIX));
        return String.join(", ", files) + (one ? " was" : " were") + " left by an interrupted `sleet generate`, `pull` or `drop`"
                + (harmless ? "; the history is whole and migrate ignores " + (one ? "it" : "them")
                : ", which stopped before its journal: the history is the one before that run, and migrate ignores "
                + (one ? "this file" : "these files")) + ". The next generate or pull removes " + (one ? "it" : "them")
                + "; or delete " + (one ? "it" : "them");
    }

    /** Deletes the leftovers (a run does so before it writes). */
    void remove(Path folder) {
        for (String file : files) {
            AtomicFiles.delete(folder.resolve(file));
        }
    }

    /** Writes the list of files a run is about to change (relative to {@code folder}); the journal follows them. */
    static void begin(Path folder, List<String> changing) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode array = root.putArray("files");
        changing.forEach(array::add);
        AtomicFiles.write(list(folder), root.toPrettyString() + "\n");
    }

    /** Deletes the list once the journal is written: the run is complete. */
    static void end(Path folder) {
        AtomicFiles.delete(list(folder));
    }

    private static Path list(Path folder) {
        return folder.resolve("meta").resolve(LIST);
    }

    /** The files the list names; a list that cannot be read names none (it is a leftover itself). */
    private static List<String> listed(Path list) {
        List<String> files = new ArrayList<>();
        try {
            JsonNode tree = MAPPER.readTree(Files.readString(list));
            for (JsonNode file : tree == null ? MAPPER.createArrayNode() : tree.path("files")) {
                if (file.isTextual() && LISTABLE.matcher(file.asText()).matches()) {
                    files.add(file.asText());
                }
            }
        } catch (IOException e) {
            // An unreadable list is still removed; what it named is then reported as unlisted files.
        }
        return files;
    }
}
