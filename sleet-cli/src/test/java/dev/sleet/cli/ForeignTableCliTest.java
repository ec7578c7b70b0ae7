package dev.sleet.cli;

import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Foreign servers and foreign tables (issue 11, PostgREST's test database: a file_fdw server and a
 * foreign table on it): a server of an extension's wrapper, with its type, version and options, and
 * the foreign tables on it with their columns, column options, options and comments are pulled,
 * migrated into an empty database to the same {@code pg_dump}, and settle; later changes migrate in
 * place (options, comments) or make the table anew with the views that read it. User mappings stay
 * unmanaged, and none of their options is ever printed.
 */
class ForeignTableCliTest {

    @TempDir
    Path dir;

    @Test
    void foreignServersAndTablesArePulledAndMigrated() throws Exception {
        try (TestDatabase source = TestDatabase.create("foreign11"); TestDatabase rebuilt = TestDatabase.create("foreign11_rebuilt")) {
            source.execute("""
                    CREATE SCHEMA test;
                    CREATE TABLE test.clients (id integer PRIMARY KEY, name text);
                    CREATE EXTENSION file_fdw;
                    CREATE EXTENSION postgres_fdw;
                    CREATE SERVER import_csv FOREIGN DATA WRAPPER file_fdw;
                    CREATE SERVER "Remote ""db"" x" TYPE 'pg' VERSION '15' FOREIGN DATA WRAPPER postgres_fdw
                        OPTIONS (host 'db.internal', dbname 'app', port '5433');
                    CREATE USER MAPPING FOR PUBLIC SERVER "Remote ""db"" x" OPTIONS (user 'app', password 'fdw-s3cret');
                    CREATE FOREIGN TABLE test.projects_dump (
                      id integer,
                      name text NOT NULL,
                      client_id integer OPTIONS (force_null 'true')
                    ) SERVER import_csv OPTIONS ( filename '/tmp/projects_dump.csv', format 'csv');
                    COMMENT ON FOREIGN TABLE test.projects_dump IS $$A temporary projects dump

                    Just a test for foreign tables$$;
                    COMMENT ON COLUMN test.projects_dump.name IS 'The project''s name';
                    CREATE VIEW test.dumped_names AS SELECT id, name FROM test.projects_dump;
                    CREATE FOREIGN TABLE remote_users (
                      id bigint OPTIONS (column_name 'user_id'),
                      email text COLLATE "C" DEFAULT 'nobody',
                      "Kind" varchar(10)
                    ) SERVER "Remote ""db"" x" OPTIONS (schema_name 'public', table_name 'users');
                    """);
            Project project = new Project(dir, source).schemaFilter(List.of("public", "test"));

            Sleet pulled = project.sleet("pull");
            assertThat(pulled.exitCode()).as(pulled.all()).isZero();
            assertThat(pulled.err()).as(pulled.all()).doesNotContain("foreign table", "foreign server")
                    .contains("1 user mapping: public on Remote \"db\" x");
            assertThat(project.schemaCode()).contains("ForeignServer.of(\"import_csv\", \"file_fdw\")",
                    ".option(\"filename\", \"/tmp/projects_dump.csv\")", ".option(\"force_null\", \"true\")");
            assertThat(pulled.all() + String.join("\n", project.contents().values())).doesNotContain("fdw-s3cret");
            Sleet migrated = project.on(rebuilt).sleet("migrate");
            assertThat(migrated.exitCode()).as(migrated.all()).isZero();
            // The user mapping is the user's to make: it holds a password.
            assertThat(PgDump.differingLines(source, rebuilt)).allMatch(line -> line.startsWith("- "))
                    .anyMatch(line -> line.contains("CREATE USER MAPPING"));
            rebuilt.execute("CREATE USER MAPPING FOR PUBLIC SERVER \"Remote \"\"db\"\" x\" OPTIONS (user 'app', password 'fdw-s3cret');");
            assertThat(PgDump.differingLines(source, rebuilt)).isEmpty();
            project.assertSettled();
            project.on(rebuilt).assertSettled();

            // Options and comments change in place; a new column makes the table anew, and the view reading it.
            source.execute("""
                    ALTER SERVER "Remote ""db"" x" VERSION '16' OPTIONS (SET port '5434', DROP dbname);
                    ALTER FOREIGN TABLE test.projects_dump OPTIONS (SET format 'text', DROP filename, ADD filename '/tmp/p.txt');
                    ALTER FOREIGN TABLE test.projects_dump ALTER COLUMN client_id OPTIONS (DROP force_null);
                    COMMENT ON FOREIGN TABLE test.projects_dump IS NULL;
                    ALTER FOREIGN TABLE remote_users ADD COLUMN active boolean;
                    CREATE VIEW active_users AS SELECT id, email FROM remote_users WHERE active;
                    """);
            Sleet again = project.sleet("pull");
            assertThat(again.exitCode()).as(again.all()).isZero();
            assertThat(String.join("\n", project.contents().values())).contains(
                    "ALTER SERVER \"Remote \"\"db\"\" x\" VERSION '16';",
                    "ALTER SERVER \"Remote \"\"db\"\" x\" OPTIONS (DROP \"dbname\", SET \"port\" '5434');",
                    "ALTER FOREIGN TABLE \"test\".\"projects_dump\" ALTER COLUMN \"client_id\" OPTIONS (DROP \"force_null\");",
                    "COMMENT ON FOREIGN TABLE \"test\".\"projects_dump\" IS NULL;",
                    "DROP FOREIGN TABLE \"public\".\"remote_users\";");
            PgDump.assertMigratesToSameDump(project, source, rebuilt);
            project.assertSettled();
            project.on(rebuilt).assertSettled();
        }
    }
}
