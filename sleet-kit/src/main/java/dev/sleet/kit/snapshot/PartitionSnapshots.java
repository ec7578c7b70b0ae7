package dev.sleet.kit.snapshot;

import dev.sleet.kit.SleetException;
import dev.sleet.schema.Partitioning;
import dev.sleet.schema.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Partitioning declared in code, in snapshot form, and the checks that only a whole schema allows. */
public final class PartitionSnapshots {

    private PartitionSnapshots() {}

    /** The table's partitioning, or null when it is neither partitioned nor a partition. */
    static PartitionSnapshot of(Table<?> table) {
        Partitioning partitioning = table.partitioning().orElse(null);
        Table<?> parent;
        try {
            parent = table.partitionParent().orElse(null);
        } catch (IllegalStateException e) {
            throw new SleetException(e.getMessage());
        }
        if (partitioning == null && parent == null) {
            return null;
        }
        List<PartitionKeySnapshot> keys = new ArrayList<>();
        if (partitioning != null) {
            for (Partitioning.Key key : partitioning.keys()) {
                keys.add(new PartitionKeySnapshot(key.column(), key.expression()));
            }
        }
        return new PartitionSnapshot(partitioning == null ? null : partitioning.strategy().name().toLowerCase(Locale.ROOT),
                keys, parent == null ? null : parent.schemaName(), parent == null ? null : parent.tableName(),
                table.partitionBound().orElse(null));
    }

    /** Every partition's parent is a partitioned table of the schema code, and no table is its own ancestor. */
    static void validate(Map<String, TableSnapshot> tables) {
        for (TableSnapshot table : tables.values()) {
            PartitionSnapshot p = table.partitioning();
            if (p == null || !p.isPartition()) {
                continue;
            }
            TableSnapshot parent = tables.get(p.parentKey());
            if (parent == null) {
                throw new SleetException("Table " + table.key() + " is a partition of " + p.parentKey()
                        + ", which is not part of the schema code");
            }
            if (parent.partitioning() == null || !parent.partitioning().isPartitioned()) {
                throw new SleetException("Table " + table.key() + " is a partition of " + p.parentKey()
                        + ", which is not partitioned: declare partitionByRange/List/Hash(...) on it");
            }
            Set<String> seen = new HashSet<>();
            for (TableSnapshot t = table; t != null && t.partitioning() != null && t.partitioning().isPartition();
                 t = tables.get(t.partitioning().parentKey())) {
                if (!seen.add(t.key())) {
                    throw new SleetException("Table " + table.key() + " is, through its parents, a partition of itself");
                }
            }
        }
    }

    /** The columns of a table: a partition's are those of its topmost parent in {@code tables} (none when it is unknown). */
    public static Map<String, ColumnSnapshot> columnsOf(TableSnapshot table, Map<String, TableSnapshot> tables) {
        Set<String> seen = new HashSet<>();
        TableSnapshot t = table;
        while (t != null && t.partitioning() != null && t.partitioning().isPartition() && seen.add(t.key())) {
            t = tables.get(t.partitioning().parentKey());
        }
        return t == null ? new LinkedHashMap<>() : t.columns();
    }

}
