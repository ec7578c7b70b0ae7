package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Objects;

/** An enum type: its schema, name and labels in their sort order. */
public record EnumSnapshot(String schema, String name, List<String> values) implements SchemaObjectSnapshot<EnumSnapshot> {

    public EnumSnapshot {
        Objects.requireNonNull(schema);
        Objects.requireNonNull(name);
        values = List.copyOf(values);
    }

    @JsonIgnore
    @Override
    public String key() {
        return Snapshot.key(schema, name);
    }

    @Override
    public EnumSnapshot movedTo(String newSchema, String newName) {
        return new EnumSnapshot(newSchema, newName, values);
    }
}
