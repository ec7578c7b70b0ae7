package dev.sleet.kit.push;

import dev.sleet.kit.diff.Renames;

import java.util.Map;

/**
 * Planned changes name objects after renames; queries against the live database, run before any
 * change, need the names the objects have there. This maps the first to the second.
 */
public final class LiveNames {

    private final Renames renames;

    public LiveNames(Renames renames) {
        this.renames = renames;
    }

    public String schema(String schema) {
        return inverse(renames.schemas(), schema, schema);
    }

    /** The live name of table {@code schema.table} (named after renames). */
    public String table(String schema, String table) {
        String key = inverse(renames.tables(), schema + "." + table, null);
        return key == null ? table : key.substring(schema.length() + 1);
    }

    /** The live name of column {@code schema.table.column} (named after renames). */
    public String column(String schema, String table, String column) {
        String key = inverse(renames.columns(), schema + "." + table + "." + column, null);
        return key == null ? column : key.substring(key.lastIndexOf('.') + 1);
    }

    private static String inverse(Map<String, String> map, String value, String fallback) {
        for (Map.Entry<String, String> entry : map.entrySet()) {
            if (entry.getValue().equals(value)) {
                return entry.getKey();
            }
        }
        return fallback;
    }
}
