package dev.sleet.migrate.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/** The schema and name of the table that records applied migrations (unquoted; dialects quote). */
public record TrackingTable(String schema, String table) {

    public TrackingTable {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
    }

    /**
     * A stable 64-bit lock key for this table. Derived from the names (not configurable) so every
     * process migrating the same tracking table — any JVM, any version — contends for the same lock,
     * while two applications with different tracking tables in one database do not block each other.
     */
    public long lockKey() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("sleet-migrations:" + schema + "." + table).getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = (key << 8) | (digest[i] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
