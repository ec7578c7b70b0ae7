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
class VerificationTest {

    @TempDir
    Path dir;

    private static MigrationReport migrate(TestDatabase db, MigrationFolder folder) {
        return Migrator.builder(db.dataSource()).source(folder.source()).build().migrate();
    }

    @Test
    void fileChangedAfterItWasAppliedIsRefusedBeforeAnythingRuns(TestDatabase db) {
        MigrationFolder folder = new MigrationFolder(dir).add("0000_users", "CREATE TABLE users (id int);");
        migrate(db, folder);
        String appliedHash = MigrationFile.hash(folder.readFile("0000_users"));

        folder.writeFile("0000_users", "CREATE TABLE users (id bigint);\n")
                .add("0001_tasks", "CREATE TABLE tasks (id int);");
        String editedHash = MigrationFile.hash(folder.readFile("0000_users"));

        assertThatThrownBy(() -> migrate(db, folder))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("0000_users.sql was changed after it was applied")
                .hasMessageContaining("applied " + appliedHash.substring(0, 12))
                .hasMessageContaining("file now " + editedHash.substring(0, 12));
        assertThat(Db.tableExists(db, "tasks")).as("nothing applied after a failed verification").isFalse();
        assertThat(Db.trackedTags(db)).containsExactly("0000_users");
    }

    @Test
    void lineEndingOnlyChangeIsNotAChange(TestDatabase db) {
        MigrationFolder folder = new MigrationFolder(dir)
                .add("0000_users", "CREATE TABLE users (id int);", "CREATE TABLE tasks (id int);");
        migrate(db, folder);

        folder.writeFile("0000_users", folder.readFile("0000_users").replace("\n", "\r\n"));
        MigrationReport report = migrate(db, folder);

        assertThat(folder.readFile("0000_users")).contains("\r\n");
        assertThat(report.isNoOp()).isTrue();
        assertThat(report.alreadyApplied()).containsExactly("0000_users");
    }

    @Test
    void appliedMigrationMissingFromTheJournalIsRefused(TestDatabase db) {
        MigrationFolder folder = new MigrationFolder(dir)
                .add("0000_users", "CREATE TABLE users (id int);")
                .add("0001_tasks", "CREATE TABLE tasks (id int);");
        migrate(db, folder);

        folder.journal(new Journal(1, "postgresql", List.of(folder.journal().entries().get(0))))
                .add("0002_epics", "CREATE TABLE epics (id int);");

        assertThatThrownBy(() -> migrate(db, folder))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("0001_tasks was applied at ")
                .hasMessageContaining("but is not in the journal any more");
        assertThat(Db.tableExists(db, "epics")).isFalse();
    }

    @Test
    void pendingMigrationBeforeTheLastAppliedOneIsAppliedNotSkipped(TestDatabase db) {
        // main branch: 0000 and 0002 are applied ...
        MigrationFolder folder = new MigrationFolder(dir)
                .add("0000_base", "CREATE TABLE base (id int);")
                .add("0002_main_feature", "CREATE TABLE main_feature (id int);");
        migrate(db, folder);
        // ... then a branch adding 0001 is merged, and the journal lists it in its place.
        Journal applied = folder.journal();
        folder.writeFile("0001_branch_feature", "CREATE TABLE branch_feature (id int);\n");
        folder.journal(new Journal(1, "postgresql", List.of(
                applied.entries().get(0),
                JournalEntry.of(1, "0001_branch_feature", 1_795_628_397_500L),
                new JournalEntry(2, "0002_main_feature", applied.entries().get(1).when(), true, true, null))));
        RecordingListener listener = new RecordingListener();

        MigrationReport report = Migrator.builder(db.dataSource()).source(folder.source()).listener(listener).build().migrate();

        assertThat(report.applied()).containsExactly("0001_branch_feature");
        assertThat(report.outOfOrder()).containsExactly("0001_branch_feature");
        assertThat(report.alreadyApplied()).containsExactly("0000_base", "0002_main_feature");
        assertThat(listener.events).containsSubsequence(
                "out-of-order 0001_branch_feature before 0002_main_feature", "applied 0001_branch_feature.sql");
        assertThat(Db.tableExists(db, "branch_feature")).isTrue();
        assertThat(Db.trackedTags(db)).containsExactly("0000_base", "0001_branch_feature", "0002_main_feature");
    }
}
