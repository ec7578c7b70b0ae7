package dev.sleet.migrate.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sleet.migrate.Journal;
import dev.sleet.migrate.JournalEntry;
import dev.sleet.migrate.MigrationException;
import dev.sleet.migrate.Probe;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes {@code _journal.json}. Reading goes through Jackson's tree model so unknown
 * fields are simply ignored. Writing is done by hand: the layout (2-space indent, fixed field
 * order, one probe per line, trailing newline) is part of the format, and a hand-written layout
 * cannot drift with Jackson's pretty-printer defaults between versions.
 */
public final class JournalJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JournalJson() {
    }

    public static Journal parse(InputStream in, String where) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw invalid(where, "not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new MigrationException("Cannot read " + where + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw invalid(where, "expected a JSON object");
        }
        try {
            int version = requiredInt(root, "version");
            if (version > Journal.CURRENT_VERSION) {
                throw invalid(where, "journal version " + version + " is newer than this Sleet understands ("
                        + Journal.CURRENT_VERSION + "); upgrade Sleet");
            }
            String dialect = requiredText(root, "dialect");
            JsonNode entriesNode = root.get("entries");
            if (entriesNode == null || !entriesNode.isArray()) {
                throw new IllegalArgumentException("\"entries\" must be an array");
            }
            List<JournalEntry> entries = new ArrayList<>();
            for (JsonNode node : entriesNode) {
                entries.add(entry(node));
            }
            return new Journal(version, dialect, entries);
        } catch (IllegalArgumentException e) {
            throw invalid(where, e.getMessage());
        }
    }

    private static JournalEntry entry(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("every entry must be an object");
        }
        String tag = requiredText(node, "tag");
        try {
            int idx = requiredInt(node, "idx");
            long when = requiredLong(node, "when");
            boolean breakpoints = optionalBoolean(node, "breakpoints", true);
            boolean transaction = optionalBoolean(node, "transaction", true);
            List<Probe> pulled = null;
            JsonNode pulledNode = node.get("pulled");
            if (pulledNode != null && !pulledNode.isNull()) {
                if (!pulledNode.isArray()) {
                    throw new IllegalArgumentException("\"pulled\" must be an array");
                }
                pulled = new ArrayList<>();
                for (JsonNode probe : pulledNode) {
                    if (!probe.isObject()) {
                        throw new IllegalArgumentException("every probe must be an object");
                    }
                    pulled.add(new Probe(Probe.Kind.fromJson(requiredText(probe, "kind")),
                            requiredText(probe, "name"), requiredBoolean(probe, "present")));
                }
            }
            return new JournalEntry(idx, tag, when, breakpoints, transaction, pulled);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("entry " + tag + ": " + e.getMessage(), e);
        }
    }

    public static String write(Journal journal) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\n");
        out.append("  \"version\": ").append(journal.version()).append(",\n");
        out.append("  \"dialect\": ").append(string(journal.dialect())).append(",\n");
        out.append("  \"entries\": [");
        List<JournalEntry> entries = journal.entries();
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry entry = entries.get(i);
            out.append(i == 0 ? "\n" : ",\n");
            out.append("    {\n");
            out.append("      \"idx\": ").append(entry.idx()).append(",\n");
            out.append("      \"tag\": ").append(string(entry.tag())).append(",\n");
            out.append("      \"when\": ").append(entry.when()).append(",\n");
            out.append("      \"breakpoints\": ").append(entry.breakpoints());
            if (!entry.transaction()) {
                out.append(",\n      \"transaction\": false");
            }
            if (entry.pulled() != null) {
                out.append(",\n      \"pulled\": [");
                List<Probe> probes = entry.pulled();
                for (int p = 0; p < probes.size(); p++) {
                    Probe probe = probes.get(p);
                    out.append(p == 0 ? "\n" : ",\n");
                    out.append("        { \"kind\": ").append(string(probe.kind().jsonName()))
                            .append(", \"name\": ").append(string(probe.name()))
                            .append(", \"present\": ").append(probe.present()).append(" }");
                }
                out.append(probes.isEmpty() ? "]" : "\n      ]");
            }
            out.append("\n    }");
        }
        out.append(entries.isEmpty() ? "]\n" : "\n  ]\n");
        out.append("}\n");
        return out.toString();
    }

    private static String string(String value) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + '"';
    }

    private static MigrationException invalid(String where, String detail) {
        return new MigrationException("Invalid migration journal " + where + ": " + detail);
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a string");
        }
        return value.textValue();
    }

    private static int requiredInt(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isInt()) {
            throw new IllegalArgumentException("\"" + field + "\" must be an integer");
        }
        return value.intValue();
    }

    private static long requiredLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("\"" + field + "\" must be an integer");
        }
        return value.longValue();
    }

    private static boolean requiredBoolean(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw new IllegalArgumentException("\"" + field + "\" must be true or false");
        }
        return value.booleanValue();
    }

    private static boolean optionalBoolean(JsonNode node, String field, boolean fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : requiredBoolean(node, field);
    }
}
