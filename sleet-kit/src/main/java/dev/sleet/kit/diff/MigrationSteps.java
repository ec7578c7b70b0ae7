package dev.sleet.kit.diff;

import dev.sleet.kit.snapshot.CommentSnapshot;
import dev.sleet.kit.snapshot.EnumSnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Splits the changes between two snapshots into migration files where one transaction cannot hold
 * them all. A label added to an enum type cannot be used in the transaction that adds it, so
 * {@link Change.AddEnumValue}s go first, in a file of their own that runs outside a transaction
 * (as PostgreSQL before 12 requires; each statement says {@code IF NOT EXISTS}, so it can run
 * again). An index built {@code CONCURRENTLY} cannot be built in a transaction block, so such
 * {@link Change.CreateIndex}es go last, in a file of their own that runs outside a transaction.
 * Every step carries the snapshot it leads to, so each file gets a true snapshot.
 */
public final class MigrationSteps {

    /** One migration file: its changes, the schema after them, and whether it runs in a transaction. */
    public record Step(List<Change> changes, Snapshot after, boolean transactional) {
        public Step {
            changes = List.copyOf(changes);
        }
    }

    private MigrationSteps() {}

    /** The steps from {@code from} to {@code to}, given the changes {@link Differ} found between them. */
    public static List<Step> split(Snapshot from, Snapshot to, List<Change> changes) {
        List<Change> enumValues = new ArrayList<>();
        List<Change> rest = new ArrayList<>();
        List<Change> concurrent = new ArrayList<>();
        List<String> concurrentIndexes = changes.stream()
                .filter(change -> change instanceof Change.CreateIndex c && c.index().concurrently())
                .map(change -> Snapshot.key(((Change.CreateIndex) change).schema(), ((Change.CreateIndex) change).index().name()))
                .toList();
        for (Change change : changes) {
            if (change instanceof Change.AddEnumValue) {
                enumValues.add(change);
            } else if (change instanceof Change.CreateIndex c && c.index().concurrently()
                    || CommentPlan.onIndex(change, concurrentIndexes)) {
                // The comment on an index built concurrently follows it.
                concurrent.add(change);
            } else {
                rest.add(change);
            }
        }
        List<Step> steps = new ArrayList<>();
        if (!enumValues.isEmpty()) {
            // This file runs before the renames, so it names each type as it is before them.
            List<Change> added = new ArrayList<>();
            SortedMap<String, EnumSnapshot> enums = new TreeMap<>(from.enums());
            for (Change change : enumValues) {
                Change.AddEnumValue value = (Change.AddEnumValue) change;
                TypeName old = beforeRenames(value.schema(), value.type(), changes);
                added.add(new Change.AddEnumValue(old.schema(), old.name(), value.value(), value.before(), value.after()));
                enums.put(Snapshot.key(old.schema(), old.name()), to.enums().get(value.subject()).movedTo(old.schema(), old.name()));
            }
            steps.add(new Step(added, from.withEnums(enums), false));
        }
        if (!rest.isEmpty()) {
            steps.add(new Step(rest, withoutIndexes(to, concurrent), true));
        }
        if (!concurrent.isEmpty()) {
            steps.add(new Step(concurrent, to, false));
        }
        // The last step leads to the target itself.
        Step last = steps.isEmpty() ? null : steps.remove(steps.size() - 1);
        if (last != null) {
            steps.add(new Step(last.changes(), to, last.transactional()));
        }
        return steps;
    }

    private record TypeName(String schema, String name) {}

    /**
     * The schema and name enum type {@code schema.name} has before the renames among {@code changes}:
     * schemas are renamed before types, so type renames are undone first.
     */
    private static TypeName beforeRenames(String schema, String name, List<Change> changes) {
        String oldSchema = schema;
        String oldName = name;
        for (Change change : changes) {
            if (change instanceof Change.RenameEnum r && r.schema().equals(oldSchema) && r.to().equals(oldName)) {
                oldName = r.from();
            }
        }
        for (Change change : changes) {
            if (change instanceof Change.RenameSchema r && r.to().equals(oldSchema)) {
                oldSchema = r.from();
            }
        }
        return new TypeName(oldSchema, oldName);
    }

    /** The snapshot without the indexes the given changes create. */
    private static Snapshot withoutIndexes(Snapshot snapshot, List<Change> creates) {
        if (creates.isEmpty()) {
            return snapshot;
        }
        SortedMap<String, TableSnapshot> tables = new TreeMap<>(snapshot.tables());
        SortedMap<String, ViewSnapshot> views = new TreeMap<>(snapshot.views());
        for (Change change : creates) {
            if (!(change instanceof Change.CreateIndex create)) {
                continue;
            }
            String key = Snapshot.key(create.schema(), create.table());
            TableSnapshot table = tables.get(key);
            if (table == null) {
                // An index of a materialized view.
                ViewSnapshot view = views.get(key);
                SortedMap<String, IndexSnapshot> indexes = new TreeMap<>(view.indexes());
                indexes.remove(create.index().name());
                views.put(key, view.withIndexes(indexes));
                continue;
            }
            SortedMap<String, IndexSnapshot> indexes = new TreeMap<>(table.indexes());
            indexes.remove(create.index().name());
            tables.put(key, table.withParts(table.columns(), table.primaryKey(), table.uniqueConstraints(),
                    table.foreignKeys(), indexes));
        }
        return CommentSnapshot.keptOn(snapshot.withTables(tables).withViews(views), snapshot.comments().values());
    }
}
