package dev.sleet.migrate.internal;

import java.time.Instant;

/**
 * One row of the tracking table.
 *
 * @param appliedAt   null when inserting (the database's now() is used)
 * @param executionMs null for recorded rows (nothing ran)
 * @param statements  statements executed; null for recorded rows
 */
public record TrackingRow(String tag, String hash, Mode mode, Instant appliedAt, Long executionMs, Integer statements) {

    /** How a migration came to be in the tracking table. */
    public enum Mode {
        /** Its statements were executed. */
        RUN("run"),
        /** A pulled migration whose objects already matched; recorded without running. */
        RECORDED("recorded");

        private final String value;

        Mode(String value) {
            this.value = value;
        }

        /** The value stored in the {@code mode} column. */
        public String value() {
            return value;
        }

        public static Mode fromValue(String value) {
            for (Mode mode : values()) {
                if (mode.value.equals(value)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("unknown tracking mode '" + value + "'");
        }
    }
}
