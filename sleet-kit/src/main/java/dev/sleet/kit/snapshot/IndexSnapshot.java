package dev.sleet.kit.snapshot;

import java.util.List;

/** An index that is not the backing index of a primary key or unique constraint. */
public record IndexSnapshot(String name, List<String> columns, boolean unique, String method) {

    public IndexSnapshot {
        columns = List.copyOf(columns);
    }
}
