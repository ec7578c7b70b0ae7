package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sleet.kit.SleetException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads and writes snapshots as deterministic, pretty-printed JSON. */
public final class SnapshotJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);
    private static final ObjectWriter WRITER = MAPPER.writer(
            new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private SnapshotJson() {}

    public static String toJson(Snapshot snapshot) {
        try {
            return WRITER.writeValueAsString(snapshot) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Snapshot fromJson(String json, String source) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            String missing = missingPart(tree);
            if (missing != null) {
                throw new SleetException(source + " is not a valid Sleet snapshot: " + missing
                        + " (was it cut short or edited by hand? Restore it from version control)");
            }
            Snapshot snapshot = MAPPER.treeToValue(tree, Snapshot.class);
            if (snapshot.version() > Snapshot.CURRENT_VERSION) {
                throw new SleetException(source + " has snapshot format version " + snapshot.version()
                        + ", newer than this Sleet understands (" + Snapshot.CURRENT_VERSION + "): upgrade Sleet");
            }
            return snapshot;
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(step -> step.getFieldName() != null ? step.getFieldName() : "[" + step.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new SleetException(source + " is not a valid Sleet snapshot: " + (path.isEmpty() ? "" : "at " + path + ": ")
                    + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new SleetException(source + " is not a valid Sleet snapshot: " + e.getOriginalMessage());
        }
    }

    /**
     * What every snapshot Sleet writes has, and one cut short or edited by hand may lack: read as
     * empty, it would make generate write a migration that creates what exists.
     */
    private static String missingPart(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            return "it is not a JSON object";
        }
        if (!tree.path("tables").isObject()) {
            return "it has no \"tables\" object";
        }
        for (Map.Entry<String, JsonNode> table : tree.get("tables").properties()) {
            if (!table.getValue().path("columns").isObject()) {
                return "table " + table.getKey() + " has no \"columns\" object";
            }
        }
        return null;
    }

    public static Snapshot read(Path file) {
        try {
            return fromJson(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new SleetException("Cannot read snapshot " + file + ": " + e.getMessage());
        }
    }
}
