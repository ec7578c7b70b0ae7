package dev.sleet.kit.postgres;

import dev.sleet.testing.TestDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sleet writes jsonb and interval defaults as PostgreSQL prints them ({@link PostgresJsonb},
 * {@link PostgresIntervals}); each property asks a real PostgreSQL how it prints random input
 * and compares. Inputs PostgreSQL refuses are not Sleet's to spell, and are skipped.
 */
class PrintedLiteralsPropertyTest {

    private static TestDatabase database;
    private static Connection connection;

    @BeforeContainer
    static void open() throws SQLException {
        database = TestDatabase.create("sleet_literals");
        connection = database.connect();
        try (Statement st = connection.createStatement()) {
            st.execute("SET IntervalStyle = postgres");
        }
    }

    @AfterContainer
    static void close() throws SQLException {
        connection.close();
        database.close();
    }

    /** How PostgreSQL prints {@code text} read as {@code type}; empty when it refuses the text. */
    private static Optional<String> printed(String text, String type) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT (?::" + type + ")::text")) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.of(rs.getString(1));
            }
        } catch (SQLException e) {
            if ("22P02".equals(e.getSQLState()) || "22007".equals(e.getSQLState()) || "22008".equals(e.getSQLState())
                    || "22015".equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    @StatisticsReport(onFailureOnly = true)
    void intervalsAreWrittenAsPostgresPrintsThem(@ForAll("intervals") String text) throws SQLException {
        Optional<String> expected = printed(text, "interval");
        Statistics.label("PostgreSQL").collect(expected.isPresent() ? "accepts" : "refuses");
        // Skipped inputs must stay the exception, or the property would pass without comparing anything.
        Statistics.label("PostgreSQL").coverage(c -> c.check("accepts").percentage(p -> p > 50));
        if (expected.isEmpty()) {
            return;
        }
        assertThat(PostgresIntervals.canonical(text)).as(text).contains(expected.get());
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void jsonbIsWrittenAsPostgresPrintsIt(@ForAll("json") String text) throws SQLException {
        Optional<String> expected = printed(text, "jsonb");
        assertThat(expected).as("PostgreSQL should accept " + text).isPresent();
        assertThat(PostgresJsonb.canonical(text)).as(text).isEqualTo(expected.get());
    }

    @Example
    void literalsCarryTheCastPostgresPrints() {
        assertThat(PostgresLiterals.literal("{\"b\":1,\"a\":\"it's\"}", "jsonb")).isEqualTo("'{\"a\": \"it''s\", \"b\": 1}'::jsonb");
        assertThat(PostgresLiterals.literal("90 minutes", "interval")).isEqualTo("'01:30:00'::interval");
        // An unfamiliar spelling is kept as written rather than guessed at.
        assertThat(PostgresLiterals.literal("1 01:00", "interval")).isEqualTo("'1 01:00'::interval");
        // An array default given as text keeps the array type in its cast.
        assertThat(PostgresLiterals.literal("{1,2}", "integer[]")).isEqualTo("'{1,2}'::integer[]");
        assertThat(PostgresLiterals.literal(new Integer[] {1, 2}, "integer[]")).isEqualTo("'{1,2}'::integer[]");
    }

    @Example
    void invalidJsonIsAClearError() {
        assertThatThrownBy(() -> PostgresLiterals.literal("{\"a\":", "jsonb"))
                .hasMessageStartingWith("A jsonb default is not valid JSON");
        assertThatThrownBy(() -> PostgresLiterals.literal("1 2", "jsonb"))
                .hasMessageStartingWith("A jsonb default must be one JSON value");
    }

    // --- generators ---

    private static final List<List<String>> UNIT_GROUPS = List.of(
            List.of("microseconds", "microsecond", "usec", "us"),
            List.of("milliseconds", "millisecond", "msec", "ms"),
            List.of("seconds", "second", "sec", "secs", "s"),
            List.of("minutes", "minute", "min", "mins", "m"),
            List.of("hours", "hour", "hr", "hrs", "h"),
            List.of("days", "day", "d", "weeks", "week", "w"),
            List.of("months", "month", "mon", "mons"),
            List.of("years", "year", "y", "yr", "decades", "decade", "century", "centuries", "millennium"));

    @Provide
    Arbitrary<String> intervals() {
        return Arbitraries.oneOf(postgresIntervals(), isoIntervals(), Arbitraries.integers().between(-100_000, 100_000).map(String::valueOf));
    }

    private Arbitrary<String> number(int max) {
        Arbitrary<String> whole = Arbitraries.integers().between(0, max).map(String::valueOf);
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4).map(f -> "." + f));
        Arbitrary<String> sign = Arbitraries.of("", "", "-", "+");
        return Combinators.combine(sign, whole, fraction).as((s, w, f) -> s + w + f);
    }

    private Arbitrary<String> postgresIntervals() {
        Arbitrary<List<Integer>> groups = Arbitraries.integers().between(0, UNIT_GROUPS.size() - 1).set().ofMinSize(1).ofMaxSize(4)
                .map(ArrayList::new);
        return groups.flatMap(chosen -> {
            List<Arbitrary<String>> parts = new ArrayList<>();
            for (int group : chosen) {
                Arbitrary<String> unit = Arbitraries.of(UNIT_GROUPS.get(group));
                Arbitrary<String> space = Arbitraries.of(" ", "", "  ");
                parts.add(Combinators.combine(number(group >= 6 ? 40 : 500), space, unit).as((n, s, u) -> n + s + u));
            }
            boolean noClock = chosen.stream().noneMatch(g -> g >= 2 && g <= 4);
            Arbitrary<String> clock = noClock
                    ? Arbitraries.oneOf(Arbitraries.just(""), Combinators.combine(Arbitraries.of("", "-", "+"),
                            Arbitraries.integers().between(0, 30), Arbitraries.integers().between(0, 59),
                            Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.integers().between(0, 59).map(s -> String.format(":%02d", s)),
                                    Arbitraries.integers().between(0, 59).map(s -> String.format(":%02d.%d", s, s * 7))))
                            .as((sign, h, m, rest) -> " " + sign + h + ":" + String.format("%02d", m) + rest))
                    : Arbitraries.just("");
            return Combinators.combine(Arbitraries.of("", "@ "), Arbitraries.just(parts).flatMap(PrintedLiteralsPropertyTest::shuffledJoin),
                    clock, Arbitraries.of("", "", " ago")).as((at, body, c, ago) -> at + body + c + ago);
        });
    }

    private static Arbitrary<String> shuffledJoin(List<Arbitrary<String>> parts) {
        return Combinators.combine(parts).as(values -> {
            List<String> copy = new ArrayList<>(values);
            Collections.shuffle(copy, new java.util.Random(copy.hashCode()));
            return String.join(" ", copy);
        });
    }

    private Arbitrary<String> isoIntervals() {
        Arbitrary<String> date = Combinators.combine(part("Y", 30), part("M", 30), part("W", 10), part("D", 60))
                .as((y, m, w, d) -> y + m + w + d);
        Arbitrary<String> time = Combinators.combine(part("H", 50), part("M", 90), part("S", 200)).as((h, m, s) -> h + m + s);
        return Combinators.combine(date, time).as((d, t) -> "P" + d + (t.isEmpty() ? "" : "T" + t))
                .filter(text -> !text.equals("P"));
    }

    private Arbitrary<String> part(String designator, int max) {
        return Arbitraries.oneOf(Arbitraries.just(""), number(max).filter(n -> !n.startsWith("+")).map(n -> n + designator));
    }

    @Provide
    Arbitrary<String> json() {
        return jsonValue(3).flatMap(v -> Arbitraries.of(" ", "", "\n").map(pad -> pad + v + pad));
    }

    private Arbitrary<String> jsonValue(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.of("true", "false", "null", "0", "-0", "1.50", "-0.0", "1e2", "1E-3", "2.5e+1", "12345678901234567890123",
                        "3.14159", "-7"),
                Arbitraries.integers().map(String::valueOf),
                jsonString());
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> array = jsonValue(depth - 1).list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object = Combinators.combine(jsonKey(), jsonValue(depth - 1)).as((k, v) -> k + ":" + v)
                .list().ofMaxSize(5).map(fields -> "{" + String.join(", ", fields) + "}");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalar), net.jqwik.api.Tuple.of(2, array), net.jqwik.api.Tuple.of(2, object));
    }

    private Arbitrary<String> jsonKey() {
        return Arbitraries.oneOf(Arbitraries.of("\"a\"", "\"b\"", "\"ab\"", "\"B\"", "\"é\"", "\"aa\"", "\"\""), jsonString());
    }

    private Arbitrary<String> jsonString() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcXYZ é€'").ofMaxLength(4),
                Arbitraries.of("\\\"", "\\\\", "\\n", "\\t", "\\b", "\\f", "\\r", "\\u0001", "\\u001f", "\\u00e9", "\\/", "\\ud83d\\ude00"));
        return piece.list().ofMaxSize(4).map(pieces -> "\"" + String.join("", pieces) + "\"");
    }
}
