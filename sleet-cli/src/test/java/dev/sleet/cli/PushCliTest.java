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
        // the change that loses the counted values is planned without its guard: confirming means accepting the loss
        assertThat(refused.out()).contains("ALTER TABLE \"users\" ADD COLUMN \"age\" integer;",
                "-- Loss accepted: public.users.name: varchar(100) -> varchar(10), values longer than 10 characters are cut.",
                "ALTER TABLE \"users\" ALTER COLUMN \"name\" SET DATA TYPE varchar(10) USING \"name\"::varchar(10);",
                "ALTER TABLE \"users\" DROP COLUMN \"bio\";").doesNotContain("LOCK TABLE");
        assertThat(refused.err()).contains("Warning: data loss: this changes the type of public.users.name from varchar(100) to varchar(10): "
                        + "1 row would change (values longer than 10 characters are cut)",
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
        db.execute("UPDATE users SET bio = NULL WHERE name = 'Cy'; INSERT INTO users (name) VALUES (NULL)");
        project.schema(USERS_NARROWED.replace("varchar(\"name\", 10)", "varchar(\"name\", 10).notNull()"));

        // a NULL name cannot be NOT NULL, forced or not: PostgreSQL refuses the third statement
        Sleet failed = project.sleet("push", "--force", "--create", "public.users.age");

        assertThat(failed.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(failed.err()).contains("Push failed at statement 3 of 4", "SET NOT NULL",
                "contains null values", "The transaction was rolled back: nothing was changed");
        // the ADD COLUMN and the type change before it were rolled back too
        assertThat(project.query("SELECT coalesce(name, '-') FROM users ORDER BY id")).containsExactly("Ann", "Bartholomew Longname", "Cy", "-");

        db.execute("DELETE FROM users WHERE name IS NULL");
        Sleet pushed = project.sleet("push", "--force", "--create", "public.users.age");
        assertThat(pushed.exitCode()).as(pushed.all()).isZero();
        assertThat(pushed.err()).contains("data loss: this drops column public.users.bio, which holds values in 2 rows",
                "data loss: this changes the type of public.users.name from varchar(100) to varchar(10): 1 row would change");
        assertThat(pushed.out()).contains("--force: applying despite the data loss above", "Pushed 4 statements");
        assertThat(project.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'users' ORDER BY ordinal_position"))
                .containsExactly("id", "name", "age");
        // the loss --force accepted: a name cut to 10 characters
        assertThat(project.query("SELECT name FROM users ORDER BY id")).containsExactly("Ann", "Bartholome", "Cy");
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
        // every name fits: the type change keeps its guard, in case rows change before the push
        assertThat(pushed.out()).contains("[1/4] ALTER TABLE \"users\" ADD COLUMN \"age\" integer;", "[2/4] DO $sleet_guard$",
                "[4/4] ALTER TABLE \"users\" DROP COLUMN \"bio\";");
        assertThat(project.query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'bio'"))
                .containsExactly("0");
    }

    static final String ITEMS = """
            public static final Items ITEMS = new Items();

            public static final class Items extends Table<Items> {
                public final Column<Integer> id = serial("id").primaryKey();
                public final Column<String[]> tags = text("tags").array();
                public final Column<java.time.OffsetDateTime> at = timestamptz("at");
                public final Column<Double> ratio = doublePrecision("ratio");
                public Items() { super("items"); }
            }
            """;

    /** Each column to a type that may not keep its values: an array to one value, an instant to a date, double to real. */
    static final String ITEMS_NARROWED = ITEMS.replace("Column<String[]> tags = text(\"tags\").array()", "Column<String> tags = text(\"tags\")")
            .replace("Column<java.time.OffsetDateTime> at = timestamptz(\"at\")", "Column<java.time.LocalDate> at = date(\"at\")")
            .replace("Column<Double> ratio = doublePrecision(\"ratio\")", "Column<Float> ratio = real(\"ratio\")");

    @Test
    void lossyTypeChangesAreCountedByTheRuleGenerateGuardsThemBy(TestDatabase db) {
        Project project = new Project(dir, db).schema(ITEMS);
        assertThat(project.sleet("push").exitCode()).isZero();
        db.execute("INSERT INTO items (tags, at, ratio) VALUES ('{a}', '2024-01-01 00:00:00+00', 0.5)");
        project.schema(ITEMS_NARROWED);

        // every value survives: no data loss, and each change is pushed behind its guard
        Sleet kept = project.sleet("push");
        assertThat(kept.exitCode()).as(kept.all()).isZero();
        assertThat(kept.err()).doesNotContain("data loss");
        assertThat(kept.out()).contains("LOCK TABLE \"public\".\"items\"", "Pushed 6 statements");
        assertThat(project.query("SELECT tags || ' ' || at || ' ' || ratio FROM items")).containsExactly("a 2024-01-01 0.5");

        project.schema(ITEMS);
        assertThat(project.sleet("push").exitCode()).isZero();
        db.execute("INSERT INTO items (tags, at, ratio) VALUES ('{a,b}', '2024-01-01 10:00:00+00', 0.1)");
        project.schema(ITEMS_NARROWED);

        Sleet refused = project.sleet("push");
        assertThat(refused.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(refused.err()).contains(
                "this changes the type of public.items.tags from text[] to text: 1 row would change (only the first element of each array is kept)",
                "this changes the type of public.items.at from timestamptz to date: 1 row would change (the time of day and the time zone are dropped)",
                "this changes the type of public.items.ratio from double precision to real: 1 row would change (values are rounded to the precision of real)",
                "3 changes lose data");
        assertThat(project.query("SELECT count(*) FROM items WHERE tags = '{a,b}' AND ratio = 0.1")).containsExactly("1");

        Sleet forced = project.sleet("push", "--force");
        assertThat(forced.exitCode()).as(forced.all()).isZero();
        assertThat(forced.out()).contains("-- Loss accepted: public.items.tags").doesNotContain("LOCK TABLE");
        assertThat(project.query("SELECT tags || ' ' || at FROM items ORDER BY id")).containsExactly("a 2024-01-01", "a 2024-01-01");
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
