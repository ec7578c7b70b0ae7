package dev.sleet.kit.postgres;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.diff.MigrationSteps;
import dev.sleet.kit.history.MigrationHistory;
import dev.sleet.kit.snapshot.IndexKeySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.migrate.Journal;
import dev.sleet.migrate.JournalEntry;
import dev.sleet.migrate.MigrationSource;
import dev.sleet.migrate.Migrator;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeMap;

import static dev.sleet.kit.postgres.Live.PG;
import static dev.sleet.kit.postgres.Live.introspect;
import static dev.sleet.kit.postgres.Live.migrate;
import static org.assertj.core.api.Assertions.assertThat;

/** Indexes with every option, read from the catalog and migrated on a real PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class IndexMigrationTest {

    @Test
    void everyIndexOptionReadsBack(TestDatabase db) throws SQLException {
        db.execute("""
                CREATE TABLE u (id int, email text, created timestamptz, name varchar(20), active boolean, tags text[]);
                CREATE INDEX u_lower ON u (lower(email));
                CREATE INDEX u_order ON u (created DESC NULLS LAST, name NULLS FIRST, id DESC);
                CREATE INDEX u_pattern ON u (name varchar_pattern_ops) WHERE active;
                CREATE INDEX u_tags ON u USING gin (tags) WITH (fastupdate = off);
                CREATE UNIQUE INDEX u_email ON u (email) NULLS NOT DISTINCT;
                CREATE INDEX u_plain ON u (id, email);
                CREATE INDEX u_include ON u (id) INCLUDE (email);
                CREATE INDEX u_collate ON u (email COLLATE "C");
                CREATE INDEX u_lower_collate ON u (lower(email) COLLATE "C");
                """);

        dev.sleet.kit.dialect.Introspection read;
        try (java.sql.Connection c = db.connect()) {
            read = PG.introspect(c, Live.OPTIONS);
        }
        TableSnapshot u = read.snapshot().tables().get("public.u");

        assertThat(u.indexes().get("u_lower").keys()).containsExactly(new IndexKeySnapshot(null, "lower(email)", null, false, null));
        assertThat(u.indexes().get("u_order").keys()).containsExactly(
                new IndexKeySnapshot("created", null, null, true, "last"),
                new IndexKeySnapshot("name", null, null, false, "first"),
                new IndexKeySnapshot("id", null, null, true, null));
        assertThat(u.indexes().get("u_pattern").keys()).containsExactly(
                new IndexKeySnapshot("name", null, "varchar_pattern_ops", false, null));
        assertThat(u.indexes().get("u_pattern").where()).isEqualTo("active");
        assertThat(u.indexes().get("u_tags").with()).containsEntry("fastupdate", "off");
        assertThat(u.indexes().get("u_tags").method()).isEqualTo("gin");
        assertThat(u.indexes().get("u_email").nullsNotDistinct()).isTrue();
        assertThat(u.indexes().get("u_plain")).isEqualTo(new IndexSnapshot("u_plain", List.of("id", "email"), false, "btree"));
        // What Sleet cannot represent yet is left out, with the index's definition in the warning.
        assertThat(u.indexes().get("u_include").include()).containsExactly("email");
        assertThat(read.warnings()).isEmpty();
        // A key's collation other than its column's (or expression's) own is read (issue 11).
        assertThat(u.indexes().get("u_collate").keys()).containsExactly(
                new IndexKeySnapshot("email", null, null, false, null, "C", null));
        assertThat(u.indexes().get("u_lower_collate").keys()).containsExactly(
                new IndexKeySnapshot(null, "lower(email)", null, false, null, "C", null));
    }

    @Test
    void aForeignKeyMayReferenceAUniqueIndexCreatedInTheSameMigration(TestDatabase db, TestDatabase target) throws SQLException {
        // Found on hatchet's schema: PostgreSQL accepts a unique index (not only a key) as what a foreign key references.
        List<String> sql = migrate(db, "CREATE TABLE a (x int, y int); CREATE TABLE b (x int, y int);", target, """
                CREATE TABLE a (x int, y int);
                CREATE UNIQUE INDEX a_y_x ON a (y, x);
                CREATE TABLE b (x int, y int, CONSTRAINT b_a FOREIGN KEY (y, x) REFERENCES a (y, x));
                """);
        assertThat(sql.indexOf("CREATE UNIQUE INDEX \"a_y_x\" ON \"a\" USING btree (\"y\",\"x\");"))
                .isNotNegative().isLessThan(sql.stream().filter(s -> s.contains("FOREIGN KEY")).findFirst().map(sql::indexOf).orElse(-1));
    }

    @Test
    void changedIndexesAreRebuilt(TestDatabase db, TestDatabase target) throws SQLException {
        List<String> sql = migrate(db, """
                CREATE TABLE u (id int, email text, active boolean);
                CREATE INDEX u_a ON u (email);
                CREATE INDEX u_b ON u (lower(email)) WHERE active;
                CREATE INDEX u_c ON u (id) WITH (fillfactor = 50);
                INSERT INTO u VALUES (1, 'A@x', true);
                """, target, """
                CREATE TABLE u (id int, email text, active boolean);
                CREATE INDEX u_a ON u (email DESC);
                CREATE INDEX u_b ON u (lower(email)) WHERE NOT active;
                CREATE INDEX u_c ON u (id) WITH (fillfactor = 60);
                CREATE INDEX u_d ON u ((id + 1), email text_pattern_ops);
                """);

        assertThat(sql).contains("CREATE INDEX \"u_d\" ON \"u\" USING btree (((id + 1)),\"email\" text_pattern_ops);");
        assertThat(sql).filteredOn(s -> s.startsWith("DROP INDEX")).hasSize(3);
    }

    @Test
    void aConcurrentIndexBuildRunsInItsOwnFileOutsideATransaction(TestDatabase db, @TempDir Path dir) throws Exception {
        db.execute("CREATE TABLE big (id int, v text); INSERT INTO big SELECT g, 'v' || g FROM generate_series(1, 1000) g;");
        Snapshot before = introspect(db);
        MigrationHistory history = MigrationHistory.open(dir, "postgresql")
                .append(List.of("SELECT 1;"), "", before, "start", null).history();
        Migrator migrator = Migrator.builder(db.dataSource()).source(MigrationSource.folder(dir)).build();
        migrator.migrate();

        TableSnapshot big = before.tables().get("public.big");
        TreeMap<String, IndexSnapshot> indexes = new TreeMap<>();
        indexes.put("big_v", new IndexSnapshot("big_v", List.of("v"), false, "btree").withConcurrently(true));
        indexes.put("big_id", new IndexSnapshot("big_id", List.of(), true, "btree",
                List.of(new IndexKeySnapshot("id", null, null, true, null)), null, null, false, true));
        TreeMap<String, TableSnapshot> tables = new TreeMap<>(before.tables());
        tables.put("public.big", big.withParts(big.columns(), big.primaryKey(), big.uniqueConstraints(), big.foreignKeys(), indexes));
        Snapshot after = before.withTables(tables);

        List<Change> changes = Differ.diff(history.latestSnapshot(), after);
        List<MigrationSteps.Step> steps = MigrationSteps.split(history.latestSnapshot(), after, changes);
        assertThat(steps).singleElement().satisfies(step -> assertThat(step.transactional()).isFalse());
        MigrationHistory.Written written = history.append(PG.sql(steps.get(0).changes()), "", steps.get(0).after(), "index", null,
                steps.get(0).transactional());
        assertThat(Files.readString(written.sqlFile())).contains("CREATE INDEX CONCURRENTLY \"big_v\"",
                "CREATE UNIQUE INDEX CONCURRENTLY \"big_id\" ON \"big\" USING btree (\"id\" DESC);");
        assertThat(Journal.read(Journal.location(dir)).entries()).extracting(JournalEntry::transaction).containsExactly(true, false);

        assertThat(migrator.migrate().applied()).hasSize(1);

        Snapshot live = introspect(db);
        assertThat(Differ.diff(live, after)).isEmpty();
        assertThat(live.tables().get("public.big").indexes().get("big_id").concurrently()).isFalse();
    }
}
