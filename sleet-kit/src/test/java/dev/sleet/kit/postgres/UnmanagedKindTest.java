package dev.sleet.kit.postgres;

import dev.sleet.kit.dialect.Introspection;
import dev.sleet.kit.dialect.Unmanaged;
import dev.sleet.kit.snapshot.TypeSnapshot;
import dev.sleet.kit.snapshot.ViewColumnSnapshot;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind Sleet does not manage is found by its catalog query, named in plain words; what an extension brings is not. */
@ExtendWith(PostgresExtension.class)
class UnmanagedKindTest {

    @Test
    void everyKindIsFoundAndNamed(TestDatabase db) throws SQLException {
        db.execute("""
                CREATE TABLE t (a integer, b integer);
                CREATE FUNCTION note() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
                CREATE EVENT TRIGGER et ON ddl_command_end EXECUTE FUNCTION note();
                CREATE RULE t_rule AS ON INSERT TO t WHERE new.a < 0 DO INSTEAD NOTHING;
                CREATE FOREIGN DATA WRAPPER w;
                CREATE SERVER s FOREIGN DATA WRAPPER w;
                CREATE USER MAPPING FOR PUBLIC SERVER s;
                CREATE FOREIGN TABLE ft (a integer) SERVER s;
                CREATE TABLE p (a integer);
                CREATE TABLE c () INHERITS (p);
                CREATE FUNCTION same(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT $1 = $2';
                CREATE OPERATOR === (LEFTARG = integer, RIGHTARG = integer, FUNCTION = same);
                CREATE OPERATOR CLASS my_int_ops FOR TYPE integer USING hash AS OPERATOR 1 =, FUNCTION 1 hashint4(integer);
                CREATE OPERATOR FAMILY fam USING btree;
                CREATE TYPE pair AS (a integer, b integer);
                CREATE FUNCTION pair_of(integer) RETURNS pair LANGUAGE sql IMMUTABLE AS 'SELECT ROW($1, $1)::pair';
                CREATE CAST (integer AS pair) WITH FUNCTION pair_of(integer);
                CREATE SCHEMA elsewhere;
                CREATE TYPE elsewhere.pair AS (a integer, b integer);
                CREATE CAST (elsewhere.pair AS text) WITH INOUT;
                CREATE TYPE floatrange AS RANGE (subtype = float8);
                CREATE CONVERSION myconv FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8;
                CREATE STATISTICS st ON a, b FROM t;
                CREATE PUBLICATION pub FOR TABLE t;
                CREATE SUBSCRIPTION sub CONNECTION 'dbname=nothing' PUBLICATION pub WITH (connect = false, slot_name = NONE);
                CREATE LANGUAGE mylang HANDLER plpgsql_call_handler;
                CREATE ACCESS METHOD myam TYPE INDEX HANDLER bthandler;
                CREATE EXTENSION file_fdw;
                CREATE VIEW "Self ""v"" x" AS SELECT a, b FROM t;
                CREATE OR REPLACE VIEW "Self ""v"" x" AS SELECT a, b FROM "Self ""v"" x";
                CREATE VIEW plain AS SELECT a, b FROM t;
                ALTER VIEW plain ALTER COLUMN b SET DEFAULT 7;
                COMMENT ON COLUMN plain.a IS 'the a';
                """);
        try {
            Introspection read;
            try (Connection c = db.connect()) {
                read = PostgresDialect.INSTANCE.introspect(c, Live.OPTIONS);
            }
            Map<String, List<String>> found = new LinkedHashMap<>();
            for (Unmanaged.Group group : read.unmanaged().groups()) {
                found.put(group.singular(), group.names());
            }

            Map<String, List<String>> expected = new LinkedHashMap<>();
            expected.put("event trigger", List.of("et"));
            expected.put("foreign table", List.of("public.ft"));
            expected.put("foreign server", List.of("s"));
            expected.put("foreign-data wrapper", List.of("w"));
            expected.put("user mapping", List.of("public on s"));
            expected.put("operator", List.of("public.=== (integer, integer)"));
            expected.put("operator class", List.of("public.my_int_ops (hash)"));
            expected.put("operator family", List.of("public.fam (btree)"));
            // Only the cast with no type or function in the chosen schemas: the other one is pulled.
            expected.put("cast", List.of("elsewhere.pair AS text"));
            expected.put("conversion", List.of("public.myconv"));
            expected.put("extended statistics object", List.of("public.st"));
            expected.put("publication", List.of("pub"));
            expected.put("subscription", List.of("sub"));
            expected.put("procedural language", List.of("mylang"));
            expected.put("access method", List.of("myam"));
            assertThat(found).isEqualTo(expected);
            // A view that reads itself is managed now: read with the stand-in it is first made as.
            assertThat(read.snapshot().views()).containsOnlyKeys("public.Self \"v\" x", "public.plain");
            assertThat(read.snapshot().views().get("public.Self \"v\" x").standIn()).containsExactly(
                    new TypeSnapshot.Attribute("a", "integer", null), new TypeSnapshot.Attribute("b", "integer", null));
            assertThat(read.snapshot().views().get("public.plain").standIn()).isEmpty();
            // The defaults and comments of a view's columns are managed now: read with the view, not reported.
            assertThat(read.snapshot().views().get("public.plain").columns()).containsExactly(
                    Map.entry("a", new ViewColumnSnapshot("a", null, "the a")), Map.entry("b", new ViewColumnSnapshot("b", "7", null)));
            assertThat(read.unmanaged().summary()).startsWith("1 event trigger, 1 foreign table, 1 foreign server, ");
            // Rules, and casts of the chosen schemas' types or functions, are managed now: read, not reported.
            assertThat(read.snapshot().rules()).containsOnlyKeys("public.t.t_rule");
            assertThat(read.snapshot().casts()).containsOnlyKeys("integer AS \"public\".\"pair\"");
            // The foreign table is not read as a table, nor is the composite type as an enum.
            assertThat(read.snapshot().tables()).containsOnlyKeys("public.t", "public.p", "public.c");
            // Composite and range types are managed now: read as types, not reported.
            assertThat(read.snapshot().types()).containsOnlyKeys("public.pair", "public.floatrange");
        } finally {
            db.execute("DROP SUBSCRIPTION sub");
        }
    }

    @Test
    void aDatabaseWithNothingUnmanagedSaysNothing(TestDatabase db) throws SQLException {
        db.execute("CREATE TABLE t (a integer PRIMARY KEY); CREATE VIEW v AS SELECT a FROM t; CREATE EXTENSION btree_gist;");
        try (Connection c = db.connect()) {
            assertThat(PostgresDialect.INSTANCE.introspect(c, Live.OPTIONS).unmanaged().isEmpty()).isTrue();
        }
    }

    @Test
    void repeatedWarningsComeOncePerKindInWords(TestDatabase db) throws SQLException {
        StringBuilder sql = new StringBuilder("""
                CREATE TABLE t (a integer);
                CREATE FUNCTION keep() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                """);
        for (int i = 1; i <= 3; i++) {
            sql.append("CREATE CONSTRAINT TRIGGER t_check_").append(i)
                    .append(" AFTER INSERT ON t DEFERRABLE FOR EACH ROW EXECUTE FUNCTION keep();\n");
        }
        db.execute(sql.toString());
        Introspection read;
        try (Connection c = db.connect()) {
            read = PostgresDialect.INSTANCE.introspect(c, Live.OPTIONS);
        }
        // Read as triggers once they are managed; until then one warning for the three, never "kind 't'".
        assertThat(read.warnings()).noneMatch(w -> w.contains("kind '"));
        assertThat(read.warnings().stream().filter(w -> w.contains("constraint trigger"))).hasSizeLessThanOrEqualTo(1);
        assertThat(read.warnings().stream().filter(w -> w.contains("constraint trigger")).toList())
                .allMatch(w -> w.startsWith("3 constraint triggers were left out") && w.contains("public.t.t_check_1"));
        assertThat(PostgresIntrospector.constraintKind("t")).isEqualTo("constraint trigger");
    }
}
