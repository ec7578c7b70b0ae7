package dev.sleet.kit.dialect;

import dev.sleet.kit.snapshot.Snapshot;

import java.util.List;

/** What introspection read, and what it saw but could not represent yet (said, never dropped silently). */
public record Introspection(Snapshot snapshot, List<String> warnings) {

    public Introspection {
        warnings = List.copyOf(warnings);
    }
}
