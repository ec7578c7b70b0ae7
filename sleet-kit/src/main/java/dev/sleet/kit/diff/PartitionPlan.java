package dev.sleet.kit.diff;

import dev.sleet.kit.SleetException;
import dev.sleet.kit.snapshot.CheckSnapshot;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.KeySnapshot;
import dev.sleet.kit.snapshot.PartitionSnapshot;
import dev.sleet.kit.snapshot.PartitionSnapshots;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Partitions in a diff: a table that moves into a partitioned table is attached, one that moves out
 * is detached, and one whose bound changes is detached and attached again, its rows kept
 * throughout. A partition's columns follow its parent (PostgreSQL adds, drops and alters them on
 * every partition), so they are never compared on the partition itself. Parents are created before
 * their partitions and dropped after them.
 */
final class PartitionPlan {

    /**
     * The two sides of a table as the column comparison should see them, and the columns of the
     * table's own whose type its parents' columns carry (a column both declared and inherited).
     */
    record Pair(TableSnapshot old, TableSnapshot now, Set<String> typedByParents) {
        Pair(TableSnapshot old, TableSnapshot now) {
            this(old, now, Set.of());
        }
    }

    private PartitionPlan() {}

    static Pair alter(Differ.Plan plan, Snapshot from, TableSnapshot old, TableSnapshot now) {
        PartitionSnapshot before = old.partitioning();
        PartitionSnapshot after = now.partitioning();
        PartitionSnapshot partitionedBefore = before == null ? null : before.partitionedPart();
        PartitionSnapshot partitionedAfter = after == null ? null : after.partitionedPart();
        if (!Objects.equals(partitionedBefore, partitionedAfter)) {
            throw new SleetException("Table " + now.key() + " changes how it is partitioned (" + describe(partitionedBefore)
                    + " to " + describe(partitionedAfter) + "), which PostgreSQL cannot alter: create a new table"
                    + " under another name, move the rows, and drop the old one (migrations pulled by a Sleet that did"
                    + " not read partitioning yet record such a table as not partitioned: pull into a new migrations folder)");
        }
        String parentBefore = before == null ? null : before.parentKey();
        String parentAfter = after == null ? null : after.parentKey();
        boolean moved = !Objects.equals(parentBefore, parentAfter)
                || parentAfter != null && !Objects.equals(before.bound(), after.bound());
        if (moved && parentBefore != null) {
            plan.detachPartitions.add(new Change.DetachPartition(now.schema(), now.name(), before.parentSchema(), before.parent()));
        }
        if (moved && parentAfter != null) {
            plan.attachPartitions.add(new Change.AttachPartition(now.schema(), now.name(), after.parentSchema(), after.parent(),
                    after.bound()));
        }
        if (parentAfter != null) {
            // Columns follow the parent: nothing to compare.
            return new Pair(old, now.withParts(old.columns(), now.primaryKey(), now.uniqueConstraints(), now.foreignKeys(),
                    now.indexes()));
        }
        if (parentBefore != null) {
            // Detached, the table keeps its parent's columns (without their comments, which stay on the parent).
            Map<String, ColumnSnapshot> columns = new LinkedHashMap<>();
            PartitionSnapshots.columnsOf(old, from.tables()).forEach((name, column) -> columns.put(name, column.withComment(null)));
            return new Pair(withInheritedParts(old.withParts(columns, old.primaryKey(), old.uniqueConstraints(),
                    old.foreignKeys(), old.indexes()), from), now);
        }
        return new Pair(old, now);
    }

    /**
     * A detached partition keeps the copies of its ancestors' keys, checks and indexes that
     * PostgreSQL made for it, as its own: foreign keys and checks under the ancestor's name, keys
     * and indexes under the names PostgreSQL chose ({@code partition_pkey}, {@code partition_column_idx}).
     */
    private static TableSnapshot withInheritedParts(TableSnapshot table, Snapshot from) {
        KeySnapshot pk = table.primaryKey();
        SortedMap<String, KeySnapshot> uniques = new TreeMap<>(table.uniqueConstraints());
        SortedMap<String, ForeignKeySnapshot> foreignKeys = new TreeMap<>(table.foreignKeys());
        SortedMap<String, IndexSnapshot> indexes = new TreeMap<>(table.indexes());
        SortedMap<String, CheckSnapshot> checks = new TreeMap<>(table.checkConstraints());
        String name = table.name();
        Set<String> seen = new HashSet<>();
        for (TableSnapshot t = table; t.partitioning() != null && t.partitioning().isPartition() && seen.add(t.key()); ) {
            TableSnapshot parent = from.tables().get(t.partitioning().parentKey());
            if (parent == null) {
                break;
            }
            if (pk == null && parent.primaryKey() != null) {
                pk = parent.primaryKey().withName(name + "_pkey");
            }
            for (KeySnapshot unique : parent.uniqueConstraints().values()) {
                KeySnapshot copy = unique.withName(name + "_" + String.join("_", unique.columns()) + "_key");
                uniques.putIfAbsent(copy.name(), copy);
            }
            parent.foreignKeys().values().forEach(fk -> foreignKeys.putIfAbsent(fk.name(), fk));
            parent.checkConstraints().values().forEach(check -> checks.putIfAbsent(check.name(), check));
            for (IndexSnapshot index : parent.indexes().values()) {
                String columns = index.allKeys().stream().map(k -> k.column() != null ? k.column() : "expr")
                        .collect(Collectors.joining("_"));
                IndexSnapshot copy = index.withName(name + "_" + columns + "_idx");
                indexes.putIfAbsent(copy.name(), copy);
            }
            t = parent;
        }
        return new TableSnapshot(table.schema(), name, table.columns(), pk, uniques, foreignKeys, indexes, checks,
                table.comment(), table.policies(), table.rowLevelSecurity(), table.forceRowLevelSecurity(), table.triggers(),
                table.partitioning());
    }

    /** Parents are created before their partitions and dropped after them. */
    static void order(Differ.Plan plan, Snapshot from, Snapshot to) {
        Map<String, Change> creates = new LinkedHashMap<>();
        List<TableSnapshot> tables = new ArrayList<>();
        for (Change change : plan.createTables) {
            if (change instanceof Change.CreateTable c) {
                tables.add(c.table());
                creates.put(c.table().key(), change);
            }
        }
        if (tables.stream().anyMatch(t -> t.partitioning() != null && t.partitioning().isPartition())) {
            List<Change> ordered = new ArrayList<>();
            TableSnapshot.parentsFirst(tables).forEach(t -> ordered.add(creates.get(t.key())));
            plan.createTables.removeIf(c -> c instanceof Change.CreateTable);
            plan.createTables.addAll(0, ordered);
        }
        // PostgreSQL cannot build an index on a partitioned table concurrently.
        plan.createIndexes.replaceAll(c -> c instanceof Change.CreateIndex i && i.index().concurrently()
                && partitioned(to, Snapshot.key(i.schema(), i.table()))
                ? new Change.CreateIndex(i.schema(), i.table(), i.index().withConcurrently(false)) : c);
        // Dropping a parent drops its partitions: the deepest partitions go first.
        plan.dropTables.sort(Comparator.comparingInt((Change c) -> c instanceof Change.DropTable d
                ? -depth(from, Snapshot.key(d.schema(), d.table())) : 0));
    }

    private static boolean partitioned(Snapshot snapshot, String key) {
        TableSnapshot table = snapshot.tables().get(key);
        return table != null && table.partitioning() != null && table.partitioning().isPartitioned();
    }

    private static int depth(Snapshot snapshot, String key) {
        int depth = 0;
        TableSnapshot table = snapshot.tables().get(key);
        while (table != null && table.partitioning() != null && table.partitioning().isPartition() && depth < 100) {
            depth++;
            table = snapshot.tables().get(table.partitioning().parentKey());
        }
        return depth;
    }

    private static String describe(PartitionSnapshot partitioned) {
        return partitioned == null ? "not partitioned" : "partitioned by " + partitioned.strategy() + " " + partitioned.keys();
    }
}
