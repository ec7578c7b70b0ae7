package dev.sleet.migrate.internal;

import dev.sleet.migrate.MigrationFile;
import dev.sleet.testing.TestMariaDb;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A file split by the MySQL lexicon runs on the real MariaDB, which reads its quotes and comments alike. */
class MariaDbSplitTest {

    static final String MARKER = "\n--> statement-breakpoint\n";

    @Test
    void statementsSplitByTheMysqlLexiconRunOnMariaDbWithTheMarkerKeptInTheirText() throws SQLException {
        String file = String.join(MARKER,
                "CREATE TABLE notes (id int PRIMARY KEY, body text, `odd" + MARKER + "name` int DEFAULT 0);",
                "INSERT INTO notes (id, body) VALUES (1, 'it\\'s" + MARKER + "\\\\');",
                "INSERT INTO notes (id, body) VALUES (2, \"dq \\\"" + MARKER + "''\");",
                "/* block" + MARKER + "*/ INSERT INTO notes (id, body) VALUES (3, 'after a comment');",
                "INSERT INTO notes (id, body) VALUES (4, 'hash'); # it's a comment",
                "INSERT INTO notes (id, body) VALUES (5, 'dash'); -- it's a comment",
                // "--L" is no comment here: 10 minus minus the length of a string that holds the marker
                "INSERT INTO notes (id, body) VALUES (6, 10 --LENGTH('" + MARKER + "'));") + "\n";
        List<String> statements = MigrationFile.statements(file, true, "mysql");
        assertThat(statements).hasSize(7);

        try (TestMariaDb db = TestMariaDb.create("sleet_split"); Connection c = db.connect()) {
            try (Statement st = c.createStatement()) {
                st.setEscapeProcessing(false);
                for (String statement : statements) {
                    st.execute(statement);
                }
            }
            List<String> bodies = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT body FROM notes ORDER BY id")) {
                while (rs.next()) {
                    bodies.add(rs.getString(1));
                }
            }
            assertThat(bodies).containsExactly("it's" + MARKER + "\\", "dq \"" + MARKER + "''", "after a comment", "hash",
                    "dash", String.valueOf(10 + MARKER.length()));
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() AND column_name LIKE 'odd%'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("odd" + MARKER + "name");
            }
        }
    }
}
