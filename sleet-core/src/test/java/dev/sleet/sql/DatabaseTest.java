package dev.sleet.sql;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.sleet.sql.Jira.TASKS;
import static dev.sleet.sql.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(PostgresExtension.class)
class DatabaseTest {

    /** A data source that counts the connections it hands out and how many are still open. */
    static final class CountingDataSource {
        final AtomicInteger borrowed = new AtomicInteger();
        final AtomicInteger open = new AtomicInteger();
        final DataSource dataSource;

        CountingDataSource(DataSource target) {
            dataSource = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    (proxy, method, args) -> {
                        Object result = invoke(method, target, args);
                        if (method.getName().equals("getConnection")) {
                            borrowed.incrementAndGet();
                            open.incrementAndGet();
                            Connection connection = (Connection) result;
                            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                                    (c, m, a) -> {
                                        if (m.getName().equals("close")) {
                                            open.decrementAndGet();
                                        }
                                        return invoke(m, connection, a);
                                    });
                        }
                        return result;
                    });
        }

        private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Test
    void eachStatementBorrowsAndReturnsAConnectionButATransactionKeepsOne(TestDatabase pg) {
        Jira.seeded(pg);
        CountingDataSource counting = new CountingDataSource(pg.dataSource());
        Database db = Database.connect(counting.dataSource);
        db.select(TASKS.id).from(TASKS).fetch();
        db.update(TASKS).set(TASKS.name, "x").where(eq(TASKS.id, 1)).execute();
        assertThat(counting.borrowed).hasValue(2);
        assertThat(counting.open).hasValue(0);
        db.transaction(tx -> {
            tx.select(TASKS.id).from(TASKS).fetch();
            tx.update(TASKS).set(TASKS.name, "y").where(eq(TASKS.id, 1)).execute();
            return tx.transaction(inner -> inner.select(count()).from(TASKS).fetchValue());
        });
        assertThat(counting.borrowed).hasValue(3);
        assertThat(counting.open).hasValue(0);
        assertThat(db.select(TASKS.name).from(TASKS).where(eq(TASKS.id, 1)).fetchValue()).isEqualTo("y");
    }

    @Test
    void oneDatabaseServesManyThreads(TestDatabase pg) throws Exception {
        Database db = Jira.seeded(pg);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    int found = 0;
                    for (int i = 0; i < 25; i++) {
                        int id = (thread + i) % 5 + 1;
                        found += db.select(TASKS.id).from(TASKS).where(eq(TASKS.id, id)).fetchValue() == id ? 1 : 0;
                    }
                    return found;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(25);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
