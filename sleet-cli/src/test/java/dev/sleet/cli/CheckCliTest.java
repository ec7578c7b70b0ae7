package dev.sleet.cli;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** check: the folder's consistency, the database's applied migrations and drift. */
@ExtendWith(PostgresExtension.class)
class CheckCliTest {

    @TempDir
    Path dir;

    static String table(String javaName, String sqlName, String... extraColumns) {
        StringBuilder columns = new StringBuilder();
        for (String column : extraColumns) {
            columns.append("    public final Column<String> ").append(column).append(" = varchar(\"").append(column).append("\", 50);\n");
        }
        return "public static final " + javaName + " " + javaName.toUpperCase() + " = new " + javaName + "();\n\n"
                + "public static final class " + javaName + " extends Table<" + javaName + "> {\n"
                + "    public final Column<Integer> id = serial(\"id\").primaryKey();\n" + columns
                + "    public " + javaName + "() { super(\"" + sqlName + "\"); }\n}\n";
    }

    /** Two migrations, 0000_users and 0001_posts; a null database leaves [dbCredentials] out. */
    private Project generated(TestDatabase db) {
        Project project = new Project(dir, db).schema(table("Users", "users", "name"));
        assertThat(project.sleet("generate", "--name", "users").exitCode()).isZero();
        project.schema(table("Users", "users", "name") + table("Posts", "posts", "title"));
        assertThat(project.sleet("generate", "--name", "posts").exitCode()).isZero();
        return project;
    }

    private Project migrated(TestDatabase db) {
        Project project = generated(db);
        assertThat(project.sleet("migrate").exitCode()).isZero();
        return project;
    }

    @Test
    void aConsistentFolderAndAnUpToDateDatabasePass(TestDatabase db) {
        Project project = migrated(db);
        Sleet check = project.sleet("check");
        assertThat(check.exitCode()).as(check.all()).isZero();
        assertThat(check.out()).contains("Migrations folder migrations: 2 migrations, consistent",
                ": 2 applied, 0 pending", "No drift", "Everything is consistent");
        assertThat(check.err()).isEmpty();
    }

    @Test
    void aChangedAMissingAndAnUnknownMigrationAreReported(TestDatabase db) throws IOException {
        Project project = migrated(db);
        Path file = project.migrations().resolve("0000_users.sql");
        Files.writeString(file, Files.readString(file) + "-- edited after it was applied\n");
        db.execute("INSERT INTO sleet.__sleet_migrations (tag, hash, mode) VALUES ('0007_lost', 'abc', 'run')");

        Sleet check = project.sleet("check");

        assertThat(check.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(check.err()).contains("sleet check found 2 problems",
                "0000_users.sql was changed after it was applied to postgres@",
                "0007_lost is applied to postgres@", "but is not in the journal").doesNotContain("\tat ");
    }

    @Test
    void missingAndStrayFilesAreReported() throws IOException {
        Project project = generated(null);
        assertThat(project.sleet("check").exitCode()).isZero();
        assertThat(project.sleet("check").out()).contains("No database configured");

        Files.delete(project.migrations().resolve("0001_posts.sql"));
        Files.delete(project.migrations().resolve("meta/0000_snapshot.json"));
        Files.writeString(project.migrations().resolve("0002_stray.sql"), "SELECT 1;\n");
        Files.writeString(project.migrations().resolve("meta/0005_snapshot.json"), "{}");

        Sleet check = project.sleet("check");
        assertThat(check.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(check.err()).contains("4 problems",
                "0001_posts.sql is listed in the journal but missing",
                "meta/0000_snapshot.json (the schema after 0000_users) is missing",
                "0002_stray.sql is not in the journal",
                "meta/0005_snapshot.json belongs to no migration in the journal");
    }

    @Test
    void parallelBranchesAreReportedAndFixedByDropAndGenerate(TestDatabase db) throws IOException {
        Project project = new Project(dir, db).schema(table("Users", "users", "name"));
        assertThat(project.sleet("generate", "--name", "users").exitCode()).isZero();
        Path folder = project.migrations();
        String journalAtBase = Files.readString(folder.resolve("meta/_journal.json"));

        // branch b: adds tags, generated as 0001_tags
        project.schema(table("Users", "users", "name") + table("Tags", "tags", "label"));
        assertThat(project.sleet("generate", "--name", "tags").exitCode()).isZero();
        String tagsSql = Files.readString(folder.resolve("0001_tags.sql"));
        String tagsSnapshot = Files.readString(folder.resolve("meta/0001_snapshot.json"));
        String tagsEntry = Files.readString(folder.resolve("meta/_journal.json"));
        tagsEntry = tagsEntry.substring(tagsEntry.indexOf("{", tagsEntry.indexOf("0001_tags") - 60), tagsEntry.lastIndexOf("}", tagsEntry.lastIndexOf("]")) + 1);

        // branch a (merged first): back to the base, adds posts as 0001_posts
        Files.delete(folder.resolve("0001_tags.sql"));
        Files.delete(folder.resolve("meta/0001_snapshot.json"));
        Files.writeString(folder.resolve("meta/_journal.json"), journalAtBase);
        project.schema(table("Users", "users", "name") + table("Posts", "posts", "title"));
        assertThat(project.sleet("generate", "--name", "posts").exitCode()).isZero();

        // the merge: b's migration renumbered to 0002, its snapshot still follows 0000
        Files.writeString(folder.resolve("0002_tags.sql"), tagsSql);
        Files.writeString(folder.resolve("meta/0002_snapshot.json"), tagsSnapshot);
        String journal = Files.readString(folder.resolve("meta/_journal.json"));
        int end = journal.lastIndexOf("}", journal.lastIndexOf("]"));
        Files.writeString(folder.resolve("meta/_journal.json"), journal.substring(0, end + 1) + ",\n    "
                + tagsEntry.replace("0001_tags", "0002_tags").replace("\"idx\": 1", "\"idx\": 2").strip() + journal.substring(end + 1));
        project.schema(table("Users", "users", "name") + table("Posts", "posts", "title") + table("Tags", "tags", "label"));

        Sleet check = project.sleet("check");
        assertThat(check.exitCode()).as(check.all()).isEqualTo(Main.EXIT_ERROR);
        assertThat(check.err()).contains("0001_posts and 0002_tags both follow 0000_users: parallel branches",
                "0002_tags was generated without the changes of 0001_posts",
                "If 0002_tags is not applied to any database, remove it with `sleet drop` and run `sleet generate` again");

        // the fix it names
        Sleet dropped = project.sleet("drop");
        assertThat(dropped.exitCode()).as(dropped.all()).isZero();
        Sleet regenerated = project.sleet("generate", "--name", "tags");
        assertThat(regenerated.exitCode()).as(regenerated.all()).isZero();
        assertThat(project.read("0002_tags.sql")).contains("CREATE TABLE \"tags\"").doesNotContain("posts");
        Sleet fixed = project.sleet("check");
        assertThat(fixed.exitCode()).as(fixed.all()).isZero();
    }

    @Test
    void driftIsNamedInPlainWords(TestDatabase db) {
        Project project = migrated(db);
        project.schema(table("Users", "users", "name") + table("Posts", "posts", "title") + table("Tags", "tags", "label"));
        assertThat(project.sleet("generate", "--name", "tags").exitCode()).isZero();
        db.execute("""
                ALTER TABLE users ADD COLUMN extra integer;
                ALTER TABLE users ALTER COLUMN name TYPE text;
                ALTER TABLE posts DROP COLUMN title;
                CREATE INDEX users_name_idx ON users (name);
                CREATE TABLE stray (x int);
                """);

        Sleet check = project.sleet("check");

        assertThat(check.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(check.out()).contains("2 applied, 1 pending", "pending: 0002_tags",
                "differs from the schema after 0001_posts, the latest applied migration");
        assertThat(check.err()).contains("5 problems",
                "drift: the database has table public.stray, which the migrations do not create",
                "drift: the database has column public.users.extra, which the migrations do not create",
                "drift: column public.users.name differs: type text in the database, varchar(50) in the migrations",
                "drift: column public.posts.title is missing from the database",
                "drift: the database has index public.users_name_idx, which the migrations do not create");
    }

    @Test
    void tablesWithoutAnyRecordedMigrationAreAMissingBaseline(TestDatabase db) {
        Project project = new Project(dir, db).schema(table("Users", "users", "name") + table("Posts", "posts", "title"));
        assertThat(project.sleet("generate", "--name", "users").exitCode()).isZero();
        // The tables exist (pushed, or made by hand), but no migration is recorded: migrate would fail.
        assertThat(project.sleet("push").exitCode()).isZero();

        Sleet check = project.sleet("check");

        assertThat(check.exitCode()).as(check.all()).isEqualTo(Main.EXIT_ERROR);
        assertThat(check.out()).doesNotContain("Everything is consistent");
        assertThat(check.err()).contains("sleet check found 1 problem",
                "postgres@" + TestDatabase.HOST + ":" + TestDatabase.PORT + "/" + db.name()
                        + " has 2 tables (public.posts, public.users) but no migration is recorded as applied there",
                "no baseline", "the next `sleet migrate` would run 0000_users", "already exist", "sleet pull");
        Sleet migrate = project.sleet("migrate");
        assertThat(migrate.exitCode()).as("check foretold it").isEqualTo(Main.EXIT_ERROR);
        assertThat(migrate.err()).contains("already exists");

        // A history that starts with a pulled migration is recorded where its objects exist: no problem.
        Project pulled = new Project(dir.resolve("pulled"), db);
        assertThat(pulled.sleet("pull").exitCode()).isZero();
        Sleet recorded = pulled.sleet("check");
        assertThat(recorded.exitCode()).as(recorded.all()).isZero();
        assertThat(recorded.out()).contains("0000_", "pulled", "recorded");
    }

    @Test
    void migrationFilesWhoseMetaFolderWasDeletedStopGenerateFromStartingANewHistoryBesideThem() throws IOException {
        Project project = generated(null);
        try (var meta = Files.walk(project.migrations().resolve("meta"))) {
            for (Path file : meta.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        List<String> before = project.files();

        Sleet generate = project.sleet("generate");

        assertThat(generate.exitCode()).as(generate.all()).isEqualTo(Main.EXIT_ERROR);
        assertThat(generate.err()).contains("meta/_journal.json is missing, but migrations holds 2 migration files "
                        + "(0000_users.sql, 0001_posts.sql): was meta/ deleted?", "a new one would start at 0000 beside them",
                "Restore meta/ from version control", "delete the old migration files too", "Nothing was written");
        assertThat(project.files()).isEqualTo(before);
        Sleet check = project.sleet("check");
        assertThat(check.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(check.err()).contains("was meta/ deleted?");

        // Once the old files are gone too, the history starts over.
        for (String file : before) {
            Files.delete(project.migrations().resolve(file));
        }
        Sleet fresh = project.sleet("generate");
        assertThat(fresh.exitCode()).as(fresh.all()).isZero();
        assertThat(project.tags()).singleElement().asString().startsWith("0000_");
    }

    @Test
    void aDrizzleKitFolderIsSentToUp() throws IOException {
        Project project = new Project(dir, null);
        copyDrizzleFolder("generate", project.migrations());
        Sleet check = project.sleet("check");
        assertThat(check.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(check.err()).contains("sleet up");
    }

    static void copyDrizzleFolder(String which, Path target) throws IOException {
        // drizzle-kit 0.31's own output for the seed walkthrough (its snapshots are Sleet's "version 0")
        Path source = Path.of("src/test/resources/drizzle-kit-0.31").resolve(which);
        for (Path file : List.of(source.resolve("meta"), source)) {
            try (var files = Files.list(file)) {
                for (Path f : files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".sql") || p.toString().endsWith(".json")).toList()) {
                    Path to = target.resolve(source.relativize(f).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to);
                }
            }
        }
    }
}
