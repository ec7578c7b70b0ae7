package dev.sleet.kit.snapshot;

import java.util.Objects;

/** A role and its flags, as {@code pg_roles} has them ({@code connectionLimit} -1 for none). */
public record RoleSnapshot(String name, boolean login, boolean createDb, boolean createRole, boolean inherit,
                           boolean bypassRls, boolean replication, int connectionLimit) {

    public RoleSnapshot {
        Objects.requireNonNull(name);
    }
}
