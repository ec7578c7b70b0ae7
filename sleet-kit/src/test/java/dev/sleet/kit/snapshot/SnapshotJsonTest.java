package dev.sleet.kit.snapshot;

import dev.sleet.kit.SleetException;
import dev.sleet.kit.diff.Differ;
import dev.sleet.schema.Comment;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Snapshots written before enums, sequences, views, ... existed read unchanged and write back the same. */
class SnapshotJsonTest {

    /** A snapshot as the first release wrote it (commit e347357's SnapshotJson). */
    private static final String FIRST_RELEASE = """
            {
              "version" : 1,
              "dialect" : "postgresql",
              "id" : "6c1d0f5e-0000-4000-8000-000000000001",
              "prevId" : "00000000-0000-0000-0000-000000000000",
              "schemas" : [ ],
              "tables" : {
                "public.tasks" : {
                  "schema" : "public",
                  "name" : "tasks",
                  "columns" : {
                    "id" : {
                      "name" : "id",
                      "type" : "integer",
                      "serial" : true,
                      "notNull" : true
                    },
                    "name" : {
                      "name" : "name",
                      "type" : "varchar(250)",
                      "serial" : false,
                      "notNull" : false,
                      "defaultValue" : "'untitled'::character varying"
                    }
                  },
                  "primaryKey" : {
                    "name" : "tasks_pkey",
                    "columns" : [
                      "id"
                    ]
                  },
                  "uniqueConstraints" : {
                    "tasks_name_key" : {
                      "name" : "tasks_name_key",
                      "columns" : [
                        "name"
                      ]
                    }
                  },
                  "foreignKeys" : { },
                  "indexes" : {
                    "idx_tasks_name" : {
                      "name" : "idx_tasks_name",
                      "columns" : [
                        "name"
                      ],
                      "unique" : false,
                      "method" : "btree"
                    }
                  }
                }
              }
            }
            """;

    /**
     * A snapshot cut short or edited by hand is an error that says where, never a snapshot with
     * fewer tables: generate would write a migration creating tables that exist.
     */
    @Test
    void partsMissingOrOfTheWrongTypeAreErrorsThatSayWhere() {
        assertThatThrownBy(() -> SnapshotJson.fromJson(FIRST_RELEASE.replace("\"tables\" : {", "\"tablez\" : {"), "0001.json"))
                .isInstanceOf(SleetException.class)
                .hasMessage("0001.json is not a valid Sleet snapshot: it has no \"tables\" object (was it cut short or edited"
                        + " by hand? Restore it from version control)");
        String noTables = FIRST_RELEASE.substring(0, FIRST_RELEASE.indexOf("\"tables\"")) + "\"tables\" : null }";
        assertThatThrownBy(() -> SnapshotJson.fromJson(noTables.replace("[ ],", "[ ],"), "0001.json"))
                .hasMessageContaining("it has no \"tables\" object");
        assertThatThrownBy(() -> SnapshotJson.fromJson(FIRST_RELEASE.replace("\"columns\" : {", "\"kolumns\" : {"), "0001.json"))
                .hasMessageContaining("table public.tasks has no \"columns\" object");
        assertThatThrownBy(() -> SnapshotJson.fromJson(FIRST_RELEASE.replace("\"notNull\" : true", "\"notNull\" : \"yes\""), "0001.json"))
                .hasMessageStartingWith("0001.json is not a valid Sleet snapshot: at tables.public.tasks.columns.id.notNull: ");
    }

    @Test
    void aFirstReleaseSnapshotReadsWithEmptyNewPartsAndWritesBackByteForByte() {
        Snapshot snapshot = SnapshotJson.fromJson(FIRST_RELEASE, "test");

        assertThat(snapshot.enums()).isEmpty();
        assertThat(snapshot.sequences()).isEmpty();
        assertThat(snapshot.views()).isEmpty();
        assertThat(snapshot.roles()).isEmpty();
        assertThat(snapshot.comments()).isEmpty();
        TableSnapshot tasks = snapshot.tables().get("public.tasks");
        assertThat(tasks.checkConstraints()).isEmpty();
        assertThat(tasks.policies()).isEmpty();
        assertThat(tasks.rowLevelSecurity()).isFalse();
        assertThat(tasks.comment()).isNull();
        assertThat(tasks.uniqueConstraints().get("tasks_name_key").nullsNotDistinct()).isFalse();
        assertThat(tasks.indexes().get("idx_tasks_name").keys()).isEmpty();
        assertThat(tasks.columns().get("name").identity()).isNull();
        assertThat(SnapshotJson.toJson(snapshot)).isEqualTo(FIRST_RELEASE);
    }

    /**
     * A rule as snapshots held it before they carried its enabled state: it reads as enabled, the
     * same rule the code declares, and writes back byte for byte ({@code sleet up} would rewrite it
     * otherwise); a state that is not the default is written and read back.
     */
    @Test
    void aRuleWithoutItsEnabledStateReadsAsEnabledAndWritesBackUnchanged() {
        String before = FIRST_RELEASE.substring(0, FIRST_RELEASE.lastIndexOf("}")).stripTrailing() + """
                ,
                  "rules" : {
                    "public.tasks.quiet" : {
                      "schema" : "public",
                      "table" : "tasks",
                      "name" : "quiet",
                      "definition" : "CREATE RULE quiet AS\\n    ON DELETE TO public.tasks DO INSTEAD NOTHING;",
                      "comment" : "kept"
                    }
                  }
                }
                """;

        Snapshot read = SnapshotJson.fromJson(before, "test");

        RuleSnapshot quiet = read.rules().get("public.tasks.quiet");
        assertThat(quiet.enabled()).isEqualTo("O");
        RuleSnapshot enabled = new RuleSnapshot("public", "tasks", "quiet",
                "CREATE RULE quiet AS\n    ON DELETE TO public.tasks DO INSTEAD NOTHING;", "O", "kept");
        assertThat(quiet).isEqualTo(enabled);
        assertThat(Differ.diff(read, read.withRules(new TreeMap<>(Map.of(enabled.key(), enabled))))).isEmpty();
        assertThat(SnapshotJson.toJson(read)).isEqualTo(before);

        Snapshot disabled = read.withRules(new TreeMap<>(Map.of(quiet.key(), quiet.withEnabled("D"))));
        String json = SnapshotJson.toJson(disabled);
        assertThat(json).contains("\"enabled\" : \"D\"");
        assertThat(SnapshotJson.fromJson(json, "test")).isEqualTo(disabled);
    }

    @Test
    void everyNewPartSurvivesTheJsonRoundTrip() {
        Snapshot snapshot = CodeSnapshots.of(dev.sleet.kit.fixtures.AllTypesSchema.tables(),
                dev.sleet.kit.fixtures.AllTypesSchema.objects(), dev.sleet.kit.postgres.PostgresDialect.INSTANCE);

        String json = SnapshotJson.toJson(snapshot);
        Snapshot read = SnapshotJson.fromJson(json, "test");

        assertThat(read).isEqualTo(snapshot);
        assertThat(SnapshotJson.toJson(read)).isEqualTo(json);
        assertThat(json).doesNotContain("\"array\"", "\"always\" :", "\"plainColumn\"", "\"key\"");
    }

    @Test
    void commentsOnObjectsSurviveTheJsonRoundTripNamingTheirTableOnlyWhenWithinOne() {
        Snapshot snapshot = SnapshotJson.fromJson(FIRST_RELEASE, "test").withComments(new java.util.TreeMap<>(java.util.Map.of(
                "INDEX public.idx_tasks_name", new CommentSnapshot(Comment.Kind.INDEX, "public", null, "idx_tasks_name", "it's\n\"odd\""),
                "CONSTRAINT public.tasks.tasks_name_key",
                new CommentSnapshot(Comment.Kind.CONSTRAINT, "public", "tasks", "tasks_name_key", "ünï"))));

        String json = SnapshotJson.toJson(snapshot);

        assertThat(SnapshotJson.fromJson(json, "test")).isEqualTo(snapshot);
        assertThat(json).contains("\"comments\" : {", "\"on\" : \"tasks\"").containsOnlyOnce("\"on\"");
    }
}
