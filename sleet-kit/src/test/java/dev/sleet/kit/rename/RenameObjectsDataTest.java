package dev.sleet.kit.rename;

import dev.sleet.kit.Output;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.diff.MigrationSteps;
import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotJson;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.sleet.kit.rename.RenameDataTest.introspect;
import static dev.sleet.kit.rename.RenameDataTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renamed enum types, sequences, views and schemas, settled by {@code --rename} options, planned by
 * the differ, split into migration files and run on a real database with rows in it: the database
 * then reads back as the target, and the rows, the sequence's position and the materialized view's
 * contents are still there.
 */
@ExtendWith(PostgresExtension.class)
class RenameObjectsDataTest {

    private static final PostgresDialect PG = PostgresDialect.INSTANCE;

    @Test
    void aRenamedEnumTypeKeepsItsColumnsArraysAndDefaultsAndTakesANewLabel(TestDatabase db) throws SQLException {
        db.execute("""
                CREATE TYPE mood AS ENUM ('up', 'down');
                CREATE TABLE diary (id serial PRIMARY KEY, m mood NOT NULL DEFAULT 'up', ms mood[] DEFAULT '{up,down}');
                INSERT INTO diary (m, ms) VALUES ('down', '{down}');
                INSERT INTO diary DEFAULT VALUES;
                """);

        List<List<String>> files = migrate(db, """
                CREATE TYPE feeling AS ENUM ('up', 'down', 'meh');
                CREATE TABLE diary (id serial PRIMARY KEY, m feeling NOT NULL DEFAULT 'up', ms feeling[] DEFAULT '{up,down}');
                """, "public.mood=public.feeling");

        // the new label goes first, outside a transaction, under the name the type still has then
        assertThat(files).containsExactly(
                List.of("ALTER TYPE \"public\".\"mood\" ADD VALUE IF NOT EXISTS 'meh';"),
                List.of("ALTER TYPE \"public\".\"mood\" RENAME TO \"feeling\";"));
        assertThat(rows(db, "SELECT m || ' ' || ms::text FROM diary ORDER BY id")).containsExactly("down {down}", "up {up,down}");
        db.execute("INSERT INTO diary (m) VALUES ('meh')");
        assertThat(rows(db, "SELECT pg_typeof(m)::text || ' ' || ms::text FROM diary WHERE m = 'meh'")).containsExactly("feeling {up,down}");
    }

    @Test
    void aRenamedSequenceKeepsItsPositionAndTheDefaultsDrawingFromIt(TestDatabase db) throws SQLException {
        db.execute("""
                CREATE SEQUENCE invoice_numbers START WITH 1000 INCREMENT BY 10;
                CREATE TABLE invoices (n bigint DEFAULT nextval('invoice_numbers'), note text);
                INSERT INTO invoices (note) VALUES ('a'), ('b');
                """);

        List<List<String>> files = migrate(db, """
                CREATE SEQUENCE "Invoice No" START WITH 1000 INCREMENT BY 10;
                CREATE TABLE invoices (n bigint DEFAULT nextval('"Invoice No"'), note text);
                """, "sequence:public.invoice_numbers=public.Invoice No");

        assertThat(files).containsExactly(List.of("ALTER SEQUENCE \"invoice_numbers\" RENAME TO \"Invoice No\";"));
        db.execute("INSERT INTO invoices (note) VALUES ('c')");
        assertThat(rows(db, "SELECT n || ' ' || note FROM invoices ORDER BY n")).containsExactly("1000 a", "1010 b", "1020 c");
    }

    @Test
    void renamedViewsKeepWorkingAMaterializedOneKeepsItsRowsAndAChangedOneIsRecreated(TestDatabase db) throws SQLException {
        db.execute("""
                CREATE TABLE t (a integer);
                INSERT INTO t VALUES (1), (2);
                CREATE VIEW v AS SELECT t.a FROM t;
                CREATE MATERIALIZED VIEW m AS SELECT count(*) AS n FROM t;
                CREATE VIEW doubled AS SELECT t.a * 2 AS d FROM t;
                INSERT INTO t VALUES (3);
                """);

        List<List<String>> files = migrate(db, """
                CREATE TABLE t (a integer);
                CREATE VIEW w AS SELECT t.a FROM t;
                CREATE MATERIALIZED VIEW counted AS SELECT count(*) AS n FROM t;
                CREATE VIEW scaled AS SELECT t.a * 3 AS d FROM t;
                """, "public.v=public.w", "view:public.m=public.counted", "public.doubled=public.scaled");

        assertThat(files).singleElement().asList().containsExactly(
                "ALTER VIEW \"doubled\" RENAME TO \"scaled\";",
                "ALTER MATERIALIZED VIEW \"m\" RENAME TO \"counted\";",
                "ALTER VIEW \"v\" RENAME TO \"w\";",
                "DROP VIEW \"scaled\";",
                "CREATE VIEW \"scaled\" AS SELECT (t.a * 3) AS d FROM t;");
        assertThat(rows(db, "SELECT count(*)::text FROM w")).containsExactly("3");
        // renamed, not recreated: it still holds what it held when last refreshed
        assertThat(rows(db, "SELECT n::text FROM counted")).containsExactly("2");
        assertThat(rows(db, "SELECT string_agg(d::text, ',' ORDER BY d) FROM scaled")).containsExactly("3,6,9");
    }

    @Test
    void aViewRenamedAndChangedIsRecreatedAfterTheViewsStandingOnIt(TestDatabase db) throws SQLException {
        // "a_top" sorts before "v_base": only the dependency, known by the base's old name, orders the drops.
        db.execute("""
                CREATE TABLE t (a integer, b integer);
                INSERT INTO t VALUES (1, 10);
                CREATE VIEW base AS SELECT t.a FROM t;
                CREATE VIEW a_top AS SELECT base.a FROM base;
                """);

        List<List<String>> files = migrate(db, """
                CREATE TABLE t (a integer, b integer);
                CREATE VIEW v_base AS SELECT t.a, t.b FROM t;
                CREATE VIEW a_top AS SELECT v_base.a FROM v_base;
                """, "public.base=public.v_base");

        assertThat(files.get(0)).startsWith("ALTER VIEW \"base\" RENAME TO \"v_base\";", "DROP VIEW \"a_top\";", "DROP VIEW \"v_base\";");
        assertThat(rows(db, "SELECT a::text FROM a_top")).containsExactly("1");
    }

    @Test
    void aRenamedSchemaCarriesEverythingInItAndWhatRefersIntoIt(TestDatabase db) throws SQLException {
        String schema = """
                CREATE SCHEMA finance;
                CREATE TYPE finance.mood AS ENUM ('up', 'down');
                CREATE SEQUENCE finance.numbers START WITH 7;
                CREATE TABLE finance.invoices (id serial PRIMARY KEY, amount numeric(8,2) CONSTRAINT invoices_amount_check CHECK (amount > 0),
                    mood finance.mood DEFAULT 'up', n bigint DEFAULT nextval('finance.numbers'));
                COMMENT ON TABLE finance.invoices IS 'money in';
                COMMENT ON COLUMN finance.invoices.amount IS 'with tax';
                ALTER TABLE finance.invoices ENABLE ROW LEVEL SECURITY;
                CREATE POLICY positive ON finance.invoices USING (amount > 0);
                CREATE INDEX invoices_amount_idx ON finance.invoices (amount);
                CREATE VIEW finance.big AS SELECT invoices.id FROM finance.invoices WHERE invoices.amount > 10;
                CREATE TABLE notes (invoice_id integer CONSTRAINT notes_invoice_fk REFERENCES finance.invoices(id),
                    moods finance.mood[] DEFAULT '{down}', k bigint DEFAULT nextval('finance.numbers'));
                """;
        db.execute(schema + """
                INSERT INTO finance.invoices (amount, mood) VALUES (12.50, 'down'), (7.25, DEFAULT);
                INSERT INTO notes (invoice_id) VALUES (1), (2);
                """);

        List<List<String>> files = migrate(db, schema.replace("finance", "billing"), "finance=billing");

        // The view is recreated: its definition names the schema, and definitions are compared as text.
        assertThat(files).containsExactly(List.of(
                "ALTER SCHEMA \"finance\" RENAME TO \"billing\";",
                "DROP VIEW \"billing\".\"big\";",
                "CREATE VIEW \"billing\".\"big\" AS SELECT invoices.id FROM billing.invoices WHERE (invoices.amount > (10)::numeric);"));
        assertThat(rows(db, "SELECT i.amount || ' ' || i.mood || ' ' || i.n || ' ' || n.moods::text || ' ' || n.k "
                + "FROM billing.invoices i JOIN notes n ON n.invoice_id = i.id ORDER BY i.id"))
                .containsExactly("12.50 down 7 {down} 9", "7.25 up 8 {down} 10");
        assertThat(rows(db, "SELECT obj_description('billing.invoices'::regclass, 'pg_class')")).containsExactly("money in");
        assertThat(rows(db, "SELECT id::text FROM billing.big")).containsExactly("1");
        db.execute("INSERT INTO billing.invoices (amount) VALUES (1)");
        assertThat(rows(db, "SELECT id || ' ' || n FROM billing.invoices WHERE amount = 1")).containsExactly("3 11");
    }

    /**
     * Builds the target in a database of its own, settles renames with {@code --rename} options, runs
     * the migration files on {@code db} as {@code generate} would write them, and checks that {@code db}
     * then reads back as the target. Returns the statements of each file.
     */
    private static List<List<String>> migrate(TestDatabase db, String target, String... renames) throws SQLException {
        Snapshot before = introspect(db);
        Snapshot wanted;
        try (TestDatabase other = TestDatabase.create("sleet_rename_objects_target")) {
            other.execute(target);
            wanted = introspect(other);
        }
        RenamePlanner.Plan plan = RenameDecisions.decide(before, wanted, new RenameInput(List.of(renames), List.of(), null),
                DeclaredRenames.NONE, Output.SILENT, "nothing was changed");
        List<Change> changes = Differ.diff(before, wanted, plan.renames());
        List<List<String>> files = new ArrayList<>();
        for (MigrationSteps.Step step : MigrationSteps.split(before, wanted, changes)) {
            List<String> sql = PG.sql(step.changes());
            files.add(sql);
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                c.setAutoCommit(!step.transactional());
                for (String statement : sql) {
                    st.execute(statement);
                }
                if (step.transactional()) {
                    c.commit();
                }
            }
            assertThat(introspect(db).sameSchemaAs(step.after())).as("after " + sql).isTrue();
        }
        Snapshot live = introspect(db);
        assertThat(live.sameSchemaAs(wanted)).as("after running:\n" + files + "\nthe database reads\n" + SnapshotJson.toJson(live)
                + "\ninstead of\n" + SnapshotJson.toJson(wanted)).isTrue();
        assertThat(Differ.diff(live, wanted)).isEmpty();
        return files;
    }
}
