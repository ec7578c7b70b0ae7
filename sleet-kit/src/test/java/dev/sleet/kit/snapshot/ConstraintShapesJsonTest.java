package dev.sleet.kit.snapshot;

import dev.sleet.schema.Deferral;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deferral, NOT VALID, INCLUDE, exclusion constraints and view indexes in the snapshot JSON:
 * written only when set, so snapshots written before them read unchanged, and read back as written.
 */
class ConstraintShapesJsonTest {

    private static final String OLD = """
            {"version":1,"dialect":"postgresql","id":"a","prevId":"","schemas":[],
             "tables":{"public.t":{"schema":"public","name":"t",
               "columns":{"id":{"name":"id","type":"integer","serial":false,"notNull":true}},
               "primaryKey":{"name":"t_pkey","columns":["id"]},
               "uniqueConstraints":{},
               "foreignKeys":{"t_fk":{"name":"t_fk","columns":["id"],"referencedSchema":"public","referencedTable":"t",
                 "referencedColumns":["id"],"onDelete":"no action","onUpdate":"no action"}},
               "indexes":{"t_idx":{"name":"t_idx","columns":["id"],"unique":false,"method":"btree"}},
               "checkConstraints":{"t_check":{"name":"t_check","expression":"(id > 0)"}}}},
             "views":{"public.v":{"schema":"public","name":"v","definition":"SELECT 1","materialized":true}}}
            """;

    @Test
    void snapshotsWrittenBeforeReadAsNotDeferrableValidWithoutIncludeOrIndexes() {
        Snapshot old = SnapshotJson.fromJson(OLD, "old.json");
        TableSnapshot t = old.tables().get("public.t");
        assertThat(t.primaryKey().deferralOrDefault()).isEqualTo(Deferral.NOT_DEFERRABLE);
        assertThat(t.foreignKeys().get("t_fk").notValid()).isFalse();
        assertThat(t.foreignKeys().get("t_fk").deferral()).isNull();
        assertThat(t.checkConstraints().get("t_check").notValid()).isFalse();
        assertThat(t.indexes().get("t_idx").include()).isEmpty();
        assertThat(t.exclusions()).isEmpty();
        assertThat(old.views().get("public.v").indexes()).isEmpty();
        // And written again, nothing new appears.
        String json = SnapshotJson.toJson(old);
        assertThat(json).doesNotContain("deferral", "notValid", "include", "exclusions", "\"indexes\" : { }");
    }

    @Test
    void theNewPartsReadBackAsWritten() {
        Snapshot old = SnapshotJson.fromJson(OLD, "old.json");
        TableSnapshot t = old.tables().get("public.t");
        ForeignKeySnapshot fk = t.foreignKeys().get("t_fk");
        TableSnapshot changed = t.withParts(t.columns(), new KeySnapshot("t_pkey", List.of("id"), false, Deferral.DEFERRABLE_DEFERRED),
                        t.uniqueConstraints(),
                        new TreeMap<>(Map.of("t_fk", new ForeignKeySnapshot(fk.name(), fk.columns(), fk.referencedSchema(),
                                fk.referencedTable(), fk.referencedColumns(), fk.onDelete(), fk.onUpdate(),
                                Deferral.DEFERRABLE_IMMEDIATE, true))),
                        new TreeMap<>(Map.of("t_idx", new IndexSnapshot("t_idx", List.of("id"), false, "btree", null, null, null,
                                false, false, List.of("id")))))
                .withExclusions(new TreeMap<>(Map.of("t_x", new ExclusionSnapshot("t_x", "gist",
                        List.of(IndexKeySnapshot.column("id")), List.of("="), "(id > 0)", Deferral.DEFERRABLE_DEFERRED))));
        ViewSnapshot v = old.views().get("public.v");
        Snapshot next = old.withTables(new TreeMap<>(Map.of("public.t", changed))).withViews(new TreeMap<>(Map.of("public.v",
                new ViewSnapshot(v.schema(), v.name(), v.definition(), true, null, false, null, null,
                        new TreeMap<>(Map.of("v_idx", new IndexSnapshot("v_idx", List.of("n"), true, "btree"))))))) ;

        Snapshot read = SnapshotJson.fromJson(SnapshotJson.toJson(next), "next.json");

        assertThat(read.sameSchemaAs(next)).isTrue();
        assertThat(read.tables().get("public.t")).isEqualTo(changed);
        assertThat(SnapshotJson.toJson(read)).contains("\"deferral\" : \"DEFERRABLE_DEFERRED\"", "\"notValid\" : true",
                "\"include\" : [");
    }
}
