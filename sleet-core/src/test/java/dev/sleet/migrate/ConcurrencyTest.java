package dev.sleet.migrate;

import dev.sleet.migrate.internal.TrackingTable;
import dev.sleet.sql.internal.ConnectingDataSource;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(PostgresExtension.class)
class ConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void sixConcurrentRunsApplyEachMigrationExactlyOnce(TestDatabase db) throws Exception {
        MigrationFolder folder = new MigrationFolder(dir)
                .add("0000_base",
                        "CREATE TABLE applications (tag text NOT NULL);",
                        "SELECT pg_sleep(0.2);", // widen the window for a race
                        "INSERT INTO applications VALUES ('0000');")
                .add("0001_more",
                        "ALTER TABLE applications ADD COLUMN note text;",
                        "INSERT INTO applications VALUES ('0001');")
                .addNonTransactional("0002_index",
                        "CREATE INDEX CONCURRENTLY idx_applications_tag ON applications (tag);",
                        "INSERT INTO applications VALUES ('0002');");
        int runs = 6;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MigrationReport>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < runs; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return Migrator.builder(db.dataSource()).source(folder.source()).build().migrate();
                }));
            }
            start.countDown();
            List<String> appliedAcrossRuns = new ArrayList<>();
            for (Future<MigrationReport> future : futures) {
                appliedAcrossRuns.addAll(future.get(60, TimeUnit.SECONDS).applied());
            }

            assertThat(appliedAcrossRuns).containsExactlyInAnyOrder("0000_base", "0001_more", "0002_index");
        } finally {
            pool.shutdownNow();
        }
        assertThat(Db.column(db, "SELECT tag FROM applications ORDER BY tag")).containsExactly("0000", "0001", "0002");
        assertThat(Db.column(db, "SELECT tag || ':' || count(*) FROM sleet.__sleet_migrations GROUP BY tag ORDER BY tag"))
                .containsExactly("0000_base:1", "0001_more:1", "0002_index:1");
        assertThat(Db.count(db, "SELECT count(*) FROM pg_indexes WHERE indexname = 'idx_applications_tag'")).isEqualTo(1);
    }

    @Test
    void waitsForTheLockBeforeTouchingTheTrackingTable(TestDatabase db) throws Exception {
        MigrationFolder folder = new MigrationFolder(dir).add("0000_a", "CREATE TABLE a (id int);");
        long key = new TrackingTable(Migrator.DEFAULT_TRACKING_SCHEMA, Migrator.DEFAULT_TRACKING_TABLE).lockKey();
        CountDownLatch waiting = new CountDownLatch(1);
        RecordingListener listener = new RecordingListener() {
            @Override
            public void waitingForLock(String trackingTable) {
                super.waitingForLock(trackingTable);
                waiting.countDown();
            }
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection holder = db.connect()) {
            advisory(holder, "pg_advisory_lock", key);
            Future<MigrationReport> run = pool.submit(() ->
                    Migrator.builder(db.dataSource()).source(folder.source()).listener(listener).build().migrate());

            assertThat(waiting.await(20, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300);
            assertThat(run).isNotDone();
            assertThat(Db.count(db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'sleet'"))
                    .as("the tracking schema is created only under the lock").isZero();

            advisory(holder, "pg_advisory_unlock", key);
            assertThat(run.get(30, TimeUnit.SECONDS).applied()).containsExactly("0000_a");
        } finally {
            pool.shutdownNow();
        }
        assertThat(listener.events.get(0)).isEqualTo("waiting \"sleet\".\"__sleet_migrations\"");
    }

    @Test
    void lockIsReleasedAndAutocommitRestoredOnAPooledConnection(TestDatabase db) throws Exception {
        MigrationFolder folder = new MigrationFolder(dir)
                .add("0000_a", "CREATE TABLE a (id int);")
                .add("0001_broken", "SELECT * FROM nope;");
        try (Connection physical = db.connect()) {
            physical.setAutoCommit(false);
            int pid = backendPid(physical);
            physical.commit();
            Migrator migrator = Migrator.builder(new ReusedConnectionDataSource(physical)).source(folder.source()).build();

            assertThatThrownBy(migrator::migrate).hasMessageContaining("0001_broken.sql failed");
            assertThat(advisoryLocksHeldBy(db, pid)).isZero();
            assertThat(physical.getAutoCommit()).isFalse();

            folder.writeFile("0001_broken", "SELECT 1;\n");
            assertThat(migrator.migrate().applied()).containsExactly("0001_broken");
            assertThat(advisoryLocksHeldBy(db, pid)).isZero();
            assertThat(physical.getAutoCommit()).isFalse();
            assertThat(physical.isClosed()).isFalse();
        }
    }

    private static void advisory(Connection connection, String function, long key) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT " + function + "(?)")) {
            st.setLong(1, key);
            st.executeQuery().close();
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static long advisoryLocksHeldBy(TestDatabase db, int pid) {
        return Db.count(db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = ?", pid);
    }

    /** Like a connection pool of size one: hands out the same real connection and ignores close(). */
    private static final class ReusedConnectionDataSource extends ConnectingDataSource {
        private final Connection physical;

        ReusedConnectionDataSource(Connection physical) {
            this.physical = physical;
        }

        @Override
        public Connection getConnection() {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        try {
                            return method.invoke(physical, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
