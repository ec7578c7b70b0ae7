package dev.sleet.cli;

import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two things real schemas have that a pulled history lost (issue 11, adventureworks and
 * rnacentral): the index a table is clustered on ({@code ALTER TABLE ... CLUSTER ON}), and an
 * extension installed outside the chosen schemas whose operator class an index uses (pg_trgm in
 * pg_catalog, for a {@code gin_trgm_ops} index over a plain text column).
 */
class ClusterAndOpclassCliTest {

    @TempDir
    Path dir;

    @Test
    void pulledHistoryKeepsTheClusteredIndexOfEachTable() throws Exception {
        try (TestDatabase source = TestDatabase.create("cluster11_hand"); TestDatabase rebuilt = TestDatabase.create("cluster11_rebuilt")) {
            source.execute("""
                    CREATE SCHEMA "Sales";
                    CREATE TABLE "Sales"."Order" (id integer CONSTRAINT "PK_Order_id" PRIMARY KEY, placed date);
                    ALTER TABLE "Sales"."Order" CLUSTER ON "PK_Order_id";
                    CREATE TABLE "Sales".line (id integer, order_id integer, CONSTRAINT line_u UNIQUE (order_id, id));
                    ALTER TABLE "Sales".line CLUSTER ON line_u;
                    CREATE TABLE "Sales".note (id integer, body text);
                    CREATE INDEX "note by ""body"" idx" ON "Sales".note (body);
                    ALTER TABLE "Sales".note CLUSTER ON "note by ""body"" idx";
                    CREATE TABLE "Sales".plain (id integer PRIMARY KEY);
                    CREATE MATERIALIZED VIEW "Sales".totals AS SELECT order_id, count(*) AS n FROM "Sales".line GROUP BY order_id;
                    CREATE UNIQUE INDEX totals_order ON "Sales".totals (order_id);
                    ALTER TABLE "Sales".totals CLUSTER ON totals_order;
                    """);
            Project project = new Project(dir, source).schemaFilter(List.of("Sales"));
            Sleet pulled = project.sleet("pull");
            assertThat(pulled.exitCode()).as(pulled.all()).isZero();
            assertThat(project.schemaCode()).contains("clusterOn(\"PK_Order_id\")", "clusterOn(\"line_u\")",
                    ".clusterOn(\"totals_order\")");
            Sleet migrated = project.on(rebuilt).sleet("migrate");
            assertThat(migrated.exitCode()).as(migrated.all()).isZero();
            assertThat(PgDump.differingLines(source, rebuilt)).as("pg_dump of the hand-made database and of the one rebuilt"
                    + " from its pulled history").isEmpty();
            Sleet again = project.sleet("pull");
            assertThat(again.out()).as(again.all()).contains("already matches");

            // Moving the mark to another index, and taking it away, are pulled and migrated too.
            source.execute("""
                    CREATE INDEX order_placed ON "Sales"."Order" (placed);
                    ALTER TABLE "Sales"."Order" CLUSTER ON order_placed;
                    ALTER TABLE "Sales".line SET WITHOUT CLUSTER;
                    ALTER TABLE "Sales".totals SET WITHOUT CLUSTER;
                    """);
            Sleet changed = project.sleet("pull");
            assertThat(changed.exitCode()).as(changed.all()).isZero();
            Sleet onSource = project.sleet("migrate");
            assertThat(onSource.exitCode()).as(onSource.all()).isZero();
            Sleet onRebuilt = project.on(rebuilt).sleet("migrate");
            assertThat(onRebuilt.exitCode()).as(onRebuilt.all()).isZero();
            assertThat(PgDump.differingLines(source, rebuilt)).isEmpty();
        }
    }

    @Test
    void codeFirstClusterOnMigratesAndPullsBackUnchanged() throws Exception {
        try (TestDatabase db = TestDatabase.create("cluster11_code")) {
            Project project = new Project(dir, db).schema("""
                    public static final Items ITEMS = new Items();

                    public static final class Items extends Table<Items> {
                        public final Column<Integer> id = integer("id").primaryKey();
                        public final Column<String> name = text("name");
                        public final Index byName = index("items_name_idx").on(name);

                        public Items() {
                            super("items");
                            clusterOn("items_name_idx");
                        }
                    }
                    """);
            Sleet generated = project.sleet("generate");
            assertThat(generated.exitCode()).as(generated.all()).isZero();
            Sleet migrated = project.sleet("migrate");
            assertThat(migrated.exitCode()).as(migrated.all()).isZero();
            try (Connection connection = db.connect(); Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("""
                         SELECT ic.relname FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
                          WHERE i.indrelid = 'public.items'::regclass AND i.indisclustered""")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("items_name_idx");
            }
            Sleet pulled = project.sleet("pull");
            assertThat(pulled.exitCode()).as(pulled.all()).isZero();
            assertThat(pulled.out()).as(pulled.all() + "\n" + project.schemaCode()).contains("already matches");
            Sleet again = project.sleet("generate");
            assertThat(again.out()).as(again.all()).contains("No schema changes");
        }
    }

    @Test
    void pulledHistoryCreatesTheExtensionOwningAnIndexOperatorClass() throws Exception {
        try (TestDatabase source = TestDatabase.create("cluster11_trgm"); TestDatabase rebuilt = TestDatabase.create("cluster11_trgm_rebuilt")) {
            source.execute("""
                    CREATE EXTENSION pg_trgm WITH SCHEMA pg_catalog;
                    CREATE TABLE xref (id integer PRIMARY KEY, db_xref text);
                    CREATE INDEX xref_db_xref_trgm ON xref USING gin (db_xref gin_trgm_ops);
                    """);
            Project project = new Project(dir, source).schemaFilter(List.of("public"));
            Sleet pulled = project.sleet("pull");
            assertThat(pulled.exitCode()).as(pulled.all()).isZero();
            Sleet migrated = project.on(rebuilt).sleet("migrate");
            assertThat(migrated.exitCode()).as(migrated.all() + "\n" + String.join("\n", project.files().stream()
                    .filter(f -> f.endsWith(".sql")).map(project::read).toList())).isZero();
            assertThat(PgDump.differingLines(source, rebuilt)).isEmpty();
            Sleet again = project.sleet("pull");
            assertThat(again.out()).as(again.all()).contains("already matches");
        }
    }

    @Test
    void codeFirstExtensionInPgCatalogMigratesAndPullsBackUnchanged() throws Exception {
        try (TestDatabase db = TestDatabase.create("cluster11_trgm_code")) {
            Project project = new Project(dir, db).schema("""
                    public static final Extension TRGM = Extension.of("pg_trgm").inSchema("pg_catalog");
                    public static final Xref XREF = new Xref();

                    public static final class Xref extends Table<Xref> {
                        public final Column<Integer> id = integer("id").primaryKey();
                        public final Column<String> dbXref = text("db_xref");
                        public final Index byXref = index("xref_db_xref_trgm").using(IndexMethod.GIN)
                                .on(IndexKey.of(dbXref).opclass("gin_trgm_ops"));

                        public Xref() {
                            super("xref");
                        }
                    }
                    """);
            Sleet generated = project.sleet("generate");
            assertThat(generated.exitCode()).as(generated.all()).isZero();
            Sleet migrated = project.sleet("migrate");
            assertThat(migrated.exitCode()).as(migrated.all()).isZero();
            Sleet pulled = project.sleet("pull");
            assertThat(pulled.exitCode()).as(pulled.all()).isZero();
            assertThat(pulled.out()).as(pulled.all() + "\n" + project.schemaCode()).contains("already matches");
            Sleet again = project.sleet("generate");
            assertThat(again.out()).as(again.all()).contains("No schema changes");
        }
    }
}
