package dev.sleet.kit.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sleet.kit.AtomicFiles;
import dev.sleet.kit.Output;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.history.MigrationHistory;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotJson;
import dev.sleet.kit.upgrade.SnapshotUpgrades;
import dev.sleet.migrate.Journal;
import dev.sleet.migrate.JournalEntry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code sleet up}: brings every snapshot (and the journal) of the migrations folder to the current
 * format, through the steps of {@link SnapshotUpgrades}. A folder written by drizzle-kit is
 * converted into a Sleet one: snapshots, journal, statement breakpoints on lines of their own, and
 * each migration gets probes (as pulled migrations have), so that {@code sleet migrate} records it on
 * a database drizzle-kit already migrated and runs it on a new one. Files are rewritten only when
 * their content changes; running it again changes nothing.
 */
public final class Up {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern INLINE_BREAKPOINT = Pattern.compile("(?m)^(.*\\S)[ \\t]*--> statement-breakpoint[ \\t]*$");
    private static final String DRIZZLE_PULL_HEADER = "-- Current sql file was generated after introspecting the database";
    private static final String PULLED_HEADER = "-- Pulled by drizzle-kit from an existing database, converted by sleet up. `sleet migrate`\n"
            + "-- records this file without running it where its objects already exist, and runs it on a database without them.\n";

    /** The files rewritten (relative to the config's folder) and what could not be carried over. */
    public record Result(List<String> rewritten, List<String> warnings) {}

    private Up() {}

    public static Result run(SleetConfig config, Output out) {
        Path folder = config.out();
        Path journalFile = Journal.location(folder);
        if (!Files.exists(journalFile)) {
            out.info("Nothing to upgrade: " + Pull.relative(config, folder) + " has no meta/_journal.json");
            return new Result(List.of(), List.of());
        }
        JsonNode journalTree = readTree(journalFile);
        JsonNode journalVersion = journalTree.get("version");
        boolean drizzle = journalVersion != null && journalVersion.isTextual();
        if (!drizzle && journalVersion != null && journalVersion.asInt() > Journal.CURRENT_VERSION) {
            throw new SleetException(journalFile + " has journal version " + journalVersion + ", newer than this Sleet understands: upgrade Sleet");
        }
        List<JsonNode> entries = new ArrayList<>();
        journalTree.path("entries").forEach(entries::add);

        List<String> warnings = new ArrayList<>();
        List<String> rewritten = new ArrayList<>();
        Map<String, String> newIds = new HashMap<>();
        Map<String, Snapshot> snapshots = new LinkedHashMap<>();
        Map<Path, String> contents = new LinkedHashMap<>();
        Map<Path, String> why = new HashMap<>();
        boolean first = true;
        for (JsonNode entry : entries) {
            String tag = entry.path("tag").asText();
            Path file = MigrationHistory.snapshotFile(folder, tag);
            if (!Files.exists(file)) {
                throw new SleetException("meta/" + file.getFileName() + " (the snapshot after " + tag + ") is missing; "
                        + "`sleet check` lists what else is wrong");
            }
            JsonNode tree = readTree(file);
            if (!(tree instanceof ObjectNode object)) {
                throw new SleetException(file + " is not a JSON object");
            }
            List<String> fileWarnings = new ArrayList<>();
            List<String> steps = new ArrayList<>();
            ObjectNode upgraded;
            try {
                upgraded = SnapshotUpgrades.upgrade(object, fileWarnings, steps);
            } catch (SleetException e) {
                throw new SleetException("meta/" + file.getFileName() + ": " + e.getMessage(), e);
            }
            fileWarnings.forEach(w -> warnings.add("meta/" + file.getFileName() + ": " + w));
            if (!steps.isEmpty()) {
                // drizzle-kit gives a pulled snapshot the all-zero id, which Sleet reserves for "no parent".
                String id = upgraded.path("id").asText();
                if (id.isEmpty() || id.equals(Snapshot.NO_PARENT) || newIds.containsValue(id)) {
                    String fresh = UUID.nameUUIDFromBytes(("sleet up " + tag).getBytes(StandardCharsets.UTF_8)).toString();
                    newIds.put(id, fresh);
                    upgraded.put("id", fresh);
                }
            }
            String prevId = upgraded.path("prevId").asText();
            if (first && prevId.isEmpty()) {
                upgraded.put("prevId", Snapshot.NO_PARENT);
            } else if (newIds.containsKey(prevId) && !(first && prevId.equals(Snapshot.NO_PARENT))) {
                upgraded.put("prevId", newIds.get(prevId));
            }
            first = false;
            Snapshot snapshot = SnapshotJson.fromJson(upgraded.toString(), "meta/" + file.getFileName());
            snapshots.put(tag, snapshot);
            String json = SnapshotJson.toJson(snapshot);
            if (!json.equals(read(file))) {
                contents.put(file, json);
                why.put(file, steps.isEmpty() ? "ids relinked" : String.join(", ", steps));
            }
        }

        if (drizzle) {
            List<JournalEntry> converted = new ArrayList<>();
            Snapshot previous = Snapshot.empty(config.dialect());
            int idx = 0;
            for (JsonNode entry : entries) {
                String tag = entry.path("tag").asText();
                Snapshot snapshot = snapshots.get(tag);
                converted.add(new JournalEntry(idx++, tag, entry.path("when").asLong(0), entry.path("breakpoints").asBoolean(true),
                        true, Probes.of(Differ.diff(previous, snapshot))));
                previous = snapshot;
                Path sqlFile = folder.resolve(tag + ".sql");
                if (Files.exists(sqlFile)) {
                    String sql = read(sqlFile);
                    String normalised = sqlFromDrizzle(sql);
                    if (!normalised.equals(sql)) {
                        contents.put(sqlFile, normalised);
                        why.put(sqlFile, sql.startsWith(DRIZZLE_PULL_HEADER) ? "drizzle-kit's commented-out pulled SQL made runnable"
                                : "statement breakpoints put on lines of their own");
                    }
                }
            }
            Journal journal = new Journal(Journal.CURRENT_VERSION, journalTree.path("dialect").asText(config.dialect()), converted);
            contents.put(journalFile, journal.toJson());
            why.put(journalFile, "drizzle-kit journal -> Sleet journal; each migration carries probes, so migrate records it "
                    + "where drizzle-kit already applied it");
        }

        for (Map.Entry<Path, String> file : contents.entrySet()) {
            AtomicFiles.write(file.getKey(), file.getValue());
            String name = Pull.relative(config, file.getKey());
            rewritten.add(name);
            out.info("Rewrote " + name + " (" + why.get(file.getKey()) + ")");
        }
        warnings.forEach(out::warn);
        if (rewritten.isEmpty()) {
            out.info("Everything in " + Pull.relative(config, folder) + " is in the current format (snapshot version "
                    + Snapshot.CURRENT_VERSION + "); nothing rewritten");
        }
        return new Result(rewritten, warnings);
    }

    /** drizzle-kit's SQL in Sleet's form: breakpoints on lines of their own, a pulled file's SQL uncommented. */
    static String sqlFromDrizzle(String sql) {
        String text = sql.replace("\r\n", "\n");
        if (text.startsWith(DRIZZLE_PULL_HEADER)) {
            int open = text.indexOf("/*");
            int close = text.lastIndexOf("*/");
            if (open >= 0 && close > open) {
                text = PULLED_HEADER + text.substring(open + 2, close).strip() + "\n";
            }
        }
        text = INLINE_BREAKPOINT.matcher(text).replaceAll("$1\n--> statement-breakpoint");
        return text.endsWith("\n") ? text : text + "\n";
    }

    private static JsonNode readTree(Path file) {
        try {
            return MAPPER.readTree(read(file));
        } catch (JsonProcessingException e) {
            throw new SleetException(file + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new SleetException("Cannot read " + file + ": " + e.getMessage());
        }
    }
}
