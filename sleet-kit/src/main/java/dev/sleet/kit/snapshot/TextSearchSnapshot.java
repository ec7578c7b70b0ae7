package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A text search configuration or dictionary ({@code kind}: {@link #CONFIGURATION} or
 * {@link #DICTIONARY}); the two may share a name, so the snapshot keys them as
 * {@code kind schema.name}. A configuration has a {@code parser} (absent for the built-in
 * {@code default}) and its {@code mappings}, token type to dictionaries in order; a dictionary has a
 * {@code template} and its {@code options} as {@code pg_ts_dict.dictinitoption} holds them. Names
 * of parsers, templates and dictionaries are as PostgreSQL prints them with {@code search_path =
 * public} (quoted where needed, qualified outside {@code pg_catalog} and {@code public}).
 */
public record TextSearchSnapshot(String schema, String name, String kind,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String parser,
                                 @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, List<String>> mappings,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String template,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String options) {

    public static final String CONFIGURATION = "configuration";
    public static final String DICTIONARY = "dictionary";

    public TextSearchSnapshot {
        Objects.requireNonNull(schema);
        Objects.requireNonNull(name);
        if (!CONFIGURATION.equals(kind) && !DICTIONARY.equals(kind)) {
            throw new IllegalArgumentException("A text search object is a configuration or a dictionary, not " + kind);
        }
        SortedMap<String, List<String>> copy = new TreeMap<>();
        (mappings == null ? Map.<String, List<String>>of() : mappings).forEach((k, v) -> copy.put(k, List.copyOf(v)));
        mappings = copy;
    }

    public static TextSearchSnapshot configuration(String schema, String name, String parser,
                                                   Map<String, List<String>> mappings) {
        return new TextSearchSnapshot(schema, name, CONFIGURATION, parser, new TreeMap<>(mappings), null, null);
    }

    public static TextSearchSnapshot dictionary(String schema, String name, String template, String options) {
        return new TextSearchSnapshot(schema, name, DICTIONARY, null, null, template, options);
    }

    @JsonIgnore
    public boolean isConfiguration() {
        return CONFIGURATION.equals(kind);
    }

    /** {@code configuration schema.name} or {@code dictionary schema.name}, as snapshots key it. */
    @JsonIgnore
    public String key() {
        return kind + " " + Snapshot.key(schema, name);
    }
}
