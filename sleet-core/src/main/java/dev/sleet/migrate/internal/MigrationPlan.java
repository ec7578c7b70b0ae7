package dev.sleet.migrate.internal;

import dev.sleet.migrate.MigrationException;
import dev.sleet.migrate.MigrationFile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run will do, computed from the journal's files and the tracking table's rows after the
 * lock is taken. Construction verifies the applied migrations and refuses to plan anything when
 * one was edited or removed, because then the database no longer matches the code's history.
 *
 * @param pending        files to apply, in journal order
 * @param alreadyApplied tags already in the tracking table, in journal order
 * @param lastApplied    the applied tag latest in the journal, or null for a fresh database
 * @param outOfOrder     tags among {@code pending} that come before {@code lastApplied}
 */
public record MigrationPlan(List<MigrationFile> pending, List<String> alreadyApplied, String lastApplied,
                            List<String> outOfOrder) {

    public static MigrationPlan of(List<MigrationFile> files, List<TrackingRow> applied, String sourceName,
                                   String trackingTableName) {
        Map<String, Integer> positions = new HashMap<>();
        Map<String, MigrationFile> byTag = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            positions.put(files.get(i).tag(), i);
            byTag.put(files.get(i).tag(), files.get(i));
        }

        List<String> problems = new ArrayList<>();
        Map<String, TrackingRow> appliedByTag = new HashMap<>();
        int lastPosition = -1;
        for (TrackingRow row : applied) {
            appliedByTag.put(row.tag(), row);
            MigrationFile file = byTag.get(row.tag());
            if (file == null) {
                problems.add(row.tag() + " was applied" + (row.appliedAt() == null ? "" : " at " + row.appliedAt())
                        + " but is not in the journal any more. Restore " + row.tag()
                        + ".sql and its journal entry (or, if the migration was reverted by hand on purpose, delete its row from "
                        + trackingTableName + ").");
                continue;
            }
            String hash = file.hash();
            if (!hash.equals(row.hash())) {
                problems.add(file.fileName() + " was changed after it was applied (applied "
                        + SqlText.shortHash(row.hash()) + ", file now " + SqlText.shortHash(hash)
                        + "). Revert the edit and put the change in a new migration.");
            }
            lastPosition = Math.max(lastPosition, positions.get(row.tag()));
        }
        if (!problems.isEmpty()) {
            throw new MigrationException("Refusing to migrate: the applied migrations in " + trackingTableName
                    + " do not match " + sourceName + ":\n  - " + String.join("\n  - ", problems));
        }

        List<MigrationFile> pending = new ArrayList<>();
        List<String> alreadyApplied = new ArrayList<>();
        List<String> outOfOrder = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            MigrationFile file = files.get(i);
            if (appliedByTag.containsKey(file.tag())) {
                alreadyApplied.add(file.tag());
            } else {
                pending.add(file);
                // A pending file before the newest applied one usually comes from a merged branch.
                // It is applied rather than skipped: skipping would silently lose its schema change.
                if (i < lastPosition) {
                    outOfOrder.add(file.tag());
                }
            }
        }
        String lastApplied = lastPosition < 0 ? null : files.get(lastPosition).tag();
        return new MigrationPlan(List.copyOf(pending), List.copyOf(alreadyApplied), lastApplied, List.copyOf(outOfOrder));
    }

    public boolean isOutOfOrder(MigrationFile file) {
        return outOfOrder.contains(file.tag());
    }
}
