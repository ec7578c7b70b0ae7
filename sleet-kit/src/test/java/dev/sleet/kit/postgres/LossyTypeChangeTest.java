package dev.sleet.kit.postgres;

import dev.sleet.kit.Output;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.dialect.IntrospectOptions;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.loss.DeclaredLossAnswers;
import dev.sleet.kit.loss.LossDecisions;
import dev.sleet.kit.loss.LossInput;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static dev.sleet.kit.postgres.Live.PG;
import static dev.sleet.kit.postgres.Live.apply;
import static dev.sleet.kit.postgres.Live.introspect;
import static dev.sleet.kit.postgres.Live.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each kind of lossy type change, on real rows: asked about, guarded (the migration fails on a table
 * with a value that would not survive, keeping it, and runs where every value survives), and losing
 * values only when the loss is accepted; widening changes are neither asked about nor guarded.
 */
@ExtendWith(PostgresExtension.class)
class LossyTypeChangeTest {

    /**
     * A change of column {@code c} from {@code from} to {@code to} (types as the snapshot spells them),
     * {@code lost} a value (SQL) that does not survive it and {@code kept} one that does, with the text
     * each reads as after the change; {@code lostAfter} null where PostgreSQL refuses the value even
     * when the loss is accepted.
     */
    record Kind(String from, String to, String lost, String lostAfter, String kept, String keptAfter) {
        @Override
        public String toString() {
            return from + " -> " + to;
        }
    }

    static Stream<Kind> lossy() {
        return Stream.of(
                new Kind("text", "varchar(10)", "'thirteen char'", "thirteen c", "'ten chars!'", "ten chars!"),
                new Kind("text", "char(5)", "'ab '", "ab", "'ab'", "ab"),
                new Kind("text[]", "text", "'{a,b}'", "a", "'{a}'", "a"),
                new Kind("numeric(10,2)", "numeric(10,0)", "1.50", "2", "2.00", "2"),
                new Kind("numeric(10,2)", "numeric(5,2)", "12345.67", null, "123.45", "123.45"),
                new Kind("timestamptz", "date", "'2024-01-01 10:00:00+00'", "2024-01-01", "'2024-01-01 00:00:00+00'", "2024-01-01"),
                new Kind("timestamp", "date", "'2024-01-01 10:00:00'", "2024-01-01", "'2024-01-01'", "2024-01-01"),
                new Kind("double precision", "real", "0.123456789", "0.12345679", "0.5", "0.5"),
                new Kind("numeric", "integer", "2.4", "2", "3", "3"),
                new Kind("double precision", "integer", "2.4", "2", "-7", "-7"),
                new Kind("double precision", "numeric", "0.30000000000000004", "0.3", "0.25", "0.25"),
                new Kind("timestamp(6)", "timestamp(0)", "'2024-01-01 10:00:00.4'", "2024-01-01 10:00:00", "'2024-01-01 10:00:01'",
                        "2024-01-01 10:00:01"),
                new Kind("time(6)", "time(0)", "'10:00:00.4'", "10:00:00", "'10:00:01'", "10:00:01"),
                new Kind("bigint", "integer", "3000000000", null, "-5", "-5"),
                new Kind("integer", "smallint", "40000", null, "7", "7"),
                new Kind("text", "integer", "' 42'", "42", "'42'", "42"),
                new Kind("integer", "varchar(3)", "12345", "123", "123", "123"),
                new Kind("varchar(10)[]", "varchar(3)[]", "'{abcd,x}'", "{abc,x}", "'{abc,x}'", "{abc,x}"),
                new Kind("json", "jsonb", "'{\"b\":1,  \"a\":2}'", "{\"a\": 2, \"b\": 1}", "'{\"a\": 2, \"b\": 1}'", "{\"a\": 2, \"b\": 1}"));
    }

    static Stream<Kind> widening() {
        return Stream.of(
                new Kind("varchar(10)", "varchar(20)", null, null, "'ten chars!'", "ten chars!"),
                new Kind("varchar", "text", null, null, "'any text '", "any text "),
                new Kind("text", "varchar", null, null, "'any text '", "any text "),
                new Kind("char(3)", "varchar(3)", null, null, "'ab'", "ab"),
                new Kind("integer", "bigint", null, null, "-2147483648", "-2147483648"),
                new Kind("smallint", "real", null, null, "-32768", "-32768"),
                new Kind("integer", "double precision", null, null, "2147483647", "2147483647"),
                new Kind("integer", "numeric(10,0)", null, null, "2147483647", "2147483647"),
                new Kind("integer", "varchar(11)", null, null, "-2147483648", "-2147483648"),
                new Kind("numeric(10,2)", "numeric(12,3)", null, null, "12345678.91", "12345678.910"),
                new Kind("real", "double precision", null, null, "0.5", "0.5"),
                new Kind("date", "timestamp", null, null, "'2024-01-01'", "2024-01-01 00:00:00"),
                new Kind("timestamp(0)", "timestamp(3)", null, null, "'2024-01-01 10:00:00'", "2024-01-01 10:00:00"),
                new Kind("jsonb", "json", null, null, "'{\"a\": 1}'", "{\"a\": 1}"),
                new Kind("integer", "integer[]", null, null, "5", "{5}"),
                new Kind("uuid", "text", null, null, "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lossy")
    void aLossyChangeIsAskedGuardedAndLosesOnlyWhenAccepted(Kind kind, TestDatabase db) throws SQLException {
        db.execute("CREATE TABLE t (id serial PRIMARY KEY, c " + kind.from() + ");"
                + "INSERT INTO t (c) VALUES (" + kind.kept() + "), (NULL), (" + kind.lost() + ")");
        Snapshot live = introspect(db);
        List<Change> changes = Differ.diff(live, retyped(live, kind.to()));
        assertThat(PG.typeChangeLoss(column(live), column(retyped(live, kind.to())))).isPresent();

        // unanswered: refused, naming the column and its answers
        assertThatThrownBy(() -> decide(changes, LossInput.NONE)).isInstanceOf(SleetException.class)
                .hasMessageContaining("public.t.c: " + kind.from() + " -> " + kind.to())
                .hasMessageContaining("--allow-lossy public.t.c").hasMessageContaining("--accept-loss public.t.c");

        // guarded: the whole migration fails on the table with a value that would not survive, and keeps it
        List<Change> guarded = decide(changes, new LossInput(List.of("public.t.c"), List.of(), null));
        List<String> before = values(db);
        assertThatThrownBy(() -> apply(db, guarded)).isInstanceOf(SQLException.class)
                .hasMessageContaining("Sleet guard").hasMessageContaining("public.t.c");
        assertThat(values(db)).isEqualTo(before);
        assertThat(type(db)).isEqualTo(type(live));

        // accepted: no guard, the file says so, and the value is lost (or PostgreSQL refuses it even so)
        List<Change> accepted = decide(changes, new LossInput(List.of(), List.of("public.t.c"), null));
        assertThat(String.join("\n", PG.sql(accepted))).contains("-- Loss accepted: public.t.c").doesNotContain("LOCK TABLE");
        if (kind.lostAfter() == null) {
            assertThatThrownBy(() -> apply(db, accepted)).isInstanceOf(SQLException.class).hasMessageNotContaining("Sleet guard");
            assertThat(values(db)).isEqualTo(before);
        } else {
            apply(db, accepted);
            assertThat(values(db)).containsExactly(kind.keptAfter(), null, kind.lostAfter());
        }

        // where every value survives, the same guarded migration runs and keeps them
        db.execute("DROP TABLE t; CREATE TABLE t (id serial PRIMARY KEY, c " + kind.from() + ");"
                + "INSERT INTO t (c) VALUES (" + kind.kept() + "), (NULL)");
        apply(db, guarded);
        assertThat(values(db)).containsExactly(kind.keptAfter(), null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("widening")
    void aChangeThatKeepsEveryValueIsNeitherAskedNorGuarded(Kind kind, TestDatabase db) throws SQLException {
        db.execute("CREATE TABLE t (id serial PRIMARY KEY, c " + kind.from() + "); INSERT INTO t (c) VALUES (" + kind.kept() + "), (NULL)");
        Snapshot live = introspect(db);
        List<Change> changes = Differ.diff(live, retyped(live, kind.to()));
        assertThat(PG.typeChangeLoss(column(live), column(retyped(live, kind.to())))).isEmpty();

        assertThat(decide(changes, LossInput.NONE)).isEqualTo(changes);
        assertThat(String.join("\n", apply(db, changes))).doesNotContain("LOCK TABLE", "Loss accepted");
        // (a NULL becomes an array holding NULL, which loses nothing)
        assertThat(values(db)).hasSize(2).first().isEqualTo(kind.keptAfter());
    }

    /** Pairs of built-in types PostgreSQL has no cast between (pg_cast): the value goes by way of its text. */
    static Stream<Kind> withoutCast() {
        return Stream.of(
                new Kind("boolean", "jsonb", null, null, "false", "false"),
                new Kind("integer", "jsonb", null, null, "-42", "-42"),
                new Kind("boolean[]", "jsonb[]", null, null, "'{true,NULL}'", "{true,NULL}"),
                new Kind("boolean", "jsonb[]", null, null, "true", "{true}"),
                new Kind("boolean[]", "jsonb", null, null, "'{true}'", "true"));
    }

    /**
     * A change PostgreSQL has no cast for (a generated boolean made a plain jsonb column, found by
     * MigrationPropertyTest) was written as {@code USING "c"::jsonb}, and the guard's round trip
     * likewise, so the migration failed on any database ("cannot cast type boolean to jsonb").
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("withoutCast")
    void aChangeWithoutACastGoesByWayOfTextGuarded(Kind kind, TestDatabase db) throws SQLException {
        db.execute("CREATE TABLE t (id serial PRIMARY KEY, c " + kind.from() + "); INSERT INTO t (c) VALUES (" + kind.kept() + "), (NULL)");
        Snapshot live = introspect(db);
        List<Change> changes = Differ.diff(live, retyped(live, kind.to()));
        assertThat(PG.typeChangeLoss(column(live), column(retyped(live, kind.to())))).isPresent();

        List<Change> guarded = decide(changes, new LossInput(List.of("public.t.c"), List.of(), null));
        assertThat(String.join("\n", apply(db, guarded))).contains("LOCK TABLE", "::text");
        assertThat(type(db)).isEqualTo(kind.to());
        // (a NULL becomes an array holding NULL, which loses nothing)
        assertThat(values(db)).hasSize(2).first().isEqualTo(kind.keptAfter());
    }

    @Test
    void aValueWhoseTextTheNewTypeDoesNotReadStopsTheGuard(TestDatabase db) throws SQLException {
        db.execute("CREATE TABLE t (id serial PRIMARY KEY, c date); INSERT INTO t (c) VALUES ('2024-01-01')");
        Snapshot live = introspect(db);
        List<Change> guarded = decide(Differ.diff(live, retyped(live, "jsonb")), new LossInput(List.of("public.t.c"), List.of(), null));
        assertThatThrownBy(() -> apply(db, guarded)).isInstanceOf(SQLException.class)
                .hasMessageContaining("Sleet guard: values of public.t.c do not convert from date to jsonb")
                .hasMessageContaining("invalid input syntax for type json");
        assertThat(values(db)).containsExactly("2024-01-01");

        // accepted: the ALTER itself refuses the value, and nothing changes
        List<Change> accepted = List.of(((Change.AlterColumn) guarded.get(0)).withLossAccepted());
        assertThatThrownBy(() -> apply(db, accepted)).isInstanceOf(SQLException.class)
                .hasMessageContaining("invalid input syntax for type json");
        assertThat(type(db)).isEqualTo("date");
    }

    @Test
    void aValueThatDoesNotConvertStopsTheGuardWithTheDatabasesReason(TestDatabase db) throws SQLException {
        db.execute("CREATE TABLE t (id serial PRIMARY KEY, c text); INSERT INTO t (c) VALUES ('42'), ('forty-two')");
        Snapshot live = introspect(db);
        List<Change> guarded = Differ.diff(live, retyped(live, "integer"));
        assertThatThrownBy(() -> apply(db, guarded)).isInstanceOf(SQLException.class)
                .hasMessageContaining("Sleet guard: values of public.t.c do not convert from text to integer")
                .hasMessageContaining("invalid input syntax for type integer");
        assertThat(values(db)).containsExactly("42", "forty-two");
    }

    @Test
    void theGuardPinsTheSettingsItsConversionDependsOn(TestDatabase db) throws SQLException {
        // In UTC every instant is a wall-clock time and back: the guard passes, and the ALTER after it converts
        // in UTC too, whatever the session's time zone (New York would read 10:00 UTC as 05:00).
        db.execute("CREATE TABLE t (id serial PRIMARY KEY, c timestamptz); INSERT INTO t (c) VALUES ('2024-01-01 10:00:00+00')");
        Snapshot live = introspect(db);
        List<Change> guarded = Differ.diff(live, retyped(live, "timestamp"));
        assertThat(PG.typeChangeLoss(column(live), column(retyped(live, "timestamp")))).contains("the time zone is dropped");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'America/New_York'");
            c.setAutoCommit(false);
            for (String statement : PG.sql(guarded)) {
                st.execute(statement);
            }
            c.commit();
        }
        assertThat(values(db)).containsExactly("2024-01-01 10:00:00");
    }

    @Test
    void hostileNamesStayIdentifiersAndLiteralsInTheGuardAndTheComment(TestDatabase db) throws SQLException {
        String schema = "s$sleet_guard$x";
        String table = "t'; DROP TABLE victim; --";
        String column = "c\"$sleet_guard$\\'\nDROP TABLE victim; --";
        String relation = PostgresNames.quote(schema) + "." + PostgresNames.quote(table);
        db.execute("CREATE TABLE victim (id integer); CREATE SCHEMA " + PostgresNames.quote(schema) + ";"
                + "CREATE TABLE " + relation + " (" + PostgresNames.quote(column) + " text);"
                + "INSERT INTO " + relation + " VALUES ('too long here')");
        Snapshot live;
        try (Connection c = db.connect()) {
            live = PG.introspect(c, new IntrospectOptions(List.of(schema), "sleet", "__sleet_migrations")).snapshot();
        }
        List<Change> guarded = Differ.diff(live, retyped(live, "varchar(5)"));
        assertThat(PG.sql(guarded).get(0)).startsWith("DO $sleet_guard1$");
        assertThatThrownBy(() -> apply(db, guarded)).isInstanceOf(SQLException.class)
                .hasMessageContaining("Sleet guard: changing " + schema + "." + table + "." + column + " from text to varchar(5)")
                .hasMessageContaining("1 row");

        List<Change> accepted = List.of(((Change.AlterColumn) guarded.get(0)).withLossAccepted());
        String statement = PG.sql(accepted).get(0);
        assertThat(statement.substring(0, statement.indexOf("ALTER TABLE")).lines()).hasSize(2).allMatch(line -> line.startsWith("-- "));
        apply(db, accepted);
        assertThat(rows(db, "SELECT count(*) FROM victim")).containsExactly("0");
        assertThat(rows(db, "SELECT " + PostgresNames.quote(column) + " FROM " + relation)).containsExactly("too l");
    }

    private static List<Change> decide(List<Change> changes, LossInput input) {
        return LossDecisions.decide(changes, PG, input, DeclaredLossAnswers.NONE, Output.SILENT, "nothing was written");
    }

    /** The snapshot with column c of its one table changed to {@code type}. */
    private static Snapshot retyped(Snapshot snapshot, String type) {
        TableSnapshot table = snapshot.tables().values().iterator().next();
        Map<String, ColumnSnapshot> columns = new LinkedHashMap<>(table.columns());
        String name = columns.keySet().stream().filter(n -> n.startsWith("c")).findFirst().orElseThrow();
        columns.put(name, columns.get(name).withType(type, null, null));
        return snapshot.withTables(new TreeMap<>(Map.of(table.key(), table.withParts(columns, table.primaryKey(),
                table.uniqueConstraints(), table.foreignKeys(), table.indexes()))));
    }

    private static ColumnSnapshot column(Snapshot snapshot) {
        return snapshot.tables().values().iterator().next().columns().get("c");
    }

    private static String type(Snapshot snapshot) {
        return column(snapshot).type();
    }

    private static String type(TestDatabase db) throws SQLException {
        return type(introspect(db));
    }

    private static List<String> values(TestDatabase db) throws SQLException {
        return rows(db, "SELECT c::text FROM t ORDER BY id");
    }
}
