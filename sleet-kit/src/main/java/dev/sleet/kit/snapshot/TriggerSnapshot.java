package dev.sleet.kit.snapshot;

import dev.sleet.schema.Enabled;

import java.util.Objects;

/**
 * A trigger on a table. {@code definition} is the {@code CREATE [CONSTRAINT] TRIGGER} statement as
 * {@code pg_get_triggerdef} prints it (with the search path set to {@code public}); {@code enabled}
 * is the catalog's letter ({@code tgenabled}, see {@link Enabled}): {@code O} enabled (the default),
 * {@code D} disabled, {@code R} replica only, {@code A} always.
 */
public record TriggerSnapshot(String name, String definition,
                              String enabled) {

    public TriggerSnapshot {
        Objects.requireNonNull(name);
        Objects.requireNonNull(definition);
        enabled = enabled == null ? Enabled.ORIGIN.code() : enabled;
    }

    /** The same trigger, enabled as {@code state} says. */
    public TriggerSnapshot withEnabled(String state) {
        return new TriggerSnapshot(name, definition, state);
    }
}
