package dev.sleet.cli;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pulled migration that drops what holds data runs on every other database too: pull asks, or
 * refuses without writing anything, unless {@code --accept-drops}.
 */
@ExtendWith(PostgresExtension.class)
class PullDropsCliTest {

    private static final String TABLES = "CREATE TABLE users (id serial PRIMARY KEY, name text, bio text);"
            + "CREATE TABLE posts (id serial PRIMARY KEY, title text);"
            + "INSERT INTO users (name, bio) VALUES ('Ann', 'skis'); INSERT INTO posts (title) VALUES ('Snow');";

    @TempDir
    Path dir;

    private Project pulled(TestDatabase db) {
        db.execute(TABLES);
        Project project = new Project(dir, db);
        Sleet pulled = project.sleet("pull");
        assertThat(pulled.exitCode()).as(pulled.all()).isZero();
        return project;
    }

    @Test
    void pullOfAnEmptyDatabaseIsRefusedAskingWhetherItIsTheRightOneAndWritesNothing(TestDatabase db, TestDatabase empty) {
        Project wrong = pulled(db).on(empty);
        Map<String, String> before = wrong.contents();

        Sleet refused = wrong.sleet("pull");

        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(Main.EXIT_ERROR);
        assertThat(refused.err()).contains("Pulled no tables from postgres@" + TestDatabase.HOST + ":" + TestDatabase.PORT + "/"
                        + empty.name(), "the migration history has 2 (public.posts, public.users)",
                "Does the config point at the right database?", "Nothing was written", "--accept-drops")
                .doesNotContain("\tat ");
        assertThat(wrong.contents()).isEqualTo(before);
        // The database the history came from is untouched by the attempt, and still matches.
        assertThat(pulledAgain(wrong.on(db))).contains("already matches");
    }

    private static String pulledAgain(Project project) {
        Sleet again = project.sleet("pull");
        assertThat(again.exitCode()).as(again.all()).isZero();
        return again.out();
    }

    @Test
    void droppedTablesAndColumnsAreListedAndWrittenOnlyWithAcceptDrops(TestDatabase db, TestDatabase other) {
        Project project = pulled(db);
        Project elsewhere = project.on(other);
        assertThat(elsewhere.sleet("migrate").exitCode()).isZero();
        other.execute("INSERT INTO users (name, bio) VALUES ('Bob', 'sleds'); INSERT INTO posts (title) VALUES ('Ice')");
        db.execute("DROP TABLE posts; ALTER TABLE users DROP COLUMN bio; ALTER TABLE users ADD COLUMN age int;");
        Map<String, String> before = project.contents();

        Sleet refused = project.sleet("pull", "--create", "public.users.age");

        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(Main.EXIT_ERROR);
        assertThat(refused.err()).contains("drops 2 objects that hold data", "table public.posts", "column public.users.bio",
                "on every database it runs on", "Nothing was written", "--accept-drops");
        assertThat(project.contents()).isEqualTo(before);

        Sleet accepted = project.sleet("pull", "--create", "public.users.age", "--accept-drops");

        assertThat(accepted.exitCode()).as(accepted.all()).isZero();
        assertThat(accepted.err()).contains("table public.posts", "column public.users.bio");
        String migration = project.read(project.files().stream().filter(f -> f.startsWith("0001_")).findFirst().orElseThrow());
        assertThat(migration).startsWith("-- Pulled by sleet pull").contains(
                "-- It DROPS these objects, with their data, on every database it runs on where they still exist",
                "--   table public.posts", "--   column public.users.bio", "-- (accepted with --accept-drops)",
                "DROP TABLE \"posts\"");
        assertThat(project.schemaCode()).doesNotContain("\"posts\"", "\"bio\"").contains("\"age\"");
        // Recorded where it was pulled from; run, dropping the data, where the objects still exist.
        assertThat(project.sleet("migrate").out()).contains("recorded");
        Sleet migrated = elsewhere.sleet("migrate");
        assertThat(migrated.exitCode()).as(migrated.all()).isZero();
        assertThat(elsewhere.query("SELECT count(*) FROM pg_tables WHERE tablename = 'posts'")).containsExactly("0");
        assertThat(elsewhere.query("SELECT name || ':' || coalesce(age, 0) FROM users ORDER BY id")).containsExactly("Bob:0");
    }

    @Test
    void theTerminalIsAskedAndNoWritesNothing(TestDatabase db) {
        Project project = pulled(db);
        db.execute("DROP TABLE posts");
        Map<String, String> before = project.contents();

        FakeTerminal no = new FakeTerminal("n");
        Sleet declined = project.sleet(no, "pull");

        assertThat(declined.exitCode()).as(declined.all()).isZero();
        assertThat(no.prompts).singleElement().asString().contains("table public.posts", "Write it?");
        assertThat(declined.out()).contains("Pull cancelled; nothing was written");
        assertThat(project.contents()).isEqualTo(before);

        FakeTerminal yes = new FakeTerminal("y");
        Sleet confirmed = project.sleet(yes, "pull");

        assertThat(confirmed.exitCode()).as(confirmed.all()).isZero();
        assertThat(yes.prompts).hasSize(1);
        assertThat(project.files()).anyMatch(f -> f.startsWith("0001_"));
        String migration = project.read(project.files().stream().filter(f -> f.startsWith("0001_")).findFirst().orElseThrow());
        assertThat(migration).contains("--   table public.posts", "-- (confirmed on the terminal)");

        // --no-interactive never asks: refused as without a terminal.
        db.execute("DROP TABLE users");
        FakeTerminal unused = new FakeTerminal("y");
        Sleet scripted = project.sleet(unused, "pull", "--no-interactive");
        assertThat(scripted.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(unused.prompts).isEmpty();
    }

    @Test
    void anEmptyDatabaseOnATerminalIsQuestionedAsPossiblyTheWrongOne(TestDatabase db, TestDatabase empty) {
        Project wrong = pulled(db).on(empty);
        Map<String, String> before = wrong.contents();
        FakeTerminal no = new FakeTerminal("n");

        Sleet declined = wrong.sleet(no, "pull");

        assertThat(declined.exitCode()).as(declined.all()).isZero();
        assertThat(no.prompts).singleElement().asString().contains("has none of the 2 tables", "right database", empty.name());
        assertThat(wrong.contents()).isEqualTo(before);
    }

    @Test
    void sequencesMaterializedViewsAndEnumTypesInUseHoldDataButIndexesAndViewsDoNot(TestDatabase db) {
        db.execute("CREATE TYPE mood AS ENUM ('up', 'down'); CREATE SEQUENCE tickets;"
                + "CREATE TABLE notes (id int PRIMARY KEY, m mood, body text); CREATE INDEX notes_body ON notes (body);"
                + "CREATE VIEW v AS SELECT id FROM notes; CREATE MATERIALIZED VIEW mv AS SELECT id FROM notes;");
        Project project = new Project(dir, db);
        assertThat(project.sleet("pull").exitCode()).isZero();

        db.execute("DROP INDEX notes_body; DROP VIEW v;");
        Sleet harmless = project.sleet("pull");
        assertThat(harmless.exitCode()).as(harmless.all()).isZero();

        db.execute("DROP MATERIALIZED VIEW mv; DROP SEQUENCE tickets; ALTER TABLE notes DROP COLUMN m; DROP TYPE mood;");
        Sleet refused = project.sleet("pull");
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(Main.EXIT_ERROR);
        assertThat(refused.err()).contains("drops 4 objects that hold data", "materialized view public.mv", "sequence public.tickets",
                "column public.notes.m", "enum type public.mood");
    }

    @Test
    void aPlainColumnTurnedGeneratedDropsItsValuesButAGeneratedOneRedefinedDoesNot(TestDatabase db) {
        db.execute("CREATE TABLE users (id serial PRIMARY KEY, name text, bio text,"
                + " shout text GENERATED ALWAYS AS (upper(name)) STORED); INSERT INTO users (name, bio) VALUES ('Ann', 'skis');");
        Project project = new Project(dir, db);
        assertThat(project.sleet("pull").exitCode()).isZero();

        db.execute("ALTER TABLE users DROP COLUMN shout; ALTER TABLE users ADD COLUMN shout text GENERATED ALWAYS AS (lower(name)) STORED;");
        Sleet harmless = project.sleet("pull");
        assertThat(harmless.exitCode()).as(harmless.all()).isZero();

        // on every other database the migration drops bio, with the values it holds there, and computes new ones
        db.execute("ALTER TABLE users DROP COLUMN bio; ALTER TABLE users ADD COLUMN bio text GENERATED ALWAYS AS (name) STORED;");
        Sleet refused = project.sleet("pull");
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(Main.EXIT_ERROR);
        assertThat(refused.err()).contains("drops 1 object that holds data", "column public.users.bio");
    }
}
