package dev.sleet.cli;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Pull and generate end to end for what issue 3 added: roles, row-level security, split migrations. */
@ExtendWith(PostgresExtension.class)
class SchemaCoverageCliTest {

    @TempDir
    Path dir;

    private Path config(TestDatabase db, String extra) throws IOException {
        return config(db, extra, "sleet.toml");
    }

    private Path config(TestDatabase db, String extra, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "dialect = \"postgresql\"\nout = \"./db\"\npackage = \"app.db\"\n"
                + "schema = [\"./db/Schema.java\", \"./db/Relations.java\"]\n" + extra
                + "[dbCredentials]\nhost = \"" + TestDatabase.HOST + "\"\nport = " + TestDatabase.PORT
                + "\nuser = \"" + TestDatabase.USER + "\"\ndatabase = \"" + db.name() + "\"\n");
        return file;
    }

    @Test
    void pullReadsTheRolesTheConfigNamesAndKeepsThemAfterwards(TestDatabase db) throws IOException {
        String role = "sleet_cli_role_" + Long.toHexString(System.nanoTime());
        try {
            db.execute("CREATE ROLE " + role + " LOGIN CONNECTION LIMIT 2;"
                    + "CREATE TABLE notes (owner text, body text); ALTER TABLE notes ENABLE ROW LEVEL SECURITY;"
                    + "CREATE POLICY own ON notes TO " + role + " USING (owner = CURRENT_USER);");
            Path file = config(db, "roles = [\"" + role + "\"]\n");

            Sleet pulled = Sleet.run("pull", file);
            assertThat(pulled.exitCode()).as(pulled.all()).isZero();
            String schema = Files.readString(dir.resolve("db/Schema.java"));
            assertThat(schema).contains("Role.of(\"" + role + "\").login().connectionLimit(2)",
                    "policy(\"own\").to(\"" + role + "\").using(\"(owner = CURRENT_USER)\")", "enableRowLevelSecurity();");
            Sleet generated = Sleet.run("generate", file);
            assertThat(generated.out()).as(generated.all()).contains("No schema changes");

            // Without the key, the role the history manages is still read, not dropped.
            Path withoutKey = config(db, "");
            Sleet again = Sleet.run("pull", withoutKey);
            assertThat(again.out()).as(again.all()).contains("already matches");
        } finally {
            db.execute("DROP TABLE IF EXISTS notes; DROP ROLE IF EXISTS " + role);
        }
    }

    @Test
    void objectsOfExtensionsAreLeftAloneAndTheirTypesAreUsedByName(TestDatabase db) throws IOException {
        // An extension's own table, sequence and enum (as PostGIS has spatial_ref_sys), and columns
        // of the types extensions bring.
        db.execute("""
                CREATE EXTENSION citext; CREATE EXTENSION hstore; CREATE EXTENSION pg_buffercache;
                CREATE TABLE spatial_ref_sys (srid integer PRIMARY KEY, auth_name varchar(256));
                CREATE SEQUENCE ext_seq; CREATE TYPE ext_kind AS ENUM ('a', 'b');
                ALTER EXTENSION pg_buffercache ADD TABLE spatial_ref_sys;
                ALTER EXTENSION pg_buffercache ADD SEQUENCE ext_seq;
                ALTER EXTENSION pg_buffercache ADD TYPE ext_kind;
                CREATE TABLE places (id serial PRIMARY KEY, email citext NOT NULL, attrs hstore,
                                     kind ext_kind DEFAULT 'a', kinds ext_kind[],
                                     srid integer CONSTRAINT places_srid_fkey REFERENCES spatial_ref_sys (srid));
                """);
        Path file = config(db, "");

        Sleet pulled = Sleet.run("pull", file);

        assertThat(pulled.exitCode()).as(pulled.all()).isZero();
        assertThat(pulled.err()).contains("places_srid_fkey references public.spatial_ref_sys, which belongs to extension pg_buffercache");
        String schema = Files.readString(dir.resolve("db/Schema.java"));
        assertThat(schema).contains("\"citext\"", "\"hstore\"", ".defaultSql(\"'a'::ext_kind\")",
                        "column(\"kinds\", new DataType<>(\"ext_kind\", Object.class)).array()")
                .doesNotContain("spatial_ref_sys", "ext_seq", "EnumType");
        // The extensions themselves are declared (issue 11), so that the pulled history creates them.
        assertThat(schema).contains("Extension.of(\"citext\")", "Extension.of(\"hstore\")", "Extension.of(\"pg_buffercache\")");
        String migration;
        try (var files = Files.list(dir.resolve("db"))) {
            migration = Files.readString(files.filter(p -> p.toString().endsWith(".sql")).findFirst().orElseThrow());
        }
        assertThat(migration).contains("CREATE TABLE \"places\"").doesNotContain("spatial_ref_sys", "ext_seq", "CREATE TYPE");
        Sleet generated = Sleet.run("generate", file);
        assertThat(generated.out()).as(generated.all()).contains("No schema changes");
        Sleet checked = Sleet.run("check", file);
        assertThat(checked.exitCode()).as(checked.all()).isZero();
    }

    @Test
    void pullThatCannotWriteTheCodeWritesNothing(TestDatabase db) throws IOException {
        // A foreign key into a schema the config does not pull cannot be written as code.
        db.execute("CREATE SCHEMA other; CREATE TABLE other.b (id int PRIMARY KEY);"
                + "CREATE TABLE a (id int PRIMARY KEY, b_id int REFERENCES other.b (id));");
        Path file = config(db, "");

        Sleet pulled = Sleet.run("pull", file);

        assertThat(pulled.exitCode()).as(pulled.all()).isEqualTo(1);
        assertThat(pulled.err()).contains("references table other.b, which is not among the tables pulled: include its schema");
        assertThat(dir.resolve("db")).doesNotExist();
    }

    @Test
    void pullAsksAboutRenamesAndItsMigrationRenamesOnOtherDatabases(TestDatabase db) throws IOException {
        db.execute("CREATE SCHEMA app; CREATE TYPE app.mood AS ENUM ('up', 'down');"
                + "CREATE TABLE app.users (id serial PRIMARY KEY, name text NOT NULL, mood app.mood);"
                + "INSERT INTO app.users (name, mood) VALUES ('Ann', 'up');");
        Path file = config(db, "schemaFilter = [\"app\", \"data\"]\n");
        assertThat(Sleet.run("pull", file).exitCode()).isZero();
        try (TestDatabase other = TestDatabase.create("sleet_pull_other")) {
            // Another environment: migrated from the first pulled migration, with rows of its own.
            Path otherFile = config(other, "schemaFilter = [\"app\", \"data\"]\n", "other.toml");
            assertThat(Sleet.run("migrate", otherFile).exitCode()).isZero();
            other.execute("INSERT INTO app.users (name, mood) VALUES ('Bob', 'down')");
            // Someone renames things in the first database by hand.
            db.execute("ALTER SCHEMA app RENAME TO data; ALTER TABLE data.users RENAME TO accounts;"
                    + "ALTER TABLE data.accounts RENAME COLUMN name TO full_name; ALTER TYPE data.mood RENAME TO feeling;");

            Sleet asked = Sleet.run("pull", file);
            assertThat(asked.exitCode()).as(asked.all()).isEqualTo(1);
            assertThat(asked.err()).contains("nothing was written", "--rename app=data");
            Sleet pulled = Sleet.run("pull", file, "--rename", "app=data", "--rename", "data.users=data.accounts",
                    "--rename", "data.accounts.name=data.accounts.full_name", "--rename", "data.mood=data.feeling");
            assertThat(pulled.exitCode()).as(pulled.all()).isZero();

            Sleet recorded = Sleet.run("migrate", file);
            assertThat(recorded.exitCode()).as(recorded.all()).isZero();
            assertThat(recorded.out()).contains("recorded");
            Sleet renamed = Sleet.run("migrate", otherFile);
            assertThat(renamed.exitCode()).as(renamed.all()).isZero();
            assertThat(rows(other, "SELECT full_name || ':' || mood FROM data.accounts ORDER BY id")).containsExactly("Bob:down");
            assertThat(rows(db, "SELECT full_name || ':' || mood FROM data.accounts ORDER BY id")).containsExactly("Ann:up");
            Sleet checked = Sleet.run("check", otherFile);
            assertThat(checked.exitCode()).as(checked.all()).isZero();
        }
    }

    private static java.util.List<String> rows(TestDatabase db, String sql) {
        java.util.List<String> rows = new java.util.ArrayList<>();
        try (var c = db.connect(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    @Test
    void newEnumLabelsAndConcurrentIndexesGetMigrationFilesOfTheirOwn(TestDatabase db) throws IOException {
        db.execute("CREATE TYPE mood AS ENUM ('up'); CREATE TABLE t (m mood DEFAULT 'up', n int);");
        Path file = config(db, "");
        assertThat(Sleet.run("pull", file).exitCode()).isZero();
        Path schema = dir.resolve("db/Schema.java");
        String code = Files.readString(schema);
        code = code.replace("EnumType.of(\"mood\", \"up\")", "EnumType.of(\"mood\", \"down\", \"up\")")
                .replace("column(\"m\", MOOD).defaultValue(\"up\")", "column(\"m\", MOOD).defaultValue(\"down\")")
                .replace("public final Column<Integer> n = integer(\"n\");",
                        "public final Column<Integer> n = integer(\"n\");\n    public final Index tN = index(\"t_n\").on(n).concurrently();");
        Files.writeString(schema, code.replace("import dev.sleet.schema.EnumType;",
                "import dev.sleet.schema.EnumType;\nimport dev.sleet.schema.Index;"));

        Sleet generated = Sleet.run("generate", file);
        assertThat(generated.exitCode()).as(generated.all()).isZero();
        assertThat(generated.out()).contains("outside a transaction");
        String journal = Files.readString(dir.resolve("db/meta/_journal.json"));
        assertThat(journal.split("\"transaction\": false", -1)).hasSize(3);

        Sleet migrated = Sleet.run("migrate", file);
        assertThat(migrated.exitCode()).as(migrated.all()).isZero();
        assertThat(migrated.out()).contains("Applied 3").contains("runs outside a transaction");
        Sleet repulled = Sleet.run("pull", file);
        assertThat(repulled.out()).as(repulled.all()).contains("already matches");
    }

    @Test
    void tablesFilterLimitsWhatPullReadsAndWhatGenerateChanges(TestDatabase db) throws IOException {
        db.execute("CREATE TABLE users (id int PRIMARY KEY); CREATE TABLE posts (id int, user_id int REFERENCES users);"
                + "CREATE TABLE tmp_import (line text); CREATE VIEW tmp_view AS SELECT 1 AS one;");
        Path file = config(db, "tablesFilter = [\"*\", \"!tmp_*\"]\n");

        Sleet pulled = Sleet.run("pull", file);
        assertThat(pulled.exitCode()).as(pulled.all()).isZero();
        String schema = Files.readString(dir.resolve("db/Schema.java"));
        assertThat(schema).contains("super(\"users\")", "super(\"posts\")").doesNotContain("tmp_import", "tmp_view");
        assertThat(Sleet.run("generate", file).out()).contains("No schema changes");

        // What the filter leaves out may change freely: neither pull nor generate sees it.
        db.execute("DROP VIEW tmp_view; ALTER TABLE tmp_import ADD COLUMN n int; CREATE TABLE tmp_more (x int);");
        assertThat(Sleet.run("pull", file).out()).contains("already matches");

        // Declared in code but left out by the filter: generate warns and leaves it alone.
        Path code = dir.resolve("db/Schema.java");
        Files.writeString(code, Files.readString(code).replace("public static final Posts POSTS = new Posts();",
                "public static final Posts POSTS = new Posts();\n  public static final TmpNew TMP_NEW = new TmpNew();\n"
                        + "  public static final class TmpNew extends Table<TmpNew> {\n"
                        + "    public final Column<Integer> x = integer(\"x\");\n    public TmpNew() { super(\"tmp_new\"); }\n  }"));
        Sleet generated = Sleet.run("generate", file);
        assertThat(generated.exitCode()).as(generated.all()).isZero();
        assertThat(generated.all()).contains("public.tmp_new", "tablesFilter leaves it out", "No schema changes");
    }
}
