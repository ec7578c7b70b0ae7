package dev.sleet.kit.snapshot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void aFirstReleaseSnapshotReadsWithEmptyNewPartsAndWritesBackByteForByte() {
        Snapshot snapshot = SnapshotJson.fromJson(FIRST_RELEASE, "test");

        assertThat(snapshot.enums()).isEmpty();
        assertThat(snapshot.sequences()).isEmpty();
        assertThat(snapshot.views()).isEmpty();
        assertThat(snapshot.roles()).isEmpty();
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
}
