package dev.sleet.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * A text search dictionary ({@code CREATE TEXT SEARCH DICTIONARY}): a template and its options,
 * both as PostgreSQL prints them back ({@code simple}, {@code snowball};
 * {@code language = 'english', stopwords = 'english'}).
 *
 * <pre>{@code
 * public static final TextSearchDictionary ENGLISH_NOSTOP = TextSearchDictionary.of("english_nostop", "snowball")
 *         .options("language = 'english'");
 * }</pre>
 */
public final class TextSearchDictionary implements SchemaObject {

    private final String schema;
    private final String name;
    private final String template;
    private final String options;

    private TextSearchDictionary(String schema, String name, String template, String options) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.name = Objects.requireNonNull(name, "dictionary name");
        this.template = Objects.requireNonNull(template, "template");
        this.options = options;
    }

    /** A dictionary of the template ({@code simple}, {@code snowball}, {@code synonym}, ...) without options. */
    public static TextSearchDictionary of(String name, String template) {
        return new TextSearchDictionary("public", name, template, null);
    }

    public TextSearchDictionary inSchema(String schemaName) {
        return new TextSearchDictionary(schemaName, name, template, options);
    }

    /** The options, as {@code pg_ts_dict.dictinitoption} holds them: {@code language = 'english'}. */
    public TextSearchDictionary options(String text) {
        return new TextSearchDictionary(schema, name, template, Objects.requireNonNull(text));
    }

    @Override
    public String schemaName() {
        return schema;
    }

    @Override
    public String objectName() {
        return name;
    }

    public String template() {
        return template;
    }

    public Optional<String> options() {
        return Optional.ofNullable(options);
    }

    @Override
    public String toString() {
        return "text search dictionary " + schema + "." + name;
    }
}
