package dev.sleet.cli;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.sleet.cli.CheckCliTest.table;
import static org.assertj.core.api.Assertions.assertThat;

/** status, drop and export. */
@ExtendWith(PostgresExtension.class)
class StatusDropExportCliTest {

    @TempDir
    Path dir;

    private Project twoAppliedOnePending(TestDatabase db) {
        Project project = new Project(dir, db).schema(table("Users", "users", "name"));
        assertThat(project.sleet("generate", "--name", "users").exitCode()).isZero();
        project.schema(table("Users", "users", "name") + table("Posts", "posts", "title"));
        assertThat(project.sleet("generate", "--name", "posts").exitCode()).isZero();
        assertThat(project.sleet("migrate").exitCode()).isZero();
        project.schema(table("Users", "users", "name") + table("Posts", "posts", "title") + table("Tags", "tags", "label"));
        assertThat(project.sleet("generate", "--name", "tags").exitCode()).isZero();
        return project;
    }

    @Test
    void statusPrintsOneLinePerMigration(TestDatabase db) throws IOException {
        Project project = twoAppliedOnePending(db);

        Sleet status = project.sleet("status");

        assertThat(status.exitCode()).as(status.all()).isZero();
        List<String> lines = status.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Migrations in migrations on postgres@" + TestDatabase.HOST + ":" + TestDatabase.PORT + "/" + db.name() + ":");
        assertThat(lines.get(1)).matches("  applied   0000_users  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ \\(run, \\d+ ms\\)");
        assertThat(lines.get(2)).matches("  applied   0001_posts  \\d{4}-.* \\(run, \\d+ ms\\)");
        assertThat(lines.get(3)).isEqualTo("  pending   0002_tags");
        assertThat(lines.get(4)).isEqualTo("2 applied, 1 pending");
        // status changes nothing
        assertThat(project.query("SELECT count(*) FROM sleet.__sleet_migrations")).containsExactly("2");

        Path file = project.migrations().resolve("0001_posts.sql");
        Files.writeString(file, Files.readString(file) + "-- edited\n");
        Sleet changed = project.sleet("status");
        assertThat(changed.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(changed.out()).contains("CHANGED   0001_posts", "the file was edited since");
        assertThat(changed.err()).contains("sleet status found 1 problem", "0001_posts.sql was changed after it was applied to postgres@",
                "revert the edit and put the change in a new migration");
    }

    @Test
    void statusOfAFreshDatabaseHasEverythingPendingAndCreatesNothing(TestDatabase db) {
        Project project = new Project(dir, db).schema(table("Users", "users", "name"));
        assertThat(project.sleet("generate", "--name", "users").exitCode()).isZero();
        Sleet status = project.sleet("status");
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(status.out()).contains("  pending   0000_users", "0 applied, 1 pending");
        assertThat(project.query("SELECT count(*) FROM pg_namespace WHERE nspname = 'sleet'")).containsExactly("0");
    }

    @Test
    void statusNamesAMissingFileOfAMigrationNothingHasApplied(TestDatabase db) throws IOException {
        Project project = new Project(dir, db).schema(table("Users", "users", "name"));
        assertThat(project.sleet("generate", "--name", "users").exitCode()).isZero();
        Files.delete(project.migrations().resolve("0000_users.sql"));

        Sleet status = project.sleet("status");

        assertThat(status.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(status.out()).contains("pending   0000_users  but 0000_users.sql is missing");
        assertThat(status.err()).contains("0000_users.sql is listed in the journal but missing",
                "not applied to postgres@", "restore it from version control")
                .doesNotContain("applied migrations do not match");
    }

    @Test
    void dropRemovesTheLatestPendingMigrationButRefusesAnAppliedOne(TestDatabase db) {
        Project project = twoAppliedOnePending(db);
        List<String> before = project.files();

        Sleet dropped = project.sleet("drop");
        assertThat(dropped.exitCode()).as(dropped.all()).isZero();
        assertThat(dropped.out()).contains("0002_tags is not applied to postgres@",
                "Dropped 0002_tags: removed migrations/0002_tags.sql, migrations/meta/0002_snapshot.json, its journal entry");
        assertThat(project.files()).containsExactlyInAnyOrder("0000_users.sql", "0001_posts.sql",
                "meta/0000_snapshot.json", "meta/0001_snapshot.json", "meta/_journal.json");
        assertThat(project.read("meta/_journal.json")).doesNotContain("0002_tags");

        Sleet refused = project.sleet("drop");
        assertThat(refused.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(refused.err()).contains("Refusing to drop 0001_posts: it is applied to postgres@", "write a new migration");
        Sleet forced = project.sleet("drop", "--force");
        assertThat(forced.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(project.files()).hasSize(5);

        // generate writes the dropped migration again, from the code
        Sleet regenerated = project.sleet("generate", "--name", "tags");
        assertThat(regenerated.exitCode()).isZero();
        assertThat(project.files()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void dropWithoutADatabaseToAskNeedsForce(TestDatabase db) {
        Project project = new Project(dir, db).withoutCredentials().schema(table("Users", "users", "name"));
        assertThat(project.sleet("generate", "--name", "users").exitCode()).isZero();

        Sleet refused = project.sleet("drop");
        assertThat(refused.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(refused.err()).contains("no database is configured", "--force");

        Sleet unreachable = project.sleet("drop", "--db", "postgresql://app:Sup3rSecret@127.0.0.1:1/nowhere");
        assertThat(unreachable.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(unreachable.err()).contains("cannot check whether app@127.0.0.1:1/nowhere has applied it").doesNotContain("Sup3rSecret");
        assertThat(project.files()).contains("0000_users.sql");

        Sleet forced = project.sleet("drop", "--force");
        assertThat(forced.exitCode()).as(forced.all()).isZero();
        assertThat(forced.err()).contains("without checking");
        assertThat(project.files()).containsExactly("meta/_journal.json");
        assertThat(project.sleet("drop", "--force").err()).contains("There is no migration to drop");
    }

    @Test
    void exportPrintsTheWholeSchemaAsSqlThatRuns(TestDatabase db) {
        Project project = new Project(dir, db).schema(table("Users", "users", "name") + """
                public static final Posts POSTS = new Posts();

                public static final class Posts extends Table<Posts> {
                    public final Column<Integer> id = serial("id").primaryKey();
                    public final Column<Integer> userId = integer("user_id").references(() -> USERS.id);
                    public final Index byUser = index("posts_user_idx").on(userId);
                    public Posts() { super("audit", "posts"); }
                }
                """);

        Sleet export = project.sleet("export");

        assertThat(export.exitCode()).as(export.all()).isZero();
        assertThat(export.err()).isEmpty();
        assertThat(export.out()).startsWith("CREATE SCHEMA \"audit\";\n\nCREATE TABLE \"audit\".\"posts\" (")
                .contains("ALTER TABLE \"audit\".\"posts\" ADD CONSTRAINT \"posts_user_id_fkey\"",
                        "CREATE INDEX \"posts_user_idx\" ON \"audit\".\"posts\" USING btree (\"user_id\");")
                .endsWith(";\n");
        assertThat(project.files()).isEmpty();
        db.execute(export.out());
        assertThat(project.query("SELECT count(*) FROM pg_tables WHERE tablename IN ('users', 'posts')")).containsExactly("2");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("pull", "generate", "migrate", "push", "check", "status", "export", "drop", "up")) {
            Sleet help = Sleet.run(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: sleet " + command, "--config", "--verbose");
        }
        assertThat(Sleet.run("--help").out()).contains("push", "check", "status", "export", "drop", "up");
    }
}
