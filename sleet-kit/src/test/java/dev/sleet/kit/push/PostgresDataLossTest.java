package dev.sleet.kit.push;

import dev.sleet.kit.dialect.IntrospectOptions;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.diff.Renames;
import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The row counts behind push's data-loss warnings, on real rows. */
@ExtendWith(PostgresExtension.class)
class PostgresDataLossTest {

    private static final PostgresDialect PG = PostgresDialect.INSTANCE;

    @Test
    void countsTheRowsEachRiskyChangeTouches(TestDatabase db, TestDatabase target) throws SQLException {
        db.execute("""
                CREATE SCHEMA audit;
                CREATE TABLE audit.log (id serial PRIMARY KEY, line text);
                INSERT INTO audit.log (line) VALUES ('a'), ('b');
                CREATE TABLE gone (id integer);
                INSERT INTO gone VALUES (1), (2), (3);
                CREATE TABLE empty_gone (id integer);
                CREATE TABLE t (
                    id serial PRIMARY KEY,
                    code varchar(100), note text, big bigint, price numeric(10,2), ratio double precision,
                    stamp timestamp(6), flag text, bio text, nick text, safe varchar(10), widened integer);
                INSERT INTO t (code, note, big, price, ratio, stamp, flag, bio, nick, safe, widened) VALUES
                    ('short', 'tiny', 1, 1.50, 0.5, '2024-01-01 10:00:00.123456', '1', 'x', NULL, 'ok', 1),
                    ('far too long for ten', 'a rather long note', 3000000000, 123456.78, 2.25, '2024-01-01 10:00:00', 'yes', NULL, NULL, 'ok', 2),
                    ('exactly 10', NULL, -5000000000, 99.999, NULL, NULL, NULL, 'y', 'n', NULL, 3);
                """);
        target.execute("""
                CREATE TABLE t (
                    id serial PRIMARY KEY,
                    code varchar(10), note varchar(5), big integer, price numeric(6,1), ratio integer,
                    stamp timestamp(0), flag integer, nick text NOT NULL, safe varchar(20), widened bigint,
                    added text NOT NULL);
                """);
        Snapshot live = introspect(db);
        Snapshot code = introspect(target);

        List<DataLoss> losses;
        try (Connection c = db.connect()) {
            losses = DataLossCheck.forDialect("postgresql").check(c, live, Differ.diff(live, code), new LiveNames(Renames.NONE));
        }

        assertThat(losses).extracting(DataLoss::message).containsExactlyInAnyOrder(
                "drops schema audit, whose 1 table holds 2 rows",
                "drops table audit.log and its 2 rows",
                "drops table public.gone and its 3 rows",
                "drops column public.t.bio, which holds values in 2 rows",
                "changes the type of public.t.code from varchar(100) to varchar(10): 1 row would change (values longer than 10 characters are cut)",
                "changes the type of public.t.note from text to varchar(5): 1 row would change (values longer than 5 characters are cut)",
                "changes the type of public.t.big from bigint to integer: 2 rows would change (values outside the range of integer do not fit)",
                "changes the type of public.t.price from numeric(10,2) to numeric(6,1): 1 row would change (values are rounded to 1 decimal place, "
                        + "and values of 6 or more digits before the point do not fit)",
                "changes the type of public.t.ratio from double precision to integer: 2 rows would change (fractions are rounded away, "
                        + "and values outside the range of integer do not fit)",
                "changes the type of public.t.stamp from timestamp(6) to timestamp(0): 1 row would change (fractional seconds are rounded away)",
                "changes the type of public.t.flag from text to integer: 2 rows hold values, and some do not convert (ERROR: invalid input syntax for type integer: \"yes\")",
                "sets public.t.nick NOT NULL, but 2 rows hold NULL there (the push fails unless they are filled in first)",
                "adds column public.t.added NOT NULL without a default to a table with 3 rows (the push fails unless the column gets a default or the rows are removed)");
        // widening (varchar(10) -> varchar(20), integer -> bigint) and the empty table are not data loss
        assertThat(losses).extracting(DataLoss::subject).doesNotContain("public.t.safe", "public.t.widened", "public.empty_gone");
        assertThat(losses).filteredOn(l -> l.subject().equals("public.gone")).extracting(DataLoss::rows).containsExactly(3L);
    }

    @Test
    void risksOfARenamedTableAreCountedUnderItsLiveName(TestDatabase db, TestDatabase target) throws SQLException {
        db.execute("CREATE TABLE users (id integer, bio text, name text); INSERT INTO users VALUES (1, 'b', NULL);");
        Snapshot live = introspect(db);
        target.execute("CREATE TABLE accounts (id integer, full_name text NOT NULL);");
        Snapshot code = introspect(target);
        Renames renames = new Renames(Map.of("public.users", "public.accounts"), Map.of("public.accounts.name", "public.accounts.full_name"));
        List<DataLoss> losses;
        try (Connection c = db.connect()) {
            losses = DataLossCheck.forDialect("postgresql").check(c, live, Differ.diff(live, code, renames), new LiveNames(renames));
        }
        assertThat(losses).extracting(DataLoss::message).containsExactly(
                "sets public.accounts.full_name NOT NULL, but 1 row holds NULL there (the push fails unless they are filled in first)",
                "drops column public.accounts.bio, which holds values in 1 row");
    }

    static Snapshot introspect(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return PG.introspect(c, new IntrospectOptions(List.of("public", "audit"), "sleet", "__sleet_migrations")).snapshot();
        }
    }
}
