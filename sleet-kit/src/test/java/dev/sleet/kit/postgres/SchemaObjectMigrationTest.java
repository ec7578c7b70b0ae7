package dev.sleet.kit.postgres;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Differ;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes to extensions, collations, domains and text search objects, carried out on a real
 * PostgreSQL: each database is migrated by the differ's SQL and must then read back as the target.
 */
@ExtendWith(PostgresExtension.class)
class SchemaObjectMigrationTest {

    @Test
    void domainDefaultNotNullAndChecksChangeInPlaceKeepingRows(TestDatabase db, TestDatabase target) throws SQLException {
        List<String> sql = Live.migrate(db, """
                CREATE DOMAIN positive AS integer DEFAULT 1 CONSTRAINT positive_check CHECK (VALUE > 0) CONSTRAINT gone CHECK (VALUE <> 7);
                CREATE TABLE t (n positive);
                INSERT INTO t VALUES (5);
                """, target, """
                CREATE DOMAIN positive AS integer NOT NULL CONSTRAINT positive_check CHECK (VALUE > 1) CONSTRAINT small CHECK (VALUE < 10);
                CREATE TABLE t (n positive);
                """);
        assertThat(sql).allMatch(s -> s.startsWith("ALTER DOMAIN")).contains(
                "ALTER DOMAIN \"public\".\"positive\" DROP CONSTRAINT \"gone\";", "ALTER DOMAIN \"public\".\"positive\" DROP DEFAULT;",
                "ALTER DOMAIN \"public\".\"positive\" SET NOT NULL;");
        assertThat(Live.rows(db, "SELECT n FROM t")).containsExactly("5");
    }

    @Test
    void domainsOverDomainsAreCreatedBaseFirstAndDroppedAfterTheirColumns(TestDatabase db, TestDatabase target) throws SQLException {
        Live.migrate(db, "CREATE TABLE t (id int);", target, """
                CREATE TYPE mood AS ENUM ('sad', 'happy');
                CREATE DOMAIN a_base AS text;
                CREATE DOMAIN z_over AS a_base CONSTRAINT z_check CHECK (length(VALUE) > 1);
                CREATE DOMAIN b_top AS z_over;
                CREATE DOMAIN feeling AS mood DEFAULT 'happy';
                CREATE TABLE t (id int, v b_top, f feeling);
                """);
        List<String> sql = Live.migrate(db, "", target, "DROP TABLE t; DROP DOMAIN b_top, z_over, a_base, feeling; DROP TYPE mood;"
                + " CREATE TABLE t (id int);");
        assertThat(sql).containsSubsequence("ALTER TABLE \"t\" DROP COLUMN \"v\";", "DROP DOMAIN \"public\".\"b_top\";",
                "DROP DOMAIN \"public\".\"z_over\";", "DROP DOMAIN \"public\".\"a_base\";");
        assertThat(sql).containsSubsequence("DROP DOMAIN \"public\".\"feeling\";", "DROP TYPE \"public\".\"mood\";");
    }

    @Test
    void columnCollationChangesWithSetDataTypeAndIndexKeysKeepTheirs(TestDatabase db, TestDatabase target) throws SQLException {
        List<String> sql = Live.migrate(db, """
                CREATE TABLE t (name text, other text COLLATE "POSIX");
                INSERT INTO t VALUES ('b', 'x');
                """, target, """
                CREATE COLLATION "Odd ""one"" x" (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
                CREATE TABLE t (name text COLLATE "C", other text);
                CREATE INDEX t_name_idx ON t (name COLLATE "Odd ""one"" x", other COLLATE "C" DESC);
                """);
        assertThat(sql).contains("ALTER TABLE \"t\" ALTER COLUMN \"name\" SET DATA TYPE text COLLATE \"C\";");
        assertThat(Live.rows(db, "SELECT name FROM t")).containsExactly("b");
    }

    @Test
    void textSearchMappingsChangeInPlaceAndADictionaryMadeAnewTakesItsConfigurationsAlong(TestDatabase db, TestDatabase target)
            throws SQLException {
        List<String> sql = Live.migrate(db, """
                CREATE TEXT SEARCH DICTIONARY stem (TEMPLATE = snowball, language = 'english');
                CREATE TEXT SEARCH CONFIGURATION docs (PARSER = default);
                ALTER TEXT SEARCH CONFIGURATION docs ADD MAPPING FOR asciiword WITH stem, simple;
                ALTER TEXT SEARCH CONFIGURATION docs ADD MAPPING FOR word WITH simple;
                CREATE TEXT SEARCH CONFIGURATION other (PARSER = default);
                ALTER TEXT SEARCH CONFIGURATION other ADD MAPPING FOR word WITH simple;
                """, target, """
                CREATE TEXT SEARCH DICTIONARY stem (TEMPLATE = snowball, language = 'english', stopwords = 'english');
                CREATE TEXT SEARCH CONFIGURATION docs (PARSER = default);
                ALTER TEXT SEARCH CONFIGURATION docs ADD MAPPING FOR asciiword WITH stem;
                CREATE TEXT SEARCH CONFIGURATION other (PARSER = default);
                ALTER TEXT SEARCH CONFIGURATION other ADD MAPPING FOR word, numword WITH english_stem;
                """);
        assertThat(sql.subList(0, 4)).satisfiesExactly(
                s -> assertThat(s).isEqualTo("DROP TEXT SEARCH CONFIGURATION \"public\".\"docs\";"),
                s -> assertThat(s).isEqualTo("DROP TEXT SEARCH DICTIONARY \"public\".\"stem\";"),
                s -> assertThat(s).startsWith("CREATE TEXT SEARCH DICTIONARY \"public\".\"stem\" (TEMPLATE = snowball"),
                s -> assertThat(s).startsWith("CREATE TEXT SEARCH CONFIGURATION \"public\".\"docs\""));
        assertThat(sql).contains("ALTER TEXT SEARCH CONFIGURATION \"public\".\"other\" ALTER MAPPING FOR \"word\" WITH english_stem;");
    }

    @Test
    void extensionsAreCreatedWithoutVersionMovedAndDropped(TestDatabase db, TestDatabase target) throws SQLException {
        List<String> sql = Live.migrate(db, "CREATE EXTENSION hstore; CREATE EXTENSION pg_trgm;", target,
                "CREATE SCHEMA audit; CREATE EXTENSION hstore WITH SCHEMA audit; CREATE EXTENSION citext;"
                        + " CREATE DOMAIN email AS citext; CREATE TABLE t (e email, h audit.hstore);");
        assertThat(sql).hasSize(6).containsSubsequence("CREATE SCHEMA \"audit\";",
                "CREATE EXTENSION IF NOT EXISTS \"citext\" WITH SCHEMA \"public\";",
                "ALTER EXTENSION \"hstore\" SET SCHEMA \"audit\";", "CREATE DOMAIN \"public\".\"email\" AS citext;");
        assertThat(sql.get(4)).startsWith("CREATE TABLE");
        assertThat(sql.get(5)).isEqualTo("DROP EXTENSION \"pg_trgm\";");
        assertThat(Differ.diff(Live.introspect(db), Live.introspect(target))).isEmpty();
        assertThat(Live.introspect(db).extensions()).doesNotContainKey("plpgsql");
    }

    @Test
    void objectsOfAnExtensionStayOutOfTheSnapshot(TestDatabase db) throws SQLException {
        db.execute("CREATE EXTENSION hstore; CREATE EXTENSION unaccent; CREATE EXTENSION dict_int;");
        var snapshot = Live.introspect(db);
        assertThat(snapshot.extensions()).containsOnlyKeys("dict_int", "hstore", "unaccent");
        assertThat(snapshot.textSearch()).isEmpty();
        assertThat(snapshot.domains()).isEmpty();
        List<Change> changes = Differ.diff(Live.introspect(db).withExtensions(new java.util.TreeMap<>()), snapshot);
        assertThat(changes).hasSize(3).allMatch(c -> c instanceof Change.CreateExtension);
    }

    @Test
    void aRenamedSchemaTakesItsDomainsCollationsAndTextSearchObjectsAlong(TestDatabase db, TestDatabase target) throws SQLException {
        db.execute("""
                CREATE SCHEMA audit;
                CREATE COLLATION audit.bytes (provider = libc, locale = 'C');
                CREATE DOMAIN audit.code AS text COLLATE audit.bytes;
                CREATE TEXT SEARCH DICTIONARY audit.d (TEMPLATE = simple);
                CREATE TABLE audit.t (c audit.code, n text COLLATE audit.bytes);
                CREATE INDEX t_n_idx ON audit.t (n COLLATE "C");
                """);
        target.execute("""
                CREATE SCHEMA archive;
                CREATE COLLATION archive.bytes (provider = libc, locale = 'C');
                CREATE DOMAIN archive.code AS text COLLATE archive.bytes;
                CREATE TEXT SEARCH DICTIONARY archive.d (TEMPLATE = simple);
                CREATE TABLE archive.t (c archive.code, n text COLLATE archive.bytes);
                CREATE INDEX t_n_idx ON archive.t (n COLLATE "C");
                """);
        var before = Live.introspect(db);
        var after = new dev.sleet.kit.dialect.IntrospectOptions(List.of("public", "archive"), "sleet", "__sleet_migrations");
        dev.sleet.kit.snapshot.Snapshot wanted;
        try (var c = target.connect()) {
            wanted = Live.PG.introspect(c, after).snapshot();
        }
        List<Change> changes = Differ.diff(before, wanted, dev.sleet.kit.diff.Renames.NONE.withSchema("audit", "archive"));
        assertThat(changes).containsExactly(new Change.RenameSchema("audit", "archive"));
        Live.apply(db, changes);
        try (var c = db.connect()) {
            assertThat(Differ.diff(Live.PG.introspect(c, after).snapshot(), wanted)).isEmpty();
        }
    }
}
