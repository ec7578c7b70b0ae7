package dev.sleet.cli;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** What an editor or a hostile schema can do to a migrations folder, end to end. */
@ExtendWith(PostgresExtension.class)
class CarelessInputCliTest {

    @TempDir
    Path dir;

    static final String NOTES = """
            public static final Notes NOTES = new Notes();

            public static final class Notes extends Table<Notes> {
                public final Column<String> body = text("body").defaultValue("café");
                public Notes() { super("notes"); }
            }
            """;

    /** Names holding line breaks, the breakpoint marker and SQL, for every kind of object; ROLE is replaced. */
    static final String HOSTILE = """
            public static final EnumType<String> MOOD = EnumType.of("mo\\nod--> statement-breakpoint", "a'b",
                    "c\\n--> statement-breakpoint\\n\\"d\\"", "e\\\\f");
            public static final Role R = Role.of(ROLE);
            public static final T T1 = new T();
            public static final View V = View.of("v\\n--> statement-breakpoint\\n", "SELECT 1 AS one").comment("c\\n--> statement-breakpoint");

            public static final class T extends Table<T> {
                public final Column<Integer> id = integer("i\\nd\\n--> statement-breakpoint\\n").primaryKey();
                public final Column<String> m = column("m\\"; DROP TABLE victim; --", MOOD).defaultValue("c\\n--> statement-breakpoint\\n\\"d\\"");
                public final Policy p = policy("p\\n--> statement-breakpoint\\n").to(R).using("true");
                public final Index ix = index("ix\\n--> statement-breakpoint\\n").on(m);
                public final Check ck = check("ck\\n--> statement-breakpoint\\n",
                        "(\\"i\\nd\\n--> statement-breakpoint\\n\\" > 0)");
                public T() {
                    super("t\\n--> statement-breakpoint\\nx\\"; DROP TABLE victim; --");
                    comment("x");
                    enableRowLevelSecurity();
                }
            }
            """;

    @Test
    void namesHoldingTheBreakpointMarkerGoThroughGenerateMigratePullGenerate(TestDatabase db) throws SQLException {
        // roles belong to the whole server: this one is the test's own
        String role = "r\n--> statement-breakpoint\n\"; --" + Long.toHexString(System.nanoTime());
        db.execute("CREATE TABLE victim (id int)");
        try {
            Project project = new Project(dir, db).schema(HOSTILE.replace("ROLE", Project.javaString(role)));
            Sleet generated = project.sleet("generate", "--name", "hostile");
            assertThat(generated.exitCode()).as(generated.all()).isZero();
            project.assertLineSafe("0000_hostile.sql");
            Sleet migrated = project.sleet("migrate");
            assertThat(migrated.exitCode()).as(migrated.all()).isZero();
            assertThat(project.query("SELECT relname FROM pg_class WHERE relname LIKE 't%victim%' AND relkind = 'r'"))
                    .containsExactly("t\n--> statement-breakpoint\nx\"; DROP TABLE victim; --");
            assertThat(project.query("SELECT count(*) FROM victim")).containsExactly("0");

            db.execute("DROP TABLE victim");
            Sleet pulled = project.sleet("pull");
            assertThat(pulled.exitCode()).as(pulled.all()).isZero();
            assertThat(pulled.out()).contains("already matches");
            assertThat(project.sleet("generate").out()).contains("No schema changes");
        } finally {
            db.execute("DROP TABLE IF EXISTS victim");
            dropRole(db, role);
        }
    }

    /** Drops the role, if the test got as far as creating it, with what it owns in the test database. */
    private static void dropRole(TestDatabase db, String role) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement find = c.prepareStatement("SELECT quote_ident(rolname) FROM pg_roles WHERE rolname = ?")) {
            find.setString(1, role);
            try (ResultSet rs = find.executeQuery(); Statement st = c.createStatement()) {
                if (rs.next()) {
                    st.execute("DROP OWNED BY " + rs.getString(1) + "; DROP ROLE " + rs.getString(1));
                }
            }
        }
    }

    @Test
    void aMigrationSavedAsLatin1IsNamedWithItsLineByCheckAndMigrate(TestDatabase db) throws IOException {
        Project project = new Project(dir, db).schema(NOTES);
        assertThat(project.sleet("generate", "--name", "notes").exitCode()).isZero();
        Path file = project.migrations().resolve("0000_notes.sql");
        Files.write(file, Files.readString(file).getBytes(StandardCharsets.ISO_8859_1));

        String expected = "0000_notes.sql is not UTF-8: line 2 holds the byte 0xE9";
        Sleet check = project.sleet("check");
        assertThat(check.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(check.all()).contains(expected).doesNotContain("Input length", "\tat ");
        Sleet migrate = project.sleet("migrate");
        assertThat(migrate.exitCode()).isEqualTo(Main.EXIT_ERROR);
        assertThat(migrate.err()).contains(expected, "Save it as UTF-8").doesNotContain("\tat ");
        assertThat(project.query("SELECT count(*) FROM pg_tables WHERE tablename = 'notes'")).containsExactly("0");
    }
}
