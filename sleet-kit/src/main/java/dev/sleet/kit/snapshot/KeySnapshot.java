package dev.sleet.kit.snapshot;

import java.util.List;

/** A primary key or unique constraint: a name and its columns in order. */
public record KeySnapshot(String name, List<String> columns) {

    public KeySnapshot {
        columns = List.copyOf(columns);
    }
}
