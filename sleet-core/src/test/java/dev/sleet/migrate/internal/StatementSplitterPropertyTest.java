package dev.sleet.migrate.internal;

import dev.sleet.migrate.MigrationFile;
import dev.sleet.sql.internal.Lexicon;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statements whose literals, quoted names and comments hold random text, the breakpoint marker on a
 * line of its own among it, joined with breakpoints, split back into exactly those statements, in
 * each dialect's own quoting.
 */
class StatementSplitterPropertyTest {

    static final String MARKER_LINE = "\n" + MigrationFile.BREAKPOINT + "\n";

    record File(Lexicon lexicon, List<String> statements) {}

    @Property(tries = 1000)
    @StatisticsReport(onFailureOnly = true)
    void statementsJoinedWithBreakpointsSplitBackExactly(@ForAll("files") File file,
                                                         @ForAll("breakpoints") String breakpoint) {
        String sql = String.join(breakpoint, file.statements()) + "\n";

        assertThat(StatementSplitter.split(sql, true, file.lexicon(), "0000_property.sql"))
                .containsExactlyElementsOf(file.statements());

        boolean hidden = file.statements().stream().anyMatch(s -> s.contains(MARKER_LINE));
        Statistics.label("a marker line hidden in a statement").collect(hidden);
        Statistics.label("a marker line hidden in a statement").coverage(c -> c.check(true).percentage(p -> p > 40));
    }

    @Provide
    Arbitrary<String> breakpoints() {
        return Arbitraries.of(MARKER_LINE, "\n  " + MigrationFile.BREAKPOINT + "\t\n\n", "\n\n" + MigrationFile.BREAKPOINT + "\n");
    }

    @Provide
    Arbitrary<File> files() {
        return Arbitraries.of(Lexicon.POSTGRESQL, Lexicon.MYSQL, Lexicon.SQLITE)
                .flatMap(lexicon -> statement(lexicon).list().ofMinSize(1).ofMaxSize(5).map(list -> new File(lexicon, list)));
    }

    /** {@code SELECT} and some quoted parts, separated by white space, ending in {@code ;}. */
    static Arbitrary<String> statement(Lexicon lexicon) {
        Arbitrary<String> part = Arbitraries.oneOf(Arbitraries.of("x", "1", "+", "(", ")"),
                content().flatMap(text -> Arbitraries.of(quoters(lexicon)).map(quoter -> quoter.apply(text))));
        Arbitrary<String> space = Arbitraries.of(" ", "\n", "\n\n  ", "\t");
        return Combinators.combine(part, space).as((p, s) -> s + p).list().ofMinSize(1).ofMaxSize(6)
                .map(parts -> "SELECT" + String.join("", parts) + (parts.get(parts.size() - 1).contains("--")
                        || parts.get(parts.size() - 1).contains("#") ? "\n;" : ";"));
    }

    /** Text made of what could confuse a splitter: quotes, escapes, comment starts, line breaks, the marker. */
    static Arbitrary<String> content() {
        return Arbitraries.of("a", " ", "\n", MARKER_LINE, MARKER_LINE, MARKER_LINE, MARKER_LINE, MigrationFile.BREAKPOINT, "'", "\"", "`", "\\", "$", "$$", "$q$",
                "/*", "*/", "--", "#", "[", "]", ";", "é", "\t", "E'").list().ofMaxSize(8).map(l -> String.join("", l));
    }

    /** Every way the lexicon quotes text, each turning any text into one token that holds it. */
    static List<Function<String, String>> quoters(Lexicon lexicon) {
        Function<String, String> lineComment = text -> (lexicon.dashCommentNeedsSpace() ? "-- " : "--")
                + text.replace('\n', ' ') + "\n";
        Function<String, String> blockComment = text -> {
            String body = text.replace("/*", "/ *").replace("*/", "* /");
            return "/*" + body + (body.endsWith("/") ? " " : "") + "*/";
        };
        Function<String, String> doubledQuotes = text -> "'" + text.replace("'", "''") + "'";
        return switch (lexicon.name()) {
            case "postgresql" -> List.of(doubledQuotes, lineComment, blockComment,
                    text -> "E'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'",
                    text -> "\"" + text.replace("\"", "\"\"") + "\"",
                    StatementSplitterPropertyTest::dollarQuoted);
            case "mysql" -> List.of(lineComment, blockComment,
                    text -> "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'",
                    text -> "\"" + text.replace("\\", "\\\\").replace("\"", "\"\"") + "\"",
                    text -> "`" + text.replace("`", "``") + "`",
                    text -> "#" + text.replace('\n', ' ') + "\n");
            default -> List.of(doubledQuotes, lineComment, blockComment,
                    text -> "\"" + text.replace("\"", "\"\"") + "\"",
                    text -> "`" + text.replace("`", "``") + "`",
                    text -> "[" + text.replace("]", "") + "]");
        };
    }

    /** {@code $tag$text$tag$} with the first tag whose delimiter first occurs where the text ends. */
    static String dollarQuoted(String text) {
        for (String tag : List.of("", "q", "sleet_1")) {
            String delimiter = "$" + tag + "$";
            if ((text + delimiter).indexOf(delimiter) == text.length() && !text.endsWith("$")) {
                return delimiter + text + delimiter;
            }
        }
        return "'" + text.replace("'", "''") + "'";
    }
}
