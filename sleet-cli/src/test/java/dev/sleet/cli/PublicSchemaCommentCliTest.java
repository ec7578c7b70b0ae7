package dev.sleet.cli;

import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code public} schema's comment through pull and migrate (issue 11, PostgREST's test database):
 * PostgreSQL gives {@code public} a comment in every new database, so a database whose {@code public}
 * was dropped and made again, or carries another comment, differs from an empty one in what pg_dump
 * writes ({@code COMMENT ON SCHEMA public IS ''}); the pulled history must carry that difference.
 */
class PublicSchemaCommentCliTest {

    @TempDir
    Path dir;

    @Test
    void pulledHistoryCarriesPublicWithoutCommentWithAnotherAndWithTheDefaultAgain() throws Exception {
        try (TestDatabase source = TestDatabase.create("public_comment"); TestDatabase rebuilt = TestDatabase.create("public_comment_rebuilt")) {
            source.execute("DROP SCHEMA public; CREATE SCHEMA public; CREATE TABLE items (id int PRIMARY KEY)");
            Project project = new Project(dir, source);

            Sleet pulled = project.sleet("pull");
            assertThat(pulled.exitCode()).as(pulled.all()).isZero();
            assertThat(project.schemaCode()).contains("Comment.onSchema(\"public\", \"\")");
            PgDump.assertMigratesToSameDump(project, source, rebuilt);
            assertThat(project.on(rebuilt).query("SELECT obj_description('public'::regnamespace, 'pg_namespace')")).containsOnlyNulls();
            project.assertSettled();

            source.execute("COMMENT ON SCHEMA public IS 'Our tables'");
            assertThat(project.sleet("pull").exitCode()).isZero();
            PgDump.assertMigratesToSameDump(project, source, rebuilt);

            // Back to PostgreSQL's own comment: the constant goes, and the rebuilt database gets that text back.
            source.execute("COMMENT ON SCHEMA public IS 'standard public schema'");
            assertThat(project.sleet("pull").exitCode()).isZero();
            assertThat(project.schemaCode()).doesNotContain("Comment.onSchema");
            PgDump.assertMigratesToSameDump(project, source, rebuilt);
            assertThat(project.on(rebuilt).query("SELECT obj_description('public'::regnamespace, 'pg_namespace')"))
                    .containsExactly("standard public schema");
        }
    }
}
