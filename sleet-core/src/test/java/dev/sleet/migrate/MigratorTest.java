package dev.sleet.migrate;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(PostgresExtension.class)
class MigratorTest {

    @TempDir
    Path dir;

    @Test
    void appliesPendingMigrationsThenASecondRunIsANoOp(TestDatabase db) {
        MigrationFolder folder = new MigrationFolder(dir)
                .add("0000_brisk_glacier",
                        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);",
                        "CREATE TABLE runs (id serial PRIMARY KEY);")
                .add("0001_quiet_thaw",
                        "ALTER TABLE users ADD COLUMN name text;",
                        "INSERT INTO runs DEFAULT VALUES;");
        RecordingListener listener = new RecordingListener();

        MigrationReport first = Migrator.builder(db.dataSource()).source(folder.source()).listener(listener).build().migrate();

        assertThat(first.applied()).containsExactly("0000_brisk_glacier", "0001_quiet_thaw");
        assertThat(first.recorded()).isEmpty();
        assertThat(first.alreadyApplied()).isEmpty();
        assertThat(first.isNoOp()).isFalse();
        assertThat(Db.column(db, "SELECT column_name FROM information_schema.columns WHERE table_name = 'users' ORDER BY ordinal_position"))
                .containsExactly("id", "email", "name");
        assertThat(Db.column(db, "SELECT tag || ' ' || mode || ' ' || statements || ' ' || hash FROM sleet.__sleet_migrations ORDER BY tag"))
                .containsExactly(
                        "0000_brisk_glacier run 2 " + MigrationFile.hash(folder.readFile("0000_brisk_glacier")),
                        "0001_quiet_thaw run 2 " + MigrationFile.hash(folder.readFile("0001_quiet_thaw")));
        assertThat(Db.count(db, "SELECT count(*) FROM sleet.__sleet_migrations WHERE execution_ms >= 0 AND applied_at <= now()"))
                .isEqualTo(2);
        assertThat(listener.events).containsExactly(
                "planned [0000_brisk_glacier, 0001_quiet_thaw] applied=0",
                "start 0000_brisk_glacier.sql 2", "statement 1/2", "statement 2/2", "applied 0000_brisk_glacier.sql",
                "start 0001_quiet_thaw.sql 2", "statement 1/2", "statement 2/2", "applied 0001_quiet_thaw.sql",
                "finished");

        MigrationReport second = Migrator.builder(db.dataSource()).source(folder.source()).build().migrate();

        assertThat(second.isNoOp()).isTrue();
        assertThat(second.alreadyApplied()).containsExactly("0000_brisk_glacier", "0001_quiet_thaw");
        assertThat(Db.count(db, "SELECT count(*) FROM runs")).isEqualTo(1);
        assertThat(Db.trackedTags(db)).hasSize(2);
    }

    @Test
    void failingStatementRollsBackOnlyItsOwnFileAndTheMessageNamesFileAndStatement(TestDatabase db) {
        MigrationFolder folder = new MigrationFolder(dir)
                .add("0000_first", "CREATE TABLE a (id int);")
                .add("0001_second", "CREATE TABLE b (id int);", "INSERT INTO missing_table VALUES (1);", "CREATE TABLE c (id int);")
                .add("0002_third", "CREATE TABLE d (id int);");
        Migrator migrator = Migrator.builder(db.dataSource()).source(folder.source()).build();

        assertThatThrownBy(migrator::migrate)
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("Migration 0001_second.sql failed at statement 2 of 3")
                .hasMessageContaining("INSERT INTO missing_table VALUES (1);")
                .hasMessageContaining("relation \"missing_table\" does not exist")
                .hasMessageContaining("SQLSTATE 42P01")
                .hasMessageContaining("rolled back");

        assertThat(Db.tableExists(db, "a")).isTrue();
        assertThat(Db.tableExists(db, "b")).as("statement 1 of the failing file rolled back").isFalse();
        assertThat(Db.tableExists(db, "d")).as("later files not run").isFalse();
        assertThat(Db.trackedTags(db)).containsExactly("0000_first");

        // An unrecorded failed file may be fixed in place; the next run picks up from there.
        folder.writeFile("0001_second", "CREATE TABLE b (id int);\n--> statement-breakpoint\nCREATE TABLE c (id int);\n");
        MigrationReport report = migrator.migrate();

        assertThat(report.applied()).containsExactly("0001_second", "0002_third");
        assertThat(Db.tableExists(db, "c")).isTrue();
        assertThat(Db.tableExists(db, "d")).isTrue();
    }

    @Test
    void longFailingStatementsAreShortenedAndPasswordsMasked(TestDatabase db) {
        String longStatement = "SELECT 1 FROM missing_table WHERE note = '" + "x".repeat(500) + "'";
        MigrationFolder folder = new MigrationFolder(dir)
                .add("0000_role", "CREATE ROLE sleet_app_test_role LOGIN PASSWORD 'hunter2' IN ROLE missing_role;")
                .add("0001_long", longStatement);

        assertThatThrownBy(() -> Migrator.builder(db.dataSource()).source(folder.source()).build().migrate())
                .hasMessageContaining("0000_role.sql")
                .hasMessageContaining("PASSWORD '***'")
                .hasMessageNotContaining("hunter2");

        folder.writeFile("0000_role", "SELECT 1;\n");
        assertThatThrownBy(() -> Migrator.builder(db.dataSource()).source(folder.source()).build().migrate())
                .hasMessageContaining("0001_long.sql failed at statement 1 of 1")
                .hasMessageContaining(" ... (" + longStatement.length() + " characters)")
                .hasMessageNotContaining("x".repeat(400));
    }

    @Test
    void nonTransactionalEntryRunsInAutocommitSoCreateIndexConcurrentlyWorks(TestDatabase db) {
        MigrationFolder folder = new MigrationFolder(dir)
                .add("0000_tasks", "CREATE TABLE tasks (id int, epic int);")
                .addNonTransactional("0001_epic_index",
                        "CREATE INDEX CONCURRENTLY idx_tasks_epic ON tasks (epic);",
                        "CREATE INDEX CONCURRENTLY idx_tasks_id ON tasks (id);");
        RecordingListener listener = new RecordingListener();

        MigrationReport report = Migrator.builder(db.dataSource()).source(folder.source()).listener(listener).build().migrate();

        assertThat(report.applied()).containsExactly("0000_tasks", "0001_epic_index");
        assertThat(Db.column(db, "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                + " WHERE i.indrelid = 'tasks'::regclass AND i.indisvalid ORDER BY 1"))
                .containsExactly("idx_tasks_epic", "idx_tasks_id");
        assertThat(listener.events).containsSubsequence(
                "start 0001_epic_index.sql 2", "no-transaction 0001_epic_index.sql", "statement 1/2", "statement 2/2",
                "applied 0001_epic_index.sql");
        assertThat(listener.events).doesNotContain("no-transaction 0000_tasks.sql");
        assertThat(Db.mode(db, "0001_epic_index")).isEqualTo("run");
    }

    @Test
    void failedNonTransactionalFileKeepsEarlierStatementsAndIsNotRecorded(TestDatabase db) {
        MigrationFolder folder = new MigrationFolder(dir)
                .add("0000_tasks", "CREATE TABLE tasks (id int, epic int);")
                .addNonTransactional("0001_indexes",
                        "CREATE INDEX CONCURRENTLY idx_tasks_epic ON tasks (epic);",
                        "CREATE INDEX CONCURRENTLY idx_nope ON tasks (nope);");

        assertThatThrownBy(() -> Migrator.builder(db.dataSource()).source(folder.source()).build().migrate())
                .hasMessageContaining("0001_indexes.sql failed at statement 2 of 2")
                .hasMessageContaining("runs outside a transaction: statements 1 to 1 stay applied");

        assertThat(Db.count(db, "SELECT count(*) FROM pg_class WHERE relname = 'idx_tasks_epic'")).isEqualTo(1);
        assertThat(Db.trackedTags(db)).containsExactly("0000_tasks");
    }

    @Test
    void customTrackingSchemaAndTableAreQuoted(TestDatabase db) {
        MigrationFolder folder = new MigrationFolder(dir).add("0000_a", "CREATE TABLE a (id int);");
        Migrator migrator = Migrator.builder(db.dataSource()).source(folder.source())
                .trackingSchema("Ops Schema").trackingTable("schema \"history\"").build();

        migrator.migrate();
        MigrationReport again = migrator.migrate();

        assertThat(again.isNoOp()).isTrue();
        assertThat(Db.column(db, "SELECT tag FROM \"Ops Schema\".\"schema \"\"history\"\"\"")).containsExactly("0000_a");
        assertThat(Db.count(db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'sleet'"))
                .as("the default tracking schema is not created").isZero();
        assertThat(Db.tableExists(db, "a")).isTrue();
    }

    @Test
    void classpathSourceReadsTheJournalAndFilesThroughTheClassLoader(TestDatabase db) {
        MigrationSource source = MigrationSource.classpath("/dev/sleet/migrate/cp/", getClass().getClassLoader());

        MigrationReport report = Migrator.builder(db.dataSource()).source(source).build().migrate();

        assertThat(source.describe()).isEqualTo("classpath:dev/sleet/migrate/cp");
        assertThat(report.applied()).containsExactly("0000_packaged_frost", "0001_packaged_thaw");
        assertThat(Db.column(db, "SELECT name FROM packaged ORDER BY id")).containsExactly("from the jar");
    }

    @Test
    void missingJournalOrFileIsAClearErrorBeforeTheDatabaseIsTouched(TestDatabase db) {
        assertThatThrownBy(() -> Migrator.builder(db.dataSource())
                .source(MigrationSource.classpath("dev/sleet/migrate/nothing-here")).build().migrate())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("No migration journal at classpath:dev/sleet/migrate/nothing-here/meta/_journal.json");

        MigrationFolder folder = new MigrationFolder(dir).add("0000_a", "CREATE TABLE a (id int);");
        folder.journal(folder.journal().append("0001_ghost", 1, true, null));
        assertThatThrownBy(() -> Migrator.builder(db.dataSource()).source(folder.source()).build().migrate())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("Migration file 0001_ghost.sql is listed in the journal but missing");

        assertThat(Db.count(db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'sleet'")).isZero();
        assertThat(Db.tableExists(db, "a")).isFalse();
    }

    @Test
    void journalForAnotherDialectIsRefused(TestDatabase db) {
        MigrationFolder folder = new MigrationFolder(dir);
        folder.journal(new Journal(1, "mysql", List.of(JournalEntry.of(0, "0000_a", 1))));
        folder.writeFile("0000_a", "CREATE TABLE a (id int);");

        assertThatThrownBy(() -> Migrator.builder(db.dataSource()).source(folder.source()).build().migrate())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("dialect 'mysql' is not supported")
                .hasMessageContaining("postgresql");
        assertThat(Db.tableExists(db, "a")).isFalse();
    }

    @Test
    void wholeFileIsOneStatementWhenBreakpointsAreOff(TestDatabase db) {
        MigrationFolder folder = new MigrationFolder(dir);
        folder.writeFile("0000_function", """
                CREATE FUNCTION add_one(i int) RETURNS int AS $$
                  SELECT i + 1;
                $$ LANGUAGE sql;
                CREATE TABLE numbers (n int DEFAULT add_one(41));
                """);
        folder.journal(folder.journal().append(new JournalEntry(0, "0000_function", 1, false, true, null)));
        RecordingListener listener = new RecordingListener();

        Migrator.builder(db.dataSource()).source(folder.source()).listener(listener).build().migrate();

        db.execute("INSERT INTO numbers DEFAULT VALUES");
        assertThat(Db.column(db, "SELECT n FROM numbers")).containsExactly("42");
        assertThat(listener.events).contains("start 0000_function.sql 1", "statement 1/1");
        assertThat(Db.column(db, "SELECT statements FROM sleet.__sleet_migrations")).containsExactly("1");
    }
}
