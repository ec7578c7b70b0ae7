package dev.sleet.kit.postgres;

import dev.sleet.sql.internal.Lexer;
import dev.sleet.sql.internal.Lexicon;
import dev.sleet.sql.internal.Token;
import dev.sleet.testing.TestDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PostgresEscapes}: a statement re-spelled so that no line break is inside a literal or a
 * quoted name means to PostgreSQL exactly what it meant before.
 */
class PostgresEscapesTest {

    private static TestDatabase database;
    private static Connection connection;

    @BeforeContainer
    static void open() throws SQLException {
        database = TestDatabase.create("sleet_escapes");
        connection = database.connect();
    }

    @AfterContainer
    static void close() throws SQLException {
        connection.close();
        database.close();
    }

    /** The row {@code sql} selects, column labels first, each value as text. */
    private static List<String> row(String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.add(rs.getMetaData().getColumnLabel(i));
                row.add(rs.getString(i));
            }
            return row;
        }
    }

    /**
     * The re-spelled statement selects the same row; none of its literals or names holds a control
     * character, but for line breaks and tabs in a dollar-quoted body without a marker line.
     */
    private static void assertSameMeaning(String sql) throws SQLException {
        String escaped = PostgresEscapes.escapeLineBreaks(sql);
        for (Token token : Lexer.tokens(escaped, Lexicon.POSTGRESQL)) {
            String text = token.text(escaped);
            boolean dollar = token.kind() == Token.Kind.DOLLAR_STRING;
            if (token.isString() || token.kind() == Token.Kind.QUOTED_IDENTIFIER) {
                assertThat(text.chars().filter(c -> c < 0x20 || c == 0x7f).filter(c -> !dollar || c != '\n' && c != '\t'))
                        .as(escaped).isEmpty();
                assertThat(text.lines()).as(escaped).noneMatch(line -> line.strip().equals("--> statement-breakpoint"));
            }
        }
        assertThat(row(escaped)).as(escaped).isEqualTo(row(sql));
    }

    @Example
    void stringsWithLineBreaksBecomeEscapeStringsAndNamesUnicodeEscapes() throws SQLException {
        assertThat(PostgresEscapes.escapeLineBreaks("SELECT 'it''s\n--> statement-breakpoint\r\n\\' AS \"a\nb\"\"\\\""))
                .isEqualTo("SELECT E'it''s\\n--> statement-breakpoint\\r\\n\\\\' AS U&\"a\\000Ab\"\"\\\\\"");
        assertThat(PostgresEscapes.escapeLineBreaks("SELECT 'no line break', \"plain\", $$x$$, E'\\n'"))
                .isEqualTo("SELECT 'no line break', \"plain\", $$x$$, E'\\n'");
        assertSameMeaning("SELECT 'it''s\n--> statement-breakpoint\r\n\\' AS \"a\nb\"\"\\\"");
    }

    @Example
    void escapeStringsDollarBodiesAndContinuedStringsKeepTheirValue() throws SQLException {
        // a raw line break in E'', one after a backslash, a tab and a bell; a dollar body; a continued string
        assertSameMeaning("SELECT E'a\nb\\\nc\\\\\td\u0007\\x41\\'' AS e, $q$ 'x' \\ \n $$ $q$ AS d,"
                + " 'first\nline'\n  -- a comment between\n'second\\' AS c, E'x'\n'\\t\ny' AS ce");
        String block = "DO $sleet$ BEGIN IF 'a\n--> statement-breakpoint\nb' <> E'a\\n--> statement-breakpoint\\nb'"
                + " THEN RAISE EXCEPTION 'changed'; END IF; END $sleet$";
        String escaped = PostgresEscapes.escapeLineBreaks(block);
        assertThat(escaped).startsWith("DO E' BEGIN IF ''a\\n--> statement-breakpoint\\nb''").doesNotContain("\n");
        try (Statement st = connection.createStatement()) {
            st.execute(escaped);
        }
    }

    @Example
    void aDollarQuotedBodyKeepsItsLinesUnlessOneIsTheMarker() throws SQLException {
        String block = "DO $sleet$\nBEGIN\n\tPERFORM 1;\nEND\n$sleet$";
        assertThat(PostgresEscapes.escapeLineBreaks(block)).isEqualTo(block);
        assertThat(PostgresEscapes.escapeLineBreaks("SELECT $$a\r\nb$$")).isEqualTo("SELECT E'a\\r\\nb'");
        assertSameMeaning("SELECT $$a\r\nb$$");
    }

    @Example
    void prefixedStringsAreLeftAsWrittenAndCommentsHoldingTheMarkerGo() throws SQLException {
        String prefixed = "SELECT U&'a\nb', B'1\n', U&\"c\nd\"";
        assertThat(PostgresEscapes.escapeLineBreaks(prefixed)).isEqualTo(prefixed);
        String commented = "SELECT 1 /* x\n--> statement-breakpoint\n */ + 2 -- it's\n--> statement-breakpoint\n, 3";
        assertThat(PostgresEscapes.escapeLineBreaks(commented)).isEqualTo("SELECT 1   + 2 -- it's\n \n, 3");
        assertThat(row(PostgresEscapes.escapeLineBreaks(commented))).isEqualTo(row(commented))
                .containsExactly("?column?", "3", "?column?", "3");
    }

    /** Text, a name and how the text is spelled: PostgreSQL reads the re-spelled statement the same. */
    @Property(tries = 300)
    void anySpellingOfAnyTextMeansTheSameWithoutALineBreakInAQuote(@ForAll("texts") String text, @ForAll("texts") String name,
                                                  @ForAll("spellings") int spelling) throws SQLException {
        String literal = switch (spelling) {
            case 0 -> "'" + text.replace("'", "''") + "'";
            case 1 -> "E'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
            case 2 -> "$sleet$" + text + "$sleet$";
            default -> "'" + text.replace("'", "''") + "'\n'" + text.replace("'", "''") + "'";
        };
        String identifier = "\"" + (name.isEmpty() ? "x" : name).replace("\"", "\"\"") + "\"";
        assertSameMeaning("SELECT " + literal + " AS " + identifier);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("a", "é", " ", "\n", "\r", "\r\n", "\t", "\u0001", "\u007f", "'", "\"", "\\", "\\n", "$", "E'",
                "\n--> statement-breakpoint\n", "/*", "--").list().ofMaxSize(6).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<Integer> spellings() {
        return Arbitraries.integers().between(0, 3);
    }
}
