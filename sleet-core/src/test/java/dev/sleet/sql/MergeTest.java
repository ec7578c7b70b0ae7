package dev.sleet.sql;

import dev.sleet.schema.Column;
import dev.sleet.schema.Table;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
}
