package dev.sleet.cli;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Sleet does not manage (event triggers, operators, casts outside the chosen schemas, a foreign
 * server with an option named like a credential and its foreign table, user mappings ...) is said once
 * per kind, with a count, in plain words: by pull (whose history cannot rebuild them), by check
 * (not "No drift", but not a failure either) and by push; {@code --verbose} names every object. No
 * option value of such a server or of a user mapping is ever printed.
 */
@ExtendWith(PostgresExtension.class)
class UnmanagedCliTest {

    private static final String UNMANAGED = """
            CREATE TABLE items (id integer PRIMARY KEY, name text);
            CREATE FUNCTION cons11_ddl_note() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
            CREATE EVENT TRIGGER cons11_ddl ON ddl_command_end EXECUTE FUNCTION cons11_ddl_note();
            CREATE EXTENSION postgres_fdw;
            CREATE SERVER cons11_files FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'files.internal', sslkey '/keys/cons11-s3cret.key');
            CREATE USER MAPPING FOR PUBLIC SERVER cons11_files OPTIONS (user 'app', password 'cons11-pw-s3cret');
            CREATE FOREIGN TABLE outside (line text) SERVER cons11_files OPTIONS (table_name 'lines');
            CREATE SCHEMA elsewhere;
            CREATE DOMAIN elsewhere.code AS text;
            SET client_min_messages = error;
            CREATE CAST (elsewhere.code AS integer) WITH INOUT;
            """;

    @TempDir
    Path dir;

    /** {@code n} operators {@code ===}, over as many types (rules were the example once; they are managed now). */
    private static String operators(int n) {
        List<String> types = List.of("bigint:int8eq", "boolean:booleq", "date:date_eq", "integer:int4eq", "numeric:numeric_eq",
                "smallint:int2eq", "text:texteq");
        StringBuilder sql = new StringBuilder();
        for (String type : types.subList(0, n)) {
            String[] parts = type.split(":");
            sql.append("CREATE OPERATOR public.=== (LEFTARG = ").append(parts[0]).append(", RIGHTARG = ").append(parts[0])
                    .append(", FUNCTION = ").append(parts[1]).append(");\n");
        }
        return sql.toString();
    }

    private static long lines(String text, String containing) {
        return Arrays.stream(text.split("\n")).filter(l -> l.contains(containing)).count();
    }

    @Test
    void pullSaysOncePerKindWhatItCannotCarryAndThatTheHistoryCannotRebuildIt(TestDatabase db) {
        db.execute(UNMANAGED + operators(7));
        Project project = new Project(dir, db);

        Sleet pulled = project.sleet("pull");

        assertThat(pulled.exitCode()).as(pulled.all()).isZero();
        assertThat(pulled.err()).as(pulled.all()).contains(
                "Warning: 1 event trigger, 1 foreign table, 1 foreign server, 1 user mapping, 7 operators, 1 cast are not managed by Sleet: pull writes no code"
                        + " or migration for them, so the pulled history cannot rebuild a database that has them",
                "(--verbose lists every one)",
                "Warning:   1 event trigger: cons11_ddl",
                "Warning:   7 operators: public.=== (bigint, bigint), public.=== (boolean, boolean), public.=== (date, date),"
                        + " public.=== (integer, integer), public.=== (numeric, numeric) and 2 more",
                "Warning:   1 foreign table: public.outside",
                "Warning:   1 foreign server: cons11_files",
                "Warning:   1 user mapping: public on cons11_files",
                "Warning:   1 cast: elsewhere.code AS integer");
        // One line for the seven operators, none for what an extension brought (postgres_fdw's wrapper and functions).
        assertThat(lines(pulled.err(), "public.=== (")).isEqualTo(1);
        assertThat(pulled.err()).doesNotContain("foreign-data wrapper", "kind '");
        assertThat(project.schemaCode()).contains("\"items\"").doesNotContain("outside");
        assertThat(pulled.all() + String.join("\n", project.contents().values())).doesNotContain("s3cret", "files.internal");
    }

    @Test
    void verboseNamesEveryObject(TestDatabase db) {
        db.execute(UNMANAGED + operators(7));
        Project project = new Project(dir, db);

        Sleet pulled = project.sleet("pull", "--verbose");

        assertThat(pulled.exitCode()).as(pulled.all()).isZero();
        assertThat(pulled.err()).contains("7 operators: public.=== (bigint, bigint), public.=== (boolean, boolean),"
                + " public.=== (date, date), public.=== (integer, integer), public.=== (numeric, numeric),"
                + " public.=== (smallint, smallint), public.=== (text, text)")
                .doesNotContain("and 2 more", "--verbose lists");
    }

    @Test
    void checkReportsUnmanagedObjectsInsteadOfNoDriftAndPasses(TestDatabase db) {
        db.execute(UNMANAGED);
        Project project = new Project(dir, db);
        assertThat(project.sleet("pull").exitCode()).isZero();
        assertThat(project.sleet("migrate").exitCode()).isZero();

        Sleet check = project.sleet("check");

        assertThat(check.exitCode()).as(check.all()).isZero();
        assertThat(check.out()).as(check.all()).contains("No drift in what Sleet manages: ",
                "5 objects are unmanaged (no migration creates them): 1 event trigger, 1 foreign table, 1 foreign server, 1 user mapping,"
                        + " 1 cast",
                "  1 foreign table: public.outside", "Everything is consistent");
        assertThat(check.out()).doesNotContain("No drift:");
    }

    @Test
    void pushSaysWhatItLeavesAlone(TestDatabase db) {
        db.execute(UNMANAGED);
        Project project = new Project(dir, db).schema("""
                public static final Extension POSTGRES_FDW = Extension.of("postgres_fdw");
                // The event trigger's function is a routine, which Sleet manages: code that leaves it out drops it.
                public static final Routine DDL_NOTE = Routine.of(\"""
                    CREATE OR REPLACE FUNCTION public.cons11_ddl_note()
                     RETURNS event_trigger
                     LANGUAGE plpgsql
                    AS $function$ BEGIN END $function$
                    \""");
                public static final Items ITEMS = new Items();
                public static final class Items extends Table<Items> {
                    public final Column<Integer> id = integer("id").primaryKey();
                    public final Column<String> name = text("name");
                    public Items() { super("items"); }
                }
                """);

        Sleet pushed = project.sleet("push");

        assertThat(pushed.exitCode()).as(pushed.all()).isZero();
        assertThat(pushed.err()).contains("1 event trigger, 1 foreign table, 1 foreign server, 1 user mapping, 1 cast are not managed by Sleet: "
                + "push neither creates, changes nor drops them");
    }
}
