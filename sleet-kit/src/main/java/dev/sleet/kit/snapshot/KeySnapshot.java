package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A primary key or unique constraint: a name and its columns in order; {@code nullsNotDistinct}
 * for a unique constraint that treats NULLs as equal (PostgreSQL 15's {@code NULLS NOT DISTINCT}),
 * written only when true.
 */
public record KeySnapshot(String name, List<String> columns,
                          @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean nullsNotDistinct) {

    public KeySnapshot {
        columns = List.copyOf(columns);
    }

    public KeySnapshot(String name, List<String> columns) {
        this(name, columns, false);
    }

    /** The same key under another name. */
    public KeySnapshot withName(String newName) {
        return new KeySnapshot(newName, columns, nullsNotDistinct);
    }

    /** The same key over other columns (a column was renamed). */
    public KeySnapshot withColumns(List<String> newColumns) {
        return new KeySnapshot(name, newColumns, nullsNotDistinct);
    }
}
