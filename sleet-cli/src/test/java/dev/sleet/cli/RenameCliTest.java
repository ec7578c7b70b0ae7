package dev.sleet.cli;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** generate: renames are asked, answered by options or code, and never guessed. */
@ExtendWith(PostgresExtension.class)
class RenameCliTest {

    @TempDir
    Path dir;

    static final String USERS = """
            public static final Users USERS = new Users();

            public static final class Users extends Table<Users> {
                public final Column<Integer> id = serial("id").primaryKey();
                public final Column<String> name = varchar("name", 50);
                public final Column<String> email = text("email");
                public Users() { super("users"); }
            }
            """;

    static final String ACCOUNTS = """
            public static final Accounts ACCOUNTS = new Accounts();

            public static final class Accounts extends Table<Accounts> {
                public final Column<Integer> id = serial("id");
                public final Constraint pk = primaryKey("users_pkey", id);
                public final Column<String> fullName = varchar("full_name", 80).notNull();
                public final Column<String> email = text("email");
                public Accounts() { super("accounts"); }
            }
            """;

    /** The same, declaring its renames. */
    static final String ACCOUNTS_DECLARED = ACCOUNTS
            .replace("varchar(\"full_name\", 80).notNull()", "varchar(\"full_name\", 80).notNull().renamedFrom(\"name\")")
            .replace("super(\"accounts\");", "super(\"accounts\"); renamedFrom(\"users\");");

    @Test
    void withoutATerminalEveryOpenQuestionIsListedWithItsOptionsAndNothingIsWritten(TestDatabase db) {
        Project project = new Project(dir, db).schema(USERS);
        assertThat(project.sleet("generate").exitCode()).isZero();
        assertThat(project.sleet("migrate").exitCode()).isZero();
        db.execute("INSERT INTO users (name, email) VALUES ('Ann', 'ann@example.com'), ('Bob', 'bob@example.com')");
        List<String> before = project.files();
        project.schema(ACCOUNTS);

        Sleet asked = project.sleet("generate");
        assertThat(asked.exitCode()).as(asked.all()).isEqualTo(Main.EXIT_ERROR);
        assertThat(asked.err()).contains("nothing was written", "One question is open",
                "table public.accounts is new, and table public.users disappeared",
                "renamed: --rename public.users=public.accounts", "new:     --create public.accounts",
                "renamedFrom(", "Renaming a schema or table may raise questions").doesNotContain("\tat ");
        assertThat(project.files()).isEqualTo(before);

        Sleet columns = project.sleet("generate", "--rename", "public.users=public.accounts");
        assertThat(columns.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(columns.err()).contains("column public.accounts.full_name is new, and column public.accounts.name disappeared",
                "--rename public.accounts.name=public.accounts.full_name", "--create public.accounts.full_name");
        assertThat(project.files()).isEqualTo(before);

        Sleet generated = project.sleet("generate", "--rename", "public.users=public.accounts",
                "--rename", "public.accounts.name=public.accounts.full_name", "--name", "rename");
        assertThat(generated.exitCode()).as(generated.all()).isZero();
        assertThat(generated.out()).contains("Renaming table public.users to public.accounts (command line)",
                "Renaming column public.accounts.name to public.accounts.full_name (command line)");
        assertThat(project.read("0001_rename.sql")).isEqualTo("""
                ALTER TABLE "users" RENAME TO "accounts";
                --> statement-breakpoint
                ALTER TABLE "accounts" RENAME COLUMN "name" TO "full_name";
                --> statement-breakpoint
                ALTER TABLE "accounts" ALTER COLUMN "full_name" SET DATA TYPE varchar(80);
                --> statement-breakpoint
                ALTER TABLE "accounts" ALTER COLUMN "full_name" SET NOT NULL;
                """);

        // the rename, the wider type and NOT NULL all apply, and the rows survive
        Sleet migrated = project.sleet("migrate");
        assertThat(migrated.exitCode()).as(migrated.all()).isZero();
        assertThat(project.query("SELECT full_name || ' ' || email FROM accounts ORDER BY id"))
                .containsExactly("Ann ann@example.com", "Bob bob@example.com");
        assertThat(project.query("SELECT is_nullable || ' ' || character_maximum_length FROM information_schema.columns "
                + "WHERE table_name = 'accounts' AND column_name = 'full_name'")).containsExactly("NO 80");
        assertThat(project.sleet("generate").out()).contains("No schema changes");
    }

    @Test
    void aRenameOrCreateThatAnswersNothingIsAnError(TestDatabase db) {
        Project project = new Project(dir, db).schema(USERS);
        assertThat(project.sleet("generate").exitCode()).isZero();
        project.schema(ACCOUNTS);
        List<String> before = project.files();

        Sleet wrong = project.sleet("generate", "--rename", "public.user=public.accounts", "--create", "public.accounts.full_name");
        assertThat(wrong.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(wrong.err()).contains("--rename public.user=public.accounts: public.user is not a table that disappeared",
                "public.accounts can be renamed from: public.users");

        Sleet unrelated = project.sleet("generate", "--create", "public.accounts", "--rename", "public.users.name=public.users.full_name");
        assertThat(unrelated.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(unrelated.err()).contains("--rename public.users.name=public.users.full_name: public.users.full_name is not a new column");

        Sleet malformed = project.sleet("generate", "--rename", "users");
        assertThat(malformed.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(malformed.err()).contains("expected FROM=TO");
        assertThat(project.files()).isEqualTo(before);

        // --create answers "new": the old table is dropped, the new one created
        Sleet created = project.sleet("generate", "--create", "public.accounts");
        assertThat(created.exitCode()).as(created.all()).isZero();
        assertThat(created.out()).contains("Creating table public.accounts as a new table (command line)");
    }

    @Test
    void renamesDeclaredInTheSchemaCodeNeedNoAnswer(TestDatabase db) {
        Project project = new Project(dir, db).schema(USERS);
        assertThat(project.sleet("generate").exitCode()).isZero();
        project.schema(ACCOUNTS_DECLARED);

        Sleet generated = project.sleet("generate");
        assertThat(generated.exitCode()).as(generated.all()).isZero();
        assertThat(generated.out()).contains("Renaming table public.users to public.accounts (declared in the schema code)",
                "Renaming column public.accounts.name to public.accounts.full_name (declared in the schema code)");
        assertThat(project.files()).contains("0001_" + generated.out().replaceAll("(?s).*0001_(\\w+)\\.sql.*", "$1") + ".sql");
        // once generated, the declarations are harmless
        assertThat(project.sleet("generate").out()).contains("No schema changes");
    }

    @Test
    void onATerminalEachCandidateIsAskedAsCreateOrRename(TestDatabase db) {
        Project project = new Project(dir, db).schema(USERS);
        assertThat(project.sleet("generate").exitCode()).isZero();
        project.schema(ACCOUNTS);

        FakeTerminal person = new FakeTerminal("x", "2", "2");
        Sleet generated = project.sleet(person, "generate", "--name", "asked");
        assertThat(generated.exitCode()).as(generated.all()).isZero();
        assertThat(person.prompts.get(0)).contains("? Is table public.accounts new, or renamed from a table that disappeared?",
                "1) + public.accounts   create table", "2) ~ public.users -> public.accounts   rename table", "Choose 1-2: ");
        assertThat(person.prompts.get(1)).isEqualTo("Please type a number from 1 to 2: ");
        assertThat(person.prompts.get(2)).contains("column public.accounts.full_name", "2) ~ public.accounts.name -> public.accounts.full_name");
        assertThat(generated.out()).contains("Renaming table public.users to public.accounts (answered)");
        assertThat(project.read("0001_asked.sql")).startsWith("ALTER TABLE \"users\" RENAME TO \"accounts\";");
    }

    @Test
    void answeringCreateOnTheTerminalDropsTheOldTableAndNoInteractiveNeverAsks(TestDatabase db) {
        Project project = new Project(dir, db).schema(USERS);
        assertThat(project.sleet("generate").exitCode()).isZero();
        project.schema(ACCOUNTS);

        FakeTerminal silent = new FakeTerminal("2", "2");
        Sleet refused = project.sleet(silent, "generate", "--no-interactive");
        assertThat(refused.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(silent.prompts).isEmpty();

        FakeTerminal ended = new FakeTerminal();
        Sleet eof = project.sleet(ended, "generate");
        assertThat(eof.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(eof.err()).contains("--create public.accounts");

        FakeTerminal person = new FakeTerminal("1");
        Sleet generated = project.sleet(person, "generate", "--name", "fresh");
        assertThat(generated.exitCode()).as(generated.all()).isZero();
        assertThat(project.read("0001_fresh.sql")).contains("CREATE TABLE \"accounts\"", "DROP TABLE \"users\";");
    }

    @Test
    void helpNamesTheRenameOptions() {
        assertThat(Sleet.run("generate", "--help").out()).contains("--rename=FROM=TO", "--create=NAME", "--no-interactive");
        assertThat(Sleet.run("push", "--help").out()).contains("--rename=FROM=TO", "--force", "--strict", "--db=URL");
    }
}
