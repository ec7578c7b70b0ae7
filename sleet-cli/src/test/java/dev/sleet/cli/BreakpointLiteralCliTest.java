package dev.sleet.cli;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, item 4: text holding line breaks and the statement breakpoint marker, in defaults,
 * comments, enum labels, checks, views and policies, goes through generate, migrate, pull and
 * generate again unchanged, and the database holds exactly that text.
 */
@ExtendWith(PostgresExtension.class)
class BreakpointLiteralCliTest {

    @TempDir
    Path dir;

    static final List<String> TEXTS = List.of(
            "a\n--> statement-breakpoint\nb",
            "--> statement-breakpoint\nat the start",
            "at the end\n--> statement-breakpoint",
            "crlf\r\n--> statement-breakpoint\r\nb",
            "back\\slash\\\n--> statement-breakpoint\n\\n stays two characters\\",
            "it's \"quoted\"\n--> statement-breakpoint\n'' ;",
            "$$\n--> statement-breakpoint\n$$ $tag$ E'x' /* not a comment",
            "tab\tbell\u0007",
            "--> statement-breakpoint",
            "  --> statement-breakpoint  \n\n");

    static String schema() {
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < TEXTS.size(); i++) {
            columns.append("    public final Column<String> n").append(i).append(" = text(\"n").append(i)
                    .append("\").defaultValue(").append(Project.javaString(TEXTS.get(i))).append(").comment(").append(Project.javaString(TEXTS.get(i)))
                    .append(");\n");
        }
        return "public static final EnumType<String> MOOD = EnumType.of(\"mood\", \"calm\", " + Project.javaString(TEXTS.get(0)) + ");\n"
                + "public static final Notes NOTES = new Notes();\n"
                + "public static final View SHOUTS = View.of(\"shouts\", " + Project.javaString("SELECT 'v\n--> statement-breakpoint\nw'::text AS t")
                + ").comment(" + Project.javaString(TEXTS.get(3)) + ");\n\n"
                + "public static final class Notes extends Table<Notes> {\n"
                + "    public final Column<Integer> id = integer(\"id\").primaryKey();\n" + columns
                + "    public final Column<String> mood = column(\"mood\", MOOD).defaultValue(" + Project.javaString(TEXTS.get(0)) + ");\n"
                + "    public final Check marker = check(\"notes_marker_check\", "
                + Project.javaString("(n0 <> 'x\n--> statement-breakpoint\ny'::text)") + ");\n"
                + "    public final Policy own = policy(\"notes_own\").using(" + Project.javaString("(n1 <> 'p\r\n--> statement-breakpoint\nq'::text)")
                + ");\n"
                + "    public Notes() {\n        super(\"notes\");\n        comment(" + Project.javaString(TEXTS.get(5)) + ");\n"
                + "        enableRowLevelSecurity();\n    }\n}\n";
    }

    @Test
    void textWithTheMarkerRoundTripsThroughGenerateMigratePullGenerate(TestDatabase db) {
        Project project = new Project(dir, db).schema(schema());
        Sleet generated = project.sleet("generate", "--name", "notes");
        assertThat(generated.exitCode()).as(generated.all()).isZero();

        // No line of the file can be taken for the marker but the breakpoints between its statements.
        project.assertLineSafe("0000_notes.sql");

        Sleet migrated = project.sleet("migrate");
        assertThat(migrated.exitCode()).as(migrated.all()).isZero();

        db.execute("INSERT INTO notes (id) VALUES (1)");
        List<String> expected = new ArrayList<>(TEXTS);
        expected.add(TEXTS.get(0));
        List<String> selected = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            selected.add("n" + i);
        }
        selected.add("mood::text");
        assertThat(project.query("SELECT unnest(ARRAY[" + String.join(", ", selected) + "]) FROM notes"))
                .containsExactlyElementsOf(expected);
        assertThat(project.query("SELECT col_description('notes'::regclass, attnum) FROM pg_attribute"
                + " WHERE attrelid = 'notes'::regclass AND attname LIKE 'n_' ORDER BY attnum"))
                .containsExactlyElementsOf(TEXTS);
        assertThat(project.query("SELECT obj_description('notes'::regclass, 'pg_class')")).containsExactly(TEXTS.get(5));
        assertThat(project.query("SELECT obj_description('shouts'::regclass, 'pg_class')")).containsExactly(TEXTS.get(3));
        assertThat(project.query("SELECT t FROM shouts")).containsExactly("v\n--> statement-breakpoint\nw");
        assertThat(project.query("SELECT unnest(enum_range(NULL::mood))::text")).containsExactly("calm", TEXTS.get(0));

        // pull reads the same schema back (no migration) and writes it as code; that code generates nothing
        Sleet pulled = project.sleet("pull");
        assertThat(pulled.exitCode()).as(pulled.all()).isZero();
        assertThat(pulled.out()).contains("already matches");
        Sleet regenerated = project.sleet("generate");
        assertThat(regenerated.exitCode()).as(regenerated.all()).isZero();
        assertThat(regenerated.out()).contains("No schema changes");
    }
}
