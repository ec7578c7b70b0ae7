package dev.sleet.sql.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sleet.sql.internal.Lexicon.MYSQL;
import static dev.sleet.sql.internal.Lexicon.POSTGRESQL;
import static dev.sleet.sql.internal.Lexicon.SQLITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each lexicon's quotes, escapes and comments; tokens as KIND:text, white space left out. */
class LexerTest {

    /** The tokens other than white space, each as KIND:text, with "(open)" after one never closed. */
    static List<String> tokens(String sql, Lexicon lexicon) {
        List<Token> tokens = Lexer.tokens(sql, lexicon);
        int covered = 0;
        for (Token token : tokens) {
            assertThat(token.start()).as("tokens cover the text without gaps").isEqualTo(covered);
            covered = token.end();
        }
        assertThat(covered).isEqualTo(sql.length());
        return tokens.stream().filter(t -> t.kind() != Token.Kind.SPACE)
                .map(t -> t.kind() + ":" + t.text(sql) + (t.closed() ? "" : "(open)")).toList();
    }

    @Test
    void postgresqlStringsEscapeStringsAndDollarQuotes() {
        assertThat(tokens("SELECT 'it''s', E'it\\'s', e'\\\\', bE'x'", POSTGRESQL)).containsExactly(
                "WORD:SELECT", "STRING:'it''s'", "SYMBOL:,", "ESCAPE_STRING:E'it\\'s'", "SYMBOL:,", "ESCAPE_STRING:e'\\\\'",
                "SYMBOL:,", "WORD:bE", "STRING:'x'");
        // standard_conforming_strings on: a backslash is just a character
        assertThat(tokens("'a\\' x", POSTGRESQL)).containsExactly("STRING:'a\\'", "WORD:x");
        assertThat(tokens("'a\\' x", POSTGRESQL.withBackslashEscapes(true))).containsExactly("STRING:'a\\' x(open)");
        assertThat(tokens("$$a'b$$ $tag$ $$ -- $tag$ $_1$x$_1$", POSTGRESQL)).containsExactly(
                "DOLLAR_STRING:$$a'b$$", "DOLLAR_STRING:$tag$ $$ -- $tag$", "DOLLAR_STRING:$_1$x$_1$");
        // $1 is a parameter and a $ inside a name is part of it
        assertThat(tokens("$1 a$b$ c", POSTGRESQL)).containsExactly("SYMBOL:$", "WORD:1", "WORD:a$b$", "WORD:c");
        assertThat(tokens("$x$ never closed", POSTGRESQL)).containsExactly("DOLLAR_STRING:$x$ never closed(open)");
        assertThat(tokens("U&'\\0041' B'101' X'1F'", POSTGRESQL)).containsExactly(
                "WORD:U", "SYMBOL:&", "STRING:'\\0041'", "WORD:B", "STRING:'101'", "WORD:X", "STRING:'1F'");
    }

    @Test
    void postgresqlIdentifiersAndNestedComments() {
        assertThat(tokens("\"a\"\"b\" U&\"c\"", POSTGRESQL)).containsExactly(
                "QUOTED_IDENTIFIER:\"a\"\"b\"", "WORD:U", "SYMBOL:&", "QUOTED_IDENTIFIER:\"c\"");
        assertThat(tokens("/* a /* b */ c */ d --e'\nf", POSTGRESQL)).containsExactly(
                "BLOCK_COMMENT:/* a /* b */ c */", "WORD:d", "LINE_COMMENT:--e'", "WORD:f");
        assertThat(tokens("/* /* */ x", POSTGRESQL)).containsExactly("BLOCK_COMMENT:/* /* */ x(open)");
        assertThat(tokens("`x` [y] # z", POSTGRESQL)).containsExactly(
                "SYMBOL:`", "WORD:x", "SYMBOL:`", "SYMBOL:[", "WORD:y", "SYMBOL:]", "SYMBOL:#", "WORD:z");
    }

    @Test
    void mysqlBackslashesBothQuotesBackticksAndItsComments() {
        assertThat(tokens("'it\\'s' \"say \\\"hi\\\"\" 'a''b' \"c\"\"d\"", MYSQL)).containsExactly(
                "STRING:'it\\'s'", "STRING:\"say \\\"hi\\\"\"", "STRING:'a''b'", "STRING:\"c\"\"d\"");
        assertThat(tokens("`a``b` _utf8mb4'x' E'y'", MYSQL)).containsExactly(
                "QUOTED_IDENTIFIER:`a``b`", "WORD:_utf8mb4", "STRING:'x'", "WORD:E", "STRING:'y'");
        assertThat(tokens("# hash\n-- dash\n--\tdash\n--x'", MYSQL)).containsExactly(
                "LINE_COMMENT:# hash", "LINE_COMMENT:-- dash", "LINE_COMMENT:--\tdash", "SYMBOL:-", "SYMBOL:-", "WORD:x",
                "STRING:'(open)");
        assertThat(tokens("1 --", MYSQL)).containsExactly("WORD:1", "LINE_COMMENT:--");
        // block comments do not nest; dollar signs quote nothing
        assertThat(tokens("/* a /* b */ c */ $$d$$", MYSQL)).containsExactly(
                "BLOCK_COMMENT:/* a /* b */", "WORD:c", "SYMBOL:*", "SYMBOL:/", "SYMBOL:$", "SYMBOL:$", "WORD:d$$");
    }

    @Test
    void sqliteHasNoEscapesAndThreeWaysToQuoteANameButNoEscapeInBrackets() {
        assertThat(tokens("'a\\' \"b\"\"c\" `d``e` [f\"g] [h]]", SQLITE)).containsExactly(
                "STRING:'a\\'", "QUOTED_IDENTIFIER:\"b\"\"c\"", "QUOTED_IDENTIFIER:`d``e`", "QUOTED_IDENTIFIER:[f\"g]",
                "QUOTED_IDENTIFIER:[h]", "SYMBOL:]");
        assertThat(tokens("E'x' #y --z\n/* /* */", SQLITE)).containsExactly(
                "WORD:E", "STRING:'x'", "SYMBOL:#", "WORD:y", "LINE_COMMENT:--z", "BLOCK_COMMENT:/* /* */");
    }

    @Test
    void lexiconsByDialectName() {
        assertThat(Lexicon.forDialect("postgresql")).isSameAs(POSTGRESQL);
        assertThat(Lexicon.forDialect("mariadb")).isSameAs(MYSQL);
        assertThat(Lexicon.forDialect("sqlite")).isSameAs(SQLITE);
        assertThatThrownBy(() -> Lexicon.forDialect("oracle")).hasMessageContaining("known: postgresql, mysql, mariadb, sqlite");
    }
}
