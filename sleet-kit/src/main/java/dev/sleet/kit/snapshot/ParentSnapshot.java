package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Objects;

/** A table another inherits from ({@code INHERITS}): its schema and name. */
public record ParentSnapshot(String schema, String name) {

    public ParentSnapshot {
        Objects.requireNonNull(schema);
        Objects.requireNonNull(name);
    }

    @JsonIgnore
    public String key() {
        return Snapshot.key(schema, name);
    }
}
