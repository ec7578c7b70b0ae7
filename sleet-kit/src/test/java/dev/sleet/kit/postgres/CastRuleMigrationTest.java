package dev.sleet.kit.postgres;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.util.List;

import static dev.sleet.kit.postgres.Live.migrate;
import static dev.sleet.kit.postgres.Live.rows;
import static org.assertj.core.api.Assertions.assertThat;

/** Casts and rules migrated on a real PostgreSQL, with the objects they stand on changing under them. */
@ExtendWith(PostgresExtension.class)
class CastRuleMigrationTest {

    private static final String TYPES = """
            SET client_min_messages = error;
            CREATE SCHEMA audit;
            CREATE TYPE mood AS ENUM ('up', 'down');
            """;

    @Test
    void castsAreMadeAgainWhenTheyOrWhatTheyUseChange(TestDatabase db, TestDatabase target) throws SQLException {
        String before = TYPES + """
                CREATE DOMAIN color AS text;
                CREATE FUNCTION color_of(json) RETURNS color LANGUAGE sql IMMUTABLE AS $$SELECT ($1 #>> '{}')::color$$;
                CREATE FUNCTION mood_of(integer) RETURNS mood LANGUAGE sql IMMUTABLE AS $$SELECT 'up'::mood$$;
                CREATE CAST (json AS color) WITH FUNCTION color_of(json) AS ASSIGNMENT;
                CREATE CAST (integer AS mood) WITH FUNCTION mood_of(integer);
                CREATE CAST (mood AS text) WITH INOUT;
                CREATE CAST (color AS integer) WITH INOUT;
                CREATE DOMAIN shade AS text;
                CREATE CAST (shade AS json) WITH INOUT AS IMPLICIT;
                CREATE TABLE audit.t (c color);
                COMMENT ON CAST (mood AS text) IS 'as it reads';
                """;
        String after = TYPES + """
                CREATE DOMAIN color AS text;
                CREATE FUNCTION color_of(json) RETURNS color LANGUAGE sql IMMUTABLE AS $$SELECT ($1 #>> '{}')::color$$;
                CREATE FUNCTION mood_of(integer) RETURNS mood LANGUAGE sql IMMUTABLE STRICT AS $$SELECT 'down'::mood$$;
                CREATE CAST (json AS color) WITH FUNCTION color_of(json) AS ASSIGNMENT;
                CREATE CAST (integer AS mood) WITH FUNCTION mood_of(integer) AS IMPLICIT;
                CREATE CAST (mood AS text) WITH INOUT;
                CREATE CAST (text AS mood) WITH INOUT AS ASSIGNMENT;
                CREATE TABLE audit.t (c color);
                COMMENT ON CAST (mood AS text) IS 'as it is written';
                """;

        List<String> sql = migrate(db, before, target, after);

        // A domain that goes takes its cast along, dropped first.
        assertThat(sql).containsSubsequence("DROP CAST (\"public\".\"shade\" AS json);", "DROP DOMAIN \"public\".\"shade\";");
        assertThat(sql).noneMatch(s -> s.contains("CAST (json AS \"public\".\"color\")"));
        // Another context: dropped and created; the function it uses is only replaced, so stays.
        assertThat(sql).containsSubsequence("DROP CAST (integer AS \"public\".\"mood\");",
                "CREATE CAST (integer AS \"public\".\"mood\") WITH FUNCTION \"public\".\"mood_of\"(integer) AS IMPLICIT;");
        assertThat(sql).contains("DROP CAST (\"public\".\"color\" AS integer);",
                "CREATE CAST (text AS \"public\".\"mood\") WITH INOUT AS ASSIGNMENT;",
                "COMMENT ON CAST (\"public\".\"mood\" AS text) IS 'as it is written';");
        assertThat(sql).noneMatch(s -> s.startsWith("DROP CAST (\"public\".\"mood\" AS text)"));
    }

    @Test
    void aCastGoesBeforeTheFunctionItUsesIsDroppedAndComesBackAfterIt(TestDatabase db, TestDatabase target) throws SQLException {
        List<String> sql = migrate(db, TYPES + """
                CREATE FUNCTION mood_of(n integer) RETURNS mood LANGUAGE sql IMMUTABLE AS $$SELECT 'up'::mood$$;
                CREATE CAST (integer AS mood) WITH FUNCTION mood_of(integer);
                """, target, TYPES + """
                CREATE FUNCTION mood_of(n integer DEFAULT 0) RETURNS mood LANGUAGE sql IMMUTABLE AS $$SELECT 'up'::mood$$;
                CREATE CAST (integer AS mood) WITH FUNCTION mood_of(integer);
                """);

        assertThat(sql).containsSubsequence("DROP CAST (integer AS \"public\".\"mood\");", "DROP FUNCTION \"public\".\"mood_of\"(n integer);",
                "CREATE CAST (integer AS \"public\".\"mood\") WITH FUNCTION \"public\".\"mood_of\"(integer);");
    }

    @Test
    void aCastOverARowTypeComesAfterItsTableAndGoesBeforeIt(TestDatabase db, TestDatabase target) throws SQLException {
        String pairs = TYPES + """
                CREATE TABLE pairs (a integer, b integer);
                CREATE CAST (pairs AS text) WITH INOUT AS ASSIGNMENT;
                """;
        assertThat(migrate(db, TYPES, target, pairs)).containsSubsequence("CREATE TABLE \"pairs\" (\n\t\"a\" integer,\n\t\"b\" integer\n);",
                "CREATE CAST (\"public\".\"pairs\" AS text) WITH INOUT AS ASSIGNMENT;");

        try (TestDatabase empty = TestDatabase.create("casts11_empty")) {
            assertThat(migrate(target, "", empty, TYPES)).containsSubsequence("DROP CAST (\"public\".\"pairs\" AS text);",
                    "DROP TABLE \"pairs\";");
        }
    }

    /** A base type laid out as text, made from text's own I/O functions (as citext is); Sleet leaves it unmanaged. */
    private static final String LIKE_TEXT = """
            SET client_min_messages = error;
            CREATE TYPE mytext;
            CREATE FUNCTION mytext_in(cstring) RETURNS mytext AS 'textin' LANGUAGE internal IMMUTABLE STRICT;
            CREATE FUNCTION mytext_out(mytext) RETURNS cstring AS 'textout' LANGUAGE internal IMMUTABLE STRICT;
            CREATE TYPE mytext (INPUT = mytext_in, OUTPUT = mytext_out, LIKE = text);
            """;

    /**
     * A binary-coercible cast (WITHOUT FUNCTION; only a superuser may create one) of a type of ours is
     * created as one, and dropped and created again when it becomes WITH INOUT: read back from pg_cast.
     */
    @Test
    void aCastWithoutFunctionIsCreatedAsOneAndMadeAgainWhenItGainsAMethod(TestDatabase db, TestDatabase target) throws SQLException {
        String cast = "SELECT castmethod::text || castcontext::text FROM pg_cast WHERE castsource = 'mytext'::regtype AND casttarget = 'text'::regtype";
        assertThat(migrate(db, LIKE_TEXT, target, LIKE_TEXT + "CREATE CAST (mytext AS text) WITHOUT FUNCTION AS IMPLICIT;"))
                .contains("CREATE CAST (\"public\".\"mytext\" AS text) WITHOUT FUNCTION AS IMPLICIT;");
        assertThat(rows(db, cast)).containsExactly("bi");
        assertThat(rows(db, "SELECT upper('Hi'::mytext)")).containsExactly("HI");

        try (TestDatabase inout = TestDatabase.create("casts_inout")) {
            assertThat(migrate(db, "", inout, LIKE_TEXT + "CREATE CAST (mytext AS text) WITH INOUT AS IMPLICIT;"))
                    .containsSubsequence("DROP CAST (\"public\".\"mytext\" AS text);",
                            "CREATE CAST (\"public\".\"mytext\" AS text) WITH INOUT AS IMPLICIT;");
            assertThat(rows(db, cast)).containsExactly("ii");
        }
    }

    private static final String ITEMS = """
            CREATE SCHEMA audit;
            CREATE TABLE items (id integer PRIMARY KEY, name text, archived boolean NOT NULL DEFAULT false);
            CREATE TABLE audit.log (id integer, note text);
            """;

    @Test
    void rulesAreMadeAgainWhenTheyOrWhatTheyNameChange(TestDatabase db, TestDatabase target) throws SQLException {
        String rules = """
                CREATE RULE live_insert AS ON INSERT TO live_items DO INSTEAD INSERT INTO items (id, name) VALUES (new.id, new.name);
                CREATE RULE mirrored AS ON INSERT TO audit.log DO ALSO INSERT INTO live_items (id, name) VALUES (new.id, new.note);
                CREATE RULE "Keep ""It\""" AS ON DELETE TO items DO INSTEAD UPDATE items SET archived = true WHERE id = old.id;
                """;
        String before = ITEMS + """
                CREATE VIEW live_items AS SELECT id, name FROM items WHERE NOT archived;
                CREATE RULE quiet AS ON UPDATE TO audit.log DO INSTEAD NOTHING;
                CREATE RULE gone AS ON INSERT TO items WHERE new.id < 0 DO INSTEAD NOTHING;
                COMMENT ON RULE quiet ON audit.log IS 'shh';
                """ + rules;
        String after = ITEMS.replace("note text", "note varchar(40)") + """
                CREATE VIEW live_items AS SELECT id, name, archived FROM items WHERE NOT archived;
                CREATE RULE quiet AS ON UPDATE TO audit.log DO INSTEAD NOTHING;
                COMMENT ON RULE quiet ON audit.log IS 'hush';
                """ + rules.replace("SET archived = true", "SET archived = NOT archived");

        List<String> sql = migrate(db, before, target, after);

        // The view is made anew (a new column): its own rule and the one that writes to it go first and come back.
        assertThat(sql).containsSubsequence("DROP RULE \"live_insert\" ON \"live_items\";", "DROP VIEW \"live_items\";");
        assertThat(sql).containsSubsequence("DROP RULE \"mirrored\" ON \"audit\".\"log\";", "DROP VIEW \"live_items\";");
        assertThat(sql).contains("DROP RULE \"Keep \"\"It\"\"\" ON \"items\";", "DROP RULE \"gone\" ON \"items\";",
                "COMMENT ON RULE \"quiet\" ON \"audit\".\"log\" IS 'hush';");
        assertThat(sql).noneMatch(s -> s.startsWith("DROP RULE \"quiet\""));
        assertThat(sql.get(sql.size() - 1)).as("rules come last, the comment after").startsWith("COMMENT ON RULE");
    }

    /**
     * A rule whose enabled state alone changes is altered in place, in every direction; a new rule,
     * and one made again for its definition, are created and then set to their state. The catalog
     * then holds each state, and the database reads back as the schema ({@code migrate} checks that the
 * differ then finds nothing to do).
     */
    @Test
    void aRulesEnabledStateIsSetOnItsOwnAndAfterItIsCreated(TestDatabase db, TestDatabase target) throws SQLException {
        String rules = """
                CREATE RULE "Off ""It\""" AS ON DELETE TO items DO INSTEAD NOTHING;
                CREATE RULE replica AS ON INSERT TO items DO ALSO NOTIFY items_changed;
                CREATE RULE always AS ON INSERT TO audit.log DO ALSO NOTIFY logged;
                CREATE RULE back AS ON UPDATE TO audit.log DO INSTEAD NOTHING;
                """;
        String before = ITEMS + rules + """
                CREATE RULE redone AS ON UPDATE TO items DO ALSO NOTIFY items_changed;
                ALTER TABLE audit.log DISABLE RULE back;
                """;
        String after = ITEMS + rules + """
                CREATE RULE redone AS ON UPDATE TO items DO ALSO NOTIFY items_updated;
                ALTER TABLE items ENABLE REPLICA RULE redone;
                CREATE RULE fresh AS ON DELETE TO audit.log DO INSTEAD NOTHING;
                ALTER TABLE audit.log DISABLE RULE fresh;
                ALTER TABLE items DISABLE RULE "Off ""It\""";
                ALTER TABLE items ENABLE REPLICA RULE replica;
                ALTER TABLE audit.log ENABLE ALWAYS RULE always;
                """;

        List<String> sql = migrate(db, before, target, after);

        assertThat(sql).containsExactly(
                "DROP RULE \"redone\" ON \"items\";",
                "ALTER TABLE \"audit\".\"log\" ENABLE ALWAYS RULE \"always\";",
                "ALTER TABLE \"audit\".\"log\" ENABLE RULE \"back\";",
                "ALTER TABLE \"items\" DISABLE RULE \"Off \"\"It\"\"\";",
                "CREATE RULE redone AS\n    ON UPDATE TO public.items DO\n NOTIFY items_updated;",
                "ALTER TABLE \"items\" ENABLE REPLICA RULE \"redone\";",
                "ALTER TABLE \"items\" ENABLE REPLICA RULE \"replica\";",
                "CREATE RULE fresh AS\n    ON DELETE TO audit.log DO INSTEAD NOTHING;",
                "ALTER TABLE \"audit\".\"log\" DISABLE RULE \"fresh\";");
        assertThat(rows(db, "SELECT rulename || ' ' || ev_enabled::text FROM pg_rewrite WHERE rulename <> '_RETURN'"
                + " AND ev_class IN ('items'::regclass, 'audit.log'::regclass) ORDER BY rulename COLLATE \"C\""))
                .containsExactly("Off \"It\" D", "always A", "back O", "fresh D", "redone R", "replica R");
    }
}
