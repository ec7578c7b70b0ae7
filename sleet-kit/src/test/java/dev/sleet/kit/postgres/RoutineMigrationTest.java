package dev.sleet.kit.postgres;

import dev.sleet.kit.dialect.IntrospectOptions;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.diff.Renames;
import dev.sleet.kit.snapshot.RoutineSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TriggerSnapshot;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static dev.sleet.kit.postgres.Live.introspect;
import static dev.sleet.kit.postgres.Live.migrate;
import static dev.sleet.kit.postgres.Live.rows;
import static org.assertj.core.api.Assertions.assertThat;

/** Functions, procedures, aggregates and triggers, read from the catalog and migrated on a real PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class RoutineMigrationTest {

    private static final String ITEMS = """
            CREATE TABLE items (id serial PRIMARY KEY, price numeric NOT NULL DEFAULT 0);
            """;

    @Test
    void routinesReadBackAsPostgresPrintsThemWithOverloadsAndDependencies(TestDatabase db) throws SQLException {
        db.execute(ITEMS + """
                CREATE SCHEMA audit;
                CREATE FUNCTION area(w integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'select w * w';
                CREATE FUNCTION area(w integer, h integer DEFAULT 1) RETURNS integer LANGUAGE sql AS 'select w * h';
                CREATE FUNCTION label(i items) RETURNS text LANGUAGE sql AS $$select 'item ' || i.id$$;
                CREATE PROCEDURE audit."Bump ""It\"""(p_id integer) LANGUAGE plpgsql AS $$
                BEGIN
                  UPDATE items SET price = price + 1 WHERE id = p_id;
                END $$;
                CREATE FUNCTION add_up(numeric, numeric) RETURNS numeric LANGUAGE sql AS 'select $1 + $2';
                CREATE AGGREGATE total(numeric) (SFUNC = add_up, STYPE = numeric, INITCOND = '0', PARALLEL = SAFE);
                """);
        // The JDBC driver cuts a script at the semicolons of a BEGIN ATOMIC body: that one goes alone.
        db.execute("CREATE FUNCTION max_price() RETURNS numeric LANGUAGE sql BEGIN ATOMIC SELECT max(price) FROM items; END");

        Snapshot live = introspect(db);

        assertThat(live.routines()).containsOnlyKeys("public.area(w integer)", "public.area(w integer, h integer)",
                "public.label(i items)", "public.max_price()", "audit.Bump \"It\"(IN p_id integer)",
                "public.add_up(numeric, numeric)", "public.total(numeric)");
        RoutineSnapshot area = live.routines().get("public.area(w integer, h integer)");
        assertThat(area.arguments()).isEqualTo("w integer, h integer DEFAULT 1");
        assertThat(area.result()).isEqualTo("integer");
        assertThat(area.definition()).startsWith("CREATE OR REPLACE FUNCTION public.area(w integer, h integer DEFAULT 1)\n")
                .contains("select w * h");
        assertThat(live.routines().get("public.label(i items)").dependsOn()).containsExactly("public.items");
        assertThat(live.routines().get("public.max_price()").dependsOn()).containsExactly("public.items");
        assertThat(live.routines().get("public.total(numeric)").definition()).isEqualTo("""
                CREATE AGGREGATE public.total(numeric) (
                    SFUNC = add_up,
                    STYPE = numeric,
                    INITCOND = '0',
                    PARALLEL = SAFE
                )""");
        assertThat(live.routines().get("public.total(numeric)").dependsOn()).containsExactly("public.add_up(numeric, numeric)");
        assertThat(live.routines().get("audit.Bump \"It\"(IN p_id integer)").kind()).isEqualTo("procedure");
    }

    @Test
    void theConstructorsPostgresMakesWithARangeTypeAreNotRoutines(TestDatabase db) throws SQLException {
        // A range type brings constructor functions for itself and its multirange (LANGUAGE internal,
        // pg_depend deptype 'i'): pulled as routines they could not be created, and need not be.
        db.execute("""
                CREATE TYPE uuidrange AS RANGE (subtype = uuid);
                CREATE FUNCTION span(a uuid, b uuid) RETURNS uuidrange LANGUAGE sql AS 'select uuidrange(a, b)';
                """);

        Snapshot live = introspect(db);

        assertThat(live.routines()).containsOnlyKeys("public.span(a uuid, b uuid)");
    }

    @Test
    void everythingIsCreatedInAnEmptyDatabaseInAnOrderThatWorks(TestDatabase db, TestDatabase target) throws SQLException {
        target.execute(ITEMS + """
                CREATE FUNCTION next_price() RETURNS numeric LANGUAGE sql AS 'select coalesce(max(price), 0) + 1 from items';
                CREATE TABLE orders (id serial PRIMARY KEY, price numeric DEFAULT next_price());
                CREATE FUNCTION label(i items) RETURNS text LANGUAGE sql AS $$select 'item ' || i.id$$;
                CREATE VIEW labels AS SELECT label(i) AS label FROM items i;
                CREATE FUNCTION add_up(numeric, numeric) RETURNS numeric LANGUAGE sql AS 'select $1 + $2';
                CREATE AGGREGATE total(numeric) (SFUNC = add_up, STYPE = numeric, INITCOND = '0');
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.price := NEW.price; RETURN NEW; END$$;
                CREATE TRIGGER "Touch ""It\""" BEFORE UPDATE OF price ON items FOR EACH ROW
                    WHEN (old.price IS DISTINCT FROM new.price) EXECUTE FUNCTION touch();
                CREATE FUNCTION count_new() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NULL; END$$;
                CREATE TRIGGER counted AFTER INSERT ON items REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION count_new();
                CREATE CONSTRAINT TRIGGER checked AFTER INSERT OR UPDATE ON orders DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW EXECUTE FUNCTION count_new();
                CREATE TRIGGER off AFTER DELETE ON orders FOR EACH ROW EXECUTE FUNCTION count_new();
                ALTER TABLE orders DISABLE TRIGGER off;
                CREATE TRIGGER always AFTER DELETE ON items FOR EACH ROW EXECUTE FUNCTION count_new();
                ALTER TABLE items ENABLE ALWAYS TRIGGER always;
                CREATE TRIGGER replica AFTER DELETE ON items FOR EACH ROW EXECUTE FUNCTION count_new();
                ALTER TABLE items ENABLE REPLICA TRIGGER replica;
                """);
        // The JDBC driver cuts a script at the semicolons of a BEGIN ATOMIC body: that one goes alone.
        target.execute("CREATE FUNCTION label_count() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT count(*) FROM labels; END");
        Snapshot wanted = introspect(target);
        List<String> sql = Live.apply(db, Differ.diff(Snapshot.empty("postgresql"), wanted));
        assertThat(Differ.diff(introspect(db), wanted)).isEmpty();

        String all = String.join("\n", sql);
        assertThat(all).contains("SET LOCAL check_function_bodies = off;");
        // next_price() comes before the table whose default calls it; label(items) after items and before the view.
        assertThat(all.indexOf("FUNCTION public.next_price()")).isLessThan(all.indexOf("CREATE TABLE \"orders\""));
        assertThat(all.indexOf("CREATE TABLE \"items\"")).isLessThan(all.indexOf("FUNCTION public.label(i items)"));
        assertThat(all.indexOf("FUNCTION public.label(i items)")).isLessThan(all.indexOf("CREATE VIEW \"labels\""));
        assertThat(all.indexOf("CREATE VIEW \"labels\"")).isLessThan(all.indexOf("FUNCTION public.label_count()"));
        assertThat(all).contains("ALTER TABLE \"orders\" DISABLE TRIGGER \"off\";")
                .contains("ALTER TABLE \"items\" ENABLE ALWAYS TRIGGER \"always\";")
                .contains("ALTER TABLE \"items\" ENABLE REPLICA TRIGGER \"replica\";");
        Snapshot live = introspect(db);
        assertThat(live.tables().get("public.items").triggers()).containsOnlyKeys("Touch \"It\"", "counted", "always", "replica");
        assertThat(live.tables().get("public.orders").triggers().get("off").enabled()).isEqualTo("D");
        assertThat(rows(db, "SELECT tgdeferrable::text FROM pg_trigger WHERE tgname = 'checked'")).containsExactly("true");
    }

    @Test
    void aChangedBodyIsReplacedInPlace(TestDatabase db, TestDatabase target) throws SQLException {
        String view = "CREATE VIEW doubled AS SELECT twice(id) AS d FROM items;";
        List<String> sql = migrate(db, ITEMS + """
                CREATE FUNCTION twice(x integer) RETURNS integer LANGUAGE sql AS 'select x * 2';
                """ + view, target, ITEMS + """
                CREATE FUNCTION twice(x integer) RETURNS integer LANGUAGE sql AS 'select x + x';
                """ + view);

        assertThat(sql).anyMatch(s -> s.startsWith("CREATE OR REPLACE FUNCTION public.twice(x integer)") && s.contains("select x + x"));
        assertThat(sql).noneMatch(s -> s.startsWith("DROP"));
    }

    @Test
    void aChangedResultTypeDropsAndCreatesTheFunctionWithWhatUsesIt(TestDatabase db, TestDatabase target) throws SQLException {
        String uses = """
                CREATE VIEW doubled AS SELECT twice(id) AS d FROM items;
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
                CREATE TRIGGER touched BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch();
                """;
        List<String> sql = migrate(db, ITEMS + """
                CREATE FUNCTION twice(x integer) RETURNS integer LANGUAGE sql AS 'select x * 2';
                CREATE FUNCTION add_up(numeric, numeric) RETURNS numeric LANGUAGE sql AS 'select $1 + $2';
                CREATE AGGREGATE total(numeric) (SFUNC = add_up, STYPE = numeric);
                """ + uses, target, ITEMS + """
                CREATE FUNCTION twice(x integer) RETURNS bigint LANGUAGE sql AS 'select x * 2::bigint';
                CREATE FUNCTION add_up(numeric, numeric) RETURNS numeric LANGUAGE sql STRICT AS 'select $1 + $2';
                CREATE AGGREGATE total(numeric) (SFUNC = add_up, STYPE = numeric);
                """ + uses.replace("RETURNS trigger", "RETURNS trigger STRICT").replace("RETURN NEW", "RETURN NULL"));

        assertThat(sql).contains("DROP VIEW \"doubled\";", "DROP FUNCTION \"public\".\"twice\"(x integer);");
        assertThat(sql).anyMatch(s -> s.startsWith("CREATE OR REPLACE FUNCTION public.twice(x integer)\n RETURNS bigint"));
        assertThat(sql).anyMatch(s -> s.startsWith("CREATE OR REPLACE FUNCTION public.touch()") && s.contains("RETURN NULL"));
        assertThat(sql.indexOf("DROP VIEW \"doubled\";")).isLessThan(sql.indexOf("DROP FUNCTION \"public\".\"twice\"(x integer);"));
    }

    /**
     * A renamed argument (or OUT argument) gives the routine another key, but PostgreSQL tells routines
     * apart by their input types only, and {@code CREATE OR REPLACE} refuses to rename an input: the old
     * one goes before the new one is made, with the view that calls it (an overload of other types stays).
     */
    @Test
    void aRenamedArgumentDropsTheOldRoutineBeforeTheNewOne(TestDatabase db, TestDatabase target) throws SQLException {
        String overload = "CREATE FUNCTION twice(x text) RETURNS text LANGUAGE sql AS 'select x || x';";
        List<String> sql = migrate(db, ITEMS + overload + """
                CREATE FUNCTION twice(x integer) RETURNS integer LANGUAGE sql AS 'select x * 2';
                CREATE FUNCTION pair(a integer, OUT b integer, OUT c integer) LANGUAGE sql AS 'select a, a';
                CREATE VIEW doubled AS SELECT twice(id) AS d FROM items;
                """, target, ITEMS + overload + """
                CREATE FUNCTION twice(n integer) RETURNS integer LANGUAGE sql AS 'select n * 2';
                CREATE FUNCTION pair(a integer, OUT b integer, OUT d integer) LANGUAGE sql AS 'select a, a';
                CREATE VIEW doubled AS SELECT twice(id) AS d FROM items;
                """);

        int drop = sql.indexOf("DROP FUNCTION \"public\".\"twice\"(x integer);");
        assertThat(drop).isNotNegative().isLessThan(indexOf(sql, "CREATE OR REPLACE FUNCTION public.twice(n integer)"));
        assertThat(sql.indexOf("DROP VIEW \"doubled\";")).isNotNegative().isLessThan(drop);
        assertThat(sql).noneMatch(s -> s.startsWith("DROP FUNCTION \"public\".\"twice\"(x text)"));
    }

    private static int indexOf(List<String> sql, String prefix) {
        for (int i = 0; i < sql.size(); i++) {
            if (sql.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    /** An aggregate over no arguments is written {@code (*)}, as PostgreSQL requires, when created, commented and dropped. */
    @Test
    void anAggregateOfNoArgumentsIsWrittenWithAStar(TestDatabase db, TestDatabase target) throws SQLException {
        String count = """
                CREATE SCHEMA audit;
                CREATE FUNCTION audit."one ""more"" x"(state integer) RETURNS integer LANGUAGE sql AS 'select state + 1';
                CREATE AGGREGATE audit."Count ""em"" *"(*) (SFUNC = audit."one ""more"" x", STYPE = integer, INITCOND = '0');
                COMMENT ON AGGREGATE audit."Count ""em"" *"(*) IS 'rows';
                """;
        List<String> sql = migrate(db, "", target, count);
        assertThat(sql).anyMatch(s -> s.startsWith("CREATE AGGREGATE audit.\"Count \"\"em\"\" *\"(*) ("));
        assertThat(introspect(db).routines()).containsKey("audit.Count \"em\" *(*)");

        try (TestDatabase empty = TestDatabase.create("empty")) {
            assertThat(migrate(target, "", empty, "CREATE SCHEMA audit;"))
                    .contains("DROP AGGREGATE \"audit\".\"Count \"\"em\"\" *\"(*);");
        }
    }

    @Test
    void triggersChangeAndTheirStateFollows(TestDatabase db, TestDatabase target) throws SQLException {
        String function = "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;";
        List<String> sql = migrate(db, ITEMS + function + """
                CREATE TRIGGER a BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch();
                CREATE TRIGGER b BEFORE INSERT ON items FOR EACH ROW EXECUTE FUNCTION touch();
                CREATE TRIGGER gone BEFORE DELETE ON items FOR EACH ROW EXECUTE FUNCTION touch();
                """, target, ITEMS + function + """
                CREATE TRIGGER a BEFORE UPDATE OR INSERT ON items FOR EACH ROW EXECUTE FUNCTION touch();
                CREATE TRIGGER b BEFORE INSERT ON items FOR EACH ROW EXECUTE FUNCTION touch();
                ALTER TABLE items DISABLE TRIGGER b;
                """);

        assertThat(sql).containsExactly("DROP TRIGGER \"a\" ON \"items\";", "DROP TRIGGER \"gone\" ON \"items\";",
                "CREATE TRIGGER a BEFORE INSERT OR UPDATE ON public.items FOR EACH ROW EXECUTE FUNCTION touch();",
                "ALTER TABLE \"items\" DISABLE TRIGGER \"b\";");
        TriggerSnapshot b = introspect(db).tables().get("public.items").triggers().get("b");
        assertThat(b.enabled()).isEqualTo("D");
    }

    @Test
    void aViewKeepsItsInsteadOfTriggersWhenItIsRecreated(TestDatabase db, TestDatabase target) throws SQLException {
        String function = "CREATE FUNCTION put() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;";
        String trigger = "CREATE TRIGGER \"Put \"\"It\"\"\" INSTEAD OF INSERT ON cheap FOR EACH ROW EXECUTE FUNCTION put();";
        List<String> sql = migrate(db, ITEMS + function + "CREATE VIEW cheap AS SELECT id FROM items WHERE price < 10;" + trigger,
                target, ITEMS + function + "CREATE VIEW cheap AS SELECT id FROM items WHERE price < 5;" + trigger);

        assertThat(sql).contains("DROP VIEW \"cheap\";",
                "CREATE TRIGGER \"Put \"\"It\"\"\" INSTEAD OF INSERT ON public.cheap FOR EACH ROW EXECUTE FUNCTION put();");
        assertThat(introspect(db).views().get("public.cheap").triggers()).containsOnlyKeys("Put \"It\"");
    }

    @Test
    void aChangedCommentIsSetAlone(TestDatabase db, TestDatabase target) throws SQLException {
        String function = "CREATE FUNCTION one() RETURNS integer LANGUAGE sql AS 'select 1';";
        List<String> sql = migrate(db, function + "COMMENT ON FUNCTION one() IS 'old';",
                target, function + "COMMENT ON FUNCTION one() IS 'it''s new';");

        assertThat(sql).containsExactly("COMMENT ON FUNCTION \"public\".\"one\"() IS 'it''s new';");
    }

    @Test
    void routinesMoveWithARenamedSchema(TestDatabase db, TestDatabase target) throws SQLException {
        db.execute("CREATE SCHEMA old; CREATE FUNCTION old.one() RETURNS integer LANGUAGE sql AS 'select 1';");
        target.execute("CREATE SCHEMA new; CREATE FUNCTION new.one() RETURNS integer LANGUAGE sql AS 'select 1';");
        IntrospectOptions options = new IntrospectOptions(List.of("public", "old", "new"), "sleet", "__sleet_migrations");
        Snapshot wanted;
        try (Connection c = target.connect()) {
            wanted = Live.PG.introspect(c, options).snapshot();
        }
        Snapshot before;
        try (Connection c = db.connect()) {
            before = Live.PG.introspect(c, options).snapshot();
        }

        List<String> sql = Live.apply(db, Differ.diff(before, wanted, Renames.NONE.withSchema("old", "new")));

        assertThat(sql).containsExactly("ALTER SCHEMA \"old\" RENAME TO \"new\";");
        assertThat(rows(db, "SELECT new.one()::text")).containsExactly("1");
    }
}
