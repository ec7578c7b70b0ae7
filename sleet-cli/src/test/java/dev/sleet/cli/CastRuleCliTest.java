package dev.sleet.cli;

import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Casts and rules through the commands (issue 11): a hand-written schema with both pulls into code
 * and history that rebuild it to the same {@code pg_dump}; a cast outside the chosen schemas stays
 * unmanaged and is said so; schema code with casts and rules generates, migrates and pulls back to
 * no changes; and changes to them (and to what they stand on) migrate.
 */
class CastRuleCliTest {

    /**
     * Casts of every method and context, over domains, enums and composite types; rules on tables and
     * views, in every enabled state.
     */
    private static final String HAND_WRITTEN = """
            SET check_function_bodies = off;
            SET client_min_messages = error;
            CREATE SCHEMA shop;
            CREATE DOMAIN color AS text CHECK (VALUE ~ '^#');
            CREATE TYPE mood AS ENUM ('up', 'down');
            CREATE TYPE shop."Pair ""P\""" AS (a integer, b integer);
            CREATE FUNCTION "json"(color) RETURNS json LANGUAGE sql IMMUTABLE AS $$SELECT to_json($1::text)$$;
            CREATE FUNCTION color(json) RETURNS color LANGUAGE sql IMMUTABLE AS $$SELECT ($1 #>> '{}')::color$$;
            CREATE FUNCTION shop.pair_of(integer) RETURNS shop."Pair ""P\""" LANGUAGE sql IMMUTABLE
                AS $$SELECT ROW($1, $1)::shop."Pair ""P\"""$$;
            CREATE CAST (color AS json) WITH FUNCTION "json"(color) AS IMPLICIT;
            CREATE CAST (json AS color) WITH FUNCTION color(json) AS ASSIGNMENT;
            CREATE CAST (integer AS shop."Pair ""P\""") WITH FUNCTION shop.pair_of(integer);
            CREATE CAST (shop."Pair ""P\""" AS text) WITH INOUT AS ASSIGNMENT;
            CREATE CAST (mood AS text) WITH INOUT;
            COMMENT ON CAST (color AS json) IS 'a colour, as JSON';

            CREATE TABLE items (id serial PRIMARY KEY, name text, archived boolean NOT NULL DEFAULT false);
            CREATE TABLE shop.log (id bigserial PRIMARY KEY, item_id integer, note text);
            CREATE VIEW live_items AS SELECT id, name FROM items WHERE NOT archived;
            CREATE FUNCTION note_of(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$SELECT 'note: ' || $1$$;
            CREATE RULE "Archive ""It\""" AS ON DELETE TO items DO INSTEAD UPDATE items SET archived = true WHERE id = old.id;
            CREATE RULE logged AS ON UPDATE TO items
                DO ALSO (INSERT INTO shop.log (item_id, note) VALUES (new.id, note_of(new.name)); NOTIFY items_changed);
            CREATE RULE live_insert AS ON INSERT TO live_items DO INSTEAD
                INSERT INTO items (name) VALUES (new.name) RETURNING id, name;
            CREATE RULE mirrored AS ON INSERT TO shop.log WHERE new.note IS NOT NULL DO ALSO
                INSERT INTO live_items (name) VALUES (new.note);
            CREATE RULE "nothing" AS ON INSERT TO shop.log WHERE new.item_id < 0 DO INSTEAD NOTHING;
            COMMENT ON RULE logged ON items IS 'keeps a log';
            ALTER TABLE items DISABLE RULE "Archive ""It\""";
            ALTER TABLE items ENABLE ALWAYS RULE logged;
            ALTER TABLE shop.log ENABLE REPLICA RULE "nothing";
            """;

    @TempDir
    Path dir;

    @Test
    void aHandWrittenSchemaPullsIntoAHistoryThatRebuildsTheSameDump() throws Exception {
        try (TestDatabase source = TestDatabase.create("casts11_src"); TestDatabase rebuilt = TestDatabase.create("casts11_rebuilt")) {
            source.execute(HAND_WRITTEN);
            Project project = new Project(dir.resolve("project"), source).schemaFilter(List.of("public", "shop"));

            Sleet pulled = project.sleet("pull");
            assertThat(pulled.exitCode()).as(pulled.all()).isZero();
            assertThat(pulled.all()).as("casts and rules are managed now").doesNotContain("not managed", "Warning");
            assertThat(project.schemaCode()).contains("public static final Cast", "public static final Rule",
                    ".withFunction(\"public\", \"json\", \"\\\"public\\\".\\\"color\\\"\")", ".asImplicit()", ".asAssignment()",
                    ".withInout()", ".comment(\"keeps a log\").enabledAlways()", ".comment(\"a colour, as JSON\")",
                    ".disabled()", ".enabledReplica()");
            PgDump.assertMigratesToSameDump(project, source, rebuilt);
            project.assertSettled();
            Sleet checked = project.on(rebuilt).sleet("check");
            assertThat(checked.exitCode()).as(checked.all()).isZero();
            assertThat(checked.out()).as(checked.all()).doesNotContain("unmanaged");
        }
    }

    @Test
    void aCastOutsideTheChosenSchemasStaysUnmanagedAndIsSaidSo() throws Exception {
        try (TestDatabase db = TestDatabase.create("casts11_scope")) {
            db.execute("""
                    SET client_min_messages = error;
                    CREATE SCHEMA elsewhere;
                    CREATE DOMAIN elsewhere.code AS text;
                    CREATE DOMAIN code AS text;
                    CREATE CAST (elsewhere.code AS integer) WITH INOUT;
                    CREATE CAST (code AS integer) WITH INOUT;
                    CREATE FUNCTION to_code(integer) RETURNS elsewhere.code LANGUAGE sql AS 'SELECT $1::text';
                    CREATE CAST (integer AS elsewhere.code) WITH FUNCTION to_code(integer);
                    CREATE TABLE t (id integer PRIMARY KEY);
                    """);
            Project project = new Project(dir, db);

            Sleet pulled = project.sleet("pull", "--verbose");

            assertThat(pulled.exitCode()).as(pulled.all()).isZero();
            // Between a type of another schema and a built-in one, through no function of ours: not Sleet's.
            assertThat(pulled.err()).as(pulled.all()).contains("1 cast",
                    "1 cast: elsewhere.code AS integer");
            // Over a type of ours, or through a function of ours: pulled.
            assertThat(project.schemaCode()).contains("Cast.of(\"\\\"public\\\".\\\"code\\\"\", \"integer\").withInout()",
                    "Cast.of(\"integer\", \"\\\"elsewhere\\\".\\\"code\\\"\").withFunction(\"public\", \"to_code\", \"integer\")")
                    .doesNotContain("Cast.of(\"\\\"elsewhere\\\".\\\"code\\\"\", \"integer\")");
            assertThat(project.sleet("migrate").exitCode()).isZero();
            Sleet check = project.sleet("check");
            assertThat(check.out()).as(check.all()).contains("1 cast: elsewhere.code AS integer");
        }
    }

    @Test
    void schemaCodeWithCastsAndRulesGeneratesMigratesAndPullsBackToNoChanges() throws Exception {
        try (TestDatabase db = TestDatabase.create("casts11_code")) {
            Project project = new Project(dir, db).schema("""
                    public static final Domain<String> TAG = Domain.of("tag", DataType.TEXT);
                    public static final Routine TAG_OF = Routine.of(\"""
                        CREATE OR REPLACE FUNCTION public.tag_of(integer)
                         RETURNS tag
                         LANGUAGE sql
                         IMMUTABLE
                        AS $function$SELECT $1::text$function$
                        \""");
                    public static final Cast INTEGER_AS_TAG = Cast.of("integer", "\\"public\\".\\"tag\\"")
                            .withFunction("public", "tag_of", "integer").asAssignment().comment("tags from numbers");
                    public static final Cast TAG_AS_INTEGER = Cast.of("\\"public\\".\\"tag\\"", "integer").withInout();
                    public static final Items ITEMS = new Items();
                    public static final View OPEN = View.of("open_items", "SELECT id FROM items");
                    public static final Rule NO_DELETE = Rule.of("public", "items", "no_delete",
                            "CREATE RULE no_delete AS\\n    ON DELETE TO public.items DO INSTEAD NOTHING;").comment("kept").disabled();
                    public static final Rule OPEN_INSERT = Rule.of("public", "open_items", "open_insert",
                            "CREATE RULE open_insert AS\\n    ON INSERT TO public.open_items DO INSTEAD  INSERT INTO items (id)\\n  VALUES (new.id);");

                    public static final class Items extends Table<Items> {
                        public final Column<Integer> id = integer("id").primaryKey();
                        public Items() { super("items"); }
                    }
                    """);

            Sleet generated = project.sleet("generate");
            assertThat(generated.exitCode()).as(generated.all()).isZero();
            Sleet migrated = project.sleet("migrate");
            assertThat(migrated.exitCode()).as(migrated.all()).isZero();
            assertThat(project.query("SELECT castcontext::text FROM pg_cast WHERE casttarget = 'tag'::regtype")).containsExactly("a");
            assertThat(project.query("SELECT r.rulename || ' ' || r.ev_enabled::text FROM pg_rewrite r JOIN pg_class c"
                    + " ON c.oid = r.ev_class WHERE c.relnamespace = 'public'::regnamespace AND r.rulename <> '_RETURN' ORDER BY 1"))
                    .containsExactly("no_delete D", "open_insert O");
            project.assertSettled();
        }
    }
}
