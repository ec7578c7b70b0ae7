package dev.sleet.kit.snapshot;

/**
 * A text search configuration or dictionary ({@code kind}).
 */
public record TextSearchSnapshot(String schema, String name, String kind) {
}
