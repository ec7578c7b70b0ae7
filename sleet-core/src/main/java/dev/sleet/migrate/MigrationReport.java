package dev.sleet.migrate;

import java.util.List;

/**
 * What one {@link Migrator#migrate()} call did. All lists hold tags in journal order.
 *
 * @param applied        migrations that ran now
 * @param recorded       pulled migrations recorded without running (their objects already matched)
 * @param alreadyApplied migrations found in the tracking table before this run
 * @param outOfOrder     the subset of {@code applied} and {@code recorded} that sorted before an
 *                       already-applied migration
 */
public record MigrationReport(List<String> applied, List<String> recorded, List<String> alreadyApplied,
                              List<String> outOfOrder) {

    public MigrationReport {
        applied = List.copyOf(applied);
        recorded = List.copyOf(recorded);
        alreadyApplied = List.copyOf(alreadyApplied);
        outOfOrder = List.copyOf(outOfOrder);
    }

    /** True when the database was already up to date. */
    public boolean isNoOp() {
        return applied.isEmpty() && recorded.isEmpty();
    }
}
