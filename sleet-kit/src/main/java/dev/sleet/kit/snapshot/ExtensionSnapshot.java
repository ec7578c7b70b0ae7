package dev.sleet.kit.snapshot;

import java.util.Objects;

/**
 * An extension ({@code CREATE EXTENSION IF NOT EXISTS name WITH SCHEMA schema}), keyed by name.
 * Its version is not kept: a database gets what its server offers. Objects it owns stay out of
 * the snapshot.
 */
public record ExtensionSnapshot(String name, String schema) {

    public ExtensionSnapshot {
        Objects.requireNonNull(name);
        Objects.requireNonNull(schema);
    }
}
