package dev.sleet.kit.diff;

import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.InheritanceSnapshots;
import dev.sleet.kit.snapshot.ParentSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Table inheritance ({@code INHERITS}) in a diff. A table that gains a parent inherits from it once
 * its columns exist ({@code INHERIT}); one that loses a parent stops inheriting first
 * ({@code NO INHERIT}), keeping the columns it inherited as its own. Columns a table takes from its
 * parents follow them (PostgreSQL adds, drops and retypes them on every child), so only what they
 * carry of their own (default, NOT NULL, comment) is compared on the child; and a column of the
 * child's own that a parent also has stays, as PostgreSQL keeps it. Parents are created before
 * their children and dropped after them.
 */
final class InheritancePlan {

    private InheritancePlan() {}

    static PartitionPlan.Pair alter(Differ.Plan plan, Snapshot from, Snapshot to, TableSnapshot old, TableSnapshot now) {
        if (old.inherits().isEmpty() && now.inherits().isEmpty()) {
            return new PartitionPlan.Pair(old, now);
        }
        List<ParentSnapshot> before = old.inherits();
        List<ParentSnapshot> after = now.inherits();
        int kept = 0;
        while (kept < before.size() && kept < after.size() && before.get(kept).equals(after.get(kept))) {
            kept++;
        }
        // The order of parents is the order of INHERITS: from the first that differs, all go and come back.
        for (ParentSnapshot parent : before.subList(kept, before.size())) {
            plan.detachPartitions.add(new Change.NoInherit(now.schema(), now.name(), parent.schema(), parent.name()));
        }
        for (ParentSnapshot parent : after.subList(kept, after.size())) {
            plan.attachPartitions.add(new Change.Inherit(now.schema(), now.name(), parent.schema(), parent.name()));
        }
        Map<String, ColumnSnapshot> inheritedBefore = InheritanceSnapshots.inheritedColumns(old, from.tables());
        Map<String, ColumnSnapshot> inheritedAfter = InheritanceSnapshots.inheritedColumns(now, to.tables());
        Map<String, ColumnSnapshot> oldColumns = own(old);
        Map<String, ColumnSnapshot> nowColumns = own(now);
        // PostgreSQL cannot make a column of the table's own inherited only: it stays, whatever code says.
        for (ColumnSnapshot column : List.copyOf(oldColumns.values())) {
            if (!nowColumns.containsKey(column.name()) && inheritedAfter.containsKey(column.name())) {
                nowColumns.put(column.name(), column);
            }
        }
        // Nor can it make an inherited column the table's own (short of NO INHERIT, which does): nothing to add.
        for (ColumnSnapshot column : List.copyOf(nowColumns.values())) {
            if (!oldColumns.containsKey(column.name()) && inheritedBefore.containsKey(column.name())) {
                oldColumns.put(column.name(), column);
            }
        }
        // A column inherited from a parent the table leaves is its own after NO INHERIT: dropped unless code keeps it.
        inheritedBefore.forEach((name, column) -> {
            if (!oldColumns.containsKey(name) && !nowColumns.containsKey(name) && !inheritedAfter.containsKey(name)) {
                oldColumns.put(name, column.withComment(null));
            }
        });
        // Inherited on both sides: what the column carries of its own, over what its parent gives it.
        Set<String> carried = new LinkedHashSet<>();
        old.columns().values().stream().filter(ColumnSnapshot::inherited).forEach(c -> carried.add(c.name()));
        now.columns().values().stream().filter(ColumnSnapshot::inherited).forEach(c -> carried.add(c.name()));
        for (String name : carried) {
            ColumnSnapshot parentBefore = inheritedBefore.get(name);
            ColumnSnapshot parentAfter = inheritedAfter.get(name);
            if (oldColumns.containsKey(name) || nowColumns.containsKey(name) || parentBefore == null || parentAfter == null) {
                continue;
            }
            ColumnSnapshot was = effective(old.columns().get(name), parentBefore, parentBefore);
            oldColumns.put(name, was);
            // The type is the parent's to change: PostgreSQL changes it on the child with it.
            nowColumns.put(name, effective(now.columns().get(name), parentAfter, was));
        }
        // A column of the table's own that a parent has too (declared and inherited) takes its type and
        // collation from the parent: PostgreSQL changes them with the parent's column and refuses to on
        // the child ("cannot alter inherited column").
        Set<String> typedByParents = new LinkedHashSet<>();
        for (ColumnSnapshot is : List.copyOf(nowColumns.values())) {
            ColumnSnapshot was = oldColumns.get(is.name());
            if (was != null && !was.inherited() && !is.inherited() && inheritedBefore.containsKey(is.name())
                    && inheritedAfter.containsKey(is.name())) {
                typedByParents.add(is.name());
                nowColumns.put(is.name(), new ColumnSnapshot(is.name(), was.type(), is.serial(), is.notNull(), is.defaultValue(),
                        was.typeSchema(), is.identity(), is.generated(), is.comment(), was.collation(), was.collationSchema(), false));
            }
        }
        return new PartitionPlan.Pair(old.withParts(oldColumns, old.primaryKey(), old.uniqueConstraints(), old.foreignKeys(),
                old.indexes()), now.withParts(nowColumns, now.primaryKey(), now.uniqueConstraints(), now.foreignKeys(), now.indexes()),
                typedByParents);
    }

    private static Map<String, ColumnSnapshot> own(TableSnapshot table) {
        Map<String, ColumnSnapshot> columns = new LinkedHashMap<>();
        table.columns().values().stream().filter(c -> !c.inherited() || table.inherits().isEmpty())
                .forEach(c -> columns.put(c.name(), c));
        return columns;
    }

    /** An inherited column as it is: its parent's, with what {@code part} (may be null) carries of its own. */
    private static ColumnSnapshot effective(ColumnSnapshot part, ColumnSnapshot parent, ColumnSnapshot typed) {
        String parentDefault = parent.serial() ? null : parent.defaultValue();
        return new ColumnSnapshot(parent.name(), typed.type(), false, parent.notNull() || part != null && part.notNull(),
                part != null && part.defaultValue() != null ? part.defaultValue() : parentDefault, typed.typeSchema(),
                null, null, part == null ? null : part.comment(), typed.collation(), typed.collationSchema(), true);
    }

    /** Parents are created before the tables that inherit from them, and dropped after them. */
    static void order(Differ.Plan plan, Snapshot from) {
        Map<String, Change> creates = new LinkedHashMap<>();
        List<TableSnapshot> tables = new ArrayList<>();
        for (Change change : plan.createTables) {
            if (change instanceof Change.CreateTable c) {
                tables.add(c.table());
                creates.put(c.table().key(), change);
            }
        }
        if (tables.stream().anyMatch(t -> !t.inherits().isEmpty())) {
            List<Change> ordered = new ArrayList<>();
            TableSnapshot.parentsFirst(tables).forEach(t -> ordered.add(creates.get(t.key())));
            plan.createTables.removeIf(c -> c instanceof Change.CreateTable);
            plan.createTables.addAll(0, ordered);
        }
        plan.dropTables.sort(Comparator.comparingInt((Change c) -> c instanceof Change.DropTable d
                ? -InheritanceSnapshots.depth(Snapshot.key(d.schema(), d.table()), from.tables()) : 0));
    }
}
