package dev.sleet.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A text search configuration ({@code CREATE TEXT SEARCH CONFIGURATION}): a parser (the built-in
 * {@code default} unless named) and, per token type, the dictionaries that map it, in order.
 * A configuration made with {@code COPY = english} is declared with the mappings it copied, as
 * {@code sleet pull} writes it. Dictionaries are named as PostgreSQL prints them
 * ({@code english_stem}, {@code simple}, {@code other_schema.my_dict}).
 *
 * <pre>{@code
 * public static final TextSearchConfiguration DOCS = TextSearchConfiguration.of("docs")
 *         .mapping("asciiword", "english_nostop", "english_stem").mapping("word", "simple");
 * }</pre>
 */
public final class TextSearchConfiguration implements SchemaObject {

    private final String schema;
    private final String name;
    private final String parser;
    private final Map<String, List<String>> mappings;

    private TextSearchConfiguration(String schema, String name, String parser, Map<String, List<String>> mappings) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.name = Objects.requireNonNull(name, "configuration name");
        this.parser = parser;
        this.mappings = mappings;
    }

    /** A configuration of the default parser, without mappings yet. */
    public static TextSearchConfiguration of(String name) {
        return new TextSearchConfiguration("public", name, null, Map.of());
    }

    public TextSearchConfiguration inSchema(String schemaName) {
        return new TextSearchConfiguration(schemaName, name, parser, mappings);
    }

    /** Another parser than the built-in {@code default}, as PostgreSQL prints it. */
    public TextSearchConfiguration parser(String parserName) {
        return new TextSearchConfiguration(schema, name, Objects.requireNonNull(parserName), mappings);
    }

    /** {@code ADD MAPPING FOR tokenType WITH dictionaries...}, in the order they are consulted. */
    public TextSearchConfiguration mapping(String tokenType, String... dictionaries) {
        if (dictionaries.length == 0) {
            throw new IllegalArgumentException("The mapping of " + tokenType + " in " + name + " names no dictionary");
        }
        Map<String, List<String>> more = new LinkedHashMap<>(mappings);
        if (more.put(Objects.requireNonNull(tokenType), List.of(dictionaries)) != null) {
            throw new IllegalArgumentException("Text search configuration " + name + " maps " + tokenType + " twice");
        }
        return new TextSearchConfiguration(schema, name, parser, more);
    }

    @Override
    public String schemaName() {
        return schema;
    }

    @Override
    public String objectName() {
        return name;
    }

    /** The parser; empty for the built-in {@code default}. */
    public Optional<String> parser() {
        return Optional.ofNullable(parser);
    }

    /** Token type to dictionaries, in declaration order. */
    public Map<String, List<String>> mappings() {
        return java.util.Collections.unmodifiableMap(mappings);
    }

    @Override
    public String toString() {
        return "text search configuration " + schema + "." + name;
    }
}
