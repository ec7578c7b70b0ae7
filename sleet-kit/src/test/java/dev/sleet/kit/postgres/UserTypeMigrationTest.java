package dev.sleet.kit.postgres;

import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotJson;
import dev.sleet.kit.snapshot.TypeSnapshot;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.util.List;

import static dev.sleet.kit.postgres.Live.introspect;
import static dev.sleet.kit.postgres.Live.migrate;
import static org.assertj.core.api.Assertions.assertThat;

/** Composite and range types, read from the catalog and migrated on a real PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class UserTypeMigrationTest {

    /**
     * A composite over a domain and an enum, a domain over that composite, a range type with its
     * own multirange name, all used by columns and a function: created in an order that works.
     */
    private static final String TYPES = """
            CREATE SCHEMA audit;
            CREATE TYPE audit.mood AS ENUM ('ok', 'sad');
            CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
            CREATE TYPE audit."Point 2d" AS (x positive, y integer[], mood audit.mood, label text COLLATE "C");
            CREATE DOMAIN audit.pt AS audit."Point 2d";
            CREATE TYPE idrange AS RANGE (subtype = uuid, multirange_type_name = audit.idranges);
            CREATE TABLE places (id serial PRIMARY KEY, at audit."Point 2d", p audit.pt, ids idrange, many audit.idranges);
            CREATE FUNCTION points() RETURNS SETOF audit."Point 2d" LANGUAGE sql AS 'select at from places';
            """;

    @Test
    void compositeAndRangeTypesReadBackAsDeclared(TestDatabase db) throws SQLException {
        db.execute(TYPES);

        Snapshot live = introspect(db);

        assertThat(live.types()).containsOnlyKeys("audit.Point 2d", "public.idrange");
        TypeSnapshot point = live.types().get("audit.Point 2d");
        assertThat(point.attributes()).containsExactly(new TypeSnapshot.Attribute("x", "positive", null),
                new TypeSnapshot.Attribute("y", "integer[]", null), new TypeSnapshot.Attribute("mood", "audit.mood", null),
                new TypeSnapshot.Attribute("label", "text", "pg_catalog.\"C\""));
        assertThat(point.dependsOn()).containsExactly("public.positive");
        TypeSnapshot range = live.types().get("public.idrange");
        assertThat(range.subtype()).isEqualTo("uuid");
        assertThat(range.multirange()).isEqualTo("audit.idranges");
        // Its constructors are PostgreSQL's, not routines of the schema.
        assertThat(live.routines()).containsOnlyKeys("public.points()");
        // An older snapshot without types reads as one without them.
        Snapshot old = SnapshotJson.fromJson(SnapshotJson.toJson(live.withTypes(new java.util.TreeMap<>())), "old");
        assertThat(old.types()).isEmpty();
        assertThat(SnapshotJson.toJson(old)).doesNotContain("\"types\"");
        assertThat(SnapshotJson.fromJson(SnapshotJson.toJson(live), "now")).isEqualTo(live);
    }

    @Test
    void anEmptyDatabaseGetsThemBeforeWhatUsesThemAndLosesThemAfter(TestDatabase db, TestDatabase target)
            throws SQLException {
        List<String> sql = migrate(db, "", target, TYPES);
        assertThat(String.join("\n", sql)).contains(
                "CREATE TYPE \"public\".\"idrange\" AS RANGE (subtype = uuid, subtype_opclass = pg_catalog.uuid_ops, "
                        + "multirange_type_name = audit.idranges);");

        List<String> back = Live.apply(db, dev.sleet.kit.diff.Differ.diff(introspect(db), introspect(target).withTables(
                new java.util.TreeMap<>()).withRoutines(new java.util.TreeMap<>()).withTypes(new java.util.TreeMap<>())
                .withDomains(new java.util.TreeMap<>())));
        assertThat(introspect(db).types()).isEmpty();
        assertThat(back.indexOf("DROP DOMAIN \"audit\".\"pt\";"))
                .isLessThan(back.indexOf("DROP TYPE \"audit\".\"Point 2d\";"));
    }

    @Test
    void aChangedTypeIsDroppedAndCreatedAgain(TestDatabase db, TestDatabase target) throws SQLException {
        List<String> sql = migrate(db, """
                CREATE TYPE pair AS (a integer, b integer);
                CREATE TYPE span AS RANGE (subtype = integer);
                CREATE TYPE gone AS (x text);
                """, target, """
                CREATE TYPE pair AS (a integer, b text, c date);
                CREATE TYPE span AS RANGE (subtype = bigint);
                """);
        assertThat(sql).containsSubsequence("DROP TYPE \"public\".\"pair\";",
                "CREATE TYPE \"public\".\"pair\" AS (\"a\" integer, \"b\" text, \"c\" date);");
        assertThat(sql).containsSubsequence("DROP TYPE \"public\".\"span\";", "CREATE TYPE \"public\".\"span\" AS RANGE "
                + "(subtype = bigint, subtype_opclass = pg_catalog.int8_ops, multirange_type_name = public.span_multirange);");
        assertThat(sql).contains("DROP TYPE \"public\".\"gone\";");
    }

    /**
     * A domain over a table's row type (PostgREST's {@code CREATE DOMAIN projects_domain AS projects}),
     * a composite over that domain, and a function and a view using them.
     */
    private static final String ON_ROW_TYPE = """
            CREATE SCHEMA audit;
            CREATE TABLE audit."Pro ""jects"" x" (id integer PRIMARY KEY, name text);
            CREATE DOMAIN audit."pro jects/domain" AS audit."Pro ""jects"" x";
            CREATE TYPE audit.wrapped AS (p audit."pro jects/domain", n integer);
            CREATE FUNCTION audit.project(id integer) RETURNS SETOF audit."pro jects/domain" LANGUAGE sql
                AS $$ SELECT p::audit."pro jects/domain" FROM audit."Pro ""jects"" x" p WHERE p.id = $1 $$;
            CREATE FUNCTION wrap(w audit.wrapped) RETURNS integer LANGUAGE sql AS 'select (w).n';
            CREATE VIEW audit.wrapped_projects AS SELECT wrap(ROW(p, 1)::audit.wrapped) AS n FROM audit.project(1) p;
            CREATE TABLE "order" (id integer);
            CREATE DOMAIN an_order AS "order";
            """;

    @Test
    void aDomainOverATablesRowTypeComesAfterTheTable(TestDatabase db, TestDatabase target) throws SQLException {
        List<String> sql = migrate(db, "", target, ON_ROW_TYPE);
        List<String> heads = sql.stream().map(statement -> statement.split(" \\(| AS ")[0]).toList();
        assertThat(heads).containsSubsequence("CREATE TABLE \"audit\".\"Pro \"\"jects\"\" x\"",
                "CREATE DOMAIN \"audit\".\"pro jects/domain\"", "CREATE TYPE \"audit\".\"wrapped\"");
    }

    @Test
    void aDomainOverATablesRowTypeGoesBeforeTheTable(TestDatabase db, TestDatabase target) throws SQLException {
        List<String> sql = migrate(db, ON_ROW_TYPE, target, "CREATE SCHEMA audit;");
        assertThat(sql).containsSubsequence("DROP DOMAIN \"audit\".\"pro jects/domain\";",
                "DROP TABLE \"audit\".\"Pro \"\"jects\"\" x\";");
    }
}
