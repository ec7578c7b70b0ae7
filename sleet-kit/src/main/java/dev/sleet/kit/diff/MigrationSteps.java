package dev.sleet.kit.diff;

import dev.sleet.kit.snapshot.EnumSnapshot;
import dev.sleet.kit.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Splits the changes between two snapshots into migration files where one transaction cannot hold
 * them all. A label added to an enum type cannot be used in the transaction that adds it, so
 * {@link Change.AddEnumValue}s go first, in a file of their own that runs outside a transaction
 * (as PostgreSQL before 12 requires; each statement says {@code IF NOT EXISTS}, so it can run
 * again). Every step carries the snapshot it leads to, so each file gets a true snapshot.
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
        for (Change change : changes) {
            (change instanceof Change.AddEnumValue ? enumValues : rest).add(change);
        }
        List<Step> steps = new ArrayList<>();
        if (!enumValues.isEmpty() && !rest.isEmpty()) {
            SortedMap<String, EnumSnapshot> enums = new TreeMap<>(from.enums());
            for (Change change : enumValues) {
                String key = change.subject();
                enums.put(key, to.enums().get(key));
            }
            steps.add(new Step(enumValues, from.withEnums(enums), false));
            steps.add(new Step(rest, to, true));
        } else if (!enumValues.isEmpty()) {
            steps.add(new Step(enumValues, to, false));
        } else if (!rest.isEmpty()) {
            steps.add(new Step(rest, to, true));
        }
        return steps;
    }
}
