package dev.sleet.kit.snapshot;

/**
 * A trigger on a table.
 */
public record TriggerSnapshot(String name) {
}
