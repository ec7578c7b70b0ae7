package dev.sleet.cli;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows.java: pull writes it, generate keeps it in step with the schema code, check warns when it is stale. */
@ExtendWith(PostgresExtension.class)
class RowsCliTest {

    @TempDir
    Path dir;

    @Test
    void pullWritesRowsGenerateKeepsThemInStepAndCheckWarnsWhenStale(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE notes (id serial PRIMARY KEY, title text NOT NULL, done boolean NOT NULL DEFAULT false);");
        Project project = new Project(dir, db);
        Sleet pull = project.sleet("pull");
        assertThat(pull.exitCode()).as(pull.all()).isZero();
        assertThat(pull.out()).contains("Wrote schema/Rows.java");
        String pulled = project.rowsCode();
        assertThat(pulled.replaceAll("\\s+", " ")).contains("package app;", "public record Note(Integer id, String title, Boolean done)",
                "public record NewNote(Given<Integer> id, String title, Given<Boolean> done)", "public static NewNote of(String title)",
                "public record NotePatch(Given<Integer> id, Given<String> title, Given<Boolean> done)");

        // generate reads the code pull wrote and finds Rows.java as it should be: nothing to write.
        Sleet generate = project.sleet("generate");
        assertThat(generate.exitCode()).as(generate.all()).isZero();
        assertThat(generate.out()).contains("No schema changes").doesNotContain("Rows.java");
        assertThat(project.rowsCode()).isEqualTo(pulled);
        Sleet check = project.sleet("check");
        assertThat(check.exitCode()).as(check.all()).isZero();
        assertThat(check.err()).doesNotContain("stale");

        // A column added to the code: check warns (its exit code unchanged), generate writes Rows.java anew.
        Path schema = dir.resolve("schema/Schema.java");
        Files.writeString(schema, Files.readString(schema).replace("    public Notes() {",
                "    public final Column<String> body = text(\"body\");\n\n    public Notes() {"));
        check = project.sleet("check");
        assertThat(check.exitCode()).as(check.all()).isZero();
        assertThat(check.err()).contains("schema/Rows.java is stale: it does not match the schema code; `sleet generate` writes it anew");
        generate = project.sleet("generate");
        assertThat(generate.exitCode()).as(generate.all()).isZero();
        assertThat(generate.out()).contains("Wrote schema/Rows.java");
        assertThat(project.rowsCode().replaceAll("\\s+", " "))
                .contains("public record NewNote(Given<Integer> id, String title, Given<Boolean> done, Given<String> body)");
        check = project.sleet("check");
        assertThat(check.exitCode()).as(check.all()).isZero();
        assertThat(check.err()).doesNotContain("stale");
        // Migrated, the database has the column: pull writes the same Rows.java generate wrote.
        String generated = project.rowsCode();
        assertThat(project.sleet("migrate").exitCode()).isZero();
        pull = project.sleet("pull");
        assertThat(pull.exitCode()).as(pull.all()).isZero();
        assertThat(pull.out()).contains("already matches").doesNotContain("Rows.java");
        assertThat(project.rowsCode()).isEqualTo(generated);
        pull = project.sleet("pull");
        assertThat(pull.out()).contains("Schema.java, Relations.java and Rows.java are up to date");
    }

    @Test
    void aRowsJavaSleetDidNotWriteIsLeftAlone(TestDatabase db) throws Exception {
        Project project = new Project(dir, db).schema("""
                public static final Notes NOTES = new Notes();
                public static final class Notes extends Table<Notes> {
                    public final Column<Integer> id = serial("id").primaryKey();
                    public Notes() { super("notes"); }
                }
                """);
        String own = "package app;\n\npublic final class Rows {\n}\n";
        Files.writeString(dir.resolve("schema/Rows.java"), own);
        Sleet generate = project.sleet("generate");
        assertThat(generate.exitCode()).as(generate.all()).isZero();
        assertThat(generate.err()).contains("schema/Rows.java was not written by Sleet: it is left as it is");
        assertThat(project.rowsCode()).isEqualTo(own);
        // Once removed, generate writes it (the schema code is hand-written here).
        Files.delete(dir.resolve("schema/Rows.java"));
        generate = project.sleet("generate");
        assertThat(generate.exitCode()).as(generate.all()).isZero();
        assertThat(project.rowsCode()).contains("public record Note(Integer id)", "public record NewNote(Given<Integer> id)");
    }
}
