package dev.sleet.cli;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** push: plan, data-loss warnings with row counts, confirmation, one transaction. */
@ExtendWith(PostgresExtension.class)
class PushCliTest {

    @TempDir
    Path dir;

    static final String USERS = """
            public static final Users USERS = new Users();

            public static final class Users extends Table<Users> {
                public final Column<Integer> id = serial("id").primaryKey();
                public final Column<String> name = varchar("name", 100);
                public final Column<String> bio = text("bio");
                public Users() { super("users"); }
            }
            """;

    /** bio dropped, name narrowed to varchar(10), a new column. */
    static final String USERS_NARROWED = """
            public static final Users USERS = new Users();

            public static final class Users extends Table<Users> {
                public final Column<Integer> id = serial("id").primaryKey();
                public final Column<String> name = varchar("name", 10);
                public final Column<Integer> age = integer("age");
                public Users() { super("users"); }
            }
            """;

    private Project seeded(TestDatabase db) {
        Project project = new Project(dir, db).schema(USERS);
        Sleet created = project.sleet("push");
        assertThat(created.exitCode()).as(created.all()).isZero();
        db.execute("INSERT INTO users (name, bio) VALUES ('Ann', 'likes snow'), ('Bartholomew Longname', 'skis'), ('Cy', NULL)");
        return project;
    }

    @Test
    void anEmptyDatabaseIsPushedWithoutQuestionsAndASecondPushHasNoChanges(TestDatabase db) {
        Project project = new Project(dir, db).schema(USERS);
        Sleet pushed = project.sleet("push");
        assertThat(pushed.exitCode()).as(pushed.all()).isZero();
        assertThat(pushed.out()).contains("Push plan for postgres@", "(1 statement, one transaction)", "CREATE TABLE \"users\" (",
                "Pushed 1 statement to");
        assertThat(pushed.err()).doesNotContain("data loss");
        assertThat(project.query("SELECT count(*) FROM users")).containsExactly("0");
        assertThat(project.files()).isEmpty(); // push writes no migration

        Sleet again = project.sleet("push");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("No changes:", "already matches the schema code");
    }

    @Test
    void dataLossWithoutATerminalIsRefusedNamingTheRowsAndChangesNothing(TestDatabase db) {
        Project project = seeded(db);
        project.schema(USERS_NARROWED);

        Sleet refused = project.sleet("push", "--create", "public.users.age");

        assertThat(refused.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(refused.out()).contains("ALTER TABLE \"users\" ADD COLUMN \"age\" integer;",
                "ALTER TABLE \"users\" ALTER COLUMN \"name\" SET DATA TYPE varchar(10);", "ALTER TABLE \"users\" DROP COLUMN \"bio\";");
        assertThat(refused.err()).contains(
                "Warning: data loss: this changes the type of public.users.name from varchar(100) to varchar(10): 1 row holds values longer than 10 characters",
                "Warning: data loss: this drops column public.users.bio, which holds values in 2 rows",
                "Refusing to push without confirmation: 2 changes lose data", "Nothing was changed", "--force")
                .doesNotContain("\tat ");
        assertUnchanged(project);

        FakeTerminal no = new FakeTerminal("n");
        Sleet cancelled = project.sleet(no, "push", "--create", "public.users.age");
        assertThat(cancelled.exitCode()).isZero();
        assertThat(no.prompts).containsExactly("Apply these 3 statements to " + "postgres@" + TestDatabase.HOST + ":" + TestDatabase.PORT
                + "/" + db.name() + ", losing the data above? [y/N] ");
        assertThat(cancelled.out()).contains("Push cancelled; nothing was changed");
        assertUnchanged(project);
    }

    @Test
    void forceAppliesInOneTransactionSoAFailingStatementLeavesNothingApplied(TestDatabase db) {
        Project project = seeded(db);
        project.schema(USERS_NARROWED);

        // 'Bartholomew Longname' does not fit varchar(10): PostgreSQL refuses the third statement
        Sleet failed = project.sleet("push", "--force", "--create", "public.users.age");

        assertThat(failed.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(failed.err()).contains("Push failed at statement 2 of 3", "SET DATA TYPE varchar(10)",
                "value too long for type character varying(10)", "The transaction was rolled back: nothing was changed");
        // the ADD COLUMN before it was rolled back too
        assertUnchanged(project);

        db.execute("UPDATE users SET name = 'Bart' WHERE name = 'Bartholomew Longname'");
        Sleet pushed = project.sleet("push", "--force", "--create", "public.users.age");
        assertThat(pushed.exitCode()).as(pushed.all()).isZero();
        assertThat(pushed.err()).contains("data loss: this drops column public.users.bio, which holds values in 2 rows")
                .doesNotContain("changes the type");
        assertThat(pushed.out()).contains("--force: applying despite the data loss above", "Pushed 3 statements");
        assertThat(project.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'users' ORDER BY ordinal_position"))
                .containsExactly("id", "name", "age");
        assertThat(project.query("SELECT name FROM users ORDER BY id")).containsExactly("Ann", "Bart", "Cy");
    }

    @Test
    void confirmingOnATerminalApplies(TestDatabase db) {
        Project project = seeded(db);
        db.execute("UPDATE users SET name = 'Bart' WHERE name = 'Bartholomew Longname'");
        project.schema(USERS_NARROWED);

        // first "is age bio renamed?" (1: no, it is new), then "apply?"
        FakeTerminal person = new FakeTerminal("1", "yes");
        Sleet pushed = project.sleet(person, "push", "--verbose");

        assertThat(pushed.exitCode()).as(pushed.all()).isZero();
        assertThat(person.prompts).hasSize(2);
        assertThat(person.prompts.get(0)).contains("? Is column public.users.age new");
        assertThat(pushed.out()).contains("[1/3] ALTER TABLE \"users\" ADD COLUMN \"age\" integer;", "[3/3] ALTER TABLE \"users\" DROP COLUMN \"bio\";");
        assertThat(project.query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'bio'"))
                .containsExactly("0");
    }

    @Test
    void strictAsksEvenWithoutDataLoss(TestDatabase db) {
        Project project = new Project(dir, db).schema(USERS);

        Sleet refused = project.sleet("push", "--strict");
        assertThat(refused.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(refused.err()).contains("--strict asks before every push", "Nothing was changed");
        assertThat(project.query("SELECT count(*) FROM pg_tables WHERE tablename = 'users'")).containsExactly("0");

        FakeTerminal yes = new FakeTerminal("y");
        assertThat(project.sleet(yes, "push", "--strict").exitCode()).isZero();
        assertThat(yes.prompts).hasSize(1);
        assertThat(project.query("SELECT count(*) FROM pg_tables WHERE tablename = 'users'")).containsExactly("1");
    }

    @Test
    void aRenameKeepsTheRowsAndOpenQuestionsChangeNothing(TestDatabase db) {
        Project project = seeded(db);
        project.schema(USERS.replace("text(\"bio\")", "text(\"about\")"));

        Sleet refused = project.sleet("push", "--force");
        assertThat(refused.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(refused.err()).contains("nothing was changed", "--rename public.users.bio=public.users.about", "--create public.users.about");
        assertUnchanged(project);

        Sleet pushed = project.sleet("push", "--rename", "public.users.bio=public.users.about");
        assertThat(pushed.exitCode()).as(pushed.all()).isZero();
        assertThat(pushed.out()).contains("ALTER TABLE \"users\" RENAME COLUMN \"bio\" TO \"about\";");
        assertThat(pushed.err()).doesNotContain("data loss");
        assertThat(project.query("SELECT about FROM users WHERE about IS NOT NULL ORDER BY id")).containsExactly("likes snow", "skis");
    }

    @Test
    void theDbOptionTakesAUrlWhosePasswordIsNeverPrinted(TestDatabase db) {
        Project project = new Project(dir, db).withoutCredentials().schema(USERS);
        assertThat(project.sleet("push").err()).contains("[dbCredentials] is not set");
        String url = "postgresql://" + TestDatabase.USER + ":Sup3rSecret@" + TestDatabase.HOST + ":" + TestDatabase.PORT + "/" + db.name();
        Sleet pushed = project.sleet("push", "--db", url, "--verbose");
        assertThat(pushed.exitCode()).as(pushed.all()).isZero();
        assertThat(pushed.all()).doesNotContain("Sup3rSecret");
        assertThat(project.query("SELECT count(*) FROM pg_tables WHERE tablename = 'users'")).containsExactly("1");
    }

    private static void assertUnchanged(Project project) {
        assertThat(project.query("SELECT column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '') "
                + "FROM information_schema.columns WHERE table_name = 'users' ORDER BY ordinal_position"))
                .containsExactly("id integer", "name character varying(100)", "bio text");
        assertThat(project.query("SELECT coalesce(name, '-') || '/' || coalesce(bio, '-') FROM users ORDER BY id"))
                .containsExactly("Ann/likes snow", "Bartholomew Longname/skis", "Cy/-");
    }
}
