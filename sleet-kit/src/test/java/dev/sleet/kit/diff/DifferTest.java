package dev.sleet.kit.diff;

import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.EnumSnapshot;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.SequenceSnapshot;
import dev.sleet.kit.snapshot.IndexKeySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.PolicySnapshot;
import dev.sleet.kit.snapshot.RoleSnapshot;
import dev.sleet.kit.snapshot.RuleSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;
import dev.sleet.schema.SequenceOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.sleet.kit.diff.Snapshots.col;
import static dev.sleet.kit.diff.Snapshots.generated;
import static dev.sleet.kit.diff.Snapshots.identity;
import static dev.sleet.kit.diff.Snapshots.sequence;
import static dev.sleet.kit.diff.Snapshots.enumCol;
import static dev.sleet.kit.diff.Snapshots.enumType;
import static dev.sleet.kit.diff.Snapshots.with;
import static dev.sleet.kit.diff.Snapshots.notNull;
import static dev.sleet.kit.diff.Snapshots.schema;
import static dev.sleet.kit.diff.Snapshots.serial;
import static dev.sleet.kit.diff.Snapshots.table;
import static dev.sleet.kit.diff.Snapshots.view;
import static dev.sleet.kit.diff.Snapshots.withDefault;
import static org.assertj.core.api.Assertions.assertThat;

/** Old schema, new schema, the PostgreSQL statements expected between them, in order. */
class DifferTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no change", seed(false), seed(false), Renames.NONE, List.of()),
                Arguments.of("the seed walkthrough's edit", seed(false), seed(true), Renames.NONE, List.of(
                        "ALTER TABLE \"tasks\" DROP CONSTRAINT \"fk_task_user\";",
                        "ALTER TABLE \"tasks\" ADD COLUMN \"importance\" integer;",
                        "ALTER TABLE \"tasks\" ADD CONSTRAINT \"fk_task_user\" FOREIGN KEY (\"user_id\") REFERENCES \"public\".\"users\"(\"id\") ON DELETE cascade ON UPDATE no action;",
                        "CREATE INDEX \"idx_tasks_epicId\" ON \"tasks\" USING btree (\"epic_id\");")),
                Arguments.of("create tables: all tables before any foreign key",
                        schema(new Snapshots.T[0]), schema(table("b").columns(serial("id"), col("a_id", "integer")).pk("id").fk("b_a_fk", "a_id", "a", "id", "no action"),
                                table("a").columns(serial("id")).pk("id")), Renames.NONE, List.of(
                                "CREATE TABLE \"a\" (\n\t\"id\" serial PRIMARY KEY NOT NULL\n);",
                                "CREATE TABLE \"b\" (\n\t\"id\" serial PRIMARY KEY NOT NULL,\n\t\"a_id\" integer\n);",
                                "ALTER TABLE \"b\" ADD CONSTRAINT \"b_a_fk\" FOREIGN KEY (\"a_id\") REFERENCES \"public\".\"a\"(\"id\") ON DELETE no action ON UPDATE no action;")),
                Arguments.of("drop tables that reference each other",
                        schema(table("a").columns(serial("id"), col("b_id", "integer")).pk("id").fk("a_b", "b_id", "b", "id", "no action"),
                                table("b").columns(serial("id"), col("a_id", "integer")).pk("id").fk("b_a", "a_id", "a", "id", "no action")),
                        schema(new Snapshots.T[0]), Renames.NONE, List.of(
                                "ALTER TABLE \"a\" DROP CONSTRAINT \"a_b\";",
                                "ALTER TABLE \"b\" DROP CONSTRAINT \"b_a\";",
                                "DROP TABLE \"a\";",
                                "DROP TABLE \"b\";")),
                Arguments.of("type change across families gets a USING cast, after its guard; default dropped first and set again",
                        schema(table("t").columns(withDefault(col("n", "text"), "'1'::text"))),
                        schema(table("t").columns(withDefault(col("n", "integer"), "1"))), Renames.NONE, List.of(
                                "ALTER TABLE \"t\" ALTER COLUMN \"n\" DROP DEFAULT;",
                                GUARD,
                                "ALTER TABLE \"t\" ALTER COLUMN \"n\" SET DATA TYPE integer USING \"n\"::integer;",
                                "ALTER TABLE \"t\" ALTER COLUMN \"n\" SET DEFAULT 1;")),
                Arguments.of("widening a varchar needs no cast",
                        schema(table("t").columns(col("n", "varchar(10)"))),
                        schema(table("t").columns(notNull(col("n", "varchar(20)")))), Renames.NONE, List.of(
                                "ALTER TABLE \"t\" ALTER COLUMN \"n\" SET DATA TYPE varchar(20);",
                                "ALTER TABLE \"t\" ALTER COLUMN \"n\" SET NOT NULL;")),
                Arguments.of("serial to plain integer and back",
                        schema(table("t").columns(serial("id"), col("n", "integer"))),
                        schema(table("t").columns(notNull(col("id", "integer")), new dev.sleet.kit.snapshot.ColumnSnapshot("n", "integer", true, true, null))),
                        Renames.NONE, List.of(
                                "ALTER TABLE \"t\" ALTER COLUMN \"id\" DROP DEFAULT;",
                                "DO $sleet$ BEGIN EXECUTE 'DROP SEQUENCE ' || pg_get_serial_sequence('\"t\"', 'id'); END $sleet$;",
                                "CREATE SEQUENCE \"t_n_seq\" AS integer;",
                                "ALTER TABLE \"t\" ALTER COLUMN \"n\" SET DEFAULT nextval('\"t_n_seq\"'::regclass);",
                                "ALTER SEQUENCE \"t_n_seq\" OWNED BY \"t\".\"n\";",
                                "ALTER TABLE \"t\" ALTER COLUMN \"n\" SET NOT NULL;")),
                Arguments.of("unique, primary key and index changes are dropped before and added after",
                        schema(table("t").columns(notNull(col("a", "integer")), col("b", "integer")).pk("a").unique("t_a_key", "a").index("t_b_idx", false, "btree", "b")),
                        schema(table("t").columns(notNull(col("a", "integer")), notNull(col("b", "integer"))).pk("a", "b").index("t_b_idx", true, "btree", "b")),
                        Renames.NONE, List.of(
                                "DROP INDEX \"t_b_idx\";",
                                "ALTER TABLE \"t\" DROP CONSTRAINT \"t_pkey\";",
                                "ALTER TABLE \"t\" DROP CONSTRAINT \"t_a_key\";",
                                "ALTER TABLE \"t\" ALTER COLUMN \"b\" SET NOT NULL;",
                                "ALTER TABLE \"t\" ADD CONSTRAINT \"t_pkey\" PRIMARY KEY(\"a\",\"b\");",
                                "CREATE UNIQUE INDEX \"t_b_idx\" ON \"t\" USING btree (\"b\");")),
                Arguments.of("a table in another schema creates the schema first",
                        schema(new Snapshots.T[0]), schema(table("audit", "log").columns(col("x", "text"))), Renames.NONE, List.of(
                                "CREATE SCHEMA \"audit\";",
                                "CREATE TABLE \"audit\".\"log\" (\n\t\"x\" text\n);")),
                Arguments.of("confirmed renames keep the data and compare the rest",
                        schema(table("users").columns(serial("id"), col("name", "varchar(50)")).pk("id")),
                        schema(table("accounts").columns(serial("id"), col("full_name", "varchar(80)")).pkNamed("users_pkey", "id")),
                        new Renames(Map.of("public.users", "public.accounts"), Map.of("public.accounts.name", "public.accounts.full_name")),
                        List.of(
                                "ALTER TABLE \"users\" RENAME TO \"accounts\";",
                                "ALTER TABLE \"accounts\" RENAME COLUMN \"name\" TO \"full_name\";",
                                "ALTER SEQUENCE \"users_id_seq\" RENAME TO \"accounts_id_seq\";",
                                "ALTER TABLE \"accounts\" ALTER COLUMN \"full_name\" SET DATA TYPE varchar(80);")),
                Arguments.of("a rule follows its renamed table: dropped under the new name, made again as the code says",
                        schema(table("users").columns(col("id", "integer"))).withRules(rule("users", "CREATE RULE r AS\n"
                                + "    ON DELETE TO public.users DO INSTEAD NOTHING;")),
                        schema(table("accounts").columns(col("id", "integer"))).withRules(rule("accounts", "CREATE RULE r AS\n"
                                + "    ON DELETE TO public.accounts DO INSTEAD NOTHING;")),
                        new Renames(Map.of("public.users", "public.accounts"), Map.of()),
                        List.of(
                                "ALTER TABLE \"users\" RENAME TO \"accounts\";",
                                "DROP RULE \"r\" ON \"accounts\";",
                                "CREATE RULE r AS\n    ON DELETE TO public.accounts DO INSTEAD NOTHING;")),
                Arguments.of("a disabled rule made again under its table's new name is disabled again after it is created",
                        schema(table("users").columns(col("id", "integer"))).withRules(rule("users", "CREATE RULE r AS\n"
                                + "    ON DELETE TO public.users DO INSTEAD NOTHING;", "D")),
                        schema(table("accounts").columns(col("id", "integer"))).withRules(rule("accounts", "CREATE RULE r AS\n"
                                + "    ON DELETE TO public.accounts DO INSTEAD NOTHING;", "D")),
                        new Renames(Map.of("public.users", "public.accounts"), Map.of()),
                        List.of(
                                "ALTER TABLE \"users\" RENAME TO \"accounts\";",
                                "DROP RULE \"r\" ON \"accounts\";",
                                "CREATE RULE r AS\n    ON DELETE TO public.accounts DO INSTEAD NOTHING;",
                                "ALTER TABLE \"accounts\" DISABLE RULE \"r\";")),
                Arguments.of("a rule whose enabled state alone changes is altered, not made again",
                        schema(table("users").columns(col("id", "integer"))).withRules(rule("users", "CREATE RULE r AS\n"
                                + "    ON DELETE TO public.users DO INSTEAD NOTHING;", "D")),
                        schema(table("users").columns(col("id", "integer"))).withRules(rule("users", "CREATE RULE r AS\n"
                                + "    ON DELETE TO public.users DO INSTEAD NOTHING;", "A")),
                        Renames.NONE,
                        List.of("ALTER TABLE \"users\" ENABLE ALWAYS RULE \"r\";")),
                // ---- enum types
                Arguments.of("an enum type is created before the table that uses it, with an enum default and an enum array",
                        schema(new Snapshots.T[0]),
                        with(schema(table("t").columns(withDefault(enumCol("s", "status"), "'active'::status"),
                                withDefault(enumCol("ss", "status[]"), "'{active,it''s}'::status[]"))), enumType("status", "active", "it's")),
                        Renames.NONE, List.of(
                                "CREATE TYPE \"public\".\"status\" AS ENUM('active', 'it''s');",
                                "CREATE TABLE \"t\" (\n\t\"s\" \"public\".\"status\" DEFAULT 'active'::status,"
                                        + "\n\t\"ss\" \"public\".\"status\"[] DEFAULT '{active,it''s}'::status[]\n);")),
                Arguments.of("an enum type is dropped after the last column using it",
                        with(schema(table("t").columns(col("id", "integer"), enumCol("s", "status"))), enumType("status", "a")),
                        schema(table("t").columns(col("id", "integer"))), Renames.NONE, List.of(
                                "ALTER TABLE \"t\" DROP COLUMN \"s\";",
                                "DROP TYPE \"public\".\"status\";")),
                Arguments.of("new labels are added in place: first, in the middle and at the end",
                        with(schema(table("t").columns(enumCol("s", "status"))), enumType("status", "b", "d")),
                        with(schema(table("t").columns(enumCol("s", "status"))), enumType("status", "a", "b", "c", "d", "e", "f")),
                        Renames.NONE, List.of(
                                "ALTER TYPE \"public\".\"status\" ADD VALUE IF NOT EXISTS 'a' BEFORE 'b';",
                                "ALTER TYPE \"public\".\"status\" ADD VALUE IF NOT EXISTS 'c' AFTER 'b';",
                                "ALTER TYPE \"public\".\"status\" ADD VALUE IF NOT EXISTS 'e';",
                                "ALTER TYPE \"public\".\"status\" ADD VALUE IF NOT EXISTS 'f';")),
                Arguments.of("a removed label recreates the type and moves every column over, defaults included",
                        with(schema(table("t").columns(withDefault(enumCol("s", "status"), "'a'::status"), enumCol("ss", "status[]"),
                                enumCol("gone", "status"))), enumType("status", "a", "b", "c")),
                        with(schema(table("t").columns(withDefault(enumCol("s", "status"), "'c'::status"), enumCol("ss", "status[]"),
                                col("n", "integer"))), enumType("status", "c", "a")),
                        Renames.NONE, List.of(
                                "ALTER TYPE \"public\".\"status\" RENAME TO \"status__old\";",
                                "CREATE TYPE \"public\".\"status\" AS ENUM('c', 'a');",
                                "ALTER TABLE \"t\" ADD COLUMN \"n\" integer;",
                                "ALTER TABLE \"t\" ALTER COLUMN \"s\" DROP DEFAULT;",
                                "ALTER TABLE \"t\" ALTER COLUMN \"s\" SET DATA TYPE \"public\".\"status\" USING \"s\"::text::\"public\".\"status\";",
                                "ALTER TABLE \"t\" ALTER COLUMN \"s\" SET DEFAULT 'c'::status;",
                                "ALTER TABLE \"t\" ALTER COLUMN \"ss\" SET DATA TYPE \"public\".\"status\"[] USING \"ss\"::text[]::\"public\".\"status\"[];",
                                "ALTER TABLE \"t\" DROP COLUMN \"gone\";",
                                "DROP TYPE \"public\".\"status__old\";")),
                Arguments.of("a column changes to and from an enum type by way of text",
                        with(schema(table("t").columns(col("a", "text"), enumCol("b", "status"))), enumType("status", "x")),
                        with(schema(table("t").columns(enumCol("a", "status"), col("b", "varchar(10)"))), enumType("status", "x")),
                        Renames.NONE, List.of(
                                "ALTER TABLE \"t\" ALTER COLUMN \"a\" SET DATA TYPE \"public\".\"status\" USING \"a\"::text::\"public\".\"status\";",
                                GUARD,
                                "ALTER TABLE \"t\" ALTER COLUMN \"b\" SET DATA TYPE varchar(10) USING \"b\"::text::varchar;")),
                Arguments.of("an enum type in another schema creates the schema first",
                        schema(new Snapshots.T[0]),
                        with(schema(new Snapshots.T[0]), new dev.sleet.kit.snapshot.EnumSnapshot("audit", "Mood", List.of("up"))),
                        Renames.NONE, List.of(
                                "CREATE SCHEMA \"audit\";",
                                "CREATE TYPE \"audit\".\"Mood\" AS ENUM('up');")),
                // ---- renamed enum types, sequences and views
                Arguments.of("a renamed enum type: its columns, arrays of it and their literal defaults follow",
                        with(schema(table("t").columns(withDefault(enumCol("m", "mood"), "'up'::mood"),
                                withDefault(enumCol("ms", "mood[]"), "'{up,down}'::mood[]"))), enumType("mood", "up", "down")),
                        with(schema(table("t").columns(withDefault(enumCol("m", "feeling"), "'up'::feeling"),
                                withDefault(enumCol("ms", "feeling[]"), "'{up,down}'::feeling[]"))), enumType("feeling", "up", "down")),
                        Renames.NONE.withEnum("public.mood", "public.feeling"), List.of(
                                "ALTER TYPE \"public\".\"mood\" RENAME TO \"feeling\";")),
                Arguments.of("a renamed enum type with a label added and a default changed keeps both",
                        with(schema(table("t").columns(withDefault(enumCol("m", "mood"), "'up'::mood"))), enumType("mood", "up", "down")),
                        with(schema(table("t").columns(withDefault(enumCol("m", "Feeling"), "'down'::\"Feeling\""))),
                                enumType("Feeling", "up", "down", "meh")),
                        Renames.NONE.withEnum("public.mood", "public.Feeling"), List.of(
                                "ALTER TYPE \"public\".\"mood\" RENAME TO \"Feeling\";",
                                "ALTER TYPE \"public\".\"Feeling\" ADD VALUE IF NOT EXISTS 'meh';",
                                "ALTER TABLE \"t\" ALTER COLUMN \"m\" SET DEFAULT 'down'::\"Feeling\";")),
                Arguments.of("a renamed enum type with a label removed is recreated under its new name",
                        with(schema(table("t").columns(enumCol("m", "mood"))), enumType("mood", "up", "down")),
                        with(schema(table("t").columns(enumCol("m", "feeling"))), enumType("feeling", "up")),
                        Renames.NONE.withEnum("public.mood", "public.feeling"), List.of(
                                "ALTER TYPE \"public\".\"mood\" RENAME TO \"feeling\";",
                                "ALTER TYPE \"public\".\"feeling\" RENAME TO \"feeling__old\";",
                                "CREATE TYPE \"public\".\"feeling\" AS ENUM('up');",
                                "ALTER TABLE \"t\" ALTER COLUMN \"m\" SET DATA TYPE \"public\".\"feeling\" USING \"m\"::text::\"public\".\"feeling\";",
                                "DROP TYPE \"public\".\"feeling__old\";")),
                Arguments.of("a renamed sequence: defaults drawing from it follow",
                        with(schema(table("t").columns(withDefault(col("n", "bigint"), "nextval('s'::regclass)"))),
                                sequence("s", "bigint", SequenceOptions.defaults())),
                        with(schema(table("t").columns(withDefault(col("n", "bigint"), "nextval('\"Numbers\"'::regclass)"))),
                                sequence("Numbers", "bigint", SequenceOptions.defaults())),
                        Renames.NONE.withSequence("public.s", "public.Numbers"), List.of(
                                "ALTER SEQUENCE \"s\" RENAME TO \"Numbers\";")),
                Arguments.of("a renamed sequence whose options changed is renamed, then altered",
                        with(schema(new Snapshots.T[0]), sequence("s", "bigint", SequenceOptions.defaults())),
                        with(schema(new Snapshots.T[0]), sequence("numbers", "bigint", SequenceOptions.defaults().incrementBy(5))),
                        Renames.NONE.withSequence("public.s", "public.numbers"), List.of(
                                "ALTER SEQUENCE \"s\" RENAME TO \"numbers\";",
                                "ALTER SEQUENCE \"numbers\" INCREMENT BY 5;")),
                Arguments.of("a renamed view and a renamed materialized view, each spelt its own way; comments follow",
                        with(schema(table("t").columns(col("a", "integer"))), view("v", "SELECT t.a FROM t", false),
                                new ViewSnapshot("public", "m", "SELECT t.a FROM t", true, null, false, "kept")),
                        with(schema(table("t").columns(col("a", "integer"))), view("w", "SELECT t.a FROM t", false),
                                new ViewSnapshot("public", "n", "SELECT t.a FROM t", true, null, false, "kept")),
                        Renames.NONE.withView("public.v", "public.w").withView("public.m", "public.n"), List.of(
                                "ALTER MATERIALIZED VIEW \"m\" RENAME TO \"n\";",
                                "ALTER VIEW \"v\" RENAME TO \"w\";")),
                Arguments.of("a renamed view whose definition changed is renamed, then recreated",
                        with(schema(table("t").columns(col("a", "integer"))), view("v", "SELECT t.a FROM t", false)),
                        with(schema(table("t").columns(col("a", "integer"))), view("w", "SELECT t.a, 1 AS one FROM t", false)),
                        Renames.NONE.withView("public.v", "public.w"), List.of(
                                "ALTER VIEW \"v\" RENAME TO \"w\";",
                                "DROP VIEW \"w\";",
                                "CREATE VIEW \"w\" AS SELECT t.a, 1 AS one FROM t;")),
                Arguments.of("a renamed schema carries its tables whole, its enum types, sequences and views, and what uses them",
                        renamedSchema("audit"), renamedSchema("billing"), Renames.NONE.withSchema("audit", "billing"), List.of(
                                "ALTER SCHEMA \"audit\" RENAME TO \"billing\";")),
                // ---- check constraints, NULLS NOT DISTINCT
                Arguments.of("checks and NULLS NOT DISTINCT uniques are part of a new table",
                        schema(new Snapshots.T[0]),
                        schema(table("t").columns(col("a", "integer"), col("b", "integer"))
                                .check("t_a_check", "(a > 0)").uniqueNullsNotDistinct("t_a_b_key", "a", "b")),
                        Renames.NONE, List.of(
                                "CREATE TABLE \"t\" (\n\t\"a\" integer,\n\t\"b\" integer,"
                                        + "\n\tCONSTRAINT \"t_a_b_key\" UNIQUE NULLS NOT DISTINCT(\"a\",\"b\"),"
                                        + "\n\tCONSTRAINT \"t_a_check\" CHECK ((a > 0))\n);")),
                Arguments.of("a changed check is dropped before the columns change and added after; a unique turns NULLS NOT DISTINCT",
                        schema(table("t").columns(col("a", "integer"), col("b", "integer")).check("t_a_check", "(a > 0)")
                                .check("t_gone", "(b > 0)").unique("t_b_key", "b")),
                        schema(table("t").columns(col("a", "bigint"), col("b", "integer")).check("t_a_check", "(a > 10)")
                                .check("t_new", "(b < a)").uniqueNullsNotDistinct("t_b_key", "b")),
                        Renames.NONE, List.of(
                                "ALTER TABLE \"t\" DROP CONSTRAINT \"t_b_key\";",
                                "ALTER TABLE \"t\" DROP CONSTRAINT \"t_a_check\";",
                                "ALTER TABLE \"t\" DROP CONSTRAINT \"t_gone\";",
                                "ALTER TABLE \"t\" ALTER COLUMN \"a\" SET DATA TYPE bigint USING \"a\"::bigint;",
                                "ALTER TABLE \"t\" ADD CONSTRAINT \"t_b_key\" UNIQUE NULLS NOT DISTINCT(\"b\");",
                                "ALTER TABLE \"t\" ADD CONSTRAINT \"t_a_check\" CHECK ((a > 10));",
                                "ALTER TABLE \"t\" ADD CONSTRAINT \"t_new\" CHECK ((b < a));")),
                // ---- indexes
                Arguments.of("an index with expressions, ordering, an operator class, a predicate, storage parameters",
                        schema(table("t").columns(col("a", "text"), col("b", "integer"))),
                        schema(table("t").columns(col("a", "text"), col("b", "integer")).index(new IndexSnapshot("t_idx", List.of(), true, "btree",
                                List.of(new IndexKeySnapshot(null, "lower(a)", null, false, null),
                                        new IndexKeySnapshot("b", null, null, true, "last"),
                                        new IndexKeySnapshot("a", null, "text_pattern_ops", false, "first")),
                                "(b > 0)", new java.util.TreeMap<>(Map.of("fillfactor", "70", "deduplicate_items", "off")), true, false))),
                        Renames.NONE, List.of(
                                "CREATE UNIQUE INDEX \"t_idx\" ON \"t\" USING btree ((lower(a)),\"b\" DESC NULLS LAST,"
                                        + "\"a\" text_pattern_ops NULLS FIRST) NULLS NOT DISTINCT WITH (deduplicate_items=off, fillfactor=70)"
                                        + " WHERE (b > 0);")),
                Arguments.of("an index whose predicate changed is dropped and created; building it concurrently changes nothing",
                        schema(table("t").columns(col("a", "text")).index(new IndexSnapshot("t_a", List.of("a"), false, "btree", null,
                                "(a <> ''::text)", null, false, false))
                                .index(new IndexSnapshot("t_b", List.of("a"), false, "hash"))),
                        schema(table("t").columns(col("a", "text")).index(new IndexSnapshot("t_a", List.of("a"), false, "btree", null,
                                "(a IS NOT NULL)", null, false, true))
                                .index(new IndexSnapshot("t_b", List.of("a"), false, "hash").withConcurrently(true))),
                        Renames.NONE, List.of(
                                "DROP INDEX \"t_a\";",
                                "CREATE INDEX CONCURRENTLY \"t_a\" ON \"t\" USING btree (\"a\") WHERE (a IS NOT NULL);")),
                Arguments.of("indexes of a new table are never built concurrently",
                        schema(new Snapshots.T[0]),
                        schema(table("t").columns(col("a", "text")).index(new IndexSnapshot("t_a", List.of("a"), false, "btree").withConcurrently(true))),
                        Renames.NONE, List.of(
                                "CREATE TABLE \"t\" (\n\t\"a\" text\n);",
                                "CREATE INDEX \"t_a\" ON \"t\" USING btree (\"a\");")),
                // ---- views and comments
                Arguments.of("views are created after the tables, each after the views it reads; comments follow",
                        schema(new Snapshots.T[0]),
                        with(schema(table("t").columns(col("a", "integer").withComment("the a")).comment("it's t")),
                                view("v2", "SELECT v1.a FROM v1", false), view("v1", "SELECT t.a\n   FROM t;", false),
                                new ViewSnapshot("public", "m", "SELECT t.a FROM t", true, new java.util.TreeMap<>(Map.of("fillfactor", "50")),
                                        true, "counts")),
                        Renames.NONE, List.of(
                                "CREATE TABLE \"t\" (\n\t\"a\" integer\n);",
                                "CREATE MATERIALIZED VIEW \"m\" WITH (fillfactor=50) AS SELECT t.a FROM t WITH NO DATA;",
                                "CREATE VIEW \"v1\" AS SELECT t.a FROM t;",
                                "CREATE VIEW \"v2\" AS SELECT v1.a FROM v1;",
                                "COMMENT ON TABLE \"t\" IS 'it''s t';",
                                "COMMENT ON COLUMN \"t\".\"a\" IS 'the a';",
                                "COMMENT ON MATERIALIZED VIEW \"m\" IS 'counts';")),
                Arguments.of("a changed view is recreated with the views that read it; a view over a retyped column too",
                        with(schema(table("t").columns(col("a", "integer"), col("b", "text"))),
                                view("v1", "SELECT t.a FROM t", false), view("v2", "SELECT v1.a FROM v1", false),
                                view("other", "SELECT 1 AS one", false)),
                        with(schema(table("t").columns(col("a", "bigint"), col("b", "text"))),
                                view("v1", "SELECT t.a, 2 AS two FROM t", false), view("v2", "SELECT v1.a FROM v1", false),
                                view("other", "SELECT 1 AS one", false)),
                        Renames.NONE, List.of(
                                "DROP VIEW \"v2\";",
                                "DROP VIEW \"v1\";",
                                "ALTER TABLE \"t\" ALTER COLUMN \"a\" SET DATA TYPE bigint USING \"a\"::bigint;",
                                "CREATE VIEW \"v1\" AS SELECT t.a, 2 AS two FROM t;",
                                "CREATE VIEW \"v2\" AS SELECT v1.a FROM v1;")),
                Arguments.of("comments change and go; a view's WITH NO DATA and white space change nothing",
                        with(schema(table("t").columns(col("a", "integer").withComment("x")).comment("t")),
                                new ViewSnapshot("public", "m", "SELECT 1", true, null, false, "old")),
                        with(schema(table("t").columns(col("a", "integer"))),
                                new ViewSnapshot("public", "m", "SELECT\n  1;", true, null, true, "new")),
                        Renames.NONE, List.of(
                                "COMMENT ON COLUMN \"t\".\"a\" IS NULL;",
                                "COMMENT ON TABLE \"t\" IS NULL;",
                                "COMMENT ON MATERIALIZED VIEW \"m\" IS 'new';")),
                // ---- row-level security, policies, roles
                Arguments.of("roles first, then the table, its row-level security and its policies",
                        schema(new Snapshots.T[0]),
                        with(schema(table("t").columns(col("owner", "text")).rls(true, true)
                                        .policy(new PolicySnapshot("own", "permissive", "all", List.of("app"), "(owner = CURRENT_USER)", null))
                                        .policy(new PolicySnapshot("ins", "restrictive", "insert", List.of(), null, "(owner <> ''::text)"))),
                                new RoleSnapshot("app", true, false, false, true, false, false, -1)),
                        Renames.NONE, List.of(
                                "CREATE ROLE \"app\" LOGIN NOCREATEDB NOCREATEROLE INHERIT NOBYPASSRLS NOREPLICATION CONNECTION LIMIT -1;",
                                "CREATE TABLE \"t\" (\n\t\"owner\" text\n);",
                                "ALTER TABLE \"t\" ENABLE ROW LEVEL SECURITY;",
                                "ALTER TABLE \"t\" FORCE ROW LEVEL SECURITY;",
                                "CREATE POLICY \"ins\" ON \"t\" AS RESTRICTIVE FOR INSERT TO public WITH CHECK ((owner <> ''::text));",
                                "CREATE POLICY \"own\" ON \"t\" AS PERMISSIVE FOR ALL TO \"app\" USING ((owner = CURRENT_USER));")),
                Arguments.of("a changed policy is dropped before the columns change and created after; roles change and go last",
                        with(schema(table("t").columns(col("a", "integer"), col("b", "text")).rls(true, false)
                                        .policy(new PolicySnapshot("p", "permissive", "select", List.of("r2", "r1"), "(a > 0)", null))
                                        .policy(new PolicySnapshot("q", "permissive", "all", List.of(), "true", null))),
                                new RoleSnapshot("r1", false, false, false, true, false, false, -1),
                                new RoleSnapshot("r2", false, false, false, true, false, false, -1)),
                        with(schema(table("t").columns(col("a", "bigint"), col("b", "text")).rls(false, false)
                                        .policy(new PolicySnapshot("p", "permissive", "select", List.of("r1"), "(a > 0)", null))
                                        .policy(new PolicySnapshot("q", "permissive", "all", List.of(), "true", null))),
                                new RoleSnapshot("r1", true, false, false, false, false, false, 3)),
                        Renames.NONE, List.of(
                                "ALTER ROLE \"r1\" LOGIN NOINHERIT CONNECTION LIMIT 3;",
                                "DROP POLICY \"p\" ON \"t\";",
                                "DROP POLICY \"q\" ON \"t\";",
                                "ALTER TABLE \"t\" ALTER COLUMN \"a\" SET DATA TYPE bigint USING \"a\"::bigint;",
                                "ALTER TABLE \"t\" DISABLE ROW LEVEL SECURITY;",
                                "CREATE POLICY \"p\" ON \"t\" AS PERMISSIVE FOR SELECT TO \"r1\" USING ((a > 0));",
                                "CREATE POLICY \"q\" ON \"t\" AS PERMISSIVE FOR ALL TO public USING (true);",
                                "DROP ROLE \"r2\";")),
                // ---- arrays
                Arguments.of("array columns with array defaults; arrays change type with a cast where the element type does",
                        schema(table("t").columns(col("a", "integer[]"), col("b", "varchar(10)[]"), col("c", "text"), col("d", "integer[]"))),
                        schema(table("t").columns(col("a", "bigint[]"), col("b", "varchar(20)[]"), col("c", "text[]"), col("d", "integer"),
                                withDefault(col("e", "text[]"), "'{\"a b\",c}'::text[]"))),
                        Renames.NONE, List.of(
                                "ALTER TABLE \"t\" ADD COLUMN \"e\" text[] DEFAULT '{\"a b\",c}'::text[];",
                                "ALTER TABLE \"t\" ALTER COLUMN \"a\" SET DATA TYPE bigint[] USING \"a\"::bigint[];",
                                "ALTER TABLE \"t\" ALTER COLUMN \"b\" SET DATA TYPE varchar(20)[];",
                                "ALTER TABLE \"t\" ALTER COLUMN \"c\" SET DATA TYPE text[] USING ARRAY[\"c\"]::text[];",
                                GUARD,
                                "ALTER TABLE \"t\" ALTER COLUMN \"d\" SET DATA TYPE integer USING \"d\"[1]::integer;")),
                // ---- sequences, identity and generated columns
                Arguments.of("sequences are created before the tables whose defaults use them and dropped after",
                        with(schema(table("old").columns(withDefault(col("n", "bigint"), "nextval('old_seq'::regclass)"))),
                                sequence("old_seq", "bigint", SequenceOptions.defaults())),
                        with(schema(table("t").columns(withDefault(col("n", "integer"), "nextval('t_seq'::regclass)"))),
                                sequence("t_seq", "integer", SequenceOptions.defaults().incrementBy(-1).cache(10).cycle())),
                        Renames.NONE, List.of(
                                "CREATE SEQUENCE \"t_seq\" AS integer INCREMENT BY -1 MINVALUE -2147483648 MAXVALUE -1 START WITH -1 CACHE 10 CYCLE;",
                                "DROP TABLE \"old\";",
                                "CREATE TABLE \"t\" (\n\t\"n\" integer DEFAULT nextval('t_seq'::regclass)\n);",
                                "DROP SEQUENCE \"old_seq\";")),
                Arguments.of("a sequence's changed options are altered in place",
                        with(schema(new Snapshots.T[0]), sequence("s", "bigint", SequenceOptions.defaults())),
                        with(schema(new Snapshots.T[0]), sequence("s", "integer", SequenceOptions.defaults().startWith(5).maxValue(99))),
                        Renames.NONE, List.of("ALTER SEQUENCE \"s\" AS integer MAXVALUE 99 START WITH 5;")),
                Arguments.of("identity and generated columns in a new table",
                        schema(new Snapshots.T[0]),
                        schema(table("t").columns(identity(col("id", "integer"), "always", SequenceOptions.defaults()),
                                identity(col("n", "bigint"), "by default", SequenceOptions.defaults().startWith(10).incrementBy(5).cycle()),
                                col("a", "integer"), generated(col("g", "integer"), "(a * 2)")).pk("id")),
                        Renames.NONE, List.of(
                                "CREATE TABLE \"t\" (\n\t\"id\" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY NOT NULL,"
                                        + "\n\t\"n\" bigint GENERATED BY DEFAULT AS IDENTITY (INCREMENT BY 5 START WITH 10 CYCLE) NOT NULL,"
                                        + "\n\t\"a\" integer,\n\t\"g\" integer GENERATED ALWAYS AS ((a * 2)) STORED\n);")),
                Arguments.of("a column becomes an identity column once its default is gone and it is NOT NULL",
                        schema(table("t").columns(withDefault(col("id", "integer"), "0"))),
                        schema(table("t").columns(identity(col("id", "integer"), "always", SequenceOptions.defaults().minValue(0)))),
                        Renames.NONE, List.of(
                                "ALTER TABLE \"t\" ALTER COLUMN \"id\" DROP DEFAULT;",
                                "ALTER TABLE \"t\" ALTER COLUMN \"id\" SET NOT NULL;",
                                "ALTER TABLE \"t\" ALTER COLUMN \"id\" ADD GENERATED ALWAYS AS IDENTITY (MINVALUE 0);")),
                Arguments.of("an identity column widened: the sequence follows the type, its maximum with it",
                        schema(table("t").columns(identity(col("id", "integer"), "always", SequenceOptions.defaults()))),
                        schema(table("t").columns(identity(col("id", "bigint"), "always", SequenceOptions.defaults()))),
                        Renames.NONE, List.of(
                                "ALTER TABLE \"t\" ALTER COLUMN \"id\" SET DATA TYPE bigint USING \"id\"::bigint;")),
                Arguments.of("an identity column widened with an explicit maximum that was the old type's: PostgreSQL would move it",
                        schema(table("t").columns(identity(col("id", "smallint"), "always",
                                SequenceOptions.defaults().maxValue(Short.MAX_VALUE)))),
                        schema(table("t").columns(identity(col("id", "integer"), "always",
                                SequenceOptions.defaults().maxValue(Short.MAX_VALUE)))),
                        Renames.NONE, List.of(
                                "ALTER TABLE \"t\" ALTER COLUMN \"id\" SET DATA TYPE integer USING \"id\"::integer;",
                                "ALTER TABLE \"t\" ALTER COLUMN \"id\" SET MAXVALUE 32767;")),
                Arguments.of("an identity column narrowed: bounds that would not fit go first",
                        schema(table("t").columns(identity(col("id", "bigint"), "by default",
                                SequenceOptions.defaults().maxValue(5_000_000_000L)))),
                        schema(table("t").columns(identity(col("id", "integer"), "by default",
                                SequenceOptions.defaults().maxValue(1000)))),
                        Renames.NONE, List.of(
                                "ALTER TABLE \"t\" ALTER COLUMN \"id\" SET MAXVALUE 1000;",
                                GUARD,
                                "ALTER TABLE \"t\" ALTER COLUMN \"id\" SET DATA TYPE integer USING \"id\"::integer;")));
    }

    /** Stands for the guard before a lossy type change (what it says is tested in LossyTypeChangeTest). */
    static final String GUARD = "(guard)";

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void producesTheExpectedStatements(String name, Snapshot from, Snapshot to, Renames renames, List<String> expected) {
        List<Change> changes = Differ.diff(from, to, renames);
        assertThat(PostgresDialect.INSTANCE.sql(changes)).map(sql -> sql.startsWith("DO $sleet_guard$") ? GUARD : sql)
                .containsExactlyElementsOf(expected);
    }

    /**
     * Schema {@code name} holding a table with every part a table has, an enum type, a sequence and
     * a view, with a table in public that refers into it (a foreign key, a column of the type, a
     * default drawing from the sequence).
     */
    static Snapshot renamedSchema(String name) {
        String mood = name + ".mood";
        return with(schema(
                        table(name, "t").columns(serial("id"), withDefault(new ColumnSnapshot("m", "mood", false, false, null, name),
                                        "'up'::" + mood), withDefault(col("n", "bigint"), "nextval('" + name + ".s'::regclass)"))
                                .pk("id").check("t_n_check", "(n > 0)").comment("the t").rls(true, true)
                                .policy(new PolicySnapshot("own", "permissive", "all", List.of(), "(n > 0)", null))
                                .index("t_n_idx", false, "btree", "n"),
                        table("public", "u").columns(col("t_id", "integer"), new ColumnSnapshot("ms", "mood[]", false, false,
                                        "'{up}'::" + mood + "[]", name), withDefault(col("k", "bigint"), "nextval('" + name + ".s'::regclass)"))
                                .fk(new ForeignKeySnapshot("u_t_fk", List.of("t_id"), name, "t", List.of("id"), "cascade", "no action"))),
                new EnumSnapshot(name, "mood", List.of("up", "down")),
                SequenceSnapshot.of(name, "s", "bigint", SequenceOptions.defaults()),
                new ViewSnapshot(name, "v", "SELECT 1 AS one", false, null, false, "the v"));
    }

    /** The seed's five tables; {@code edited} adds tasks.importance, an index and ON DELETE CASCADE. */
    static Snapshot seed(boolean edited) {
        Snapshots.T tasks = table("tasks").columns(serial("id"), col("name", "varchar(250)"), col("epic_id", "integer"), col("user_id", "integer"))
                .pk("id")
                .fk("fk_task_epic", "epic_id", "epics", "id", "no action")
                .fk("fk_task_user", "user_id", "users", "id", edited ? "cascade" : "no action");
        if (edited) {
            tasks.columns(col("importance", "integer")).index("idx_tasks_epicId", false, "btree", "epic_id");
        }
        return schema(
                table("users").columns(serial("id"), col("username", "varchar(50)"), col("name", "varchar(250)"), col("avatar", "varchar(500)")).pk("id"),
                tasks,
                table("epics").columns(serial("id"), col("name", "varchar(250)"), col("description", "text"), col("due", "date")).pk("id"),
                table("tags").columns(serial("id"), col("name", "varchar(250)")).pk("id"),
                table("tasks_tags").columns(serial("id"), col("task", "integer"), col("tag", "integer")).pk("id")
                        .fk("fk_tasks_tags_tag", "tag", "tags", "id", "no action")
                        .fk("fk_tasks_tags_task", "task", "tasks", "id", "no action"));
    }

    private static java.util.SortedMap<String, RuleSnapshot> rule(String table, String definition) {
        return rule(table, definition, null);
    }

    private static java.util.SortedMap<String, RuleSnapshot> rule(String table, String definition, String enabled) {
        RuleSnapshot rule = new RuleSnapshot("public", table, "r", definition, enabled, null);
        return new java.util.TreeMap<>(Map.of(rule.key(), rule));
    }
}
