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
                ALTER SEQUENCE "users_id_seq" RENAME TO "accounts_id_seq";
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

    /** An enum type with a column, an array column and defaults; a sequence a default draws from; a view. */
    static final String DIARY = """
            public static final EnumType<String> MOOD = EnumType.of("mood", "up", "down");
            public static final Sequence NUMBERS = Sequence.of("numbers").options(s -> s.startWith(100));
            public static final Diary DIARY = new Diary();
            public static final View UPS = View.of("ups", "SELECT diary.id, diary.n FROM diary");

            public static final class Diary extends Table<Diary> {
                public final Column<Integer> id = serial("id").primaryKey();
                public final Column<String> m = column("m", MOOD).notNull().defaultValue("up");
                public final Column<String[]> ms = column("ms", MOOD).array().defaultValue(new String[] {"up", "down"});
                public final Column<Long> n = bigint("n").defaultSql("nextval('numbers'::regclass)");
                public Diary() { super("diary"); }
            }
            """;

    /** The same with the enum type, the sequence and the view renamed. */
    static final String DIARY_RENAMED = DIARY.replace("\"mood\"", "\"feeling\"").replace("\"numbers\"", "\"counter\"")
            .replace("'numbers'", "'counter'").replace("\"ups\"", "\"recent\"");

    /** The same, declaring the renames. */
    static final String DIARY_DECLARED = DIARY_RENAMED
            .replace("\"up\", \"down\");", "\"up\", \"down\").renamedFrom(\"mood\");")
            .replace("s.startWith(100));", "s.startWith(100)).renamedFrom(\"numbers\");")
            .replace("FROM diary\");", "FROM diary\").renamedFrom(\"ups\");");

    @Test
    void renamedEnumTypesSequencesAndViewsAreAskedAboutAndRenamedKeepingTheirData(TestDatabase db) {
        Project project = new Project(dir, db).schema(DIARY);
        assertThat(project.sleet("generate").exitCode()).isZero();
        assertThat(project.sleet("migrate").exitCode()).isZero();
        db.execute("INSERT INTO diary (m, ms) VALUES ('down', '{down}'); INSERT INTO diary DEFAULT VALUES;");
        List<String> before = project.files();
        project.schema(DIARY_RENAMED);

        Sleet asked = project.sleet("generate");
        assertThat(asked.exitCode()).as(asked.all()).isEqualTo(Main.EXIT_ERROR);
        assertThat(asked.err()).contains("nothing was written", "3 questions are open",
                "enum public.feeling is new, and enum public.mood disappeared", "renamed: --rename public.mood=public.feeling",
                "new:     --create public.feeling",
                "sequence public.counter is new, and sequence public.numbers disappeared", "renamed: --rename public.numbers=public.counter",
                "view public.recent is new, and view public.ups disappeared", "renamed: --rename public.ups=public.recent")
                .doesNotContain("\tat ");
        assertThat(project.files()).isEqualTo(before);

        Sleet generated = project.sleet("generate", "--rename", "public.mood=public.feeling", "--rename", "sequence:public.numbers=public.counter",
                "--rename", "public.ups=public.recent", "--name", "rename");
        assertThat(generated.exitCode()).as(generated.all()).isZero();
        assertThat(generated.out()).contains("Renaming enum public.mood to public.feeling (command line)",
                "Renaming sequence public.numbers to public.counter (command line)", "Renaming view public.ups to public.recent (command line)");
        assertThat(project.read("0001_rename.sql")).isEqualTo("""
                ALTER TYPE "public"."mood" RENAME TO "feeling";
                --> statement-breakpoint
                ALTER SEQUENCE "numbers" RENAME TO "counter";
                --> statement-breakpoint
                ALTER VIEW "ups" RENAME TO "recent";
                """);

        Sleet migrated = project.sleet("migrate");
        assertThat(migrated.exitCode()).as(migrated.all()).isZero();
        db.execute("INSERT INTO diary (m) VALUES ('up')");
        assertThat(project.query("SELECT id || ' ' || m || ' ' || ms::text || ' ' || n || ' ' || pg_typeof(m) FROM recent JOIN diary USING (id, n) ORDER BY id"))
                .containsExactly("1 down {down} 100 feeling", "2 up {up,down} 101 feeling", "3 up {up,down} 102 feeling");
        assertThat(project.sleet("generate").out()).contains("No schema changes");
    }

    @Test
    void renamesOfEnumTypesSequencesAndViewsDeclaredInTheCodeNeedNoAnswer(TestDatabase db) {
        Project project = new Project(dir, db).schema(DIARY);
        assertThat(project.sleet("generate").exitCode()).isZero();
        project.schema(DIARY_DECLARED);

        Sleet generated = project.sleet("generate", "--name", "declared");
        assertThat(generated.exitCode()).as(generated.all()).isZero();
        assertThat(generated.out()).contains("Renaming enum public.mood to public.feeling (declared in the schema code)",
                "Renaming sequence public.numbers to public.counter (declared in the schema code)",
                "Renaming view public.ups to public.recent (declared in the schema code)");
        assertThat(project.read("0001_declared.sql")).contains("ALTER TYPE \"public\".\"mood\" RENAME TO \"feeling\";")
                .doesNotContain("DROP");
        assertThat(project.sleet("generate").out()).contains("No schema changes");
    }

    @Test
    void pushRenamesAnEnumTypeAskedOnTheTerminal(TestDatabase db) {
        Project project = new Project(dir, db).schema(DIARY);
        assertThat(project.sleet("push").exitCode()).isZero();
        db.execute("INSERT INTO diary (m) VALUES ('down')");
        project.schema(DIARY_RENAMED);

        FakeTerminal person = new FakeTerminal("2", "2", "2");
        Sleet pushed = project.sleet(person, "push");
        assertThat(pushed.exitCode()).as(pushed.all()).isZero();
        assertThat(person.prompts.get(0)).contains("? Is enum public.feeling new, or renamed from an enum that disappeared?",
                "2) ~ public.mood -> public.feeling   rename enum");
        assertThat(pushed.out()).contains("ALTER TYPE \"public\".\"mood\" RENAME TO \"feeling\";").doesNotContain("DROP");
        assertThat(project.query("SELECT m || ' ' || pg_typeof(m) FROM diary")).containsExactly("down feeling");
    }

    @Test
    void helpNamesTheRenameOptions() {
        assertThat(Sleet.run("generate", "--help").out()).contains("--rename=FROM=TO", "--create=NAME", "--no-interactive");
        assertThat(Sleet.run("push", "--help").out()).contains("--rename=FROM=TO", "--force", "--strict", "--db=URL");
    }
}
