package dev.sleet.kit.snapshot;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The whole schema as Sleet understands it: what the schema code declares, what a database holds,
 * or what a migration history has reached. Schema code, introspection and the differ all meet in
 * this one model. Tables are keyed by {@code schema.name}; maps are sorted so that the JSON form is
 * deterministic.
 *
 * @param schemas the schemas that hold tables, besides {@code public}, sorted
 */
public record Snapshot(int version, String dialect, String id, String prevId,
                       SortedSet<String> schemas, SortedMap<String, TableSnapshot> tables) {

    /** The snapshot format version this build writes. */
    public static final int CURRENT_VERSION = 1;
    public static final String NO_PARENT = "00000000-0000-0000-0000-000000000000";

    public Snapshot {
        Objects.requireNonNull(dialect);
        schemas = new TreeSet<>(schemas == null ? new TreeSet<>() : schemas);
        tables = new TreeMap<>(tables == null ? Map.of() : tables);
    }

    public static Snapshot empty(String dialect) {
        return new Snapshot(CURRENT_VERSION, dialect, NO_PARENT, "", new TreeSet<>(), new TreeMap<>());
    }

    /** The same schema under a new identity, chained to {@code parent}. */
    public Snapshot withIdentity(String newId, String parentId) {
        return new Snapshot(version, dialect, newId, parentId, schemas, tables);
    }

    /** True when both describe the same schema, whatever their identities. */
    public boolean sameSchemaAs(Snapshot other) {
        return schemas.equals(other.schemas) && tables.equals(other.tables);
    }

    public static String key(String schema, String name) {
        return schema + "." + name;
    }
}
