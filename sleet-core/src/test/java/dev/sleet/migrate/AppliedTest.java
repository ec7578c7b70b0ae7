package dev.sleet.migrate;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Migrator#applied()}: the tracking table's rows, read without changing anything. */
@ExtendWith(PostgresExtension.class)
class AppliedTest {

    @TempDir
    Path dir;

    @Test
    void aFreshDatabaseHasAppliedNothingAndGetsNoTrackingTable(TestDatabase db) {
        MigrationFolder folder = new MigrationFolder(dir).add("0000_a", "CREATE TABLE a (id int);");
        Migrator migrator = Migrator.builder(db.dataSource()).source(folder.source()).build();

        assertThat(migrator.applied()).isEmpty();
        assertThat(Db.count(db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'sleet'")).isZero();
    }

    @Test
    void returnsTheRowsWithTheirHashesAndModes(TestDatabase db) {
        MigrationFolder folder = new MigrationFolder(dir)
                .add("0000_a", "CREATE TABLE a (id int);", "CREATE TABLE b (id int);")
                .addPulled("0001_b", List.of(Probe.exists(Probe.Kind.TABLE, "public.a")), "CREATE TABLE a (id int);");
        Migrator migrator = Migrator.builder(db.dataSource()).source(folder.source())
                .trackingSchema("ops").trackingTable("history").build();
        migrator.migrate();

        List<AppliedMigration> applied = migrator.applied();

        assertThat(applied).extracting(AppliedMigration::tag).containsExactly("0000_a", "0001_b");
        assertThat(applied.get(0).hash()).isEqualTo(MigrationFile.hash(folder.readFile("0000_a")));
        assertThat(applied.get(0).mode()).isEqualTo("run");
        assertThat(applied.get(0).statements()).isEqualTo(2);
        assertThat(applied.get(0).appliedAt()).isNotNull();
        assertThat(applied.get(1).mode()).isEqualTo("recorded");
        assertThat(applied.get(1).executionMs()).isNull();
    }

    @Test
    void aDatabaseThatCannotBeReachedIsAFailureToConnectNotToRead() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        MigrationFolder folder = new MigrationFolder(dir).add("0000_a", "CREATE TABLE a (id int);");
        Migrator migrator = Migrator.builder("jdbc:postgresql://127.0.0.1:" + closed + "/x", new Properties())
                .source(folder.source()).build();

        assertThatThrownBy(migrator::applied).isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Cannot connect to the database to read the migration tracking table: Connection to 127.0.0.1:"
                        + closed + " refused");
        assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Cannot connect to the database to migrate: Connection to 127.0.0.1:" + closed + " refused");
    }
}
