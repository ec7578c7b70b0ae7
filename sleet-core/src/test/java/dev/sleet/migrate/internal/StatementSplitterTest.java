package dev.sleet.migrate.internal;

import dev.sleet.migrate.MigrationException;
import dev.sleet.sql.internal.Lexicon;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where each dialect's files split, and where they must not. */
class StatementSplitterTest {

    static final String BREAK = "\n--> statement-breakpoint\n";

    static List<String> split(String sql, Lexicon lexicon) {
        return StatementSplitter.split(sql, true, lexicon, "0000_test.sql");
    }

    @Test
    void aBreakpointLineOutsideEverythingSplitsWithBlanksAroundAndAnyLineEnding() {
        assertThat(split("SELECT 1;" + BREAK + "  --> statement-breakpoint  \r\nSELECT 2;\r\n" + BREAK, Lexicon.POSTGRESQL))
                .containsExactly("SELECT 1;", "SELECT 2;");
        assertThat(split("--> statement-breakpoint\nSELECT 1;\n--> statement-breakpoint", Lexicon.MYSQL))
                .containsExactly("SELECT 1;");
    }

    @Test
    void postgresqlKeepsTheMarkerInsideLiteralsNamesBodiesAndComments() {
        for (String hidden : List.of("'a" + BREAK + "b'", "E'\\'" + BREAK + "'", "$$" + BREAK + "$$", "$x$ $$" + BREAK + "$x$",
                "\"a" + BREAK + "b\"", "/* /* */" + BREAK + "*/")) {
            assertThat(split("SELECT " + hidden + ";" + BREAK + "SELECT 2;", Lexicon.POSTGRESQL)).as(hidden)
                    .containsExactly("SELECT " + hidden.replace("\r", "") + ";", "SELECT 2;");
        }
        // after a line comment the next line is code again
        assertThat(split("SELECT 1; -- it's" + BREAK + "SELECT 2;", Lexicon.POSTGRESQL))
                .containsExactly("SELECT 1; -- it's", "SELECT 2;");
    }

    @Test
    void mysqlReadsBackslashesHashesAndDashesItsOwnWay() {
        assertThat(split("SELECT 'it\\'s" + BREAK + "one';" + BREAK + "SELECT `a" + BREAK + "b`;", Lexicon.MYSQL))
                .containsExactly("SELECT 'it\\'s" + BREAK + "one';", "SELECT `a" + BREAK + "b`;");
        assertThat(split("SELECT \"x" + BREAK + "y\"; # it's" + BREAK + "SELECT $$;", Lexicon.MYSQL))
                .containsExactly("SELECT \"x" + BREAK + "y\"; # it's", "SELECT $$;");
        // on PostgreSQL "--x'" is a comment; on MySQL the quote opens a string
        String dashes = "SELECT 1 --x'" + BREAK + "';";
        assertThat(split(dashes, Lexicon.POSTGRESQL)).containsExactly("SELECT 1 --x'", "';");
        assertThat(split(dashes, Lexicon.MYSQL)).containsExactly(dashes);
    }

    @Test
    void sqliteHasNoBackslashEscapesAndBracketNames() {
        assertThat(split("SELECT 'a\\';" + BREAK + "SELECT [b" + BREAK + "c], `d" + BREAK + "e`;", Lexicon.SQLITE))
                .containsExactly("SELECT 'a\\';", "SELECT [b" + BREAK + "c], `d" + BREAK + "e`;");
        assertThat(split("SELECT E'\\';" + BREAK + "SELECT 2;", Lexicon.SQLITE)).containsExactly("SELECT E'\\';", "SELECT 2;");
    }

    @Test
    void somethingNeverClosedThatHidesABreakpointIsNamedWithItsLines() {
        assertThatThrownBy(() -> split("SELECT 1;" + BREAK + "SELECT $body$ x;" + BREAK + "SELECT 2;", Lexicon.POSTGRESQL))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Cannot split 0000_test.sql into statements: the dollar-quoted string opened on line 3"
                        + " is never closed, so the statement breakpoint on line 4");
        assertThatThrownBy(() -> split("SELECT 1 /* x;" + BREAK + "SELECT 2;", Lexicon.SQLITE))
                .hasMessageContaining("the comment opened on line 1");
        // never closed, but hiding no breakpoint: the database will say what is wrong
        assertThat(split("SELECT 1;" + BREAK + "SELECT 'x;", Lexicon.POSTGRESQL)).containsExactly("SELECT 1;", "SELECT 'x;");
    }

    @Test
    void withoutBreakpointsTheFileIsOneStatementWhateverItHolds() {
        assertThat(StatementSplitter.split("SELECT 'x;" + BREAK, false, Lexicon.POSTGRESQL, "f"))
                .containsExactly("SELECT 'x;\n--> statement-breakpoint");
    }
}
