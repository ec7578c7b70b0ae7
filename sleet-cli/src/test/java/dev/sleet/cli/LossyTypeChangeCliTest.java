package dev.sleet.cli;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * generate: a type change that may lose values is asked about like a rename, and written with a
 * guard (the migration fails where a row would change) or, only when the loss is accepted, without.
 */
@ExtendWith(PostgresExtension.class)
class LossyTypeChangeCliTest {

    @TempDir
    Path dir;

    static final String ITEMS = """
            public static final Items ITEMS = new Items();

            public static final class Items extends Table<Items> {
                public final Column<Integer> id = serial("id").primaryKey();
                public final Column<String> name = text("name");
                public final Column<String> code = varchar("code", 10);
                public Items() { super("items"); }
            }
            """;

    /** name narrowed from text to varchar(10); code widened from varchar(10) to varchar(20), which is never asked about. */
    static final String ITEMS_NARROWED = ITEMS.replace("text(\"name\")", "varchar(\"name\", 10)")
            .replace("varchar(\"code\", 10)", "varchar(\"code\", 20)");

    private static final String ROWS = "INSERT INTO items (name) SELECT 'abcdefghij' || lpad((i % 1000)::text, 3, '0') "
            + "FROM generate_series(1, 200000) i";

    @Test
    void twoHundredThousandValuesAreNeverCutWithoutAnAcceptedLoss(TestDatabase db, TestDatabase fitting) {
        Project project = new Project(dir, db).schema(ITEMS);
        assertThat(project.sleet("generate", "--name", "items").exitCode()).isZero();
        assertThat(project.sleet("migrate").exitCode()).isZero();
        Project other = new Project(dir.resolve("other"), fitting).schema(ITEMS).copyMigrationsFrom(project);
        assertThat(other.sleet("migrate").exitCode()).isZero();
        db.execute(ROWS);
        fitting.execute("INSERT INTO items (name) VALUES ('short'), ('ten chars!'), (NULL)");
        project.schema(ITEMS_NARROWED);
        List<String> before = project.files();

        // no terminal, no option, no declaration: every lossy change is listed with its answers, nothing is written
        Sleet refused = project.sleet("generate");
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(Main.EXIT_ERROR);
        assertThat(refused.err()).contains("nothing was written", "public.items.name: text -> varchar(10)",
                "values longer than 10 characters", "--allow-lossy public.items.name", "--accept-loss public.items.name",
                "allowLossyFrom(\"text\")").doesNotContain("public.items.code", "\tat ");
        assertThat(project.files()).isEqualTo(before);

        // allowed: written with a guard, which fails the migration on the full table and keeps every row
        Sleet guarded = project.sleet("generate", "--allow-lossy", "public.items.name", "--name", "narrow");
        assertThat(guarded.exitCode()).as(guarded.all()).isZero();
        assertThat(guarded.out()).contains("public.items.name", "guard", "(command line)");
        String sql = project.read("0001_narrow.sql");
        assertThat(sql).contains("LOCK TABLE \"public\".\"items\" IN ACCESS EXCLUSIVE MODE",
                "ALTER TABLE \"items\" ALTER COLUMN \"name\" SET DATA TYPE varchar(10);",
                "ALTER TABLE \"items\" ALTER COLUMN \"code\" SET DATA TYPE varchar(20);")
                .doesNotContain("USING \"name\"::varchar(10)");
        Sleet failed = project.sleet("migrate");
        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(Main.EXIT_ERROR);
        assertThat(failed.all()).contains("public.items.name", "200000 rows", "varchar(10)", "--accept-loss public.items.name");
        assertThat(project.query("SELECT count(*) FROM items WHERE length(name) = 13")).containsExactly("200000");
        assertThat(project.query("SELECT data_type FROM information_schema.columns WHERE table_name = 'items' AND column_name = 'name'"))
                .containsExactly("text");

        // the same file runs where every value fits
        other.copyMigrationsFrom(project);
        Sleet fits = other.sleet("migrate");
        assertThat(fits.exitCode()).as(fits.all()).isZero();
        assertThat(other.query("SELECT string_agg(coalesce(name, '-'), ',' ORDER BY id) || ' ' || min(format_type(atttypid, atttypmod)) "
                + "FROM items, pg_attribute WHERE attrelid = 'items'::regclass AND attname = 'name'"))
                .containsExactly("short,ten chars!,- character varying(10)");

        // accepted: written without a guard, the file says so, and the values are cut
        assertThat(project.sleet("drop").exitCode()).isZero();
        Sleet accepted = project.sleet("generate", "--accept-loss", "public.items.name", "--name", "cut");
        assertThat(accepted.exitCode()).as(accepted.all()).isZero();
        String cut = project.read("0001_cut.sql");
        assertThat(cut).contains("-- Loss accepted", "public.items.name", "text -> varchar(10)", "no guard",
                "ALTER TABLE \"items\" ALTER COLUMN \"name\" SET DATA TYPE varchar(10) USING \"name\"::varchar(10);")
                .doesNotContain("LOCK TABLE");
        Sleet migrated = project.sleet("migrate");
        assertThat(migrated.exitCode()).as(migrated.all()).isZero();
        assertThat(project.query("SELECT count(*) || ' ' || max(length(name)) FROM items")).containsExactly("200000 10");
    }

    @Test
    void aDeclarationOnTheColumnAnswersTheChangeFromTheTypeItNames(TestDatabase db) {
        Project project = new Project(dir, db).schema(ITEMS);
        assertThat(project.sleet("generate").exitCode()).isZero();
        assertThat(project.sleet("migrate").exitCode()).isZero();
        db.execute("INSERT INTO items (name) VALUES ('fits'), ('much too long')");
        List<String> before = project.files();

        // a declaration naming another old type answers nothing, and says so
        project.schema(ITEMS_NARROWED.replace("varchar(\"name\", 10)", "varchar(\"name\", 10).allowLossyFrom(\"varchar(50)\")"));
        Sleet mismatched = project.sleet("generate");
        assertThat(mismatched.exitCode()).as(mismatched.all()).isEqualTo(Main.EXIT_ERROR);
        assertThat(mismatched.err()).contains("allowLossyFrom(\"varchar(50)\")", "changes from text", "--allow-lossy public.items.name");
        assertThat(project.files()).isEqualTo(before);

        project.schema(ITEMS_NARROWED.replace("varchar(\"name\", 10)", "varchar(\"name\", 10).allowLossyFrom(\"text\")"));
        Sleet declared = project.sleet("generate", "--name", "declared");
        assertThat(declared.exitCode()).as(declared.all()).isZero();
        assertThat(declared.out()).contains("public.items.name", "(declared in the schema code)");
        assertThat(project.read("0001_declared.sql")).contains("LOCK TABLE \"public\".\"items\"");
        Sleet failed = project.sleet("migrate");
        assertThat(failed.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(failed.all()).contains("public.items.name", "1 row ");
        assertThat(project.query("SELECT name FROM items ORDER BY id")).containsExactly("fits", "much too long");

        // once written, the declaration answers no later change from another type
        db.execute("UPDATE items SET name = left(name, 10)");
        assertThat(project.sleet("migrate").exitCode()).isZero();
        project.schema(ITEMS_NARROWED.replace("varchar(\"name\", 10)", "varchar(\"name\", 5).allowLossyFrom(\"text\")"));
        Sleet later = project.sleet("generate");
        assertThat(later.exitCode()).as(later.all()).isEqualTo(Main.EXIT_ERROR);
        assertThat(later.err()).contains("public.items.name: varchar(10) -> varchar(5)", "allowLossyFrom(\"text\")");

        project.schema(ITEMS_NARROWED.replace("varchar(\"name\", 10)", "varchar(\"name\", 5).acceptLossFrom(\"varchar(10)\")"));
        Sleet acceptedInCode = project.sleet("generate", "--name", "five");
        assertThat(acceptedInCode.exitCode()).as(acceptedInCode.all()).isZero();
        assertThat(project.read("0002_five.sql")).contains("-- Loss accepted", "USING \"name\"::varchar(5)");
        assertThat(project.sleet("migrate").exitCode()).isZero();
        assertThat(project.query("SELECT name FROM items ORDER BY id")).containsExactly("fits", "much ");
    }

    @Test
    void onATerminalEachLossyChangeIsAskedAndNoInteractiveNeverAsks(TestDatabase db) {
        Project project = new Project(dir, db).schema(ITEMS);
        assertThat(project.sleet("generate").exitCode()).isZero();
        project.schema(ITEMS_NARROWED);
        List<String> before = project.files();

        FakeTerminal silent = new FakeTerminal("1");
        assertThat(project.sleet(silent, "generate", "--no-interactive").exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(silent.prompts).isEmpty();

        FakeTerminal stopped = new FakeTerminal("3");
        Sleet stop = project.sleet(stopped, "generate");
        assertThat(stop.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(stop.err()).contains("--allow-lossy public.items.name");
        assertThat(project.files()).isEqualTo(before);

        FakeTerminal person = new FakeTerminal("maybe", "1");
        Sleet guarded = project.sleet(person, "generate", "--name", "asked");
        assertThat(guarded.exitCode()).as(guarded.all()).isZero();
        assertThat(person.prompts).hasSize(2);
        assertThat(person.prompts.get(0)).contains("public.items.name", "text -> varchar(10)", "values longer than 10 characters",
                "1) ", "guard", "2) ", "accept", "3) ", "Choose 1-3: ");
        assertThat(person.prompts.get(1)).isEqualTo("Please type a number from 1 to 3: ");
        assertThat(guarded.out()).contains("(answered)");
        assertThat(project.read("0001_asked.sql")).contains("LOCK TABLE");

        assertThat(project.sleet("drop").exitCode()).isZero();
        FakeTerminal accepting = new FakeTerminal("2");
        Sleet accepted = project.sleet(accepting, "generate", "--name", "accepted");
        assertThat(accepted.exitCode()).as(accepted.all()).isZero();
        assertThat(project.read("0001_accepted.sql")).contains("-- Loss accepted").doesNotContain("LOCK TABLE");
    }

    @Test
    void pullAsksAboutATypeNarrowedByHandBeforeWritingAnything(TestDatabase db) {
        Project project = new Project(dir, db).schema(ITEMS);
        assertThat(project.sleet("generate").exitCode()).isZero();
        assertThat(project.sleet("migrate").exitCode()).isZero();
        db.execute("ALTER TABLE items ALTER COLUMN name TYPE varchar(10)");
        List<String> before = project.files();

        // the pulled migration would narrow the column on every other database it runs on
        Sleet refused = project.sleet("pull");
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(Main.EXIT_ERROR);
        assertThat(refused.err()).contains("nothing was written", "public.items.name: text -> varchar(10)",
                "--allow-lossy public.items.name");
        assertThat(project.files()).isEqualTo(before);

        Sleet pulled = project.sleet("pull", "--allow-lossy", "public.items.name");
        assertThat(pulled.exitCode()).as(pulled.all()).isZero();
        String migration = project.files().stream().filter(f -> f.startsWith("0001_") && f.endsWith(".sql")).findFirst().map(project::read)
                .orElseThrow();
        assertThat(migration).contains("LOCK TABLE \"public\".\"items\"", "ALTER TABLE \"items\" ALTER COLUMN \"name\" SET DATA TYPE varchar(10);");
    }

    @Test
    void anOptionThatAnswersNoLossyChangeIsAnError(TestDatabase db) {
        Project project = new Project(dir, db).schema(ITEMS);
        assertThat(project.sleet("generate").exitCode()).isZero();
        project.schema(ITEMS_NARROWED);
        List<String> before = project.files();

        Sleet widened = project.sleet("generate", "--allow-lossy", "public.items.name", "--accept-loss", "public.items.code");
        assertThat(widened.exitCode()).as(widened.all()).isEqualTo(Main.EXIT_ERROR);
        assertThat(widened.err()).contains("--accept-loss public.items.code", "no type change of public.items.code loses");
        Sleet both = project.sleet("generate", "--allow-lossy", "public.items.name", "--accept-loss", "public.items.name");
        assertThat(both.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(both.err()).contains("both");
        Sleet custom = project.sleet("generate", "--custom", "--accept-loss", "public.items.name");
        assertThat(custom.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(project.files()).isEqualTo(before);
        assertThat(Sleet.run("generate", "--help").out()).contains("--allow-lossy=COLUMN", "--accept-loss=COLUMN");
    }
}
