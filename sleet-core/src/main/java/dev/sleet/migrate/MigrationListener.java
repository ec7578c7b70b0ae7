package dev.sleet.migrate;

import java.time.Duration;
import java.util.List;

/**
 * Progress callbacks from {@link Migrator#migrate()}, called on the migrating thread. Every method
 * has an empty default, so implement only what you print. The {@code sleet migrate} CLI prints these.
 */
public interface MigrationListener {

    /** A listener that ignores everything. */
    MigrationListener NONE = new MigrationListener() { };

    /** Another migrator holds the lock on this tracking table; this run waits for it to finish. */
    default void waitingForLock(String trackingTable) { }

    /** The lock is held and the database was read: these migrations will be considered, in order. */
    default void planned(List<MigrationFile> pending, int alreadyApplied) { }

    /** {@code file} is pending but sorts before {@code lastApplied} (a merged branch); it will be applied. */
    default void outOfOrder(MigrationFile file, String lastApplied) { }

    /** {@code file} is about to run ({@code statements} statements). */
    default void fileStarting(MigrationFile file, int statements) { }

    /** {@code file} runs statement by statement in autocommit: a failure leaves earlier statements applied. */
    default void outsideTransaction(MigrationFile file) { }

    /** Statement {@code number} (1-based) of {@code total} is about to run. */
    default void statementStarting(MigrationFile file, int number, int total, String sql) { }

    /** {@code file} ran completely and is recorded. */
    default void fileApplied(MigrationFile file, Duration elapsed) { }

    /**
     * A pulled {@code file} was recorded without running, because every probe already matches the
     * database (it is the database the migration was pulled from, or one in the same state).
     */
    default void fileRecorded(MigrationFile file, List<Probe> probes) { }

    /** The run finished successfully. */
    default void finished(MigrationReport report) { }
}
