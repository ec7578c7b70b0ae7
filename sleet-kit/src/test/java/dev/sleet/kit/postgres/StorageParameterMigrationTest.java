package dev.sleet.kit.postgres;

import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.util.List;

import static dev.sleet.kit.postgres.Live.introspect;
import static dev.sleet.kit.postgres.Live.migrate;
import static dev.sleet.kit.postgres.Live.rows;
import static org.assertj.core.api.Assertions.assertThat;

/** Table storage parameters ({@code WITH (fillfactor=70)}): read from the catalog and migrated on a real PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class StorageParameterMigrationTest {

    @Test
    void storageParametersAreReadAndTablesCreatedWithThem(TestDatabase db, TestDatabase target) throws SQLException {
        List<String> sql = migrate(db, "", target, """
                CREATE TABLE t (id int) WITH (autovacuum_vacuum_scale_factor='0.1', fillfactor=70);
                CREATE TABLE plain (id int);
                CREATE TABLE parent (id int, at date) PARTITION BY RANGE (at);
                CREATE TABLE part PARTITION OF parent FOR VALUES FROM ('2020-01-01') TO ('2021-01-01') WITH (fillfactor=50);
                """);

        Snapshot live = introspect(db);
        assertThat(live.tables().get("public.t").with())
                .containsExactly(java.util.Map.entry("autovacuum_vacuum_scale_factor", "0.1"), java.util.Map.entry("fillfactor", "70"));
        assertThat(live.tables().get("public.plain").with()).isEmpty();
        assertThat(sql).contains("CREATE TABLE \"t\" (\n\t\"id\" integer\n) WITH (autovacuum_vacuum_scale_factor='0.1', fillfactor='70');",
                "ALTER TABLE \"part\" SET (fillfactor='50');");
        assertThat(rows(db, "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'part'"))
                .containsExactly("fillfactor=50");
    }

    @Test
    void storageParametersAreAddedChangedAndReset(TestDatabase db, TestDatabase target) throws SQLException {
        List<String> sql = migrate(db, """
                CREATE TABLE a (id int) WITH (fillfactor=70, autovacuum_enabled=false);
                CREATE TABLE b (id int);
                CREATE TABLE c (id int) WITH (fillfactor=90);
                """, target, """
                CREATE TABLE a (id int) WITH (fillfactor=80, autovacuum_analyze_threshold=100);
                CREATE TABLE b (id int) WITH (parallel_workers=2);
                CREATE TABLE c (id int);
                """);

        assertThat(sql).containsExactlyInAnyOrder(
                "ALTER TABLE \"a\" RESET (autovacuum_enabled);",
                "ALTER TABLE \"a\" SET (fillfactor='80', autovacuum_analyze_threshold='100');",
                "ALTER TABLE \"b\" SET (parallel_workers='2');",
                "ALTER TABLE \"c\" RESET (fillfactor);");
    }
}
