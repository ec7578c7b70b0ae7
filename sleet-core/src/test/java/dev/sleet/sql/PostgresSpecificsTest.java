package dev.sleet.sql;

import dev.sleet.dialect.ErrorKind;
import dev.sleet.schema.Column;
import dev.sleet.schema.Table;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.sleet.sql.Jira.TASKS;
import static dev.sleet.sql.Jira.TASKS_TAGS;
import static dev.sleet.sql.Jira.USERS;
import static dev.sleet.sql.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(PostgresExtension.class)
class PostgresSpecificsTest {

    static final class Jobs extends Table<Jobs> {
        final Column<Integer> id = serial("id").primaryKey();
        final Column<String> payload = text("payload");
        final Column<String> takenBy = text("taken_by");

        Jobs() {
            super("jobs");
        }
    }

    static final Jobs JOBS = new Jobs();

    @Test
    void distinctOnKeepsTheFirstRowPerGroup(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        // The latest task of each user.
        List<Integer> latest = db.select(TASKS.id).from(TASKS).distinctOn(TASKS.userId)
                .orderBy(TASKS.userId, desc(TASKS.id)).fetchValues();
        assertThat(latest).containsExactly(3, 4, 5);
    }

    /** A lateral subquery: the newest task of the user on the outer row. */
    private static Derived newestTaskOfEachUser(Database db) {
        return db.select(TASKS.name).from(TASKS).where(eq(TASKS.userId, USERS.id))
                .orderBy(desc(TASKS.id)).limit(1).as("newest");
    }

    @Test
    void lateralJoinTopOnePerRow(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        Derived newest = newestTaskOfEachUser(db);
        List<Row> rows = db.select(USERS.username, newest.field(TASKS.name)).from(USERS)
                .leftJoinLateral(newest, and()).orderBy(USERS.id).fetch();
        assertThat(rows).extracting(r -> r.get(USERS.username) + ":" + r.get(newest.field(TASKS.name)))
                .containsExactly("ann:Plan party", "bob:Refactor", "cy:null");
        assertThat(db.select(USERS.username).from(USERS).crossJoinLateral(newest).orderBy(USERS.id).fetchValues())
                .containsExactly("ann", "bob");
    }

    @Test
    void innerLateralJoinDropsRowsItFindsNothingFor(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        Derived newest = newestTaskOfEachUser(db);
        List<Row> rows = db.select(USERS.username, newest.field(TASKS.name)).from(USERS)
                .innerJoinLateral(newest, and()).orderBy(USERS.id).fetch();
        // cy has no task: a left lateral join keeps him with a null, an inner one drops him.
        assertThat(rows).extracting(r -> r.get(USERS.username) + ":" + r.get(newest.field(TASKS.name)))
                .containsExactly("ann:Plan party", "bob:Refactor");
        // The on condition filters the joined rows: ann's newest task does not start with R.
        assertThat(db.select(USERS.username).from(USERS).innerJoinLateral(newest, like(newest.field(TASKS.name), "R%"))
                .fetchValues()).containsExactly("bob");
    }

    @Test
    void deleteUsingAndUpdateFromCte(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        int untagged = db.delete(TASKS_TAGS).using(USERS)
                .where(and(eq(USERS.username, "bob"), inArray(TASKS_TAGS.task,
                        db.select(TASKS.id).from(TASKS).where(eq(TASKS.userId, USERS.id))))).execute();
        assertThat(untagged).isEqualTo(3);
        assertThat(db.select(TASKS_TAGS.task).from(TASKS_TAGS).orderBy(TASKS_TAGS.task).fetchValues()).containsExactly(1, 3);

        Cte top = Cte.of("top", db.select(USERS.id, USERS.username).from(USERS).where(gte(USERS.importance, 3)));
        int renamed = db.with(top).update(TASKS).set(TASKS.name, concat(TASKS.name, value(" (vip)"))).from(top)
                .where(eq(TASKS.userId, top.field(USERS.id))).execute();
        assertThat(renamed).isEqualTo(2);
        assertThat(db.select(TASKS.name).from(TASKS).where(like(TASKS.name, "%(vip)")).orderBy(TASKS.id).fetchValues())
                .containsExactly("Write docs (vip)", "Plan party (vip)");
    }

    @Test
    void lockedRowsAreSkippedOrRefused(TestDatabase pg) {
        Database db = jobs(pg, 3);
        db.transaction(tx -> {
            Integer held = tx.select(JOBS.id).from(JOBS).orderBy(JOBS.id).limit(1).forUpdate().fetchValue();
            assertThat(held).isEqualTo(1);
            // Other connections, while this transaction holds job 1:
            assertThat(db.select(JOBS.id).from(JOBS).orderBy(JOBS.id).limit(1).forUpdate().skipLocked().fetchValue())
                    .isEqualTo(2);
            assertThat(db.select(JOBS.id).from(JOBS).forShare().skipLocked().fetchValues()).containsExactly(2, 3);
            assertThatThrownBy(() -> db.select(JOBS.id).from(JOBS).where(eq(JOBS.id, 1)).forNoKeyUpdate().nowait().fetch())
                    .satisfies(PostgresSpecificsTest::lockNotAvailable);
            return null;
        });
        assertThat(db.select(JOBS.id).from(JOBS).where(eq(JOBS.id, 1)).forUpdate().nowait().fetchValue()).isEqualTo(1);
        assertThatThrownBy(() -> db.select(JOBS.id).from(JOBS).nowait()).hasMessageContaining("follows forUpdate()");
    }

    /**
     * for key share guards only the key: while one transaction holds it, others may still lock the row
     * for no key update and change its other columns, but not lock it for update. for share refuses
     * both, so the first half fails if forKeyShare() locks more than the key.
     */
    @Test
    void keyShareLeavesNonKeyChangesToOthers(TestDatabase pg) {
        Database db = jobs(pg, 2);
        db.transaction(tx -> {
            assertThat(tx.select(JOBS.id).from(JOBS).where(eq(JOBS.id, 1)).forKeyShare().fetchValue()).isEqualTo(1);
            // Other connections, while this transaction holds job 1:
            assertThat(db.select(JOBS.id).from(JOBS).where(eq(JOBS.id, 1)).forNoKeyUpdate().nowait().fetchValue()).isEqualTo(1);
            assertThat(take(db, 1, "other", "5s")).isEqualTo(1);
            assertThatThrownBy(() -> db.select(JOBS.id).from(JOBS).where(eq(JOBS.id, 1)).forUpdate().nowait().fetch())
                    .satisfies(PostgresSpecificsTest::lockNotAvailable);
            return null;
        });
        assertThat(db.select(JOBS.takenBy).from(JOBS).where(eq(JOBS.id, 1)).fetchValue()).isEqualTo("other");

        db.transaction(tx -> {
            assertThat(tx.select(JOBS.id).from(JOBS).where(eq(JOBS.id, 1)).forShare().fetchValue()).isEqualTo(1);
            assertThatThrownBy(() -> db.select(JOBS.id).from(JOBS).where(eq(JOBS.id, 1)).forNoKeyUpdate().nowait().fetch())
                    .satisfies(PostgresSpecificsTest::lockNotAvailable);
            assertThatThrownBy(() -> take(db, 1, "third", "200ms"))
                    .satisfies(PostgresSpecificsTest::lockNotAvailable);
            return null;
        });
        assertThat(db.select(JOBS.takenBy).from(JOBS).where(eq(JOBS.id, 1)).fetchValue()).isEqualTo("other");
    }

    /** Marks a job as taken in a transaction of its own that gives up after waiting {@code timeout} for a lock. */
    private static int take(Database db, int job, String by, String timeout) {
        return db.transaction(tx -> {
            lockTimeout(tx, timeout);
            return tx.update(JOBS).set(JOBS.takenBy, by).where(eq(JOBS.id, job)).execute();
        });
    }

    /** for update of t in a join locks the rows read from t only; without of, those of every table of the join. */
    @Test
    void lockingOfOneTableLeavesTheJoinedRowsFree(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        db.transaction(tx -> {
            assertThat(annsTasks(tx).forUpdate().of(TASKS).fetchValues()).containsExactly("Write docs", "Plan party");
            // Other connections, while this transaction holds ann's tasks: ann herself is free, her tasks are not.
            assertThat(db.select(USERS.username).from(USERS).where(eq(USERS.id, 1)).forUpdate().nowait().fetchValue())
                    .isEqualTo("ann");
            assertThatThrownBy(() -> db.select(TASKS.id).from(TASKS).where(eq(TASKS.id, 3)).forUpdate().nowait().fetch())
                    .satisfies(PostgresSpecificsTest::lockNotAvailable);
            assertThat(db.select(TASKS.id).from(TASKS).where(eq(TASKS.id, 2)).forUpdate().nowait().fetchValue()).isEqualTo(2);
            return null;
        });
        db.transaction(tx -> {
            assertThat(annsTasks(tx).forUpdate().of(USERS).fetchValues()).hasSize(2);
            assertThatThrownBy(() -> db.select(USERS.id).from(USERS).where(eq(USERS.id, 1)).forUpdate().nowait().fetch())
                    .satisfies(PostgresSpecificsTest::lockNotAvailable);
            assertThat(db.select(TASKS.id).from(TASKS).where(eq(TASKS.id, 3)).forUpdate().nowait().fetchValue()).isEqualTo(3);
            return null;
        });
        db.transaction(tx -> {
            assertThat(annsTasks(tx).forUpdate().fetchValues()).hasSize(2);
            assertThatThrownBy(() -> db.select(USERS.id).from(USERS).where(eq(USERS.id, 1)).forUpdate().nowait().fetch())
                    .satisfies(PostgresSpecificsTest::lockNotAvailable);
            return null;
        });
    }

    private static Select<String> annsTasks(Session session) {
        return session.select(TASKS.name).from(TASKS).innerJoin(USERS, eq(TASKS.userId, USERS.id))
                .where(eq(USERS.username, "ann")).orderBy(TASKS.id);
    }

    /**
     * The job queue of docs/queries.md: workers in parallel, each job taken exactly once, and none waits
     * for a job another transaction holds. Without skip locked each worker would still take every job
     * once (read committed re-checks a row after waiting), so job 1 stays locked by a transaction of its
     * own all along and each worker gives up on a lock after 5s: only skipping gets the queue done in time.
     */
    @Test
    void jobQueueWithConcurrentWorkers(TestDatabase pg) throws Exception {
        int jobCount = 300;
        Database db = jobs(pg, jobCount);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<Integer> holder = pool.submit(() -> db.transaction(tx -> {
                Integer job = tx.select(JOBS.id).from(JOBS).where(eq(JOBS.id, 1)).forUpdate().fetchValue();
                held.countDown();
                assertThat(release.await(60, TimeUnit.SECONDS)).isTrue();
                return job;
            }));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

            List<Integer> taken = Collections.synchronizedList(new ArrayList<>());
            List<Future<Integer>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String worker = "worker-" + w;
                done.add(pool.submit(() -> {
                    int mine = 0;
                    for (Integer job = takeJob(db, worker); job != null; job = takeJob(db, worker)) {
                        taken.add(job);
                        mine++;
                    }
                    return mine;
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get(60, TimeUnit.SECONDS); // a worker that waited on job 1 failed on its lock timeout
            }
            assertThat(total).isEqualTo(jobCount - 1);
            assertThat(taken).hasSize(jobCount - 1).doesNotHaveDuplicates().doesNotContain(1);
            assertThat(db.select(JOBS.id).from(JOBS).where(isNull(JOBS.takenBy)).fetchValues()).containsExactly(1);

            release.countDown();
            assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            // Released, the job is the next worker's.
            assertThat(takeJob(db, "late")).isEqualTo(1);
            assertThat(takeJob(db, "late")).isNull();
            assertThat(db.select(count()).from(JOBS).where(isNull(JOBS.takenBy)).fetchValue()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    /** One worker's turn, as in docs/queries.md: the next free job marked as its own, or null when none is left. */
    private static Integer takeJob(Database db, String worker) {
        return db.transaction(tx -> {
            // Waiting for job 1's lock fails this transaction instead of stalling it (long enough for any other wait).
            lockTimeout(tx, "5s");
            List<Integer> next = tx.select(JOBS.id).from(JOBS).where(isNull(JOBS.takenBy))
                    .orderBy(JOBS.id).limit(1).forUpdate().skipLocked().fetchValues();
            if (next.isEmpty()) {
                return null;
            }
            tx.update(JOBS).set(JOBS.takenBy, worker).where(eq(JOBS.id, next.get(0))).execute();
            return next.get(0);
        });
    }

    /** How long this transaction waits for a lock before it fails. */
    private static void lockTimeout(Transaction tx, String timeout) {
        tx.execute(sql("set local lock_timeout = '" + timeout + "'"));
    }

    /** Refused for a lock held elsewhere (NOWAIT or lock_timeout): told by SQLState, in any server language. */
    private static void lockNotAvailable(Throwable thrown) {
        assertThat(thrown).isInstanceOf(DataAccessException.class);
        assertThat(((DataAccessException) thrown).sqlState()).isEqualTo("55P03");
        assertThat(((DataAccessException) thrown).kind()).isEqualTo(ErrorKind.LOCK_NOT_AVAILABLE);
    }

    private static Database jobs(TestDatabase pg, int count) {
        pg.execute("CREATE TABLE jobs (id SERIAL PRIMARY KEY, payload TEXT, taken_by TEXT);"
                + "INSERT INTO jobs (payload) SELECT 'job ' || n FROM generate_series(1, " + count + ") n;");
        return Database.connect(pg.dataSource());
    }
}
