package dev.sleet.kit.diff;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Confirmed renames, applied to the old snapshot before it is compared, so that a renamed object
 * is carried over (with its data, and with what uses it) rather than dropped and created. Keys and
 * values are qualified names: the bare name for schemas, {@code schema.name} for tables, enum
 * types, sequences and views, {@code schema.table.column} for columns. Schemas are renamed first;
 * every other name is in its schema's new name, and a column is keyed by its table's new name.
 * Where renames come from (prompts, {@code --rename}, declarations in code) is the caller's
 * business; the differ only carries them out.
 */
public record Renames(Map<String, String> tables, Map<String, String> columns, Map<String, String> schemas,
                      Map<String, String> enums, Map<String, String> sequences, Map<String, String> views) {

    public static final Renames NONE = new Renames(Map.of(), Map.of());

    public Renames {
        tables = Map.copyOf(tables);
        columns = Map.copyOf(columns);
        schemas = Map.copyOf(schemas);
        enums = Map.copyOf(enums);
        sequences = Map.copyOf(sequences);
        views = Map.copyOf(views);
    }

    /** Schema, table and column renames only. */
    public Renames(Map<String, String> tables, Map<String, String> columns, Map<String, String> schemas) {
        this(tables, columns, schemas, Map.of(), Map.of(), Map.of());
    }

    /** Table and column renames only. */
    public Renames(Map<String, String> tables, Map<String, String> columns) {
        this(tables, columns, Map.of());
    }

    public Renames withSchema(String from, String to) {
        return new Renames(tables, columns, with(schemas, from, to), enums, sequences, views);
    }

    public Renames withTable(String from, String to) {
        return new Renames(with(tables, from, to), columns, schemas, enums, sequences, views);
    }

    public Renames withColumn(String from, String to) {
        return new Renames(tables, with(columns, from, to), schemas, enums, sequences, views);
    }

    public Renames withEnum(String from, String to) {
        return new Renames(tables, columns, schemas, with(enums, from, to), sequences, views);
    }

    public Renames withSequence(String from, String to) {
        return new Renames(tables, columns, schemas, enums, with(sequences, from, to), views);
    }

    public Renames withView(String from, String to) {
        return new Renames(tables, columns, schemas, enums, sequences, with(views, from, to));
    }

    public boolean isEmpty() {
        return tables.isEmpty() && columns.isEmpty() && schemas.isEmpty() && enums.isEmpty() && sequences.isEmpty()
                && views.isEmpty();
    }

    private static Map<String, String> with(Map<String, String> map, String from, String to) {
        Map<String, String> copy = new LinkedHashMap<>(map);
        copy.put(from, to);
        return copy;
    }
}
