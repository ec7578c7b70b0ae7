package dev.sleet.cli;

import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defaults and comments of a view's columns through pull and migrate (issue 11, PostgREST's test
 * database): {@code ALTER VIEW ... ALTER COLUMN ... SET DEFAULT} and {@code COMMENT ON COLUMN} on a
 * view or materialized view are carried by the pulled history, changed by later migrations, and set
 * again on a view that is made anew.
 */
class ViewColumnsCliTest {

    @TempDir
    Path dir;

    @Test
    void pulledHistoryCarriesTheDefaultsAndCommentsOfViewColumns() throws Exception {
        try (TestDatabase source = TestDatabase.create("viewcols11"); TestDatabase rebuilt = TestDatabase.create("viewcols11_rebuilt")) {
            source.execute("""
                    CREATE TABLE items (id integer PRIMARY KEY, name text, status text);
                    CREATE VIEW open_items AS SELECT id, name, status FROM items;
                    ALTER VIEW open_items ALTER COLUMN status SET DEFAULT 'new';
                    COMMENT ON COLUMN open_items.name IS 'Shown to users';
                    CREATE MATERIALIZED VIEW item_names AS SELECT id, name FROM items;
                    COMMENT ON COLUMN item_names.name IS 'Copied at refresh';
                    """);
            Project project = new Project(dir, source);

            Sleet pulled = project.sleet("pull");
            assertThat(pulled.exitCode()).as(pulled.all()).isZero();
            assertThat(pulled.err()).as(pulled.all()).doesNotContain("view's column", "views' columns");
            assertThat(project.schemaCode()).contains(".columnDefault(\"status\", \"'new'::text\")",
                    ".columnComment(\"name\", \"Shown to users\")", ".columnComment(\"name\", \"Copied at refresh\")");
            PgDump.assertMigratesToSameDump(project, source, rebuilt);
            assertNoChanges(project);

            // Another default and comment, one comment gone: the next pulled migration changes them in place.
            source.execute("""
                    ALTER VIEW open_items ALTER COLUMN status SET DEFAULT 'open';
                    ALTER VIEW open_items ALTER COLUMN name SET DEFAULT 'unnamed';
                    COMMENT ON COLUMN open_items.name IS 'Shown to customers';
                    COMMENT ON COLUMN item_names.name IS NULL;
                    """);
            assertThat(project.sleet("pull").exitCode()).isZero();
            assertThat(String.join("\n", project.contents().values())).contains(
                    "SET DEFAULT 'open'::text;");
            PgDump.assertMigratesToSameDump(project, source, rebuilt);
            assertNoChanges(project);

            // A view made anew (its definition changes) loses its columns' defaults and comments: they are set again.
            source.execute("""
                    CREATE OR REPLACE VIEW open_items AS SELECT id, name, status, id * 2 AS twice FROM items;
                    ALTER VIEW open_items ALTER COLUMN name DROP DEFAULT;
                    """);
            assertThat(project.sleet("pull").exitCode()).isZero();
            PgDump.assertMigratesToSameDump(project, source, rebuilt);
            assertThat(project.on(rebuilt).query("SELECT col_description('open_items'::regclass, 2)"))
                    .containsExactly("Shown to customers");
            assertNoChanges(project);
        }
    }

    /**
     * A view column's default that PostgreSQL prints another way once Sleet's SQL for it is applied
     * (a varchar IN list), and one written in code without the cast PostgreSQL adds: compared in
     * their printed form, so the rebuilt database is no drift and nothing changes.
     */
    @Test
    void viewColumnDefaultsAreComparedAsPostgresPrintsThem() throws Exception {
        try (TestDatabase source = TestDatabase.create("viewdef11"); TestDatabase rebuilt = TestDatabase.create("viewdef11_rebuilt")) {
            source.execute("""
                    CREATE TABLE items (id integer PRIMARY KEY, kind varchar(10), status text);
                    CREATE VIEW ab_items AS SELECT id, kind, kind IN ('a', 'b') AS known, status FROM items;
                    ALTER VIEW ab_items ALTER COLUMN known SET DEFAULT ('a'::varchar(10) IN ('a', 'b'));
                    """);
            Project project = new Project(dir, source);
            Sleet pulled = project.sleet("pull");
            assertThat(pulled.exitCode()).as(pulled.all()).isZero();
            Project onRebuilt = project.on(rebuilt);
            Sleet migrate = onRebuilt.sleet("migrate");
            assertThat(migrate.exitCode()).as(migrate.all()).isZero();
            assertThat(onRebuilt.query("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'ab_items'::regclass"))
                    .as("PostgreSQL prints the default another way on the rebuilt database")
                    .doesNotContainAnyElementsOf(project.query(
                            "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'ab_items'::regclass"));
            Sleet check = onRebuilt.sleet("check");
            assertThat(check.exitCode()).as(check.all()).isZero();
            assertThat(check.out()).contains("No drift");
            assertNoChanges(onRebuilt);

            // Written in code as a user would, without the cast PostgreSQL prints.
            String code = project.schemaCode().replace(".columnDefault(\"known\"", ".columnDefault(\"status\", \"'new'\")"
                    + ".columnDefault(\"known\"");
            assertThat(code).isNotEqualTo(project.schemaCode());
            Project.write(dir.resolve("schema/Schema.java"), code);
            Sleet generated = onRebuilt.sleet("generate");
            assertThat(generated.exitCode()).as(generated.all()).isZero();
            assertThat(onRebuilt.sleet("migrate").exitCode()).isZero();
            check = onRebuilt.sleet("check");
            assertThat(check.exitCode()).as(check.all()).isZero();
            assertThat(check.out()).contains("No drift");
            assertNoChanges(onRebuilt);
        }
    }

    private static void assertNoChanges(Project project) {
        Sleet again = project.sleet("pull");
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).as(again.all()).contains("already matches");
        Sleet generated = project.sleet("generate");
        assertThat(generated.exitCode()).as(generated.all()).isZero();
        assertThat(generated.out()).as(generated.all()).contains("No schema changes");
    }
}
