package dev.sleet.kit.postgres;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.diff.Renames;
import dev.sleet.kit.loss.LossyChange;
import dev.sleet.kit.push.DataLoss;
import dev.sleet.kit.push.DataLossCheck;
import dev.sleet.kit.push.LiveNames;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static dev.sleet.kit.postgres.Live.PG;
import static dev.sleet.kit.postgres.Live.apply;
import static dev.sleet.kit.postgres.Live.introspect;
import static dev.sleet.kit.postgres.Live.migrate;
import static dev.sleet.kit.postgres.Live.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A domain whose base type or collation changes ({@code varchar(50)} to {@code varchar(200)}), which
 * {@code ALTER DOMAIN} cannot do, while tables hold rows of it: the old domain is renamed out of the
 * way, the new one made, each column moved over, the old one dropped.
 */
@ExtendWith(PostgresExtension.class)
class DomainMigrationTest {

    private static final String BEFORE = """
            CREATE SCHEMA audit;
            CREATE DOMAIN audit.email AS varchar(50) CHECK (VALUE LIKE '%@%');
            CREATE DOMAIN work_email AS audit.email CHECK (VALUE NOT LIKE '%@home%');
            CREATE TABLE users (id int PRIMARY KEY, email audit.email NOT NULL UNIQUE, old_emails audit.email[] DEFAULT '{}',
                                work work_email, upper_email text GENERATED ALWAYS AS (upper(email)) STORED);
            CREATE INDEX users_work_idx ON users (work);
            CREATE VIEW user_emails AS SELECT id, email FROM users;
            CREATE TABLE audit.logins (user_email audit.email REFERENCES users (email), at int);
            INSERT INTO users (id, email, old_emails, work) VALUES (1, 'ann@example.com', '{a@b.c}', 'ann@corp.com'), (2, 'bob@example.com', NULL, NULL);
            INSERT INTO audit.logins VALUES ('ann@example.com', 1);
            """;

    /** {@link #BEFORE} without its rows, with the email domain over another base type. */
    private static String rebased(String base) {
        return BEFORE.replace("AS varchar(50)", "AS " + base).replaceAll("INSERT INTO[^;]*;", "");
    }

    @Test
    void aWiderBaseTypeMovesEveryColumnAndKeepsTheRows(TestDatabase db, TestDatabase target) throws SQLException {
        String after = rebased("varchar(200)");

        List<String> sql = migrate(db, BEFORE, target, after);

        assertThat(String.join("\n", sql)).contains("RENAME TO").doesNotContain("DROP DOMAIN \"audit\".\"email\";");
        assertThat(rows(db, "SELECT id || ':' || email || ':' || coalesce(old_emails::text, '-') || ':' || coalesce(work, '-')"
                + " || ':' || upper_email FROM users ORDER BY id"))
                .containsExactly("1:ann@example.com:{a@b.c}:ann@corp.com:ANN@EXAMPLE.COM", "2:bob@example.com:-:-:BOB@EXAMPLE.COM");
        assertThat(rows(db, "SELECT user_email FROM audit.logins")).containsExactly("ann@example.com");
        assertThat(rows(db, "SELECT email FROM user_emails ORDER BY id")).containsExactly("ann@example.com", "bob@example.com");
        db.execute("INSERT INTO users (id, email) VALUES (3, '" + "x".repeat(100) + "@example.com')");
        // The checks came along: the new domain and the one over it still refuse what they refused.
        assertThatThrownBy(() -> db.execute("INSERT INTO users (id, email) VALUES (4, 'no at sign')"))
                .hasMessageContaining("email_check");
        assertThatThrownBy(() -> db.execute("INSERT INTO users (id, email, work) VALUES (5, 'e@x.y', 'me@home.net')"))
                .hasMessageContaining("work_email_check");
        assertThat(rows(db, "SELECT count(*)::text FROM pg_type WHERE typname LIKE '%email%old%'")).containsExactly("0");
    }

    @Test
    void aNarrowerBaseTypeIsALossThatIsAskedAboutAndGuarded(TestDatabase db, TestDatabase target) throws SQLException {
        db.execute(BEFORE);
        db.execute("INSERT INTO users (id, email) VALUES (3, 'x@" + "y".repeat(40) + "')");
        target.execute(rebased("varchar(20)"));
        Snapshot before = introspect(db);
        List<Change> changes = Differ.diff(before, introspect(target));

        List<LossyChange> lossy = LossyChange.in(changes, PG);
        assertThat(lossy).extracting(LossyChange::subject)
                .contains("public.users.email", "public.users.old_emails", "audit.logins.user_email");
        assertThat(lossy).allSatisfy(l -> assertThat(l.reason()).contains("20"));

        // Written without accepting the loss, the guard stops the migration and nothing changes.
        assertThatThrownBy(() -> apply(db, changes)).isInstanceOf(SQLException.class).hasMessageContaining("public.users.email");
        assertThat(introspect(db)).isEqualTo(before);
        assertThat(rows(db, "SELECT count(*)::text FROM users")).containsExactly("3");

        // Push counts the rows that would change, column by column.
        List<DataLoss> losses;
        try (Connection c = db.connect()) {
            losses = DataLossCheck.forDialect("postgresql").check(c, before, changes, new LiveNames(Renames.NONE));
        }
        assertThat(losses).filteredOn(DataLoss::typeChange).extracting(DataLoss::subject, DataLoss::rows)
                .containsExactly(tuple("public.users.email", 1L));

        // Accepted, the values are cut to the new length, as generate --accept-loss writes it.
        apply(db, changes.stream().map(c -> c instanceof Change.ColumnConversion a ? a.withLossAccepted() : c).toList());
        assertThat(rows(db, "SELECT email FROM users WHERE id = 3")).containsExactly("x@" + "y".repeat(18));
        assertThat(Differ.diff(introspect(db), introspect(target))).isEmpty();
    }

    @Test
    void aNarrowerBaseTypeThatEveryRowFitsMigrates(TestDatabase db, TestDatabase target) throws SQLException {
        String after = rebased("varchar(20)");

        migrate(db, BEFORE, target, after);

        assertThat(rows(db, "SELECT email FROM users ORDER BY id")).containsExactly("ann@example.com", "bob@example.com");
    }

    @Test
    void aDomainOverARecreatedEnumMovesWithIt(TestDatabase db, TestDatabase target) throws SQLException {
        String before = """
                CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
                CREATE DOMAIN feeling AS mood DEFAULT 'ok';
                CREATE TABLE diary (day int, f feeling);
                INSERT INTO diary VALUES (1, 'happy'), (2, 'ok');
                """;
        String after = """
                CREATE TYPE mood AS ENUM ('happy', 'ok');
                CREATE DOMAIN feeling AS mood DEFAULT 'ok';
                CREATE TABLE diary (day int, f feeling);
                """;

        migrate(db, before, target, after);

        assertThat(rows(db, "SELECT day || ':' || f FROM diary ORDER BY f, day")).containsExactly("1:happy", "2:ok");
    }

    @Test
    void functionsOverARecreatedDomainOrEnumAreMadeAgainOverTheNewOne(TestDatabase db, TestDatabase target) throws SQLException {
        String functions = """
                CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
                CREATE FUNCTION domain_of(e audit.email) RETURNS text LANGUAGE sql AS 'SELECT e::text';
                CREATE FUNCTION cheer(m mood) RETURNS mood LANGUAGE sql AS $$SELECT 'happy'::mood$$;
                CREATE TABLE moods (m mood);
                """;
        String after = rebased("varchar(200)")
                + functions.replace("('sad', 'ok', 'happy')", "('happy', 'ok')");

        migrate(db, BEFORE + functions + "INSERT INTO moods VALUES ('ok');", target, after);

        assertThat(rows(db, "SELECT domain_of(email) FROM users ORDER BY id")).containsExactly("ann@example.com", "bob@example.com");
        assertThat(rows(db, "SELECT cheer(m)::text FROM moods")).containsExactly("happy");
    }

    @Test
    void functionsOverARecreatedDomainOrEnumThatGoAreDroppedBeforeTheTypeIsRenamed(TestDatabase db, TestDatabase target)
            throws SQLException {
        // Found by ObjectsPropertyTest: dropped last, "DROP FUNCTION f(v audit.email)" named the new domain by then.
        String functions = """
                CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
                CREATE FUNCTION domain_of(e audit.email) RETURNS text LANGUAGE sql AS 'SELECT e::text';
                CREATE FUNCTION cheer(m mood) RETURNS mood LANGUAGE sql AS $$SELECT 'happy'::mood$$;
                """;
        String after = rebased("varchar(200)")
                + "CREATE TYPE mood AS ENUM ('happy', 'ok');";

        migrate(db, BEFORE + functions, target, after);

        assertThat(rows(db, "SELECT count(*)::text FROM pg_proc WHERE proname IN ('domain_of', 'cheer')")).containsExactly("0");
    }

    @Test
    void aCompositeTypeOverTheDomainStillStopsTheMigrationWithPostgresqlsReason(TestDatabase db, TestDatabase target)
            throws SQLException {
        String type = "CREATE TYPE audit.contact AS (name text, email audit.email);";
        db.execute(BEFORE + type);
        target.execute(rebased("varchar(200)") + type);
        Snapshot before = introspect(db);

        assertThatThrownBy(() -> apply(db, Differ.diff(before, introspect(target))))
                .isInstanceOf(SQLException.class).hasMessageContaining("depend");
        assertThat(introspect(db)).isEqualTo(before);
        assertThat(rows(db, "SELECT count(*)::text FROM users")).containsExactly("2");
    }
}
