package dev.sleet.migrate;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.sleet.migrate.Probe.Kind.COLUMN;
import static dev.sleet.migrate.Probe.Kind.CONSTRAINT;
import static dev.sleet.migrate.Probe.Kind.INDEX;
import static dev.sleet.migrate.Probe.Kind.SEQUENCE;
import static dev.sleet.migrate.Probe.Kind.TABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(PostgresExtension.class)
class PulledMigrationTest {

    /** What `sleet pull` would have found in the existing database. */
    private static final String EXISTING_SCHEMA = """
            CREATE SEQUENCE ticket_seq;
            CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
            CREATE TABLE tasks (id bigint PRIMARY KEY, user_id bigint NOT NULL, importance int,
              CONSTRAINT fk_task_user FOREIGN KEY (user_id) REFERENCES users (id));
            CREATE INDEX idx_tasks_user ON tasks (user_id);
            """;

    private static final List<Probe> PROBES = List.of(
            Probe.exists(TABLE, "public.users"),
            Probe.exists(TABLE, "public.tasks"),
            Probe.exists(COLUMN, "public.tasks.importance"),
            Probe.exists(INDEX, "public.idx_tasks_user"),
            Probe.exists(CONSTRAINT, "public.tasks.fk_task_user"),
            Probe.exists(SEQUENCE, "public.ticket_seq"));

    @TempDir
    Path dir;

    private MigrationFolder pulledFolder() {
        String[] statements = (EXISTING_SCHEMA + "CREATE TABLE pulled_side_effect (id int);").split("\n(?=CREATE)");
        return new MigrationFolder(dir).addPulled("0000_pulled_base", PROBES, statements);
    }

    @Test
    void allProbesMatchingRecordsTheMigrationWithoutRunningIt(TestDatabase db) {
        db.execute(EXISTING_SCHEMA);
        RecordingListener listener = new RecordingListener();

        MigrationReport report = Migrator.builder(db.dataSource()).source(pulledFolder().source()).listener(listener)
                .build().migrate();

        assertThat(report.recorded()).containsExactly("0000_pulled_base");
        assertThat(report.applied()).isEmpty();
        assertThat(Db.tableExists(db, "pulled_side_effect")).as("the file did not run").isFalse();
        assertThat(Db.mode(db, "0000_pulled_base")).isEqualTo("recorded");
        assertThat(Db.column(db, "SELECT coalesce(execution_ms::text, 'null') FROM sleet.__sleet_migrations"))
                .containsExactly("null");
        assertThat(listener.events).contains("recorded 0000_pulled_base.sql 6")
                .noneMatch(event -> event.startsWith("start ") || event.startsWith("statement "));
    }

    @Test
    void noProbeMatchingRunsTheMigration(TestDatabase db) {
        MigrationReport report = Migrator.builder(db.dataSource()).source(pulledFolder().source()).build().migrate();

        assertThat(report.applied()).containsExactly("0000_pulled_base");
        assertThat(Db.tableExists(db, "users")).isTrue();
        assertThat(Db.tableExists(db, "pulled_side_effect")).isTrue();
        assertThat(Db.mode(db, "0000_pulled_base")).isEqualTo("run");
    }

    @Test
    void partlyMatchingProbesAreAnErrorListingWhatExistsAndWhatDoesNot(TestDatabase db) {
        db.execute("CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);"
                + "CREATE TABLE tasks (id bigint PRIMARY KEY, user_id bigint NOT NULL)");

        assertThatThrownBy(() -> Migrator.builder(db.dataSource()).source(pulledFolder().source()).build().migrate())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("Pulled migration 0000_pulled_base.sql matches the database only partly")
                .hasMessageContaining("""
                          exists:
                            - table public.users (the migration creates it)
                            - table public.tasks (the migration creates it)
                          does not exist:
                            - column public.tasks.importance (the migration creates it)
                            - index public.idx_tasks_user (the migration creates it)
                            - constraint public.tasks.fk_task_user (the migration creates it)
                            - sequence public.ticket_seq (the migration creates it)
                        """)
                .hasMessageContaining("partly in the state");
        assertThat(Db.tableExists(db, "pulled_side_effect")).isFalse();
        assertThat(Db.trackedTags(db)).isEmpty();
    }

    /**
     * The database a history was pulled from records each pulled migration as it arrives, while a
     * fresh database runs the whole history, drops and all.
     */
    @Test
    void pulledHistoryFreshAndOriginal(TestDatabase fresh, TestDatabase original) {
        original.execute(EXISTING_SCHEMA);
        MigrationFolder folder = pulledFolder();
        MigrationReport firstPull = Migrator.builder(original.dataSource()).source(folder.source()).build().migrate();
        // Someone changes the original by hand; pulling again appends what changed.
        original.execute("ALTER TABLE tasks DROP CONSTRAINT fk_task_user;"
                + "ALTER TABLE tasks ALTER COLUMN importance TYPE bigint;");
        folder.addPulled("0001_pulled_drop_fk", List.of(Probe.absent(CONSTRAINT, "public.tasks.fk_task_user")),
                        "ALTER TABLE tasks DROP CONSTRAINT fk_task_user;")
                .addPulled("0002_pulled_retype", List.of(), "ALTER TABLE tasks ALTER COLUMN importance TYPE bigint;");

        MigrationReport secondPull = Migrator.builder(original.dataSource()).source(folder.source()).build().migrate();
        MigrationReport onFresh = Migrator.builder(fresh.dataSource()).source(folder.source()).build().migrate();

        assertThat(firstPull.recorded()).containsExactly("0000_pulled_base");
        assertThat(secondPull.recorded()).containsExactly("0001_pulled_drop_fk");
        assertThat(secondPull.applied()).as("no probes: always run").containsExactly("0002_pulled_retype");
        assertThat(onFresh.applied()).containsExactly("0000_pulled_base", "0001_pulled_drop_fk", "0002_pulled_retype");
        assertThat(onFresh.recorded()).isEmpty();
        for (TestDatabase db : List.of(fresh, original)) {
            assertThat(Db.count(db, "SELECT count(*) FROM pg_constraint WHERE conname = 'fk_task_user'")).isZero();
            assertThat(Db.column(db, "SELECT data_type FROM information_schema.columns"
                    + " WHERE table_name = 'tasks' AND column_name = 'importance'")).containsExactly("bigint");
        }
        assertThat(Db.tableExists(original, "pulled_side_effect")).isFalse();
        assertThat(Db.tableExists(fresh, "pulled_side_effect")).isTrue();
    }

    @Test
    void databasePulledTwiceBeforeItWasMigratedMatchesTheEndOfThePulledRun(TestDatabase fresh, TestDatabase original) {
        // The first pull saw the index; by the second pull it had been dropped. The original
        // database no longer matches 0000 alone, but it matches where 0000 + 0001 lead.
        original.execute(EXISTING_SCHEMA + "DROP INDEX idx_tasks_user;");
        MigrationFolder folder = pulledFolder()
                .addPulled("0001_pulled_drop_index", List.of(Probe.absent(INDEX, "public.idx_tasks_user")),
                        "DROP INDEX idx_tasks_user;");

        MigrationReport onOriginal = Migrator.builder(original.dataSource()).source(folder.source()).build().migrate();
        MigrationReport onFresh = Migrator.builder(fresh.dataSource()).source(folder.source()).build().migrate();

        assertThat(onOriginal.recorded()).containsExactly("0000_pulled_base", "0001_pulled_drop_index");
        assertThat(Db.tableExists(original, "pulled_side_effect")).as("nothing ran on the original").isFalse();
        assertThat(onFresh.applied()).containsExactly("0000_pulled_base", "0001_pulled_drop_index");
        assertThat(Db.count(fresh, "SELECT count(*) FROM pg_class WHERE relname = 'idx_tasks_user'")).isZero();
    }

    @Test
    void probeNamesMustBeSchemaQualified(TestDatabase db) {
        MigrationFolder folder = new MigrationFolder(dir)
                .addPulled("0000_bad_probe", List.of(Probe.exists(COLUMN, "public.users")), "SELECT 1;");

        assertThatThrownBy(() -> Migrator.builder(db.dataSource()).source(folder.source()).build().migrate())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("0000_bad_probe.sql has an invalid probe")
                .hasMessageContaining("schema.table.column");
    }
}
