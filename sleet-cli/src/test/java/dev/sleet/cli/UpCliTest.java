package dev.sleet.cli;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.sleet.cli.CheckCliTest.copyDrizzleFolder;
import static org.assertj.core.api.Assertions.assertThat;

/** up: drizzle-kit's folders (snapshot "version 0") become Sleet folders that migrate and generate use. */
@ExtendWith(PostgresExtension.class)
class UpCliTest {

    @TempDir
    Path dir;

    /** The seed walkthrough's code-first schema after its edit, in Sleet's DSL. */
    static final String SEED_EDITED = """
            public static final Users USERS = new Users();
            public static final Epics EPICS = new Epics();
            public static final Tags TAGS = new Tags();
            public static final Tasks TASKS = new Tasks();
            public static final TasksTags TASKS_TAGS = new TasksTags();

            public static final class Users extends Table<Users> {
                public final Column<Integer> id = serial("id").primaryKey();
                public final Column<String> username = varchar("username", 50);
                public final Column<String> name = varchar("name", 250);
                public final Column<String> avatar = varchar("avatar", 500);
                public Users() { super("users"); }
            }

            public static final class Epics extends Table<Epics> {
                public final Column<Integer> id = serial("id").primaryKey();
                public final Column<String> name = varchar("name", 250);
                public final Column<String> description = text("description");
                public final Column<java.time.LocalDate> due = date("due");
                public Epics() { super("epics"); }
            }

            public static final class Tags extends Table<Tags> {
                public final Column<Integer> id = serial("id").primaryKey();
                public final Column<String> name = varchar("name", 250);
                public Tags() { super("tags"); }
            }

            public static final class Tasks extends Table<Tasks> {
                public final Column<Integer> id = serial("id").primaryKey();
                public final Column<String> name = varchar("name", 250);
                public final Column<Integer> epicId = integer("epic_id");
                public final Column<Integer> userId = integer("user_id");
                public final Column<Integer> importance = integer("importance");
                public final ForeignKey fkTaskEpic = foreignKey("fk_task_epic", epicId).references(() -> EPICS.id);
                public final ForeignKey fkTaskUser = foreignKey("fk_task_user", userId).references(() -> USERS.id)
                        .onDelete(ReferentialAction.CASCADE);
                public final Index idxTasksEpicId = index("idx_tasks_epicId").on(epicId);
                public Tasks() { super("tasks"); }
            }

            public static final class TasksTags extends Table<TasksTags> {
                public final Column<Integer> id = serial("id").primaryKey();
                public final Column<Integer> task = integer("task");
                public final Column<Integer> tag = integer("tag");
                public final ForeignKey fkTag = foreignKey("fk_tasks_tags_tag", tag).references(() -> TAGS.id);
                public final ForeignKey fkTask = foreignKey("fk_tasks_tags_task", task).references(() -> TASKS.id);
                public TasksTags() { super("tasks_tags"); }
            }
            """;

    @Test
    void aDrizzleKitFolderBecomesASleetOneThatMigratesAFreshDatabase(TestDatabase db) throws IOException {
        Project project = new Project(dir, db).schema(SEED_EDITED);
        copyDrizzleFolder("generate", project.migrations());

        Sleet up = project.sleet("up");

        assertThat(up.exitCode()).as(up.all()).isZero();
        assertThat(up.out()).contains("Rewrote migrations/meta/0000_snapshot.json (drizzle-kit snapshot -> Sleet format 1)",
                "Rewrote migrations/meta/0001_snapshot.json (drizzle-kit snapshot -> Sleet format 1)",
                "Rewrote migrations/0001_ancient_power_pack.sql (statement breakpoints put on lines of their own)",
                "Rewrote migrations/meta/_journal.json");
        assertThat(up.err()).doesNotContain("Warning");
        assertThat(project.read("meta/0001_snapshot.json")).contains("\"version\" : 1", "\"serial\" : true", "\"tasks_pkey\"",
                "\"referencedSchema\" : \"public\"", "\"onDelete\" : \"cascade\"");
        assertThat(project.read("0001_ancient_power_pack.sql")).contains("integer;\n--> statement-breakpoint\nALTER TABLE");
        assertThat(project.read("meta/_journal.json")).contains("\"version\": 1", "\"pulled\": [",
                "{ \"kind\": \"table\", \"name\": \"public.users\", \"present\": true }");

        // consistent, idempotent, and the code says nothing changed
        assertThat(project.sleet("check").exitCode()).isZero();
        Sleet again = project.sleet("up");
        assertThat(again.out()).contains("nothing rewritten");
        assertThat(project.sleet("generate").out()).contains("No schema changes");

        // on a fresh database the converted migrations run
        Sleet migrated = project.sleet("migrate");
        assertThat(migrated.exitCode()).as(migrated.all()).isZero();
        assertThat(migrated.out()).contains("Applied 0000_tidy_midnight.sql", "Applied 0001_ancient_power_pack.sql");
        assertThat(project.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).containsExactly("5");
        Sleet check = project.sleet("check");
        assertThat(check.exitCode()).as(check.all()).isZero();
        assertThat(check.out()).contains("No drift");
    }

    @Test
    void onADatabaseDrizzleKitAlreadyMigratedTheConvertedMigrationsAreRecorded(TestDatabase db) throws IOException {
        Project project = new Project(dir, db).schema(SEED_EDITED);
        copyDrizzleFolder("generate", project.migrations());
        // drizzle-kit migrate ran both files (it executes the text between its breakpoints)
        for (String file : new String[] {"0000_tidy_midnight.sql", "0001_ancient_power_pack.sql"}) {
            db.execute(project.read(file).replace("--> statement-breakpoint", ""));
        }
        db.execute("INSERT INTO tasks (name) VALUES ('kept')");
        assertThat(project.sleet("up").exitCode()).isZero();

        Sleet migrated = project.sleet("migrate");

        assertThat(migrated.exitCode()).as(migrated.all()).isZero();
        assertThat(migrated.out()).contains("Recorded 0000_tidy_midnight.sql without running it", "Recorded 0001_ancient_power_pack.sql");
        assertThat(project.query("SELECT name FROM tasks")).containsExactly("kept");
        assertThat(project.sleet("check").exitCode()).isZero();
    }

    @Test
    void drizzleKitsPulledMigrationIsUncommentedAndItsZeroIdReplaced(TestDatabase db) throws IOException {
        Project project = new Project(dir, db);
        copyDrizzleFolder("pull", project.migrations());

        Sleet up = project.sleet("up");

        assertThat(up.exitCode()).as(up.all()).isZero();
        assertThat(up.out()).contains("Rewrote migrations/0000_parched_penance.sql (drizzle-kit's commented-out pulled SQL made runnable)");
        String sql = project.read("0000_parched_penance.sql");
        assertThat(sql).startsWith("-- Pulled by drizzle-kit").contains("CREATE TABLE \"users\" (").doesNotContain("/*", "*/");
        String snapshot = project.read("meta/0000_snapshot.json");
        assertThat(snapshot).contains("\"prevId\" : \"00000000-0000-0000-0000-000000000000\"")
                .doesNotContain("\"id\" : \"00000000-0000-0000-0000-000000000000\"");
        assertThat(project.sleet("check").exitCode()).isZero();

        // a fresh database gets the tables, the database it was pulled from would have it recorded
        Sleet migrated = project.sleet("migrate");
        assertThat(migrated.exitCode()).as(migrated.all()).isZero();
        assertThat(project.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).containsExactly("5");
    }

    @Test
    void beforeUpOtherCommandsExplainTheJournalWithoutAStackTrace(TestDatabase db) throws IOException {
        Project project = new Project(dir, db).schema(SEED_EDITED);
        copyDrizzleFolder("generate", project.migrations());
        Sleet drop = project.sleet("drop");
        assertThat(drop.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(drop.err()).startsWith("Error: ").contains("_journal.json").doesNotContain("unexpected", "\tat ");
    }

    @Test
    void aSleetFolderInTheCurrentFormatIsLeftAlone(TestDatabase db) throws IOException {
        Project project = new Project(dir, db).schema(CheckCliTest.table("Users", "users", "name"));
        assertThat(project.sleet("generate").exitCode()).isZero();
        long before = Files.getLastModifiedTime(project.migrations().resolve("meta/0000_snapshot.json")).toMillis();
        Sleet up = project.sleet("up");
        assertThat(up.exitCode()).isZero();
        assertThat(up.out()).contains("is in the current format (snapshot version 1); nothing rewritten");
        assertThat(Files.getLastModifiedTime(project.migrations().resolve("meta/0000_snapshot.json")).toMillis()).isEqualTo(before);
    }
}
