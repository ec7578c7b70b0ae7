package dev.sleet.kit.property;

import dev.sleet.kit.diff.Renames;
import dev.sleet.kit.snapshot.Snapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code ObjectsPropertyTest} found, each as the smallest schema (written as SQL, as a person
 * writes it, and pulled) that showed it. Each failed before the fix named in its comment.
 */
class ObjectsCasesTest {

    private static PropertyDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = PropertyDatabase.create("sleet_property_objcases");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    /** What a database built by {@code sql} pulls as. */
    static Snapshot pulled(PropertyDatabase db, List<String> sql) {
        db.reset();
        db.execute(sql);
        return db.introspect(List.of());
    }

    /**
     * Seed 5924 of {@link ObjectsPropertyTest}: a function over a domain whose base type changes, gone
     * in the second state, was dropped last, after the domain was renamed out of the way, and its
     * {@code DROP FUNCTION fd3(v s1.d0)} named the new domain by then. Fixed in RoutinePlan (such a
     * function goes early).
     */
    @Test
    void functionOverARebasedDomainThatGoes() {
        Snapshot first = pulled(db, ObjectsSql.of(5924, 0));
        Snapshot second = pulled(db, ObjectsSql.of(5924, 1));
        RoundTrips.migration(db, first, second, Renames.NONE);
    }

    /**
     * A domain over an array of another domain whose name sorts after it is created after it, and
     * schema code declares it ({@code Domain.arrayOf}, added for it: the writer refused before).
     */
    @Test
    void domainOverAnArrayOfADomainComesAfterIt(@TempDir Path dir) {
        Snapshot schema = pulled(db, List.of(
                "CREATE DOMAIN \"z base\" AS text CHECK (VALUE IN ('a', 'b'))",
                "CREATE DOMAIN a_list AS \"z base\"[] NOT NULL",
                "CREATE TABLE t (c a_list)"));
        RoundTrips.ddl(db, schema);
        RoundTrips.code(schema, dir.resolve("src"), dir.resolve("cache"));
    }

    /**
     * A domain check with an IN list on varchar: PostgreSQL prints it as an ANY over a cast array,
     * and that text, applied, as an ANY over an array of casts; reading the database against the
     * snapshot did not bring domain checks to one form (only tables' and views' expressions).
     * Fixed in ExpressionForm (a domain is printed as a scratch domain in pg_temp); the default is an
     * IN list's element, which prints as a cast too.
     */
    @Test
    void varcharInListInADomainCheck() {
        Snapshot schema = pulled(db, List.of("CREATE DOMAIN d AS varchar(10) DEFAULT 'a' CHECK (VALUE IN ('a', 'b'))"
                + " CONSTRAINT two CHECK (VALUE::text <> ALL (ARRAY['c', 'd']))"
                + " CONSTRAINT \"it's \uD83D\uDE00\" CHECK (VALUE IN ('a', 'b', 'c'))", "CREATE TABLE t (c d)"));
        RoundTrips.ddl(db, schema);
    }

    /**
     * A domain (and a column) of a domain over an array: the domain shares its base's array category
     * but is no array, yet it was read as an array of the domain. Fixed in PostgresObjects and
     * PostgresIntrospector (an array has an element type).
     */
    @Test
    void domainOverADomainOverAnArray(@TempDir Path dir) {
        Snapshot schema = pulled(db, List.of(
                "CREATE SCHEMA s",
                "CREATE DOMAIN s.\"dollar$\" AS text[] DEFAULT '{}' NOT NULL",
                "CREATE DOMAIN d AS s.\"dollar$\" CHECK (array_length(VALUE, 1) < 5)",
                "CREATE TABLE t (a s.\"dollar$\", b d, c d[])"));
        assertThat(schema.domains().get("public.d").baseType()).isEqualTo("dollar$");
        RoundTrips.ddl(db, schema);
        RoundTrips.code(schema, dir.resolve("src"), dir.resolve("cache"));
    }

    /** A domain whose check calls a function was created before the function. Fixed in ObjectsPlan. */
    @Test
    void domainAfterTheFunctionItsCheckCalls() {
        Snapshot schema = pulled(db, List.of(
                "CREATE FUNCTION \"Short\"(x text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT length(x) < 9 $$",
                "CREATE DOMAIN d AS text DEFAULT upper('x') CHECK (\"Short\"(VALUE))",
                "CREATE TABLE t (c d)"));
        RoundTrips.ddl(db, schema);
    }

    /**
     * The same, with a function over the domain that sorts before the function the domain calls:
     * domains and routines are one order, not domains first. Fixed in ObjectsPlan.
     */
    @Test
    void functionsAndDomainsInterleave() {
        Snapshot schema = pulled(db, List.of(
                "CREATE SCHEMA s",
                "CREATE FUNCTION s.f3(x text) RETURNS boolean LANGUAGE sql IMMUTABLE RETURN length(x) < 9",
                "CREATE DOMAIN s.d5 AS text COLLATE \"C\" CHECK (s.f3(VALUE))",
                "CREATE FUNCTION a_first(v s.d5) RETURNS s.d5 LANGUAGE sql STABLE AS $$ SELECT v $$"));
        RoundTrips.ddl(db, schema);
    }

    /**
     * A NOT VALID check whose expression changes is added anew NOT VALID; reading the database
     * against the target (whose varchar IN list PostgreSQL respells) lost NOT VALID. Fixed in
     * ExpressionForm (the respelled check keeps the live one's validity).
     */
    @Test
    void notValidSurvivesARespelledCheck() {
        List<String> table = List.of("CREATE TABLE t (k varchar(5))");
        Snapshot from = pulled(db, List.of(table.get(0),
                "ALTER TABLE t ADD CONSTRAINT k_in CHECK (k IN ('a', 'b')) NOT VALID"));
        Snapshot to = pulled(db, List.of(table.get(0),
                "ALTER TABLE t ADD CONSTRAINT k_in CHECK (k IN ('a', 'b', 'c')) NOT VALID"));
        assertThat(to.tables().get("public.t").checkConstraints().get("k_in").notValid()).isTrue();
        RoundTrips.ddl(db, to);
        RoundTrips.migration(db, from, to, Renames.NONE);
    }

    /**
     * A column's collation (a type change to PostgreSQL) changes while a trigger names the column
     * (UPDATE OF, WHEN): PostgreSQL refuses while the trigger stands. Fixed in RoutinePlan (such
     * triggers are dropped first and made again).
     */
    @Test
    void triggerOnAColumnThatChangesCollation() {
        List<String> function = List.of("CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
        String trigger = "CREATE TRIGGER tg BEFORE UPDATE OF c ON t FOR EACH ROW WHEN (OLD.c IS DISTINCT FROM NEW.c) EXECUTE FUNCTION tf()";
        Snapshot from = pulled(db, List.of(function.get(0), "CREATE TABLE t (c text)", trigger,
                "ALTER TABLE t DISABLE TRIGGER tg"));
        Snapshot to = pulled(db, List.of(function.get(0), "CREATE TABLE t (c text COLLATE \"C\")", trigger,
                "ALTER TABLE t DISABLE TRIGGER tg"));
        RoundTrips.migration(db, from, to, Renames.NONE);
    }
}
