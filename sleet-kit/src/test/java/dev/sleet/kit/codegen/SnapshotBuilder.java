package dev.sleet.kit.codegen;

import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.KeySnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Test helper: snapshots written by hand, in the normal form CodeSnapshots and introspection produce. */
final class SnapshotBuilder {

    private final String schema;
    private final String name;
    private final Map<String, ColumnSnapshot> columns = new LinkedHashMap<>();
    private KeySnapshot primaryKey;
    private final Map<String, KeySnapshot> uniques = new TreeMap<>();
    private final Map<String, ForeignKeySnapshot> foreignKeys = new TreeMap<>();
    private final Map<String, IndexSnapshot> indexes = new TreeMap<>();

    private SnapshotBuilder(String schema, String name) {
        this.schema = schema;
        this.name = name;
    }

    static SnapshotBuilder table(String name) {
        return new SnapshotBuilder("public", name);
    }

    static SnapshotBuilder table(String schema, String name) {
        return new SnapshotBuilder(schema, name);
    }

    SnapshotBuilder column(String column, String type) {
        return column(column, type, false, null);
    }

    SnapshotBuilder column(String column, String type, boolean notNull, String defaultValue) {
        columns.put(column, new ColumnSnapshot(column, type, false, notNull, defaultValue));
        return this;
    }

    /** A serial column with the default-named primary key on it. */
    SnapshotBuilder id() {
        columns.put("id", new ColumnSnapshot("id", "integer", true, true, null));
        return primaryKey(name + "_pkey", "id");
    }

    SnapshotBuilder serial(String column, String type) {
        columns.put(column, new ColumnSnapshot(column, type, true, true, null));
        return this;
    }

    SnapshotBuilder primaryKey(String keyName, String... keyColumns) {
        primaryKey = new KeySnapshot(keyName, List.of(keyColumns));
        return this;
    }

    SnapshotBuilder unique(String keyName, String... keyColumns) {
        uniques.put(keyName, new KeySnapshot(keyName, List.of(keyColumns)));
        return this;
    }

    /** A foreign key to public.{@code target}'s {@code id}, no actions, with PostgreSQL's default name. */
    SnapshotBuilder references(String column, String target) {
        return foreignKey(PostgresDialect.INSTANCE.defaultConstraintName(name, List.of(column), "fkey"),
                List.of(column), "public", target, List.of("id"), "no action", "no action");
    }

    SnapshotBuilder foreignKey(String keyName, List<String> keyColumns, String targetSchema, String target,
                               List<String> targetColumns, String onDelete, String onUpdate) {
        foreignKeys.put(keyName, new ForeignKeySnapshot(keyName, keyColumns, targetSchema, target, targetColumns,
                onDelete, onUpdate));
        return this;
    }

    SnapshotBuilder index(String indexName, boolean unique, String method, String... indexColumns) {
        indexes.put(indexName, new IndexSnapshot(indexName, List.of(indexColumns), unique, method));
        return this;
    }

    TableSnapshot build() {
        return new TableSnapshot(schema, name, columns, primaryKey, new TreeMap<>(uniques), new TreeMap<>(foreignKeys),
                new TreeMap<>(indexes));
    }

    static Snapshot snapshot(SnapshotBuilder... tables) {
        TreeMap<String, TableSnapshot> map = new TreeMap<>();
        TreeSet<String> schemas = new TreeSet<>();
        for (SnapshotBuilder builder : tables) {
            TableSnapshot table = builder.build();
            map.put(table.key(), table);
            if (!table.schema().equals("public")) {
                schemas.add(table.schema());
            }
        }
        return new Snapshot(Snapshot.CURRENT_VERSION, "postgresql", Snapshot.NO_PARENT, "", schemas, map);
    }

    /** The seed schema of the walkthrough: users, epics, tasks, tags and tasks_tags. */
    static Snapshot seed() {
        return snapshot(
                table("users").id().column("name", "text", true, null),
                table("epics").id().column("title", "varchar(250)", true, null),
                table("tasks").id()
                        .column("name", "varchar(250)", true, null)
                        .column("epic_id", "integer")
                        .column("user_id", "integer")
                        .column("importance", "integer", true, "0")
                        .foreignKey("fk_task_epic", List.of("epic_id"), "public", "epics", List.of("id"), "no action", "no action")
                        .foreignKey("fk_task_user", List.of("user_id"), "public", "users", List.of("id"), "cascade", "no action")
                        .index("idx_tasks_epic", false, "btree", "epic_id"),
                table("tags").id().column("label", "text", true, null).unique("tags_label_key", "label"),
                table("tasks_tags")
                        .column("task_id", "integer", true, null)
                        .column("tag_id", "integer", true, null)
                        .primaryKey("tasks_tags_pkey", "task_id", "tag_id")
                        .references("task_id", "tasks")
                        .references("tag_id", "tags"));
    }
}
