package dev.sleet.kit.diff;

import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.kit.snapshot.Snapshot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.sleet.kit.diff.Snapshots.col;
import static dev.sleet.kit.diff.Snapshots.notNull;
import static dev.sleet.kit.diff.Snapshots.schema;
import static dev.sleet.kit.diff.Snapshots.serial;
import static dev.sleet.kit.diff.Snapshots.table;
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
                Arguments.of("type change across families gets a USING cast; default dropped first and set again",
                        schema(table("t").columns(withDefault(col("n", "text"), "'1'::text"))),
                        schema(table("t").columns(withDefault(col("n", "integer"), "1"))), Renames.NONE, List.of(
                                "ALTER TABLE \"t\" ALTER COLUMN \"n\" DROP DEFAULT;",
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
                                "ALTER TABLE \"accounts\" ALTER COLUMN \"full_name\" SET DATA TYPE varchar(80);")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void producesTheExpectedStatements(String name, Snapshot from, Snapshot to, Renames renames, List<String> expected) {
        List<Change> changes = Differ.diff(from, to, renames);
        assertThat(PostgresDialect.INSTANCE.sql(changes)).containsExactlyElementsOf(expected);
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
}
