package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One table. Columns keep their ordinal order (it is part of the table); every other map is
 * sorted by name.
 */
public record TableSnapshot(String schema, String name,
                            Map<String, ColumnSnapshot> columns,
                            @JsonInclude(JsonInclude.Include.NON_NULL) KeySnapshot primaryKey,
                            SortedMap<String, KeySnapshot> uniqueConstraints,
                            SortedMap<String, ForeignKeySnapshot> foreignKeys,
                            SortedMap<String, IndexSnapshot> indexes) {

    public TableSnapshot {
        columns = new LinkedHashMap<>(columns == null ? Map.of() : columns);
        uniqueConstraints = new TreeMap<>(uniqueConstraints == null ? Map.of() : uniqueConstraints);
        foreignKeys = new TreeMap<>(foreignKeys == null ? Map.of() : foreignKeys);
        indexes = new TreeMap<>(indexes == null ? Map.of() : indexes);
    }

    public String key() {
        return Snapshot.key(schema, name);
    }
}
