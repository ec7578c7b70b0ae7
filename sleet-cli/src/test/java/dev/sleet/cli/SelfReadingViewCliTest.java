package dev.sleet.cli;

import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Views that read themselves (issue 11, PostgREST's test database: {@code CREATE OR REPLACE VIEW v
 * AS TABLE v}), directly or through a function over their own row type: pulled with the stand-in
 * pg_dump makes them as first, migrated into an empty database to the same {@code pg_dump}, and
 * settled (pull again and generate: nothing).
 */
class SelfReadingViewCliTest {

    @TempDir
    Path dir;

    @Test
    void aViewThatReadsItselfIsMadeFromAStandInThenReplaced() throws Exception {
        try (TestDatabase source = TestDatabase.create("selfview11"); TestDatabase rebuilt = TestDatabase.create("selfview11_rebuilt")) {
            source.execute("""
                    CREATE SCHEMA test;
                    CREATE TABLE test.projects (id integer PRIMARY KEY, name text COLLATE "C", client_id integer);
                    CREATE VIEW test.self_recursive_view AS TABLE test.projects;
                    CREATE OR REPLACE VIEW test.self_recursive_view AS TABLE test.self_recursive_view;
                    CREATE VIEW "Loop ""v"" x" AS SELECT 1 AS n, 'x'::varchar(5) AS label;
                    CREATE OR REPLACE VIEW "Loop ""v"" x" AS SELECT n, label FROM "Loop ""v"" x" WHERE n > 0;
                    ALTER VIEW "Loop ""v"" x" ALTER COLUMN label SET DEFAULT 'y';
                    COMMENT ON VIEW "Loop ""v"" x" IS 'reads itself';
                    CREATE VIEW test.scored AS SELECT id, 0 AS score FROM test.projects;
                    CREATE FUNCTION test.score(test.scored) RETURNS integer LANGUAGE sql AS 'SELECT $1.id * 2';
                    CREATE OR REPLACE VIEW test.scored AS SELECT p.id, test.score(ROW(p.id, 0)::test.scored) AS score
                      FROM test.projects p;
                    """);
            Project project = new Project(dir, source).schemaFilter(java.util.List.of("public", "test"));

            Sleet pulled = project.sleet("pull");
            assertThat(pulled.exitCode()).as(pulled.all()).isZero();
            assertThat(pulled.err()).as(pulled.all()).doesNotContain("reads itself", "read themselves");
            assertThat(project.schemaCode()).contains(".standIn(\"name\", \"text\", \"pg_catalog.\\\"C\\\"\")",
                    ".standIn(\"label\", \"character varying(5)\")");
            // The function over the view's row type comes between the stand-in and the definition, as pg_dump has it.
            String history = String.join("\n", project.contents().values());
            assertThat(history.indexOf("CREATE VIEW \"test\".\"scored\" AS SELECT NULL::integer AS \"id\""))
                    .isNotNegative().isLessThan(history.indexOf("CREATE OR REPLACE FUNCTION test.score"));
            assertThat(history.indexOf("CREATE OR REPLACE FUNCTION test.score"))
                    .isLessThan(history.indexOf("CREATE OR REPLACE VIEW \"test\".\"scored\""));
            assertThat(String.join("\n", project.contents().values())).contains(
                    "CREATE VIEW \"Loop \"\"v\"\" x\" AS SELECT NULL::integer AS \"n\", NULL::character varying(5) AS \"label\";");
            PgDump.assertMigratesToSameDump(project, source, rebuilt);
            project.assertSettled();
            project.on(rebuilt).assertSettled();
        }
    }
}
