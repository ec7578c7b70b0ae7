package dev.sleet.kit.snapshot;

/**
 * A collation created by {@code CREATE COLLATION}.
 */
public record CollationSnapshot(String schema, String name) {
}
