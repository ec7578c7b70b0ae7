package dev.sleet.cli;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * generate and pull killed with SIGKILL at every point where they write a file: the folder holds
 * the old history or the new one, every command works on it, what the run left is named as a
 * leftover and replaced by the next run, which completes the history.
 */
@ExtendWith(PostgresExtension.class)
class InterruptedWriteCliTest {

    /** A new enum label goes into a migration file of its own: the run writes two migrations. */
    private static final String BEFORE = """
            public static final EnumType<String> MOOD = EnumType.of("mood", "up");
            public static final Notes NOTES = new Notes();

            public static final class Notes extends Table<Notes> {
                public final Column<Integer> id = serial("id").primaryKey();
                public final Column<String> mood = column("mood", MOOD);
                public Notes() { super("notes"); }
            }
            """;
    private static final String AFTER = BEFORE.replace("\"up\")", "\"up\", \"down\")")
            .replace("public Notes()", "public final Column<String> body = text(\"body\");\n    public Notes()");

    @TempDir
    Path dir;

    @Test
    void generateKilledAtEveryWriteLeavesTheOldHistoryOrTheNew(TestDatabase db) throws Exception {
        Project template = new Project(dir.resolve("template"), null).schema(BEFORE);
        assertThat(template.sleet("generate").exitCode()).isZero();
        template.schema(AFTER);

        List<String> points = killAtEveryWrite(template, db, "generate", (project, point, committed) -> { });

        // Rows.java follows the code first (written whole or not at all), then the history.
        assertThat(points).as("Rows.java, every file written, then the journal, then the list removed").hasSize(15)
                .startsWith("written .Rows.java.sleet-tmp", "moved Rows.java", "written ._writing.json.sleet-tmp",
                        "moved _writing.json")
                .endsWith("written ._journal.json.sleet-tmp", "moved _journal.json", "deleted _writing.json");
    }

    @Test
    void pullKilledAtEveryWriteLeavesTheOldCodeAndHistoryOrTheNew(TestDatabase db) throws Exception {
        db.execute("CREATE TYPE mood AS ENUM ('up'); CREATE TABLE notes (id serial PRIMARY KEY, mood mood);");
        Project template = new Project(dir.resolve("template"), db);
        assertThat(template.sleet("pull").exitCode()).isZero();
        db.execute("ALTER TYPE mood ADD VALUE 'down'; ALTER TABLE notes ADD COLUMN body text;");
        String oldCode = template.schemaCode();
        Project reference = template.copy(dir.resolve("reference"), db);
        assertThat(reference.sleet("pull").exitCode()).isZero();
        String newCode = reference.schemaCode();
        assertThat(newCode).isNotEqualTo(oldCode);
        String oldRows = template.rowsCode();
        String newRows = reference.rowsCode();
        assertThat(newRows).isNotEqualTo(oldRows).contains("Given<String> body");

        List<String> points = killAtEveryWrite(template, db, "pull", (project, point, committed) -> {
            assertThat(project.schemaCode()).as(point).isIn(oldCode, newCode);
            // Code first, then the history: never a history the code does not follow.
            assertThat(!committed || project.schemaCode().equals(newCode)).as(point).isTrue();
            assertThat(project.rowsCode()).as(point).isIn(oldRows, newRows);
            assertThat(!committed || project.rowsCode().equals(newRows)).as(point).isTrue();
        });

        assertThat(points).as("the code, every migration file, then the journal, then the list removed").hasSize(17)
                .startsWith("written .Schema.java.sleet-tmp", "moved Schema.java", "written .Rows.java.sleet-tmp",
                        "moved Rows.java", "written ._writing.json.sleet-tmp")
                .endsWith("moved _journal.json", "deleted _writing.json");
    }

    @Test
    void dropKilledAtEveryWriteLeavesTheHistoryWithOrWithoutItsLatestMigration(TestDatabase db) throws Exception {
        Project template = new Project(dir.resolve("template"), null).schema(BEFORE);
        assertThat(template.sleet("generate").exitCode()).isZero();
        template.schema(AFTER);
        assertThat(template.sleet("generate").exitCode()).isZero();
        List<String> full = template.tags();

        List<String> points = new ArrayList<>();
        for (int n = 1; ; n++) {
            Project project = template.copy(dir.resolve("drop-" + n), db);
            Optional<String> stopped = Sleet.killedAtWrite(n, project.args("drop"));
            if (stopped.isEmpty()) {
                break;
            }
            String point = stopped.get();
            points.add(point);
            assertThat(project.tags()).as(point).isIn(full, full.subList(0, full.size() - 1));
            List<String> leftovers = worksAfterTheKill(project, point);

            // generate writes again what drop removed, and clears what the interrupted drop left
            Sleet next = project.sleet("generate");
            assertThat(next.exitCode()).as(point + "\n" + next.all()).isZero();
            removedWhatWasLeft(next, leftovers, point);
            assertThat(project.tags()).as(point).hasSize(full.size());
            completed(project, point);
        }
        assertThat(points).as("the list, the journal, the files deleted, then the list removed")
                .startsWith("written ._writing.json.sleet-tmp", "moved _writing.json", "written ._journal.json.sleet-tmp",
                        "moved _journal.json")
                .endsWith("deleted _writing.json");
    }

    /** What a test looks at right after a kill, besides the history. */
    private interface AfterKill {
        void check(Project project, String point, boolean committed);
    }

    /**
     * Runs {@code command} on a fresh copy of {@code template} once per point where it writes a file,
     * killed there; each time the history is the old one or the new one (two migrations more), every
     * command works, and the next run completes it. Returns the points, in order.
     */
    private List<String> killAtEveryWrite(Project template, TestDatabase db, String command, AfterKill afterKill) throws Exception {
        List<String> old = template.tags();
        List<String> points = new ArrayList<>();
        for (int n = 1; ; n++) {
            Project project = template.copy(dir.resolve(command + "-" + n), db);
            Optional<String> stopped = Sleet.killedAtWrite(n, project.args(command));
            if (stopped.isEmpty()) {
                builds(project);
                return points;
            }
            String point = stopped.get();
            points.add(point);
            boolean committed = project.tags().size() > old.size();
            assertThat(project.tags()).as(point).hasSize(committed ? old.size() + 2 : old.size()).startsWith(old.toArray(String[]::new));
            afterKill.check(project, point, committed);
            List<String> leftovers = worksAfterTheKill(project, point);

            Sleet next = project.sleet(command);
            assertThat(next.exitCode()).as(point + "\n" + next.all()).isZero();
            removedWhatWasLeft(next, leftovers, point);
            assertThat(project.tags()).as(point).hasSize(old.size() + 2);
            completed(project, point);
        }
    }

    /** Right after the kill: check and status work and name what the run left, migrate runs what the journal lists. */
    private static List<String> worksAfterTheKill(Project project, String point) throws Exception {
        List<String> leftovers = project.files().stream().filter(f -> !isCommitted(project, f)).toList();
        Sleet check = project.sleet("check");
        assertThat(check.exitCode()).as(point + "\n" + check.all()).isZero();
        Sleet status = project.sleet("status");
        assertThat(status.exitCode()).as(point + "\n" + status.all()).isZero();
        if (!leftovers.isEmpty()) {
            assertThat(check.err()).as(point).contains(leftovers.toArray(String[]::new)).contains("left by an interrupted");
            assertThat(status.err()).as(point).contains("left by an interrupted", "The next generate or pull removes");
        }
        try (TestDatabase fresh = TestDatabase.create("sleet_killed")) {
            Sleet migrate = project.on(fresh).sleet("migrate");
            assertThat(migrate.exitCode()).as(point + "\n" + migrate.all()).isZero();
        }
        return leftovers;
    }

    /** The next run names what it removed, and only that. */
    private static void removedWhatWasLeft(Sleet next, List<String> leftovers, String point) {
        String removed = next.out().lines().filter(l -> l.startsWith("Removed what an interrupted run left: ")).findFirst()
                .map(l -> l.substring(l.indexOf(": ") + 2)).orElse("");
        assertThat(removed.isEmpty() ? List.<String>of() : List.of(removed.split(", ")))
                .as(point + "\n" + next.out()).containsExactlyInAnyOrderElementsOf(leftovers);
    }

    /** A file of the history the journal lists: the journal itself, or a migration or snapshot of a listed tag. */
    private static boolean isCommitted(Project project, String file) {
        String number = file.replaceFirst("^(meta/)?(\\d+)_.*", "$2");
        return file.equals("meta/_journal.json")
                || project.tags().stream().anyMatch(t -> file.equals(t + ".sql") || t.startsWith(number + "_") && file.startsWith("meta/"));
    }

    /** After the next run: the new history, nothing left over, and code and history agree. */
    private static void completed(Project project, String point) throws Exception {
        assertThat(project.files()).as(point).allMatch(f -> isCommitted(project, f));
        Sleet check = project.sleet("check");
        assertThat(check.exitCode()).as(point + "\n" + check.all()).isZero();
        assertThat(check.err()).as(point).doesNotContain("left by");
        Sleet generate = project.sleet("generate");
        assertThat(generate.out()).as(point + "\n" + generate.all()).contains("No schema changes");
    }

    /** The new history builds the new schema. */
    private static void builds(Project project) {
        try (TestDatabase fresh = TestDatabase.create("sleet_completed")) {
            Project built = project.on(fresh);
            assertThat(built.sleet("migrate").exitCode()).isZero();
            assertThat(built.query("SELECT enum_range(NULL::mood)::text")).containsExactly("{up,down}");
            assertThat(built.query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'notes' AND column_name = 'body'"))
                    .containsExactly("1");
        }
    }
}
