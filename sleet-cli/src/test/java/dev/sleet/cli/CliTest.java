package dev.sleet.cli;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(PostgresExtension.class)
class CliTest {

    @TempDir
    Path dir;

    private Path config(String body) throws IOException {
        Path file = dir.resolve("sleet.toml");
        Files.writeString(file, "dialect = \"postgresql\"\nout = \"./migrations\"\n" + body);
        return file;
    }

    private static String credentials(TestDatabase db) {
        return "[dbCredentials]\nhost = \"" + TestDatabase.HOST + "\"\nport = " + TestDatabase.PORT
                + "\nuser = \"" + TestDatabase.USER + "\"\ndatabase = \"" + db.name() + "\"\n";
    }

    @Test
    void helpListsTheCommands() {
        Sleet result = Sleet.run("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("pull", "generate", "migrate");
        assertThat(Sleet.run("generate", "--help").out()).contains("--name", "--custom", "--config");
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrors() {
        assertThat(Sleet.run("frobnicate").exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(Sleet.run("pull", "--bogus").exitCode()).isEqualTo(Main.EXIT_USAGE);
    }

    @Test
    void badConfigIsOneMessageWithoutAStackTrace() throws IOException {
        Path file = config("shema = [\"x\"]\n");
        Sleet result = Sleet.run("generate", file);
        assertThat(result.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(result.err()).startsWith("Error: ").contains("unknown key", "`shema`").doesNotContain("\tat ");

        Sleet missing = Sleet.run("pull", dir.resolve("nope.toml"));
        assertThat(missing.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(missing.err()).contains("nope.toml", "not found");
    }

    @Test
    void unreachableDatabaseNamesTheHostButNeverThePassword() throws IOException {
        Path file = config("[dbCredentials]\nurl = \"postgresql://app:Sup3rSecret@127.0.0.1:1/jira\"\n");
        Sleet result = Sleet.run("pull", file);
        assertThat(result.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(result.err()).contains("Cannot connect", "app@127.0.0.1:1/jira").doesNotContain("Sup3rSecret").doesNotContain("\tat ");

        Sleet verbose = Sleet.run("pull", file, "--verbose");
        assertThat(verbose.err()).contains("\tat ").doesNotContain("Sup3rSecret");
    }

    @Test
    void schemaThatDoesNotCompileShowsJavacFileAndLineAndWritesNothing(TestDatabase db) throws IOException {
        Path source = dir.resolve("schema/Schema.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package app;

                import dev.sleet.schema.Column;
                import dev.sleet.schema.Table;

                public final class Schema {
                    public static final Users USERS = new Users();

                    public static final class Users extends Table<Users> {
                        public final Column<Integer> id = serial("id").primaryKey()
                        public Users() { super("users"); }
                    }
                }
                """);
        Path file = config("schema = [\"./schema\"]\n" + credentials(db));
        Sleet result = Sleet.run("generate", file);
        assertThat(result.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(result.err()).contains("Schema.java:10").doesNotContain("\tat ");
        assertThat(dir.resolve("migrations")).doesNotExist();
    }

    @Test
    void missingSchemaFileIsNamed() throws IOException {
        Path file = config("schema = [\"./src/Schema.java\"]\n");
        Sleet result = Sleet.run("generate", file);
        assertThat(result.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(result.err()).contains("Schema.java", "not found");
    }

    @Test
    void everyTypeAndModifierRoundTripsThroughGenerateMigratePullGenerate(TestDatabase db) throws IOException {
        // generate from hand-written code with every type and modifier
        Path fixture = Path.of("../sleet-kit/src/test/java/dev/sleet/kit/fixtures/AllTypesSchema.java");
        Path source = dir.resolve("code/AllTypesSchema.java");
        Files.createDirectories(source.getParent());
        Files.copy(fixture, source);
        Path codeConfig = config("schema = [\"./code/*.java\"]\nschemaFilter = [\"public\", \"audit\"]\n" + credentials(db));
        Sleet generated = Sleet.run("generate", codeConfig);
        assertThat(generated.exitCode()).as(generated.all()).isZero();
        assertThat(Sleet.run("generate", codeConfig).out()).contains("No schema changes");

        // migrate into the empty database, twice
        Sleet migrated = Sleet.run("migrate", codeConfig);
        assertThat(migrated.exitCode()).as(migrated.all()).isZero();
        assertThat(migrated.out()).contains("Applied 1");
        assertThat(Sleet.run("migrate", codeConfig).out()).contains("Nothing to migrate");

        // pull it back into a second project, then generate from the pulled code: no changes
        Path pulledDir = dir.resolve("pulled");
        Files.createDirectories(pulledDir);
        Path pulledConfig = pulledDir.resolve("sleet.toml");
        Files.writeString(pulledConfig, "dialect = \"postgresql\"\nout = \"./db\"\npackage = \"app.db\"\n"
                + "schema = [\"./db/Schema.java\", \"./db/Relations.java\"]\nschemaFilter = [\"public\", \"audit\"]\n" + credentials(db));
        Sleet pulled = Sleet.run("pull", pulledConfig);
        assertThat(pulled.exitCode()).as(pulled.all()).isZero();
        assertThat(pulled.err()).doesNotContain("Warning");
        Sleet regenerated = Sleet.run("generate", pulledConfig);
        assertThat(regenerated.exitCode()).as(regenerated.all()).isZero();
        assertThat(regenerated.out()).contains("No schema changes");

        // pulling again changes no file
        long before = newest(pulledDir);
        Sleet again = Sleet.run("pull", pulledConfig);
        assertThat(again.out()).contains("already matches", "up to date");
        assertThat(newest(pulledDir)).isEqualTo(before);
    }

    @Test
    void customMigrationIsAnEmptyFileThatMigrates(TestDatabase db) throws IOException {
        Path file = config(credentials(db));
        Sleet custom = Sleet.run("generate", file, "--custom", "--name", "seed data");
        assertThat(custom.exitCode()).as(custom.all()).isZero();
        Path sql = dir.resolve("migrations/0000_seed_data.sql");
        assertThat(sql).exists();
        Files.writeString(sql, Files.readString(sql) + "CREATE TABLE hand_written (id int);\n");
        Sleet migrated = Sleet.run("migrate", file);
        assertThat(migrated.exitCode()).as(migrated.all()).isZero();
        db.execute("SELECT id FROM hand_written");
    }

    private static long newest(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().lastModified()).max().orElse(0);
        }
    }
}
