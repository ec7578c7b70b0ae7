package dev.sleet.kit.snapshot;

/**
 * A function, procedure or aggregate ({@code kind}).
 */
public record RoutineSnapshot(String schema, String name, String kind) {
}
