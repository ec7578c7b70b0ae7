package dev.sleet.kit.codegen;

import dev.sleet.kit.compile.SchemaCompiler;
import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.schema.Column;
import dev.sleet.schema.Relation;
import dev.sleet.schema.TableRelations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.sleet.kit.codegen.SnapshotBuilder.snapshot;
import static dev.sleet.kit.codegen.SnapshotBuilder.table;
import static org.assertj.core.api.Assertions.assertThat;

class GeneratedRelationsTest {

    @Test
    void seedSchemaRelationsCompileAndLoad(@TempDir Path dir) {
        Generated generated = Generated.roundTrip(SnapshotBuilder.seed(), "jira.schema", dir);

        assertThat(relations(generated)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "epics", List.of("many tasks -> tasks"),
                "tags", List.of("many tasksTags -> tasks_tags", "many tasks -> tasks through tasks_tags"),
                "tasks", List.of(
                        "one epic -> epics [epic_id] = [id]",
                        "one user -> users [user_id] = [id]",
                        "many tasksTags -> tasks_tags",
                        "many tags -> tags through tasks_tags"),
                "tasks_tags", List.of(
                        "one tag -> tags [tag_id] = [id]",
                        "one task -> tasks [task_id] = [id]"),
                "users", List.of("many tasks -> tasks"))));
    }

    @Test
    void twoKeysToTheSameTableNameTheKeyTheyFollow(@TempDir Path dir) {
        Snapshot snapshot = snapshot(
                table("users").id(),
                table("tasks").id()
                        .column("created_by", "integer", true, null)
                        .column("assignee_id", "integer")
                        .references("created_by", "users")
                        .references("assignee_id", "users"));

        Generated generated = Generated.roundTrip(snapshot, "app", dir);

        assertThat(relations(generated)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "tasks", List.of(
                        "one assignee -> users [assignee_id] = [id] via tasks_assignee_id_fkey",
                        "one createdBy -> users [created_by] = [id] via tasks_created_by_fkey"),
                "users", List.of(
                        "many tasksByAssigneeId -> tasks via tasks_assignee_id_fkey",
                        "many tasksByCreatedBy -> tasks via tasks_created_by_fkey"))));
        assertThat(generated.sources.relationsJava()).contains(
                "one(\"assignee\", Schema.USERS, Schema.TASKS.assigneeId, Schema.USERS.id).via(\"tasks_assignee_id_fkey\")",
                "many(\"tasksByCreatedBy\", Schema.TASKS).via(\"tasks_created_by_fkey\")");
    }

    @Test
    void selfReferenceAndCompositeKeys(@TempDir Path dir) {
        Snapshot snapshot = snapshot(
                table("nodes").id().column("parent_id", "integer").references("parent_id", "nodes"),
                table("memberships")
                        .column("user_id", "integer", true, null)
                        .column("org_id", "integer", true, null)
                        .primaryKey("memberships_pkey", "user_id", "org_id"),
                table("grants").id()
                        .column("user_id", "integer")
                        .column("org_id", "integer")
                        .foreignKey("grants_membership_fk", List.of("user_id", "org_id"), "public", "memberships",
                                List.of("user_id", "org_id"), "cascade", "no action"));

        Generated generated = Generated.roundTrip(snapshot, "app", dir);

        Generated.assertSameSchema(generated.readBack, snapshot);
        assertThat(relations(generated)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "grants", List.of("one grantsMembershipFk -> memberships [user_id, org_id] = [user_id, org_id]"),
                "memberships", List.of("many grants -> grants"),
                "nodes", List.of("one parent -> nodes [parent_id] = [id]", "many nodes -> nodes"))));
        assertThat(generated.sources.relationsJava()).contains(
                "one(\"grantsMembershipFk\", Schema.MEMBERSHIPS, List.of(Schema.GRANTS.userId, Schema.GRANTS.orgId), "
                        + "List.of(Schema.MEMBERSHIPS.userId, Schema.MEMBERSHIPS.orgId))");
    }

    @Test
    void junctionTablesDeclareManyToManyWithOrWithoutTheirOwnKey(@TempDir Path dir) {
        Snapshot snapshot = snapshot(
                table("posts").id(),
                table("labels").id(),
                table("people").id(),
                table("groups").id(),
                table("post_labels").column("post_id", "integer", true, null).column("label_id", "integer", true, null)
                        .primaryKey("post_labels_pkey", "post_id", "label_id")
                        .references("post_id", "posts").references("label_id", "labels"),
                table("members").id().column("person_id", "integer").column("group_id", "integer")
                        .references("person_id", "people").references("group_id", "groups"),
                // a third column makes it an entity of its own, not a junction
                table("reviews").id().column("post_id", "integer").column("person_id", "integer").column("stars", "integer")
                        .references("post_id", "posts").references("person_id", "people"));

        Generated generated = Generated.roundTrip(snapshot, "app", dir);

        Map<String, List<String>> relations = relations(generated);
        assertThat(relations.get("posts")).contains("many labels -> labels through post_labels")
                .noneMatch(r -> r.contains("through reviews"));
        assertThat(relations.get("labels")).contains("many posts -> posts through post_labels");
        assertThat(relations.get("people")).contains("many groups -> groups through members")
                .noneMatch(r -> r.contains("through reviews"));
        assertThat(relations.get("groups")).contains("many people -> people through members");
    }

    @Test
    void relationNamesStayUniqueWithinATable(@TempDir Path dir) {
        Snapshot snapshot = snapshot(
                table("users").id(),
                table("user").id().column("user_id", "integer").column("users_id", "integer")
                        .foreignKey("user_owner", List.of("user_id"), "public", "users", List.of("id"), "no action", "no action")
                        .foreignKey("user_self", List.of("users_id"), "public", "user", List.of("id"), "no action", "no action"));

        Generated generated = Generated.roundTrip(snapshot, "app", dir);

        assertThat(relations(generated).get("user")).containsExactly(
                "one user -> users [user_id] = [id]",
                "one users -> user [users_id] = [id]",
                "many user2 -> user");
        assertThat(relations(generated).get("users")).containsExactly("many user -> user");
    }

    @Test
    void largeSchemasDeclareTheSameRelationsThroughMethods(@TempDir Path dir) {
        Snapshot snapshot = snapshot(
                table("users").id(),
                table("class").id().column("user_id", "integer").references("user_id", "users"),
                table("one").id().column("class_id", "integer").references("class_id", "class"));
        JavaSchemaWriter.GeneratedSources sources = new JavaSchemaWriter(PostgresDialect.INSTANCE, 0).write(snapshot, "app");
        List<Path> files = Generated.write(sources, "app", dir.resolve("src"));

        SchemaCompiler.LoadedSchema loaded = SchemaCompiler.withCacheDir(dir.resolve("cache")).load(files);

        assertThat(sources.relationsJava()).contains(
                "public static final TableRelations CLASS = Part1.class_();",
                "public static final TableRelations ONE = Part1.one2();",
                "    static TableRelations class_() {");
        assertThat(loaded.relations()).extracting(r -> r.table().tableName()).containsExactly("class", "one", "users");
        assertThat(loaded.relations().get(1).relations()).extracting(Relation::name).containsExactly("class");
    }

    /** Relations by table name, each described as one line. */
    static Map<String, List<String>> relations(Generated generated) {
        Map<String, List<String>> byTable = new TreeMap<>();
        for (TableRelations relations : generated.loaded.relations()) {
            byTable.put(relations.table().tableName(),
                    relations.relations().stream().map(GeneratedRelationsTest::describe).toList());
        }
        return byTable;
    }

    private static String describe(Relation relation) {
        String text = relation.kind().name().toLowerCase() + " " + relation.name() + " -> " + relation.target().tableName();
        if (!relation.fields().isEmpty()) {
            text += " " + names(relation.fields()) + " = " + names(relation.references());
        }
        return text + relation.relationName().map(n -> " via " + n).orElse("")
                + relation.junction().map(j -> " through " + j.tableName()).orElse("");
    }

    private static String names(List<Column<?>> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", ", "[", "]"));
    }
}
