package dev.sleet.cli;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.sleet.cli.CheckCliTest.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Credentials and connections: passwords on the command line and in messages, URL forms, the
 * connect timeout, and what each kind of failed connection says. Wrong passwords need a server
 * that checks them ({@link PasswordServer}); a server that never answers is a {@link SilentServer}.
 */
@ExtendWith(PostgresExtension.class)
class ConnectionCliTest {

    @RegisterExtension
    static final PasswordServer server = new PasswordServer();

    /** Every command that talks to a database. */
    private static final List<String> DATABASE_COMMANDS = List.of("migrate", "status", "check", "pull", "push", "drop");
    private static final List<String> ALL_COMMANDS = List.of("pull", "generate", "migrate", "push", "check", "status",
            "export", "drop", "up");
    private static final String SECRET = "Sup3rSecret";

    @TempDir
    Path dir;

    /** A project with one generated migration, so every command has something to do; no [dbCredentials]. */
    private Project project() {
        return project(null);
    }

    /** As {@link #project()}, with {@code db} for {@link Project#query}. */
    private Project project(TestDatabase db) {
        Project project = new Project(dir, db).withoutCredentials().schema(table("Users", "users", "name"));
        Sleet generate = project.sleet("generate", "--name", "users");
        assertThat(generate.exitCode()).as(generate.all()).isZero();
        return project;
    }

    @Test
    void thePasswordOnTheCommandLineIsNeverPrinted() throws IOException {
        Project project = project();
        String url = "postgresql://app:" + SECRET + "@127.0.0.1:" + SilentServer.closedPort() + "/shop";
        String jdbc = "jdbc:postgresql://127.0.0.1:" + SilentServer.closedPort() + "/shop?user=app&password=" + SECRET;
        for (String command : ALL_COMMANDS) {
            for (String value : List.of(url, jdbc)) {
                Sleet withDb = project.sleet(command, "--db", value);
                assertThat(withDb.exitCode()).as(command + ": " + withDb.all()).isNotZero();
                assertThat(withDb.all()).as(command).doesNotContain(SECRET);
                Sleet unknown = project.sleet(command, "--bogus", value);
                assertThat(unknown.exitCode()).as(command).isEqualTo(Main.EXIT_USAGE);
                assertThat(unknown.err()).as(command).contains("Unknown option").doesNotContain(SECRET);
            }
        }
        Sleet masked = project.sleet("generate", "--bogus", url);
        assertThat(masked.err()).contains("'postgresql://app:****@127.0.0.1:");
        Sleet maskedParameter = project.sleet("generate", "--bogus", jdbc);
        assertThat(maskedParameter.err()).contains("?user=app&password=****");

        for (String[] args : List.of(new String[] {"--db", url}, new String[] {"frobnicate", url},
                new String[] {"status", "--config", url}, new String[] {"status", "--config", url, "--verbose"},
                new String[] {"migrate", "--db", url, "--verbose"},
                new String[] {"migrate", "--db"}, new String[] {"migrate", "--db", url, "--db", url})) {
            Sleet result = Sleet.run(args);
            assertThat(result.exitCode()).as(String.join(" ", args)).isNotZero();
            assertThat(result.all()).as(String.join(" ", args)).doesNotContain(SECRET);
        }
    }

    @Test
    void migrateAndPullTakeDb(TestDatabase db) {
        Project project = project(db);
        String url = "postgresql://" + TestDatabase.USER + "@" + TestDatabase.HOST + ":" + TestDatabase.PORT + "/" + db.name();

        Sleet migrate = project.sleet("migrate", "--db", url);
        assertThat(migrate.exitCode()).as(migrate.all()).isZero();
        assertThat(project.query("SELECT count(*) FROM sleet.__sleet_migrations")).containsExactly("1");

        Sleet pull = project.sleet("pull", "--db", url);
        assertThat(pull.exitCode()).as(pull.all()).isZero();
        assertThat(pull.out()).contains(db.name());
    }

    @Test
    void aOneLetterPasswordIsMaskedAsAWholeTokenNeverInsideWords(TestDatabase db) throws IOException {
        Project project = project(db).dbCredentials(Project.credentials("sleet_missing_db") + "password = \"s\"");
        for (String command : List.of("migrate", "status")) {
            Sleet result = project.sleet(command);
            assertThat(result.exitCode()).as(result.all()).isEqualTo(Main.EXIT_ERROR);
            assertThat(result.err()).as(command).contains("FATAL: database \"sleet_missing_db\" does not exist")
                    .doesNotContain("doe****");
        }

        // SQL quoted in an error stays readable (the local server ignores the password)
        project.dbCredentials(Project.credentials(db.name()) + "password = \"s\"");
        Sleet custom = project.sleet("generate", "--custom", "--name", "broken");
        assertThat(custom.exitCode()).as(custom.all()).isZero();
        Path sql = project.migrations().resolve("0001_broken.sql");
        Files.writeString(sql, Files.readString(sql) + "SELECT missing_column FROM users;\n");
        Sleet broken = project.sleet("migrate");
        assertThat(broken.exitCode()).as(broken.all()).isEqualTo(Main.EXIT_ERROR);
        assertThat(broken.err()).contains("SELECT missing_column FROM users", "column \"missing_column\" does not exist",
                "The file's transaction was rolled back");

        Sleet usage = project.sleet("generate", "--bogus", "postgresql://app:s@127.0.0.1/shop");
        assertThat(usage.err()).contains("Unknown options: '--bogus', 'postgresql://app:****@127.0.0.1/shop'");
    }

    @Test
    void aPlusInAUrlPasswordIsAPlus() {
        PasswordServer.Login login = server.login("p+ss");
        Project project = project();

        Sleet migrate = project.sleet("migrate", "--db", login.url());
        assertThat(migrate.exitCode()).as(migrate.all()).isZero();
        assertThat(server.query(login.database(), "SELECT tableowner FROM pg_tables WHERE tablename = 'users'"))
                .containsExactly(login.user());

        project.dbCredentials("url = \"" + login.url() + "\"");
        Sleet status = project.sleet("status");
        assertThat(status.exitCode()).as(status.all()).isZero();
    }

    @Test
    void aJdbcUrlWithUserAndPasswordParametersLogsInAsThatUser() {
        PasswordServer.Login login = server.login("pw-" + SECRET);
        Project project = project().dbCredentials("url = \"jdbc:postgresql://" + PasswordServer.HOST + ":" + login.port()
                + "/" + login.database() + "?user=" + login.user() + "&password=" + login.password() + "\"");

        Sleet migrate = project.sleet("migrate");
        assertThat(migrate.exitCode()).as(migrate.all()).isZero();
        assertThat(migrate.all()).doesNotContain(SECRET);
        assertThat(server.query(login.database(), "SELECT tableowner FROM pg_tables WHERE tablename = 'users'"))
                .containsExactly(login.user());
    }

    @Test
    void aUrlTogetherWithPortIsAConfigError() {
        Project project = project().dbCredentials("url = \"postgresql://app@127.0.0.1/shop\"\nport = 6543");
        Sleet result = project.sleet("status");
        assertThat(result.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(result.err()).contains("`dbCredentials.url`", "`port`");
    }

    @Test
    void aWrongPasswordSaysAuthenticationFailedWithTheServersMessage() {
        PasswordServer.Login login = server.login("right-" + SECRET);
        String wrong = login.url().replace("right-", "wrong-");
        Project project = project();
        for (String command : List.of("migrate", "status", "pull")) {
            Sleet result = project.sleet(command, "--db", wrong);
            assertThat(result.exitCode()).as(result.all()).isEqualTo(Main.EXIT_ERROR);
            assertThat(result.err()).as(command)
                    .contains("Cannot authenticate to " + login.describe() + ": FATAL: password authentication failed for user \""
                            + login.user() + "\"")
                    .doesNotContain("Cannot read", SECRET);
        }
    }

    @Test
    void aMissingDatabaseSaysSo() {
        PasswordServer.Login login = server.login("pw");
        String url = login.url().replace("/" + login.database(), "/nope");
        String describe = login.describe().replace("/" + login.database(), "/nope");
        Sleet result = project().sleet("status", "--db", url);
        assertThat(result.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(result.err()).contains("Cannot open " + describe + " (the database does not exist): "
                + "FATAL: database \"nope\" does not exist").doesNotContain("Cannot read");
    }

    @Test
    void anUnknownHostSaysItCannotBeResolved() {
        Sleet result = project().sleet("status", "--db", "postgresql://app:" + SECRET + "@nohost.invalid:5433/shop");
        assertThat(result.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(result.err()).contains("Cannot resolve the host name of app@nohost.invalid:5433/shop: "
                + "The connection attempt failed. (UnknownHostException: nohost.invalid)").doesNotContain("Cannot read", SECRET);
    }

    @Test
    void aRefusedConnectionSaysSoForEveryCommand() throws IOException {
        int port = SilentServer.closedPort();
        Project project = project().dbCredentials("url = \"postgresql://app:" + SECRET + "@127.0.0.1:" + port + "/shop\"");
        for (String command : DATABASE_COMMANDS) {
            Sleet result = project.sleet(command);
            assertThat(result.exitCode()).as(command + ": " + result.all()).isEqualTo(Main.EXIT_ERROR);
            assertThat(result.err()).as(command)
                    .contains("Cannot connect to app@127.0.0.1:" + port + "/shop (connection refused): Connection to 127.0.0.1:"
                            + port + " refused")
                    .doesNotContain("Cannot read", SECRET);
        }
    }

    @Test
    void aFailedReadAfterLoggingInIsAReadError() {
        PasswordServer.Login login = server.login("pw");
        server.execute(login.database(), "CREATE SCHEMA sleet; CREATE TABLE sleet.__sleet_migrations (id int); "
                + "REVOKE ALL ON SCHEMA sleet FROM PUBLIC");
        Sleet result = project().sleet("status", "--db", login.url());
        assertThat(result.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(result.err()).contains("Cannot read the applied migrations of " + login.describe(),
                "permission denied for schema sleet");
    }

    @Test
    void aServerThatNeverAnswersTimesOutNamingTheHost() throws IOException {
        try (SilentServer silent = new SilentServer()) {
            String where = "app@" + SilentServer.HOST + ":" + silent.port() + "/shop";
            Project project = project().dbCredentials("host = \"" + SilentServer.HOST + "\"\nport = " + silent.port()
                    + "\nuser = \"app\"\npassword = \"" + SECRET + "\"\ndatabase = \"shop\"\nconnectTimeout = 1");
            for (String command : DATABASE_COMMANDS) {
                Sleet result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> project.sleet(command));
                assertThat(result.exitCode()).as(command + ": " + result.all()).isEqualTo(Main.EXIT_ERROR);
                assertThat(result.err()).as(command).contains("Timed out after 1 s connecting to " + where)
                        .doesNotContain("Cannot read", SECRET);
            }
            Sleet url = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> project.sleet("migrate", "--db",
                    "postgresql://app@" + SilentServer.HOST + ":" + silent.port() + "/shop?connectTimeout=2"));
            assertThat(url.err()).contains("Timed out after 2 s connecting to " + where);
        }
    }

    @Test
    void aStatementMayRunLongerThanTheConnectTimeout(TestDatabase db) throws IOException {
        Project project = new Project(dir, db).dbCredentials(Project.credentials(db.name()) + "connectTimeout = 1");
        Sleet custom = project.sleet("generate", "--custom", "--name", "slow");
        assertThat(custom.exitCode()).as(custom.all()).isZero();
        Path sql = project.migrations().resolve("0000_slow.sql");
        Files.writeString(sql, Files.readString(sql) + "SELECT pg_sleep(2.5);\nCREATE TABLE after_sleep (id int);\n");

        Sleet migrate = project.sleet("migrate");
        assertThat(migrate.exitCode()).as(migrate.all()).isZero();
        assertThat(project.query("SELECT count(*) FROM after_sleep")).containsExactly("0");
    }
}
