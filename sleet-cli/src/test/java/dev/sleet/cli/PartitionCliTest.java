package dev.sleet.cli;

import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partitioned tables and partitions through the whole tool: a hand-written database pulled and
 * rebuilt from its pulled history (pg_dump of both equal), code-first partitions generated,
 * migrated and pulled back to no changes, and partitions attached, detached and given new bounds
 * with their rows kept.
 */
class PartitionCliTest {

    private static final String SALES = "Sales \"Q\" x";

    /** Range, list (on an expression) and hash partitioning, a default partition, a sub-partitioned partition, hostile names. */
    private static final String HAND_WRITTEN = """
            CREATE SCHEMA "Sales ""Q"" x";
            CREATE TABLE customers (id int PRIMARY KEY, name text);
            CREATE TABLE "Sales ""Q"" x"."Or""ders" (
                id bigint NOT NULL,
                "Created At" date NOT NULL,
                region text NOT NULL,
                customer_id int REFERENCES customers (id) ON DELETE CASCADE,
                note text DEFAULT 'none',
                PRIMARY KEY (id, "Created At", region)
            ) PARTITION BY RANGE ("Created At", id);
            CREATE INDEX "orders by region" ON "Sales ""Q"" x"."Or""ders" (region);
            CREATE TABLE "Sales ""Q"" x"."o 2023" PARTITION OF "Sales ""Q"" x"."Or""ders"
                FOR VALUES FROM ('2023-01-01', MINVALUE) TO ('2024-01-01', MINVALUE);
            CREATE TABLE "Sales ""Q"" x"."o 2024" PARTITION OF "Sales ""Q"" x"."Or""ders"
                FOR VALUES FROM ('2024-01-01', MINVALUE) TO ('2025-01-01', MINVALUE) PARTITION BY LIST (region);
            CREATE TABLE "Sales ""Q"" x"."o 2024 eu" PARTITION OF "Sales ""Q"" x"."o 2024" FOR VALUES IN ('eu', 'uk''s');
            CREATE TABLE "Sales ""Q"" x"."o 2024 rest" PARTITION OF "Sales ""Q"" x"."o 2024" DEFAULT;
            CREATE TABLE "Sales ""Q"" x"."o rest" PARTITION OF "Sales ""Q"" x"."Or""ders" DEFAULT;
            CREATE INDEX "o 2023 note" ON "Sales ""Q"" x"."o 2023" (note);
            CREATE TABLE events (kind text, payload text) PARTITION BY LIST (lower(kind));
            CREATE TABLE events_a PARTITION OF events FOR VALUES IN ('a');
            CREATE TABLE events_other PARTITION OF events DEFAULT;
            CREATE TABLE buckets (id int PRIMARY KEY, v text) PARTITION BY HASH (id);
            CREATE TABLE buckets_0 PARTITION OF buckets FOR VALUES WITH (MODULUS 2, REMAINDER 0);
            CREATE TABLE buckets_1 PARTITION OF buckets FOR VALUES WITH (MODULUS 2, REMAINDER 1);
            ALTER TABLE buckets_1 ADD CONSTRAINT buckets_1_v_key UNIQUE (v);
            INSERT INTO customers VALUES (1, 'ann');
            INSERT INTO "Sales ""Q"" x"."Or""ders" VALUES (1, '2024-03-01', 'uk''s', 1, 'x'), (2, '2023-05-01', 'us', 1, 'y');
            """;

    @TempDir
    Path dir;

    @Test
    void pulledPartitionsRebuildTheDatabaseAndPullBackToNoChanges() throws Exception {
        try (TestDatabase source = TestDatabase.create("parts11_src"); TestDatabase rebuilt = TestDatabase.create("parts11_rebuilt")) {
            source.execute(HAND_WRITTEN);
            Project project = new Project(dir, source).schemaFilter(List.of("public", SALES));

            Sleet pulled = project.sleet("pull");
            assertThat(pulled.exitCode()).as(pulled.all()).isZero();
            String code = project.schemaCode();
            assertThat(code).contains("partitionByRange(createdAt, id)", "partitionByList(region)",
                    "partitionBy(Partitioning.Strategy.LIST, Partitioning.Key.expression(\"lower(kind)\"))",
                    "partitionByHash(id)", "\"DEFAULT\"", "\"FOR VALUES WITH (modulus 2, remainder 1)\"");
            Sleet migrated = project.on(rebuilt).sleet("migrate");
            assertThat(migrated.exitCode()).as(migrated.all()).isZero();
            String sql = String.join("\n", project.files().stream().filter(f -> f.endsWith(".sql")).map(project::read).toList());
            // Copies that partitions inherit are PostgreSQL's to make: written once, on the parent.
            assertThat(sql).doesNotContain("o 2023_pkey", "o 2024 eu_pkey", "buckets_0_pkey")
                    .contains("CREATE INDEX \"o 2023 note\"", "ADD CONSTRAINT \"buckets_1_v_key\" UNIQUE");

            assertThat(RealSchemaCliTest.differingLines(RealSchemaCliTest.dump(source), RealSchemaCliTest.dump(rebuilt)))
                    .as("pg_dump of the hand-written database and of the one rebuilt from its pulled history").isEmpty();
            project.assertSettled();
        }
    }

    private static String metrics(String metrics2024Bound, boolean oldAttached, boolean restDetached) {
        return """
                public static final Metrics METRICS = new Metrics();
                public static final Metrics2024 METRICS_2024 = new Metrics2024();
                public static final MetricsOld METRICS_OLD = new MetricsOld();
                public static final MetricsRest METRICS_REST = new MetricsRest();

                public static final class Metrics extends Table<Metrics> {
                    public final Column<java.time.LocalDate> day = date("day").notNull();
                    public final Column<Integer> value = integer("va\\"lue");
                    public final Constraint pk = primaryKey(day);
                    public final Index byValue = index("metrics by value").on(value);
                    public Metrics() { super("met rics"); partitionByRange(day); }
                }

                public static final class Metrics2024 extends Table<Metrics2024> {
                    public final Column<java.time.LocalDate> day = date("day");
                    public final Index byDay = index("m2024 by day").on(day);
                    public Metrics2024() { super("met rics 2024"); partitionOf(() -> METRICS, "%s"); }
                }

                public static final class MetricsOld extends Table<MetricsOld> {
                    public final Column<java.time.LocalDate> day = date("day").notNull();
                    public final Column<Integer> value = integer("va\\"lue");
                    public MetricsOld() { super("metrics old"); %s }
                }

                public static final class MetricsRest extends Table<MetricsRest> {
                    public final Column<java.time.LocalDate> day = date("day").notNull();
                    public final Column<Integer> value = integer("va\\"lue");
                    %s
                    public MetricsRest() { super("metrics rest"); %s }
                }
                """.formatted(metrics2024Bound,
                oldAttached ? "partitionOf(() -> METRICS, \"FOR VALUES FROM ('2000-01-01') TO ('2020-01-01')\");" : "",
                // Detached, the partition keeps the copies of its parent's key and index, under PostgreSQL's names.
                restDetached ? "public final Constraint pk = primaryKey(\"metrics rest_pkey\", day);"
                        + " public final Index byValue = index(\"metrics rest_va\\\"lue_idx\").on(value);" : "",
                restDetached ? "" : "partitionOf(() -> METRICS, \"DEFAULT\");");
    }

    @Test
    void codeFirstPartitionsMigratePullBackAndMoveInAndOutKeepingTheirRows() throws Exception {
        try (TestDatabase db = TestDatabase.create("parts11_code")) {
            Project project = new Project(dir, db);
            String bound2024 = "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')";
            project.schema(metrics(bound2024, false, false));
            Sleet generated = project.sleet("generate");
            assertThat(generated.exitCode()).as(generated.all()).isZero();
            Sleet migrated = project.sleet("migrate");
            assertThat(migrated.exitCode()).as(migrated.all()).isZero();
            db.execute("""
                    INSERT INTO "met rics" VALUES ('2024-06-01', 1), ('2025-06-01', 2), ('2030-01-01', 3);
                    INSERT INTO "metrics old" VALUES ('2010-01-01', 4);
                    """);
            Sleet pulled = project.sleet("pull");
            assertThat(pulled.exitCode()).as(pulled.all()).isZero();
            assertThat(pulled.out()).as(pulled.all()).contains("already matches");
            assertThat(project.sleet("generate").out()).contains("No schema changes");

            // A new bound: detached and attached again, the rows kept (2025-06-01 moves from the default partition's range).
            db.execute("DELETE FROM \"met rics\" WHERE day = '2025-06-01'");
            project.schema(metrics("FOR VALUES FROM ('2024-01-01') TO ('2026-01-01')", true, true));
            Sleet changed = project.sleet("generate");
            assertThat(changed.exitCode()).as(changed.all()).isZero();
            String sql = project.read(project.files().stream().filter(f -> f.endsWith(".sql")).reduce((a, b) -> b).orElseThrow());
            assertThat(sql).contains(
                    "ALTER TABLE \"met rics\" DETACH PARTITION \"met rics 2024\";",
                    "ALTER TABLE \"met rics\" ATTACH PARTITION \"met rics 2024\" FOR VALUES FROM ('2024-01-01') TO ('2026-01-01');",
                    "ALTER TABLE \"met rics\" DETACH PARTITION \"metrics rest\";",
                    "ALTER TABLE \"met rics\" ATTACH PARTITION \"metrics old\" FOR VALUES FROM ('2000-01-01') TO ('2020-01-01');")
                    .doesNotContain("DROP TABLE", "CREATE TABLE");
            Sleet applied = project.sleet("migrate");
            assertThat(applied.exitCode()).as(applied.all()).isZero();
            assertThat(project.query("SELECT tableoid::regclass || ' ' || day FROM \"met rics\" ORDER BY day"))
                    .containsExactly("\"metrics old\" 2010-01-01", "\"met rics 2024\" 2024-06-01");
            assertThat(project.query("SELECT day::text FROM \"metrics rest\"")).containsExactly("2030-01-01");
            Sleet pulledAgain = project.sleet("pull");
            assertThat(pulledAgain.exitCode()).as(pulledAgain.all()).isZero();
            assertThat(pulledAgain.out()).as(pulledAgain.all()).contains("already matches");
        }
    }
}
