package dev.sleet.kit.snapshot;

import java.util.List;

/** A foreign key; actions in lower-case SQL spelling ({@code no action}, {@code cascade}). */
public record ForeignKeySnapshot(String name, List<String> columns, String referencedSchema,
                                 String referencedTable, List<String> referencedColumns,
                                 String onDelete, String onUpdate) {

    public ForeignKeySnapshot {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    public String referencedKey() {
        return Snapshot.key(referencedSchema, referencedTable);
    }
}
