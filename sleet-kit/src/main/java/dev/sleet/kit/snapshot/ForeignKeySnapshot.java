package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sleet.schema.Deferral;

import java.util.List;

/**
 * A foreign key; actions in lower-case SQL spelling ({@code no action}, {@code cascade}).
 * {@code deferral} is written only for a deferrable key, {@code notValid} only when true, so that
 * snapshots written before them read the same.
 */
public record ForeignKeySnapshot(String name, List<String> columns, String referencedSchema,
                                 String referencedTable, List<String> referencedColumns,
                                 String onDelete, String onUpdate,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Deferral deferral,
                                 @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean notValid) {

    public ForeignKeySnapshot {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        deferral = deferral == Deferral.NOT_DEFERRABLE ? null : deferral;
    }

    public ForeignKeySnapshot(String name, List<String> columns, String referencedSchema, String referencedTable,
                              List<String> referencedColumns, String onDelete, String onUpdate) {
        this(name, columns, referencedSchema, referencedTable, referencedColumns, onDelete, onUpdate, null, false);
    }

    public String referencedKey() {
        return Snapshot.key(referencedSchema, referencedTable);
    }

    @JsonIgnore
    public Deferral deferralOrDefault() {
        return deferral == null ? Deferral.NOT_DEFERRABLE : deferral;
    }

    /** The same key, valid or not. */
    public ForeignKeySnapshot withNotValid(boolean value) {
        return new ForeignKeySnapshot(name, columns, referencedSchema, referencedTable, referencedColumns, onDelete, onUpdate,
                deferral, value);
    }
}
