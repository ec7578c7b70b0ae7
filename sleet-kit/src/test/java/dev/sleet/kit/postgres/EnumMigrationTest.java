package dev.sleet.kit.postgres;

import dev.sleet.kit.dialect.IntrospectOptions;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.diff.MigrationSteps;
import dev.sleet.kit.history.MigrationHistory;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotJson;
import dev.sleet.migrate.Journal;
import dev.sleet.migrate.MigrationReport;
import dev.sleet.migrate.MigrationSource;
import dev.sleet.migrate.Migrator;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Enum type changes carried out on a real PostgreSQL, with data in the tables. */
@ExtendWith(PostgresExtension.class)
class EnumMigrationTest {

    private static final PostgresDialect PG = PostgresDialect.INSTANCE;
    private static final IntrospectOptions OPTIONS = new IntrospectOptions(List.of("public", "audit"), "sleet", "__sleet_migrations");

    @Test
    void removingALabelRecreatesTheTypeAndKeepsTheRows(TestDatabase db, TestDatabase target) throws SQLException {
        db.execute("""
                CREATE SCHEMA audit;
                CREATE TYPE audit.status AS ENUM ('new', 'old', 'gone');
                CREATE TABLE items (id int, s audit.status NOT NULL DEFAULT 'new', ss audit.status[] DEFAULT '{new,old}',
                                    doomed audit.status);
                CREATE INDEX items_s_idx ON items (s);
                INSERT INTO items VALUES (1, 'new', '{old,new}', 'gone'), (2, 'old', NULL, NULL);
                """);
        target.execute("""
                CREATE SCHEMA audit;
                CREATE TYPE audit.status AS ENUM ('old', 'new', 'fresh');
                CREATE TABLE items (id int, s audit.status NOT NULL DEFAULT 'fresh', ss audit.status[] DEFAULT '{new,old}');
                CREATE INDEX items_s_idx ON items (s);
                """);
        Snapshot before = introspect(db);
        Snapshot after = introspect(target);

        List<Change> changes = Differ.diff(before, after);
        assertThat(changes).hasAtLeastOneElementOfType(Change.RecreateEnum.class);
        apply(db, changes);

        Snapshot live = introspect(db);
        assertThat(SnapshotJson.toJson(live)).isEqualTo(SnapshotJson.toJson(after));
        assertThat(rows(db, "SELECT id || ':' || s || ':' || coalesce(ss::text, '-') FROM items ORDER BY id"))
                .containsExactly("1:new:{old,new}", "2:old:-");
        // the new order holds: 'old' sorts first now
        assertThat(rows(db, "SELECT s::text FROM items ORDER BY items.s")).containsExactly("old", "new");
        assertThat(rows(db, "SELECT count(*)::text FROM pg_type WHERE typname LIKE 'status%'")).containsExactly("1");
    }

    @Test
    void aTypeAlreadyHoldingTheRetiredNameIsLeftAlone(TestDatabase db, TestDatabase target) throws SQLException {
        String others = "CREATE TYPE status__old AS ENUM ('x'); CREATE TABLE keep (s status__old); INSERT INTO keep VALUES ('x');";
        db.execute("CREATE TYPE status AS ENUM ('a', 'b'); CREATE TABLE t (s status); INSERT INTO t VALUES ('a');" + others);
        target.execute("CREATE TYPE status AS ENUM ('b', 'a'); CREATE TABLE t (s status);" + others.replace("INSERT INTO keep VALUES ('x');", ""));

        List<Change> changes = Differ.diff(introspect(db), introspect(target));
        apply(db, changes);

        assertThat(PG.sql(changes)).contains("DROP TYPE \"public\".\"status__old2\";");
        assertThat(rows(db, "SELECT s::text FROM t")).containsExactly("a");
        assertThat(rows(db, "SELECT s::text FROM keep")).containsExactly("x");
    }

    @Test
    void removingALabelStillInUseFailsWithoutChangingAnything(TestDatabase db, TestDatabase target) throws SQLException {
        db.execute("CREATE TYPE status AS ENUM ('a', 'b'); CREATE TABLE t (s status); INSERT INTO t VALUES ('b');");
        target.execute("CREATE TYPE status AS ENUM ('a'); CREATE TABLE t (s status);");
        Snapshot before = introspect(db);
        List<String> sql = PG.sql(Differ.diff(before, introspect(target)));

        assertThatThrownBy(() -> {
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                for (String statement : sql) {
                    st.execute(statement);
                }
                c.commit();
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("invalid input value for enum");
        assertThat(introspect(db)).isEqualTo(before);
    }

    @Test
    void aNewLabelUsedByADefaultMigratesInTwoFiles(TestDatabase db, TestDatabase target, @TempDir Path dir) throws SQLException {
        db.execute("CREATE TYPE status AS ENUM ('a', 'c'); CREATE TABLE t (s status DEFAULT 'a'); INSERT INTO t VALUES ('c');");
        target.execute("""
                CREATE TYPE status AS ENUM ('a', 'b', 'c', 'd');
                CREATE TABLE t (s status DEFAULT 'b', n status[] DEFAULT '{d}');
                """);
        Snapshot before = introspect(db);
        Snapshot after = introspect(target);
        // A history whose latest snapshot is the database as it is...
        MigrationHistory history = MigrationHistory.open(dir, "postgresql");
        history = history.append(List.of("SELECT 1;"), "", before, "start", null).history();
        Migrator migrator = Migrator.builder(db.dataSource()).source(MigrationSource.folder(dir)).build();
        migrator.migrate();

        // ...and the change written as generate writes it.
        List<Change> changes = Differ.diff(history.latestSnapshot(), after);
        for (MigrationSteps.Step step : MigrationSteps.split(history.latestSnapshot(), after, changes)) {
            history = history.append(PG.sql(step.changes()), "", step.after(), "labels", null, step.transactional()).history();
        }
        Journal journal = Journal.read(Journal.location(dir));
        assertThat(journal.entries()).extracting(e -> e.transaction()).containsExactly(true, false, true);

        MigrationReport report = migrator.migrate();

        assertThat(report.applied()).hasSize(2);
        assertThat(SnapshotJson.toJson(introspect(db))).isEqualTo(SnapshotJson.toJson(after));
        db.execute("INSERT INTO t DEFAULT VALUES");
        assertThat(rows(db, "SELECT s || coalesce(n::text, '-') FROM t ORDER BY s")).containsExactly("b{d}", "c{d}");
        // All in one transaction, PostgreSQL refuses the new label.
        assertThatThrownBy(() -> {
            try (TestDatabase other = TestDatabase.create("sleet_enum_one_tx")) {
                other.execute("CREATE TYPE status AS ENUM ('a', 'c'); CREATE TABLE t (s status DEFAULT 'a');");
                try (Connection c = other.connect(); Statement st = c.createStatement()) {
                    c.setAutoCommit(false);
                    for (String statement : PG.sql(changes)) {
                        st.execute(statement);
                    }
                }
            }
        }).hasMessageContaining("unsafe use of new value");
    }

    @Test
    void renamesOfTypesLabelsAndSequencesKeepTheirData(TestDatabase db) throws SQLException {
        db.execute("""
                CREATE SCHEMA audit; CREATE TYPE audit.status AS ENUM ('a', 'b'); CREATE SEQUENCE audit.numbers;
                CREATE TABLE audit.t (s audit.status); INSERT INTO audit.t VALUES ('a'); SELECT nextval('audit.numbers');
                """);

        apply(db, List.of(new Change.RenameEnum("audit", "status", "state"),
                new Change.RenameEnumValue("audit", "state", "a", "active"),
                new Change.RenameSequence("audit", "numbers", "counter")));

        Snapshot live = introspect(db);
        assertThat(live.enums()).containsOnlyKeys("audit.state");
        assertThat(live.enums().get("audit.state").values()).containsExactly("active", "b");
        assertThat(live.sequences()).containsOnlyKeys("audit.counter");
        assertThat(rows(db, "SELECT s::text FROM audit.t")).containsExactly("active");
        assertThat(rows(db, "SELECT nextval('audit.counter')::text")).containsExactly("2");
    }

    private static Snapshot introspect(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return PG.introspect(c, OPTIONS).snapshot();
        }
    }

    private static void apply(TestDatabase db, List<Change> changes) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String sql : PG.sql(changes)) {
                st.execute(sql);
            }
        }
    }

    private static List<String> rows(TestDatabase db, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
