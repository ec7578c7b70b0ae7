package dev.sleet.kit.snapshot;

/**
 * An extension ({@code CREATE EXTENSION name SCHEMA schema}). Objects it owns stay out of the snapshot.
 */
public record ExtensionSnapshot(String name, String schema) {
}
