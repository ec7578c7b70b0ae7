package dev.sleet.kit.diff;

import java.util.Map;

/**
 * Confirmed renames, applied to the old snapshot before it is compared, so that a renamed table or
 * column is carried over (with its data) rather than dropped and created. Keys and values are
 * qualified names: {@code schema.table} for tables, {@code schema.table.column} for columns, the
 * bare name for schemas. Schemas are renamed first, then tables (keyed in their schema's new name),
 * then columns (keyed by their table's new name). Where renames come from (prompts, {@code --rename},
 * declarations in code) is the caller's business; the differ only carries them out.
 */
public record Renames(Map<String, String> tables, Map<String, String> columns, Map<String, String> schemas) {

    public static final Renames NONE = new Renames(Map.of(), Map.of(), Map.of());

    public Renames {
        tables = Map.copyOf(tables);
        columns = Map.copyOf(columns);
        schemas = Map.copyOf(schemas);
    }

    /** Table and column renames only. */
    public Renames(Map<String, String> tables, Map<String, String> columns) {
        this(tables, columns, Map.of());
    }

    public boolean isEmpty() {
        return tables.isEmpty() && columns.isEmpty() && schemas.isEmpty();
    }
}
