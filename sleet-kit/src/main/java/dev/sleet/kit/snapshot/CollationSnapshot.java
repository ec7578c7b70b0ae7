package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Objects;

/**
 * A collation created by {@code CREATE COLLATION}: {@code provider} is {@code icu} or {@code libc};
 * {@code lcCollate} and {@code lcCtype} as the catalog keeps them (one locale for ICU, both the same).
 */
public record CollationSnapshot(String schema, String name, String provider, String lcCollate, String lcCtype,
                                boolean deterministic) {

    public CollationSnapshot {
        Objects.requireNonNull(schema);
        Objects.requireNonNull(name);
        Objects.requireNonNull(provider);
    }

    @JsonIgnore
    public String key() {
        return Snapshot.key(schema, name);
    }
}
