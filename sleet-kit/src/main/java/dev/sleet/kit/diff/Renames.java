package dev.sleet.kit.diff;

import java.util.Map;

/**
 * Confirmed renames, applied to the old snapshot before it is compared, so that a renamed table or
 * column is carried over (with its data) rather than dropped and created. Keys and values are
 * qualified names: {@code schema.table} for tables, {@code schema.table.column} for columns.
 * Column keys use the table's new name. Where renames come from (prompts, {@code --rename},
 * declarations in code) is the caller's business; the differ only carries them out.
 */
public record Renames(Map<String, String> tables, Map<String, String> columns) {

    public static final Renames NONE = new Renames(Map.of(), Map.of());

    public Renames {
        tables = Map.copyOf(tables);
        columns = Map.copyOf(columns);
    }
}
