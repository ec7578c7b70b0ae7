package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One table. Columns keep their ordinal order (it is part of the table); every other map is
 * sorted by name. Parts added after the first release ({@code checkConstraints}, {@code comment},
 * {@code policies}, the row-level security flags, {@code clusterOn}) are written only when not empty,
 * false or null. {@code clusterOn} names the index, or the primary key or unique constraint whose
 * index, that {@code CLUSTER} uses ({@code ALTER TABLE ... CLUSTER ON}). {@code inherits} lists the
 * tables this one inherits from ({@code INHERITS}, not partitioning) in their order
 * ({@code pg_inherits.inhseqno}); it is written only when not empty. Such a table's {@code columns}
 * are its own ({@code attislocal}, merged with a parent's or not) and the inherited ones that carry
 * something of their own ({@link ColumnSnapshot#inherited()}); its checks are its own
 * ({@code conislocal}): those it inherits are PostgreSQL's to copy.
 */
public record TableSnapshot(String schema, String name,
                            Map<String, ColumnSnapshot> columns,
                            @JsonInclude(JsonInclude.Include.NON_NULL) KeySnapshot primaryKey,
                            SortedMap<String, KeySnapshot> uniqueConstraints,
                            SortedMap<String, ForeignKeySnapshot> foreignKeys,
                            SortedMap<String, IndexSnapshot> indexes,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, CheckSnapshot> checkConstraints,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String comment,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, PolicySnapshot> policies,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean rowLevelSecurity,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean forceRowLevelSecurity,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, TriggerSnapshot> triggers,
                            @JsonInclude(JsonInclude.Include.NON_NULL) PartitionSnapshot partitioning,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, ExclusionSnapshot> exclusions,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String clusterOn,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> with,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ParentSnapshot> inherits) {

    public TableSnapshot {
        columns = new LinkedHashMap<>(columns == null ? Map.of() : columns);
        // COMMENT ON ... IS '' removes a comment: the catalog never holds an empty one.
        comment = comment == null || comment.isEmpty() ? null : comment;
        uniqueConstraints = new TreeMap<>(uniqueConstraints == null ? Map.of() : uniqueConstraints);
        foreignKeys = new TreeMap<>(foreignKeys == null ? Map.of() : foreignKeys);
        indexes = new TreeMap<>(indexes == null ? Map.of() : indexes);
        checkConstraints = new TreeMap<>(checkConstraints == null ? Map.of() : checkConstraints);
        policies = new TreeMap<>(policies == null ? Map.of() : policies);
        triggers = new TreeMap<>(triggers == null ? Map.of() : triggers);
        exclusions = new TreeMap<>(exclusions == null ? Map.of() : exclusions);
        // In the catalog's order, which pg_dump keeps; compared regardless of order.
        with = new LinkedHashMap<>(with == null ? Map.of() : with);
        inherits = inherits == null ? List.of() : List.copyOf(inherits);
    }

    /** A table without storage parameters. */
    public TableSnapshot(String schema, String name, Map<String, ColumnSnapshot> columns, KeySnapshot primaryKey,
                         SortedMap<String, KeySnapshot> uniqueConstraints, SortedMap<String, ForeignKeySnapshot> foreignKeys,
                         SortedMap<String, IndexSnapshot> indexes, SortedMap<String, CheckSnapshot> checkConstraints,
                         String comment, SortedMap<String, PolicySnapshot> policies,
                         boolean rowLevelSecurity, boolean forceRowLevelSecurity,
                         SortedMap<String, TriggerSnapshot> triggers, PartitionSnapshot partitioning,
                         SortedMap<String, ExclusionSnapshot> exclusions, String clusterOn, List<ParentSnapshot> inherits) {
        this(schema, name, columns, primaryKey, uniqueConstraints, foreignKeys, indexes, checkConstraints, comment,
                policies, rowLevelSecurity, forceRowLevelSecurity, triggers, partitioning, exclusions, clusterOn, null, inherits);
    }

    /** A table that inherits from no other. */
    public TableSnapshot(String schema, String name, Map<String, ColumnSnapshot> columns, KeySnapshot primaryKey,
                         SortedMap<String, KeySnapshot> uniqueConstraints, SortedMap<String, ForeignKeySnapshot> foreignKeys,
                         SortedMap<String, IndexSnapshot> indexes, SortedMap<String, CheckSnapshot> checkConstraints,
                         String comment, SortedMap<String, PolicySnapshot> policies,
                         boolean rowLevelSecurity, boolean forceRowLevelSecurity,
                         SortedMap<String, TriggerSnapshot> triggers, PartitionSnapshot partitioning,
                         SortedMap<String, ExclusionSnapshot> exclusions, String clusterOn, Map<String, String> with) {
        this(schema, name, columns, primaryKey, uniqueConstraints, foreignKeys, indexes, checkConstraints, comment,
                policies, rowLevelSecurity, forceRowLevelSecurity, triggers, partitioning, exclusions, clusterOn, with, null);
    }

    /** A table without storage parameters that inherits from no other. */
    public TableSnapshot(String schema, String name, Map<String, ColumnSnapshot> columns, KeySnapshot primaryKey,
                         SortedMap<String, KeySnapshot> uniqueConstraints, SortedMap<String, ForeignKeySnapshot> foreignKeys,
                         SortedMap<String, IndexSnapshot> indexes, SortedMap<String, CheckSnapshot> checkConstraints,
                         String comment, SortedMap<String, PolicySnapshot> policies,
                         boolean rowLevelSecurity, boolean forceRowLevelSecurity,
                         SortedMap<String, TriggerSnapshot> triggers, PartitionSnapshot partitioning,
                         SortedMap<String, ExclusionSnapshot> exclusions, String clusterOn) {
        this(schema, name, columns, primaryKey, uniqueConstraints, foreignKeys, indexes, checkConstraints, comment,
                policies, rowLevelSecurity, forceRowLevelSecurity, triggers, partitioning, exclusions, clusterOn, null, null);
    }

    /** A table not clustered on any index. */
    public TableSnapshot(String schema, String name, Map<String, ColumnSnapshot> columns, KeySnapshot primaryKey,
                         SortedMap<String, KeySnapshot> uniqueConstraints, SortedMap<String, ForeignKeySnapshot> foreignKeys,
                         SortedMap<String, IndexSnapshot> indexes, SortedMap<String, CheckSnapshot> checkConstraints,
                         String comment, SortedMap<String, PolicySnapshot> policies,
                         boolean rowLevelSecurity, boolean forceRowLevelSecurity,
                         SortedMap<String, TriggerSnapshot> triggers, PartitionSnapshot partitioning,
                         SortedMap<String, ExclusionSnapshot> exclusions) {
        this(schema, name, columns, primaryKey, uniqueConstraints, foreignKeys, indexes, checkConstraints, comment,
                policies, rowLevelSecurity, forceRowLevelSecurity, triggers, partitioning, exclusions, null);
    }

    /** A table without exclusion constraints. */
    public TableSnapshot(String schema, String name, Map<String, ColumnSnapshot> columns, KeySnapshot primaryKey,
                         SortedMap<String, KeySnapshot> uniqueConstraints, SortedMap<String, ForeignKeySnapshot> foreignKeys,
                         SortedMap<String, IndexSnapshot> indexes, SortedMap<String, CheckSnapshot> checkConstraints,
                         String comment, SortedMap<String, PolicySnapshot> policies,
                         boolean rowLevelSecurity, boolean forceRowLevelSecurity,
                         SortedMap<String, TriggerSnapshot> triggers, PartitionSnapshot partitioning) {
        this(schema, name, columns, primaryKey, uniqueConstraints, foreignKeys, indexes, checkConstraints, comment,
                policies, rowLevelSecurity, forceRowLevelSecurity, triggers, partitioning, null);
    }

    /** A table without triggers or partitioning. */
    public TableSnapshot(String schema, String name, Map<String, ColumnSnapshot> columns, KeySnapshot primaryKey,
                         SortedMap<String, KeySnapshot> uniqueConstraints, SortedMap<String, ForeignKeySnapshot> foreignKeys,
                         SortedMap<String, IndexSnapshot> indexes, SortedMap<String, CheckSnapshot> checkConstraints,
                         String comment, SortedMap<String, PolicySnapshot> policies,
                         boolean rowLevelSecurity, boolean forceRowLevelSecurity) {
        this(schema, name, columns, primaryKey, uniqueConstraints, foreignKeys, indexes, checkConstraints, comment,
                policies, rowLevelSecurity, forceRowLevelSecurity, null, null);
    }

    /** A table of columns, keys and indexes only. */
    public TableSnapshot(String schema, String name, Map<String, ColumnSnapshot> columns, KeySnapshot primaryKey,
                         SortedMap<String, KeySnapshot> uniqueConstraints, SortedMap<String, ForeignKeySnapshot> foreignKeys,
                         SortedMap<String, IndexSnapshot> indexes) {
        this(schema, name, columns, primaryKey, uniqueConstraints, foreignKeys, indexes, null, null, null, false, false);
    }

    /** The same table under another name, everything else kept. */
    public TableSnapshot withName(String newName) {
        return new TableSnapshot(schema, newName, columns, primaryKey, uniqueConstraints, foreignKeys, indexes,
                checkConstraints, comment, policies, rowLevelSecurity, forceRowLevelSecurity, triggers, partitioning, exclusions, clusterOn, with, inherits);
    }

    /** The same table in another schema, everything else kept (foreign keys still name what they reference). */
    public TableSnapshot inSchema(String newSchema) {
        return new TableSnapshot(newSchema, name, columns, primaryKey, uniqueConstraints, foreignKeys, indexes,
                checkConstraints, comment, policies, rowLevelSecurity, forceRowLevelSecurity, triggers, partitioning, exclusions, clusterOn, with, inherits);
    }

    /** The same table with other columns, keys and indexes, everything else kept. */
    public TableSnapshot withParts(Map<String, ColumnSnapshot> newColumns, KeySnapshot newPrimaryKey,
                                   SortedMap<String, KeySnapshot> newUniques, SortedMap<String, ForeignKeySnapshot> newForeignKeys,
                                   SortedMap<String, IndexSnapshot> newIndexes) {
        return new TableSnapshot(schema, name, newColumns, newPrimaryKey, newUniques, newForeignKeys, newIndexes,
                checkConstraints, comment, policies, rowLevelSecurity, forceRowLevelSecurity, triggers, partitioning, exclusions, clusterOn, with, inherits);
    }

    /** The same table with other triggers, everything else kept. */
    public TableSnapshot withTriggers(SortedMap<String, TriggerSnapshot> newTriggers) {
        return new TableSnapshot(schema, name, columns, primaryKey, uniqueConstraints, foreignKeys, indexes,
                checkConstraints, comment, policies, rowLevelSecurity, forceRowLevelSecurity, newTriggers, partitioning, exclusions, clusterOn, with, inherits);
    }

    /** The same table with other partitioning (or none), everything else kept. */
    public TableSnapshot withPartitioning(PartitionSnapshot newPartitioning) {
        return new TableSnapshot(schema, name, columns, primaryKey, uniqueConstraints, foreignKeys, indexes,
                checkConstraints, comment, policies, rowLevelSecurity, forceRowLevelSecurity, triggers, newPartitioning, exclusions, clusterOn, with, inherits);
    }

    /** The same table with other exclusion constraints, everything else kept. */
    public TableSnapshot withExclusions(SortedMap<String, ExclusionSnapshot> newExclusions) {
        return new TableSnapshot(schema, name, columns, primaryKey, uniqueConstraints, foreignKeys, indexes,
                checkConstraints, comment, policies, rowLevelSecurity, forceRowLevelSecurity, triggers, partitioning, newExclusions, clusterOn, with, inherits);
    }

    /** The same table clustered on another index (its name; null for none), everything else kept. */
    public TableSnapshot withClusterOn(String newClusterOn) {
        return new TableSnapshot(schema, name, columns, primaryKey, uniqueConstraints, foreignKeys, indexes,
                checkConstraints, comment, policies, rowLevelSecurity, forceRowLevelSecurity, triggers, partitioning, exclusions,
                newClusterOn, with, inherits);
    }

    /** The same table with other storage parameters ({@code WITH (...)}), everything else kept. */
    public TableSnapshot withStorageParameters(Map<String, String> newWith) {
        return new TableSnapshot(schema, name, columns, primaryKey, uniqueConstraints, foreignKeys, indexes,
                checkConstraints, comment, policies, rowLevelSecurity, forceRowLevelSecurity, triggers, partitioning, exclusions,
                clusterOn, newWith, inherits);
    }

    /** The same table inheriting from other tables (none for an empty list), everything else kept. */
    public TableSnapshot withInherits(List<ParentSnapshot> newInherits) {
        return new TableSnapshot(schema, name, columns, primaryKey, uniqueConstraints, foreignKeys, indexes,
                checkConstraints, comment, policies, rowLevelSecurity, forceRowLevelSecurity, triggers, partitioning, exclusions,
                clusterOn, with, newInherits);
    }

    /** The keys of the tables this one is made from: its partition parent, then the tables it inherits from. */
    public List<String> parentKeys() {
        List<String> keys = new ArrayList<>();
        if (partitioning != null && partitioning.isPartition()) {
            keys.add(partitioning.parentKey());
        }
        inherits.forEach(parent -> keys.add(parent.key()));
        return keys;
    }

    /**
     * Tables in an order where every table comes after those it is made from (its partition parent, the
     * tables it inherits from), otherwise as given; a cycle, which PostgreSQL refuses, keeps the given order.
     */
    public static List<TableSnapshot> parentsFirst(Iterable<TableSnapshot> tables) {
        Map<String, TableSnapshot> byKey = new LinkedHashMap<>();
        tables.forEach(t -> byKey.put(t.key(), t));
        List<TableSnapshot> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (TableSnapshot table : byKey.values()) {
            place(table, byKey, placed, ordered, new HashSet<>());
        }
        return ordered;
    }

    private static void place(TableSnapshot table, Map<String, TableSnapshot> byKey, Set<String> placed,
                              List<TableSnapshot> ordered, Set<String> visiting) {
        if (placed.contains(table.key()) || !visiting.add(table.key())) {
            return;
        }
        for (String parent : table.parentKeys()) {
            if (byKey.containsKey(parent)) {
                place(byKey.get(parent), byKey, placed, ordered, visiting);
            }
        }
        placed.add(table.key());
        ordered.add(table);
    }

    public String key() {
        return Snapshot.key(schema, name);
    }
}
