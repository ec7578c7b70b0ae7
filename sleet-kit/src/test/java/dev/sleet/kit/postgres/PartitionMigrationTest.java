package dev.sleet.kit.postgres;

import dev.sleet.kit.SleetException;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.snapshot.PartitionKeySnapshot;
import dev.sleet.kit.snapshot.PartitionSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotJson;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.util.List;

import static dev.sleet.kit.postgres.Live.apply;
import static dev.sleet.kit.postgres.Live.introspect;
import static dev.sleet.kit.postgres.Live.migrate;
import static dev.sleet.kit.postgres.Live.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Partitioned tables and partitions read from the catalog and migrated on a real PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class PartitionMigrationTest {

    @Test
    void partitionsReadWithTheirBoundsAndWithoutWhatTheyInherit(TestDatabase db) throws SQLException {
        db.execute("""
                CREATE TABLE r (id int PRIMARY KEY);
                CREATE TABLE "zz ""parent" (id int REFERENCES r (id), "At" date, note text, CHECK (id > 0))
                    PARTITION BY RANGE ("At", (id + 1));
                CREATE INDEX zz_note ON "zz ""parent" (note);
                CREATE TABLE "aa part" PARTITION OF "zz ""parent" FOR VALUES FROM ('2024-01-01', 1) TO ('2025-01-01', 1);
                CREATE INDEX "aa own" ON "aa part" (note DESC);
                """);

        Snapshot live = introspect(db);

        TableSnapshot parent = live.tables().get("public.zz \"parent");
        assertThat(parent.partitioning()).isEqualTo(new PartitionSnapshot("range",
                List.of(new PartitionKeySnapshot("At", null), new PartitionKeySnapshot(null, "((id + 1))")), null, null, null));
        TableSnapshot partition = live.tables().get("public.aa part");
        assertThat(partition.partitioning()).isEqualTo(new PartitionSnapshot(null, List.of(), "public", "zz \"parent",
                "FOR VALUES FROM ('2024-01-01', 1) TO ('2025-01-01', 1)"));
        assertThat(partition.columns()).isEmpty();
        assertThat(partition.foreignKeys()).isEmpty();
        assertThat(partition.checkConstraints()).isEmpty();
        assertThat(partition.indexes()).containsOnlyKeys("aa own");
        assertThat(SnapshotJson.fromJson(SnapshotJson.toJson(live), "test")).isEqualTo(live);
    }

    @Test
    void parentsAreCreatedBeforeTheirPartitionsAndDroppedAfterThem(TestDatabase db, TestDatabase target) throws SQLException {
        target.execute("""
                CREATE TABLE zz (id int, kind text) PARTITION BY LIST (kind);
                CREATE TABLE "a ""sub" PARTITION OF zz FOR VALUES IN ('a', 'b') PARTITION BY HASH (id);
                CREATE TABLE a0 PARTITION OF "a ""sub" FOR VALUES WITH (MODULUS 2, REMAINDER 0);
                CREATE TABLE a1 PARTITION OF "a ""sub" FOR VALUES WITH (MODULUS 2, REMAINDER 1);
                CREATE TABLE "b rest" PARTITION OF zz DEFAULT;
                """);
        Snapshot wanted = introspect(target);

        List<String> created = apply(db, Differ.diff(Snapshot.empty("postgresql"), wanted));

        assertThat(created.get(0)).startsWith("CREATE TABLE \"zz\"");
        assertThat(created.indexOf("CREATE TABLE \"a \"\"sub\" PARTITION OF \"zz\" FOR VALUES IN ('a', 'b') PARTITION BY HASH (\"id\");"))
                .isLessThan(created.indexOf("CREATE TABLE \"a0\" PARTITION OF \"a \"\"sub\" FOR VALUES WITH (modulus 2, remainder 0);"));
        assertThat(introspect(db).sameSchemaAs(wanted)).isTrue();
        List<String> dropped = apply(db, Differ.diff(wanted, Snapshot.empty("postgresql")));
        assertThat(dropped.get(dropped.size() - 1)).isEqualTo("DROP TABLE \"zz\";");
        assertThat(introspect(db).tables()).isEmpty();
    }

    @Test
    void aNewBoundDetachesAndAttachesKeepingTheRows(TestDatabase db, TestDatabase target) throws SQLException {
        List<String> sql = migrate(db, """
                CREATE TABLE t (id int PRIMARY KEY, v text) PARTITION BY RANGE (id);
                CREATE TABLE t_low PARTITION OF t FOR VALUES FROM (0) TO (10);
                CREATE TABLE t_rest PARTITION OF t DEFAULT;
                INSERT INTO t VALUES (1, 'one'), (5, 'five'), (50, 'fifty');
                """, target, """
                CREATE TABLE t (id int PRIMARY KEY, v text) PARTITION BY RANGE (id);
                CREATE TABLE t_low PARTITION OF t FOR VALUES FROM (0) TO (100);
                CREATE TABLE t_rest (id int NOT NULL, v text, CONSTRAINT t_rest_pkey PRIMARY KEY (id));
                """);

        assertThat(sql).containsExactly(
                "ALTER TABLE \"t\" DETACH PARTITION \"t_low\";",
                "ALTER TABLE \"t\" DETACH PARTITION \"t_rest\";",
                "ALTER TABLE \"t\" ATTACH PARTITION \"t_low\" FOR VALUES FROM (0) TO (100);");
        assertThat(rows(db, "SELECT tableoid::regclass || ':' || id FROM t ORDER BY id")).containsExactly("t_low:1", "t_low:5");
        assertThat(rows(db, "SELECT id::text FROM t_rest")).containsExactly("50");
    }

    @Test
    void aNewPartitionKeyIsRefusedInWords(TestDatabase db, TestDatabase target) throws SQLException {
        db.execute("CREATE TABLE t (id int, v text) PARTITION BY RANGE (id);");
        target.execute("CREATE TABLE t (id int, v text) PARTITION BY LIST (v);");

        assertThatThrownBy(() -> Differ.diff(introspect(db), introspect(target)))
                .isInstanceOf(SleetException.class)
                .hasMessageContaining("Table public.t changes how it is partitioned")
                .hasMessageContaining("PostgreSQL cannot alter");
    }
}
