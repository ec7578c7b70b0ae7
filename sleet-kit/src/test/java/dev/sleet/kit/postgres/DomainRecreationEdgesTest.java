package dev.sleet.kit.postgres;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.diff.Renames;
import dev.sleet.kit.loss.LossyChange;
import dev.sleet.kit.push.DataLoss;
import dev.sleet.kit.push.DataLossCheck;
import dev.sleet.kit.push.LiveNames;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static dev.sleet.kit.postgres.Live.PG;
import static dev.sleet.kit.postgres.Live.apply;
import static dev.sleet.kit.postgres.Live.introspect;
import static dev.sleet.kit.postgres.Live.migrate;
import static dev.sleet.kit.postgres.Live.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Edges of recreated domains, from an adversarial review: a domain whose base type or collation
 * changes is renamed to {@code <name>__old}, made anew, its columns converted, the old one dropped.
 * What uses the domain besides its columns is remade with it; the cases marked LIMIT are what
 * Sleet does not remake yet, where PostgreSQL refuses the migration and nothing changes.
 */
@ExtendWith(PostgresExtension.class)
class DomainRecreationEdgesTest {

    private static final String EMAIL = "CREATE DOMAIN email AS varchar(50) CHECK (VALUE LIKE '%@%');\n";
    private static final String WIDER = "CREATE DOMAIN email AS varchar(200) CHECK (VALUE LIKE '%@%');\n";

    /** Sets up both databases; the migration between them is refused by PostgreSQL and changes nothing. */
    private static void refused(TestDatabase db, String before, TestDatabase target, String after, String reason)
            throws SQLException {
        db.execute(before);
        target.execute(after);
        Snapshot snapshot = introspect(db);
        assertThatThrownBy(() -> apply(db, Differ.diff(snapshot, introspect(target)))).isInstanceOf(SQLException.class)
                .hasMessageContaining(reason);
        assertThat(introspect(db)).isEqualTo(snapshot);
    }

    // ---- objects that use the domain without a column of it ---------------------------------------

    /** A view that casts to the domain (no column of it) is made again over the new one. */
    @Test
    void viewCastingToTheDomainIsRemade(TestDatabase db, TestDatabase target) throws SQLException {
        String rest = "CREATE TABLE contacts (id int, address text);\n"
                + "CREATE VIEW checked AS SELECT id, address::email AS address FROM contacts;\n";
        migrate(db, EMAIL + rest, target, WIDER + rest);
    }

    /** A check on a text column that casts to the domain is added again, naming the new one. */
    @Test
    void checkOnAnotherTableCastingToTheDomainIsRemade(TestDatabase db, TestDatabase target) throws SQLException {
        String rest = "CREATE TABLE contacts (id int, address text CONSTRAINT address_is_email CHECK (address::email IS NOT NULL));\n"
                + "INSERT INTO contacts VALUES (1, 'a@b.c');\n";
        migrate(db, EMAIL + rest, target, WIDER + rest.replaceAll("INSERT INTO[^;]*;", ""));
    }

    /** An expression index on a text column that casts to the domain is made again. */
    @Test
    void expressionIndexCastingToTheDomainIsRemade(TestDatabase db, TestDatabase target) throws SQLException {
        String rest = "CREATE TABLE contacts (id int, address text);\n"
                + "CREATE INDEX contacts_email_idx ON contacts ((address::email));\n";
        migrate(db, EMAIL + rest, target, WIDER + rest);
    }

    /** A default on a text column that casts to the domain is set again. */
    @Test
    void defaultCastingToTheDomainIsRemade(TestDatabase db, TestDatabase target) throws SQLException {
        String rest = "CREATE TABLE contacts (id int, address text DEFAULT ('nobody@example.com'::email)::text);\n";
        migrate(db, EMAIL + rest, target, WIDER + rest);
    }

    /**
     * LIMIT: a function over the domain is made again, but a default calls it, and nothing takes the
     * default off around the remake: DROP FUNCTION is refused.
     */
    @Test
    void functionOverTheDomainCalledFromADefault(TestDatabase db, TestDatabase target) throws SQLException {
        String rest = "CREATE FUNCTION normalized(e email) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT lower(e)';\n"
                + "CREATE TABLE contacts (id int, address text DEFAULT normalized('Nobody@Example.com'));\n";
        refused(db, EMAIL + rest, target, WIDER + rest, "depend");
    }

    // ---- tables the ALTER cannot reach as written ---------------------------------------------------

    /** A child that only inherits the domain column follows its parent's ALTER. */
    @Test
    void inheritedDomainColumnFollowsItsParent(TestDatabase db, TestDatabase target) throws SQLException {
        String rest = "CREATE TABLE people (id int, address email);\n"
                + "CREATE TABLE staff (badge int) INHERITS (people);\n"
                + "INSERT INTO staff VALUES (1, 'ann@corp.com', 7);\n";
        migrate(db, EMAIL + rest, target, WIDER + rest.replaceAll("INSERT INTO[^;]*;", ""));
        assertThat(rows(db, "SELECT address FROM staff")).containsExactly("ann@corp.com");
    }

    /** A child that declares the column itself and inherits it too (merged) follows its parent's ALTER. */
    @Test
    void mergedInheritedDomainColumnFollowsItsParent(TestDatabase db, TestDatabase target) throws SQLException {
        String rest = "CREATE TABLE people (id int, address email);\n"
                + "CREATE TABLE staff (id int, address email, badge int) INHERITS (people);\n";
        migrate(db, EMAIL + rest, target, WIDER + rest);
    }

    /** A partitioned table's domain column is altered once, on the parent. */
    @Test
    void partitionedTableDomainColumn(TestDatabase db, TestDatabase target) throws SQLException {
        String rest = "CREATE TABLE visits (id int, address email NOT NULL DEFAULT 'x@y.z') PARTITION BY RANGE (id);\n"
                + "CREATE TABLE visits_low PARTITION OF visits FOR VALUES FROM (0) TO (100);\n"
                + "CREATE INDEX visits_address_idx ON visits (address) WHERE address LIKE '%@corp%';\n"
                + "INSERT INTO visits VALUES (1, 'ann@corp.com');\n";
        migrate(db, EMAIL + rest, target, WIDER + rest.replaceAll("INSERT INTO[^;]*;", ""));
        assertThat(rows(db, "SELECT address FROM visits")).containsExactly("ann@corp.com");
    }

    /** A stored generated column of the domain type (which takes no USING) is added anew, its values computed again. */
    @Test
    void generatedColumnOfTheDomainType(TestDatabase db, TestDatabase target) throws SQLException {
        String rest = "CREATE TABLE accounts (login text, address email GENERATED ALWAYS AS (login || '@example.com') STORED);\n"
                + "INSERT INTO accounts (login) VALUES ('ann');\n";
        migrate(db, EMAIL + rest, target, WIDER + rest.replaceAll("INSERT INTO[^;]*;", ""));
        assertThat(rows(db, "SELECT address FROM accounts")).containsExactly("ann@example.com");
    }

    /** A foreign table with a column of the domain (it holds no rows) is made again. */
    @Test
    void foreignTableDomainColumn(TestDatabase db, TestDatabase target) throws SQLException {
        // file_fdw: a wrapper an extension brings, so that Sleet manages its server and tables.
        String rest = "CREATE EXTENSION IF NOT EXISTS file_fdw;\n"
                + "CREATE SERVER files FOREIGN DATA WRAPPER file_fdw;\n"
                + "CREATE FOREIGN TABLE remote_people (id int, address email) SERVER files OPTIONS (filename '/dev/null');\n";
        migrate(db, EMAIL + rest, target, WIDER + rest);
    }

    // ---- values ------------------------------------------------------------------------------------

    /**
     * A domain over an array of a domain that narrows: the loss is seen through the array (it was not,
     * and the explicit cast cut the values), asked about and guarded.
     */
    @Test
    void domainOverArrayOfANarrowedDomainIsGuarded(TestDatabase db, TestDatabase target) throws SQLException {
        String before = "CREATE DOMAIN short AS varchar(10);\nCREATE DOMAIN shorts AS short[];\n"
                + "CREATE TABLE notes (id int, tags shorts);\n";
        String after = before.replace("varchar(10)", "varchar(5)");
        db.execute(before + "INSERT INTO notes VALUES (1, '{abcdefghij}');");
        target.execute(after);
        List<Change> changes = Differ.diff(introspect(db), introspect(target));
        List<LossyChange> lossy = LossyChange.in(changes, PG);
        try {
            apply(db, changes);
        } catch (SQLException e) {
            // A guard (or PostgreSQL) refusing the change is right: nothing was cut.
        }
        assertThat(rows(db, "SELECT tags::text FROM notes")).as("values kept (or the migration refused)").containsExactly("{abcdefghij}");
        assertThat(lossy).as("a narrowing that cuts values is asked about").isNotEmpty();
    }

    /** An array of a narrowed domain is asked about, guarded, and counted by push. */
    @Test
    void arrayOfANarrowedDomainIsGuardedAndCounted(TestDatabase db, TestDatabase target) throws SQLException {
        String before = EMAIL + "CREATE DOMAIN work_email AS email;\n"
                + "CREATE TABLE people (id int, old email[] NOT NULL DEFAULT '{}', work work_email);\n";
        String after = before.replace("varchar(50)", "varchar(10)");
        db.execute(before + "INSERT INTO people VALUES (1, '{a@b.c,abcdefghijk@x.y}', 'long.name@corp.com'), (2, '{}', 'a@b.c');");
        target.execute(after);
        Snapshot snapshot = introspect(db);
        List<Change> changes = Differ.diff(snapshot, introspect(target));
        assertThat(LossyChange.in(changes, PG)).extracting(LossyChange::subject)
                .containsExactlyInAnyOrder("public.people.old", "public.people.work");
        assertThatThrownBy(() -> apply(db, changes)).hasMessageContaining("Sleet guard");
        List<DataLoss> losses;
        try (Connection c = db.connect()) {
            losses = DataLossCheck.forDialect("postgresql").check(c, snapshot, changes, new LiveNames(Renames.NONE));
        }
        assertThat(losses).filteredOn(DataLoss::typeChange).extracting(DataLoss::subject, DataLoss::rows)
                .containsExactlyInAnyOrder(tuple("public.people.old", 1L), tuple("public.people.work", 1L));
    }

    /** A domain over an array whose element type widens (inner values longer than the old length), with a GIN index. */
    @Test
    void domainOverAnArrayWidens(TestDatabase db, TestDatabase target) throws SQLException {
        String before = "CREATE DOMAIN tags AS varchar(10)[];\nCREATE TABLE notes (id int, t tags);\n"
                + "CREATE INDEX notes_t_idx ON notes USING gin (t);\n";
        migrate(db, before + "INSERT INTO notes VALUES (1, '{abcdefghij,abcdefghij}');", target, before.replace("varchar(10)", "varchar(20)"));
        assertThat(rows(db, "SELECT t::text FROM notes")).containsExactly("{abcdefghij,abcdefghij}");
    }

    /**
     * LIMIT: an array of a domain over an array (PostgreSQL's array of arrays) converts each inner
     * array as one value: the conversion is refused ("malformed array literal"), nothing is cut.
     */
    @Test
    void arrayOfADomainOverAnArrayWidens(TestDatabase db, TestDatabase target) throws SQLException {
        String before = "CREATE DOMAIN tags AS varchar(10)[];\nCREATE TABLE notes (id int, ts tags[]);\n";
        refused(db, before + "INSERT INTO notes VALUES (1, ARRAY['{abcdefghij,abcdefghij}'::tags]);", target,
                before.replace("varchar(10)", "varchar(20)"), "malformed array literal");
        assertThat(rows(db, "SELECT ts::text FROM notes")).containsExactly("{\"{abcdefghij,abcdefghij}\"}");
    }

    /** Base type text to integer, values converted. */
    @Test
    void baseTypeTextToInteger(TestDatabase db, TestDatabase target) throws SQLException {
        String before = "CREATE DOMAIN code AS text;\nCREATE TABLE items (id int, c code, cs code[]);\n";
        String after = before.replace("AS text", "AS integer");
        db.execute(before + "INSERT INTO items VALUES (1, '42', '{1,2}');");
        target.execute(after);
        List<Change> changes = Differ.diff(introspect(db), introspect(target));
        apply(db, changes.stream().map(c -> c instanceof Change.ColumnConversion a ? a.withLossAccepted() : c).toList());
        assertThat(rows(db, "SELECT (c + 1)::text || cs::text FROM items")).containsExactly("43{1,2}");
    }

    // ---- names -------------------------------------------------------------------------------------

    /** An object already named email__old (here a table, whose row type has the name): the old domain retires as email__old2. */
    @Test
    void anExistingOldNameDoesNotStopTheMigration(TestDatabase db, TestDatabase target) throws SQLException {
        String rest = "CREATE TABLE email__old (id int);\nCREATE TABLE people (id int, address email);\n";
        List<String> sql = migrate(db, EMAIL + rest, target, WIDER + rest);
        assertThat(sql).contains("DROP DOMAIN \"public\".\"email__old2\";");
    }

    /** Two long domain names that share their first 58 characters, cut to the same retired name: the second takes another. */
    @Test
    void twoLongNamesRetireToDifferentNames(TestDatabase db, TestDatabase target) throws SQLException {
        String stem = "d".repeat(60);
        String before = "CREATE DOMAIN " + stem + "_one AS varchar(10);\nCREATE DOMAIN " + stem + "_two AS varchar(10);\n"
                + "CREATE TABLE things (a " + stem + "_one, b " + stem + "_two);\n";
        migrate(db, before + "INSERT INTO things VALUES ('a', 'b');", target, before.replace("varchar(10)", "varchar(20)"));
        assertThat(rows(db, "SELECT a || b FROM things")).containsExactly("ab");
    }

    /** A comment on the domain survives the recreation. */
    @Test
    void commentsComeAlong(TestDatabase db, TestDatabase target) throws SQLException {
        String before = EMAIL + "COMMENT ON DOMAIN email IS 'an address';\n"
                + "COMMENT ON CONSTRAINT email_check ON DOMAIN email IS 'has an at';\n"
                + "CREATE TABLE people (id int, address email);\n";
        migrate(db, before, target, before.replace("varchar(50)", "varchar(200)"));
        assertThat(rows(db, "SELECT obj_description('email'::regtype, 'pg_type')")).containsExactly("an address");
    }

    /** LIMIT: a function whose SQL-standard body (not its signature) casts to the domain is not made again. */
    @Test
    void functionBodyCastingToTheDomain(TestDatabase db, TestDatabase target) throws SQLException {
        String before = EMAIL + "CREATE FUNCTION sample() RETURNS text LANGUAGE sql RETURN ('a@b.c'::email)::text;\n"
                + "CREATE TABLE people (id int, address email);\n";
        refused(db, before, target, before.replace("varchar(50)", "varchar(200)"), "depend");
    }

    /** Quotes, spaces and capitals in the domain, table and column names, in another schema, guarded. */
    @Test
    void hostileNames(TestDatabase db, TestDatabase target) throws SQLException {
        String before = "CREATE SCHEMA audit;\n"
                + "CREATE DOMAIN audit.\"E-Mail \"\"x\"\"\" AS varchar(50) CHECK (VALUE LIKE '%@%');\n"
                + "CREATE DOMAIN \"Work 'Mail'\" AS audit.\"E-Mail \"\"x\"\"\";\n"
                + "CREATE TABLE audit.\"People \"\"P\"\"\" (\"Id\" int PRIMARY KEY, \"Addr ess\" audit.\"E-Mail \"\"x\"\"\" UNIQUE,"
                + " \"W\" \"Work 'Mail'\"[]);\n"
                + "CREATE TABLE \"Logins\" (\"Who\" audit.\"E-Mail \"\"x\"\"\" REFERENCES audit.\"People \"\"P\"\"\" (\"Addr ess\"));\n"
                + "CREATE FUNCTION \"Mail Of\"(e audit.\"E-Mail \"\"x\"\"\") RETURNS \"Work 'Mail'\" LANGUAGE sql AS $$SELECT e$$;\n";
        String rows = "INSERT INTO audit.\"People \"\"P\"\"\" VALUES (1, 'ann@example.com', '{w@corp.com}');"
                + "INSERT INTO \"Logins\" VALUES ('ann@example.com');";
        migrate(db, before + rows, target, before.replace("varchar(50)", "varchar(20)"));
        assertThat(rows(db, "SELECT \"Mail Of\"(\"Addr ess\") || \"W\"::text FROM audit.\"People \"\"P\"\"\""))
                .containsExactly("ann@example.com{w@corp.com}");
    }

    // ---- collation ---------------------------------------------------------------------------------

    /** Only the collation changes; the unique index, view and materialized view follow. */
    @Test
    void collationChange(TestDatabase db, TestDatabase target) throws SQLException {
        String before = "CREATE DOMAIN label AS text COLLATE \"C\";\n"
                + "CREATE TABLE items (id int, l label UNIQUE, ls label[] DEFAULT '{}');\n"
                + "CREATE VIEW item_labels AS SELECT id, l FROM items WHERE l > 'a';\n"
                + "CREATE MATERIALIZED VIEW sorted AS SELECT l FROM items ORDER BY l;\n"
                + "CREATE INDEX sorted_l ON sorted (l);\n";
        migrate(db, before + "INSERT INTO items VALUES (1, 'b', '{x}');", target, before.replace("\"C\"", "\"POSIX\""));
        assertThat(rows(db, "SELECT l || ls::text FROM items")).containsExactly("b{x}");
        assertThat(rows(db, "SELECT collation_name FROM information_schema.domains WHERE domain_name = 'label'"))
                .containsExactly("POSIX");
    }

    // ---- constraints, functions, views -------------------------------------------------------------

    /** Checks and partial/expression indexes on the same table that cast to the domain. */
    @Test
    void checksAndIndexesOnTheConvertedTable(TestDatabase db, TestDatabase target) throws SQLException {
        String rest = "CREATE TABLE people (id int, address email NOT NULL DEFAULT 'x@y.z'::email,"
                + " CONSTRAINT not_root CHECK (address <> 'root@localhost'::email));\n"
                + "CREATE INDEX people_lower ON people ((lower(address)));\n"
                + "CREATE INDEX people_corp ON people (id) WHERE address LIKE '%@corp.com';\n"
                + "CREATE MATERIALIZED VIEW corp AS SELECT id, address FROM people WHERE address LIKE '%@corp.com';\n";
        migrate(db, EMAIL + rest + "INSERT INTO people VALUES (1, 'ann@corp.com');", target, WIDER + rest);
        assertThat(rows(db, "SELECT address FROM corp")).containsExactly("ann@corp.com");
    }

    /** Functions taking an array of the domain, returning SETOF or TABLE of it, and a procedure. */
    @Test
    void functionSignatureShapes(TestDatabase db, TestDatabase target) throws SQLException {
        String rest = "CREATE FUNCTION firsts(e email[]) RETURNS SETOF email LANGUAGE sql AS 'SELECT unnest(e)';\n"
                + "CREATE FUNCTION pairs(e email) RETURNS TABLE (a email, b text) LANGUAGE sql AS 'SELECT e, e::text';\n"
                + "CREATE PROCEDURE note(e email) LANGUAGE sql AS 'SELECT 1';\n"
                + "CREATE VIEW first_ones AS SELECT firsts(ARRAY['a@b.c']::email[]) AS f;\n";
        migrate(db, EMAIL + rest, target, WIDER + rest);
        assertThat(rows(db, "SELECT f FROM first_ones")).containsExactly("a@b.c");
    }
}
