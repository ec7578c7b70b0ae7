package dev.sleet.migrate;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the tracking table, as {@link Migrator#applied()} reads it.
 *
 * @param tag         the migration's tag
 * @param hash        SHA-256 of the file when it was applied (see {@link MigrationFile#hash(String)})
 * @param mode        {@code run} (its statements were executed) or {@code recorded} (a pulled migration
 *                    whose objects already existed)
 * @param appliedAt   when it was applied
 * @param executionMs time its statements took; null when recorded
 * @param statements  statements executed; null when recorded
 */
public record AppliedMigration(String tag, String hash, String mode, Instant appliedAt, Long executionMs,
                               Integer statements) {

    public AppliedMigration {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(mode, "mode");
    }
}
