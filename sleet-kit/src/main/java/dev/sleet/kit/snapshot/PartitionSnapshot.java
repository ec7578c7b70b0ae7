package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * How a table takes part in partitioning. A partitioned table has a {@code strategy}
 * ({@code range}, {@code list} or {@code hash}) and its {@code keys} in order; a partition names
 * its {@code parent} (and {@code parentSchema}) and its {@code bound} as {@code pg_get_expr} prints
 * it ({@code FOR VALUES FROM ('a') TO ('b')}, {@code DEFAULT}). A sub-partitioned partition has
 * both. A partition's columns are its parent's: its snapshot lists none.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PartitionSnapshot(String strategy, List<PartitionKeySnapshot> keys,
                                String parentSchema, String parent, String bound) {

    public PartitionSnapshot {
        keys = keys == null ? List.of() : List.copyOf(keys);
        strategy = strategy == null || strategy.isEmpty() ? null : strategy;
    }

    /** True when the table is partitioned (has partitions of its own). */
    @JsonIgnore
    public boolean isPartitioned() {
        return strategy != null;
    }

    /** True when the table is a partition of another. */
    @JsonIgnore
    public boolean isPartition() {
        return parent != null;
    }

    /** The parent's key, or null. */
    @JsonIgnore
    public String parentKey() {
        return parent == null ? null : Snapshot.key(parentSchema, parent);
    }

    /** The same partitioning under another parent (the parent was renamed or moved). */
    public PartitionSnapshot withParent(String newSchema, String newParent) {
        return new PartitionSnapshot(strategy, keys, newSchema, newParent, bound);
    }

    /** The same partitioning with a key column renamed. */
    public PartitionSnapshot withRenamedColumn(String from, String to) {
        return new PartitionSnapshot(strategy, keys.stream()
                .map(k -> from.equals(k.column()) ? new PartitionKeySnapshot(to, null) : k).toList(), parentSchema, parent, bound);
    }

    /** Only the partitioned part (no parent), or null. */
    @JsonIgnore
    public PartitionSnapshot partitionedPart() {
        return strategy == null ? null : new PartitionSnapshot(strategy, keys, null, null, null);
    }
}
