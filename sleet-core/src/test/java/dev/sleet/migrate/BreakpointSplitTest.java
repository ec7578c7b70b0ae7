package dev.sleet.migrate;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migrator splits a file only at breakpoint lines outside literals, quoted names, dollar-quoted
 * bodies and comments, as PostgreSQL reads them (issue 7, item 4).
 */
@ExtendWith(PostgresExtension.class)
class BreakpointSplitTest {

    static final String MARKER = "\n--> statement-breakpoint\n";

    @TempDir
    Path dir;

    @Test
    void aMarkerLineInsideAnyQuotedOrCommentedTextIsNoBreakpoint(TestDatabase db) {
        MigrationFolder folder = new MigrationFolder(dir).add("0000_hidden",
                "CREATE TABLE notes (id int PRIMARY KEY, body text);",
                "INSERT INTO notes VALUES (1, 'plain" + MARKER + "it''s');",
                "INSERT INTO notes VALUES (2, E'escaped \\'" + MARKER + "\\\\');",
                "INSERT INTO notes VALUES (3, $$dollar '" + MARKER + "$$);",
                "INSERT INTO notes VALUES (4, $body$ $$ " + MARKER + "$body$);",
                "CREATE TABLE \"odd" + MARKER + "name\" (id int);",
                "/* nested /* comment" + MARKER + "*/ still" + MARKER + "*/ INSERT INTO notes VALUES (5, 'after');",
                "CREATE FUNCTION note_count() RETURNS bigint LANGUAGE plpgsql AS $fn$\nBEGIN\n  -- a comment' in the body"
                        + MARKER + "  RETURN (SELECT count(*) FROM notes);\nEND\n$fn$;",
                "INSERT INTO notes VALUES (6, 'last'" + MARKER.replace("\n--> statement-breakpoint\n", "\n") + "'-continued');");

        MigrationReport report = Migrator.builder(db.dataSource()).source(folder.source()).build().migrate();

        assertThat(report.applied()).containsExactly("0000_hidden");
        assertThat(Db.column(db, "SELECT body FROM notes ORDER BY id")).containsExactly(
                "plain" + MARKER + "it's", "escaped '" + MARKER + "\\", "dollar '" + MARKER, " $$ " + MARKER, "after",
                "last-continued");
        assertThat(Db.column(db, "SELECT relname FROM pg_class WHERE relname LIKE 'odd%'")).containsExactly("odd" + MARKER + "name");
        assertThat(Db.column(db, "SELECT note_count()")).containsExactly("6");
        assertThat(Db.column(db, "SELECT statements FROM sleet.__sleet_migrations")).containsExactly("9");
    }

    @Test
    void withStandardConformingStringsOffABackslashEscapesAQuote(TestDatabase db) {
        db.execute("ALTER DATABASE \"" + db.name() + "\" SET standard_conforming_strings = off");
        MigrationFolder folder = new MigrationFolder(dir).add("0000_old_strings",
                "CREATE TABLE notes (body text);",
                "INSERT INTO notes VALUES ('it\\'s" + MARKER + "one string');");

        Migrator.builder(db.dataSource()).source(folder.source()).build().migrate();

        assertThat(Db.column(db, "SELECT body FROM notes")).containsExactly("it's" + MARKER + "one string");
    }

    @Test
    void aLiteralNeverClosedThatHidesABreakpointStopsBeforeTheFileRuns(TestDatabase db) {
        MigrationFolder folder = new MigrationFolder(dir)
                .add("0000_ok", "CREATE TABLE a (id int);")
                .add("0001_broken", "CREATE TABLE b (id int);", "INSERT INTO b VALUES (1); -- fine",
                        "COMMENT ON TABLE b IS 'it''s never closed;", "CREATE TABLE c (id int);");

        assertThatThrownBy(() -> Migrator.builder(db.dataSource()).source(folder.source()).build().migrate())
                .isInstanceOf(MigrationException.class)
                .hasMessage("Cannot split 0001_broken.sql into statements: the string literal opened on line 5 is never"
                        + " closed, so the statement breakpoint on line 6 and everything after it would be part of it."
                        + " Close it, or end the statement before the breakpoint.");

        assertThat(Db.trackedTags(db)).containsExactly("0000_ok");
        assertThat(Db.tableExists(db, "b")).isFalse();
    }

    @Test
    void theHashOfAFileIsThatOfItsText() {
        String sql = "SELECT 'a" + MARKER + "b';\n";
        assertThat(MigrationFile.hash(sql)).isEqualTo(MigrationFile.hash(sql.replace("\n", "\r\n")));
        // printf "SELECT 'a\n--> statement-breakpoint\nb';\n" | sha256sum
        assertThat(MigrationFile.hash(sql)).isEqualTo("6b3a557350ab1b59a1875bd38944258dfd0baae6557dbd139cf7383521ad4d90");
    }
}
