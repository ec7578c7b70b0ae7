package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sleet.schema.Deferral;

import java.util.List;

/**
 * A primary key or unique constraint: a name and its columns in order; {@code nullsNotDistinct}
 * for a unique constraint that treats NULLs as equal (PostgreSQL 15's {@code NULLS NOT DISTINCT}),
 * written only when true; {@code deferral} only when the key is deferrable (null otherwise, so that
 * snapshots written before it read the same).
 */
public record KeySnapshot(String name, List<String> columns,
                          @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean nullsNotDistinct,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Deferral deferral) {

    public KeySnapshot {
        columns = List.copyOf(columns);
        deferral = deferral == Deferral.NOT_DEFERRABLE ? null : deferral;
    }

    public KeySnapshot(String name, List<String> columns, boolean nullsNotDistinct) {
        this(name, columns, nullsNotDistinct, null);
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
        return new KeySnapshot(name, newColumns, nullsNotDistinct, deferral);
    }

    /** When the key is checked, {@code NOT_DEFERRABLE} included. */
    @JsonIgnore
    public Deferral deferralOrDefault() {
        return deferral == null ? Deferral.NOT_DEFERRABLE : deferral;
    }
}
