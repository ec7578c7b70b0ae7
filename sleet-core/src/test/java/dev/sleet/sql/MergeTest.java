package dev.sleet.sql;

import dev.sleet.dialect.ErrorKind;
import dev.sleet.schema.Column;
import dev.sleet.schema.Table;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.sleet.sql.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(PostgresExtension.class)
class MergeTest {

    static final class Stock extends Table<Stock> {
        final Column<String> item = text("item").primaryKey();
        final Column<Integer> count = integer("count").notNull();

        Stock() {
            super("stock");
        }
    }

    static final class Deliveries extends Table<Deliveries> {
        final Column<String> item = text("item");
        final Column<Integer> count = integer("count");
        final Column<Boolean> discontinued = bool("discontinued");

        Deliveries() {
            super("deliveries");
        }
    }

    static final Stock STOCK = new Stock();
    static final Deliveries DELIVERIES = new Deliveries();

    private static Database stock(TestDatabase pg) {
        pg.execute("""
                CREATE TABLE stock (item TEXT PRIMARY KEY, count INT NOT NULL);
                CREATE TABLE deliveries (item TEXT, count INT, discontinued BOOLEAN NOT NULL DEFAULT false);
                INSERT INTO stock VALUES ('apple', 10), ('pear', 5), ('plum', 3), ('fig', 1);
                INSERT INTO deliveries VALUES ('apple', 4, false), ('pear', 0, true), ('kiwi', 7, false),
                  ('plum', 2, false), ('lime', 0, false);
                """);
        return Database.connect(pg.dataSource());
    }

    @Test
    void matchedAndNotMatchedClauses(TestDatabase pg) {
        Database db = stock(pg);
        int touched = db.mergeInto(STOCK).using(DELIVERIES, eq(STOCK.item, DELIVERIES.item))
                .whenMatched(DELIVERIES.discontinued).thenDelete()
                .whenMatched(eq(DELIVERIES.item, "plum")).thenDoNothing()
                .whenMatched().thenUpdate(s -> s.set(STOCK.count, add(STOCK.count, DELIVERIES.count)))
                .whenNotMatched(eq(DELIVERIES.count, 0)).thenDoNothing()
                .whenNotMatched().thenInsert(r -> r.set(STOCK.item, DELIVERIES.item).set(STOCK.count, DELIVERIES.count))
                .execute();
        assertThat(touched).isEqualTo(3); // apple updated, pear deleted, kiwi inserted; plum and lime did nothing
        List<Row> rows = db.select(STOCK.item, STOCK.count).from(STOCK).orderBy(STOCK.item).fetch();
        assertThat(rows).extracting(r -> r.get(STOCK.item) + "=" + r.get(STOCK.count))
                .containsExactly("apple=14", "fig=1", "kiwi=7", "plum=3");
    }

    @Test
    void mergeFromCteAndBoundValues(TestDatabase pg) {
        Database db = stock(pg);
        Cte incoming = Cte.of("incoming", db.select(DELIVERIES.item, DELIVERIES.count).from(DELIVERIES)
                .where(gt(DELIVERIES.count, 3)));
        int touched = db.with(incoming).mergeInto(STOCK)
                .using(incoming, eq(STOCK.item, incoming.field(DELIVERIES.item)))
                .whenMatched().thenUpdate(s -> s.set(STOCK.count, 100))
                .whenNotMatched().thenInsert(r -> r.set(STOCK.item, incoming.field(DELIVERIES.item)).set(STOCK.count, -1))
                .execute();
        assertThat(touched).isEqualTo(2);
        assertThat(db.select(STOCK.count).from(STOCK).where(inArray(STOCK.item, List.of("apple", "kiwi")))
                .orderBy(STOCK.item).fetchValues()).containsExactly(100, -1);
        assertThatThrownBy(() -> db.mergeInto(STOCK).execute()).hasMessageContaining("needs using(...)");
    }

    /** Concurrent merges on existing rows: each waits for the row lock and re-reads, so no increment is lost. */
    @Test
    void concurrentMergesLoseNoUpdate(TestDatabase pg) throws Exception {
        Database db = stock(pg);
        ExecutorService workers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int worker = w;
            done.add(workers.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    Expression<String> item = value("apple").as("item");
                    Expression<Integer> count = value(1).as("count");
                    Derived delta = db.select(item, count).as("delta");
                    db.mergeInto(STOCK).using(delta, eq(STOCK.item, delta.field(item)))
                            .whenMatched().thenUpdate(s -> s.set(STOCK.count, add(STOCK.count, delta.field(count))))
                            .whenNotMatched().thenInsert(r -> r.set(STOCK.item, "w" + worker + "-" + 0).set(STOCK.count, 0))
                            .execute();
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        workers.shutdown();
        assertThat(db.select(STOCK.count).from(STOCK).where(eq(STOCK.item, "apple")).fetchValue()).isEqualTo(10 + 200);
        assertThat(db.select(count()).from(STOCK).fetchValue()).isEqualTo(4L);
    }

    /**
     * MERGE adds units to an item's count, or inserts the item with that count: one row per merge.
     * The values come in as a one-row derived table, as an application would pass them.
     */
    private static int restock(Session session, String name, int units) {
        Expression<String> item = value(name).as("item");
        Expression<Integer> count = value(units).as("count");
        Derived delta = session.select(item, count).as("delta");
        return session.mergeInto(STOCK).using(delta, eq(STOCK.item, delta.field(item)))
                .whenMatched().thenUpdate(s -> s.set(STOCK.count, add(STOCK.count, delta.field(count))))
                .whenNotMatched().thenInsert(r -> r.set(STOCK.item, delta.field(item)).set(STOCK.count, delta.field(count)))
                .execute();
    }

    /**
     * PostgreSQL 15's MERGE does not turn a not-matched insert into an update when another transaction
     * inserts the same key meanwhile: it waits for that transaction and, once it commits, fails with a
     * unique violation. Sleet surfaces it as a DataAccessException of kind UNIQUE_VIOLATION; run again,
     * the merge sees the row and takes the matched path.
     */
    @Test
    void aMergeRacingAnotherInsertOfItsKeyFailsAsAUniqueViolationAndARetryUpdates(TestDatabase pg) throws Exception {
        Database db = stock(pg);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> racing = db.transaction(tx -> {
                assertThat(restock(tx, "kiwi", 7)).isEqualTo(1); // inserted, not committed yet
                Future<Integer> second = other.submit(() -> restock(db, "kiwi", 2));
                // The second merge saw no kiwi and now waits on this transaction's new key before this commits.
                awaitLockWaitOn("merge into", db);
                return second;
            });
            assertThatThrownBy(() -> racing.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(DataAccessException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.UNIQUE_VIOLATION);
                        assertThat(e.sqlState()).isEqualTo("23505");
                        assertThat(e.getMessage()).contains("stock_pkey");
                    });
            assertThat(db.select(STOCK.count).from(STOCK).where(eq(STOCK.item, "kiwi")).fetchValues()).containsExactly(7);
            assertThat(restock(db, "kiwi", 2)).isEqualTo(1);
            assertThat(db.select(STOCK.count).from(STOCK).where(eq(STOCK.item, "kiwi")).fetchValues()).containsExactly(9);
        } finally {
            other.shutdownNow();
        }
    }

    /**
     * Concurrent merges of the same new keys: where two inserts race, one fails as above and is retried,
     * so every merge counts once in the end. Any other failure fails the test.
     */
    @Test
    void concurrentMergesOfNewKeysCountEveryMergeWithRetries(TestDatabase pg) throws Exception {
        Database db = stock(pg);
        int threads = 4;
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            keys.add("new-" + k);
        }
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                done.add(workers.submit(() -> {
                    for (String key : keys) {
                        start.await(10, TimeUnit.SECONDS); // every thread merges the same key at the same time
                        while (true) {
                            try {
                                assertThat(restock(db, key, 1)).isEqualTo(1);
                                break;
                            } catch (DataAccessException e) {
                                if (e.kind() != ErrorKind.UNIQUE_VIOLATION) {
                                    throw e;
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            List<Throwable> failures = new ArrayList<>();
            for (Future<?> f : done) {
                try {
                    f.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            // A worker that fails breaks the barrier for the others: report its failure rather than theirs.
            failures.stream().filter(t -> !(t instanceof BrokenBarrierException || t instanceof TimeoutException))
                    .findFirst().or(() -> failures.stream().findFirst())
                    .ifPresent(t -> {
                        throw new AssertionError("a merging worker failed", t);
                    });
        } finally {
            workers.shutdownNow();
        }
        List<Row> rows = db.select(STOCK.item, STOCK.count).from(STOCK).where(like(STOCK.item, "new-%")).fetch();
        assertThat(rows).hasSize(keys.size()).allSatisfy(r -> assertThat(r.get(STOCK.count)).isEqualTo(threads));
        assertThat(db.select(count()).from(STOCK).fetchValue()).isEqualTo(4L + keys.size());
    }

    /** Waits until a statement of this database that starts with the given text waits for a lock. */
    private static void awaitLockWaitOn(String statementStart, Database db) throws InterruptedException {
        Expression<Boolean> waiting = sql(Boolean.class, "exists (select from pg_stat_activity where datname = current_database()"
                + " and wait_event_type = 'Lock' and query like {})", statementStart + "%");
        // Generous for a loaded machine; it returns as soon as the wait shows.
        for (int i = 0; i < 1_200; i++) {
            if (db.select(waiting).fetchValue()) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no statement starting with '" + statementStart + "' waited for a lock within 30s");
    }
}
