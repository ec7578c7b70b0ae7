package dev.sleet.kit.dialect;

import dev.sleet.kit.snapshot.Snapshot;

import java.util.List;

/**
 * What introspection read, and what it saw but could not represent yet (said, never dropped
 * silently): {@code warnings} for what it left out of what it reads, {@code unmanaged} for kinds
 * of objects Sleet does not manage at all.
 */
public record Introspection(Snapshot snapshot, List<String> warnings, Unmanaged unmanaged) {

    public Introspection {
        warnings = List.copyOf(warnings);
        unmanaged = unmanaged == null ? Unmanaged.NONE : unmanaged;
    }

    public Introspection(Snapshot snapshot, List<String> warnings) {
        this(snapshot, warnings, Unmanaged.NONE);
    }
}
