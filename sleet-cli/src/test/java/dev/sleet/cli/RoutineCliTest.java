package dev.sleet.cli;

import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Functions, procedures, aggregates and triggers through the commands (issue 11): a hand-written
 * schema pulls into code and history that rebuild it to the same {@code pg_dump}; schema code with
 * routines and triggers generates, migrates and pulls back to no changes.
 */
class RoutineCliTest {

    /** Every form the catalog has, in an order only PostgreSQL's own client gets right without help. */
    private static final String HAND_WRITTEN = """
            SET check_function_bodies = off;
            CREATE SCHEMA audit;
            CREATE FUNCTION next_code() RETURNS text LANGUAGE sql AS $$SELECT 'c' || (SELECT count(*) FROM items)$$;
            CREATE TABLE items (id serial PRIMARY KEY, price numeric NOT NULL DEFAULT 0, code text DEFAULT next_code(),
                                updated_at timestamptz);
            CREATE TABLE audit.log (id bigserial PRIMARY KEY, item_id integer, note text);
            CREATE FUNCTION area(w integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'select w * w';
            CREATE FUNCTION area(w integer, h integer DEFAULT 1) RETURNS integer LANGUAGE sql AS 'select w * h';
            CREATE FUNCTION "Label ""Of"" Item"(i items) RETURNS text LANGUAGE sql STABLE
                AS $$select 'item ' || i.id || ' at ' || i.price$$;
            CREATE VIEW item_labels AS SELECT "Label ""Of"" Item"(i) AS label FROM items i;
            CREATE FUNCTION label_count() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT count(*) FROM item_labels; END;
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              NEW.updated_at := now();   \s
            \t
              RETURN NEW;
            END
            $$;
            CREATE FUNCTION audit.note() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
            BEGIN
              INSERT INTO audit.log (item_id, note) VALUES (NEW.id, TG_OP || ' "quoted" \\ backslash ''x'' \"""');
              RETURN NULL;
            END
            $$;
            CREATE PROCEDURE audit."Bump"(p_id integer, by numeric DEFAULT 1) LANGUAGE plpgsql AS $$
            BEGIN
              UPDATE items SET price = price + by WHERE id = p_id;
            END
            $$;
            CREATE FUNCTION add_up(numeric, numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'select $1 + $2';
            CREATE AGGREGATE total(numeric) (SFUNC = add_up, STYPE = numeric, INITCOND = '0', PARALLEL = SAFE);
            CREATE TRIGGER "Touch ""It\""" BEFORE UPDATE OF price ON items FOR EACH ROW
                WHEN (old.price IS DISTINCT FROM new.price) EXECUTE FUNCTION touch();
            CREATE TRIGGER noted AFTER INSERT ON items REFERENCING NEW TABLE AS new_rows
                FOR EACH STATEMENT EXECUTE FUNCTION audit.note();
            CREATE CONSTRAINT TRIGGER checked AFTER INSERT OR UPDATE ON items DEFERRABLE INITIALLY DEFERRED
                FOR EACH ROW EXECUTE FUNCTION audit.note();
            CREATE TRIGGER off AFTER DELETE ON items FOR EACH ROW EXECUTE FUNCTION audit.note();
            ALTER TABLE items DISABLE TRIGGER off;
            CREATE TRIGGER always AFTER DELETE ON audit.log FOR EACH ROW EXECUTE FUNCTION audit.note();
            ALTER TABLE audit.log ENABLE ALWAYS TRIGGER always;
            CREATE TRIGGER replica AFTER DELETE ON audit.log FOR EACH ROW EXECUTE FUNCTION audit.note();
            ALTER TABLE audit.log ENABLE REPLICA TRIGGER replica;
            COMMENT ON FUNCTION area(w integer, h integer) IS 'width × height, it''s "area"';
            COMMENT ON AGGREGATE total(numeric) IS 'sum';
            CREATE FUNCTION put_label() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NULL; END$$;
            CREATE TRIGGER "Put ""Label""\" INSTEAD OF INSERT ON item_labels FOR EACH ROW EXECUTE FUNCTION put_label();
            """;

    @TempDir
    Path dir;

    @Test
    void aHandWrittenSchemaPullsIntoAHistoryThatRebuildsTheSameDump() throws Exception {
        try (TestDatabase source = TestDatabase.create("funcs11_src"); TestDatabase rebuilt = TestDatabase.create("funcs11_rebuilt")) {
            Path script = dir.resolve("schema.sql");
            Files.writeString(script, HAND_WRITTEN);
            load(source, script);
            Project project = new Project(dir.resolve("project"), source).schemaFilter(List.of("audit", "public"));

            Sleet pulled = project.sleet("pull");
            assertThat(pulled.exitCode()).as(pulled.all()).isZero();
            assertThat(project.schemaCode()).contains("public static final Routine", "trigger(\"Touch \\\"It\\\"\"",
                    ".dependsOn(ITEMS)", ".disabled()", ".enabledAlways()", ".enabledReplica()");
            assertThat(pulled.all()).as("a constraint trigger is a trigger, read as one").doesNotContain("Warning");
            Sleet migrated = project.on(rebuilt).sleet("migrate");
            assertThat(migrated.exitCode()).as(migrated.all()).isZero();

            assertThat(PgDump.differingLines(source, rebuilt))
                    .as("pg_dump of the hand-written schema and of the database rebuilt from its pulled history").isEmpty();
            project.assertSettled();
            Sleet checked = project.on(rebuilt).sleet("check");
            assertThat(checked.exitCode()).as(checked.all()).isZero();
        }
    }

    @Test
    void schemaCodeWithRoutinesAndTriggersGeneratesMigratesAndPullsBackToNoChanges() throws Exception {
        try (TestDatabase db = TestDatabase.create("funcs11_code")) {
            Project project = new Project(dir, db).schema("""
                    public static final Items ITEMS = new Items();
                    public static final Routine STAMP = Routine.of(\"""
                        CREATE OR REPLACE FUNCTION public."Stamp ""It\\""\"(i items)
                         RETURNS text
                         LANGUAGE sql
                        AS $function$select 'item ' || i.id$function$
                        \""").dependsOn(ITEMS);
                    public static final Routine TOUCH = Routine.of(\"""
                        CREATE OR REPLACE FUNCTION public.touch()
                         RETURNS trigger
                         LANGUAGE plpgsql
                        AS $function$
                        BEGIN
                          RETURN NEW;
                        END
                        $function$
                        \""").comment("touches");
                    public static final View STAMPS = View.of("stamps", "SELECT \\"Stamp \\"\\"It\\"\\"\\"(i.*) AS \\"Stamp \\"\\"It\\"\\"\\" FROM items i");

                    public static final class Items extends Table<Items> {
                        public final Column<Integer> id = serial("id").primaryKey();
                        public final Trigger touched = trigger("Touch \\"It\\"", "CREATE TRIGGER \\"Touch \\"\\"It\\"\\"\\" BEFORE UPDATE ON public.items FOR EACH ROW EXECUTE FUNCTION touch()").disabled();
                        public Items() { super("items"); }
                    }
                    """);

            Sleet generated = project.sleet("generate");
            assertThat(generated.exitCode()).as(generated.all()).isZero();
            Sleet migrated = project.sleet("migrate");
            assertThat(migrated.exitCode()).as(migrated.all()).isZero();
            Sleet pulled = project.sleet("pull");
            assertThat(pulled.exitCode()).as(pulled.all()).isZero();
            assertThat(pulled.out()).as(pulled.all()).contains("already matches");
            Sleet again = project.sleet("generate");
            assertThat(again.exitCode()).as(again.all()).isZero();
            assertThat(again.out()).as(again.all()).contains("No schema changes");
        }
    }

    /** Runs the file with psql, as PostgreSQL's own client reads it, stopping at the first error. */
    private static void load(TestDatabase db, Path file) throws IOException, InterruptedException {
        List<String> command = List.of("psql", "-h", TestDatabase.HOST, "-p", Integer.toString(TestDatabase.PORT),
                "-U", TestDatabase.USER, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db.name(), "-f", file.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
