package dev.sleet.sql;

import dev.sleet.schema.Column;
import dev.sleet.schema.DataType;
import dev.sleet.schema.Table;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static dev.sleet.sql.Jira.TAGS;
import static dev.sleet.sql.Jira.TASKS;
import static dev.sleet.sql.Jira.USERS;
import static dev.sleet.sql.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Prepared statements, batches and streams. */
@ExtendWith(PostgresExtension.class)
class ExecutionTest {

    public static final class Wide extends Table<Wide> {
        public final Column<Integer> id = integer("id");
        public final Column<String> body = text("body");

        Wide() {
            super("wide");
        }
    }

    public static final Wide WIDE = new Wide();

    record Named(int id, String name) {
    }

    @Test
    void preparedRunsWithNewValuesWithoutRerendering(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        Select<String> builder = db.select(TASKS.name).from(TASKS)
                .where(and(eq(TASKS.userId, placeholder("user", TASKS.userId)), gt(TASKS.id, placeholder("after", DataType.INTEGER))))
                .orderBy(TASKS.id);
        Prepared<String> tasksOf = builder.prepare();
        assertThat(tasksOf.names()).containsExactly("user", "after");
        assertThat(tasksOf.fetchValues(Map.of("user", 1, "after", 0))).containsExactly("Write docs", "Plan party");
        assertThat(tasksOf.fetchValues(Map.of("user", 2, "after", 2))).containsExactly("Refactor");
        // The shape was rendered once: changing the builder afterwards does not change what the prepared one sends.
        String sql = tasksOf.sql();
        builder.limit(1);
        assertThat(tasksOf.sql()).isSameAs(sql);
        assertThat(tasksOf.fetchValues(Map.of("user", 1, "after", 0))).hasSize(2);
        assertThatThrownBy(builder::fetchValues).hasMessageContaining("Placeholder 'user' has no value");

        Prepared<Object> byId = db.select(TASKS.id, TASKS.name).from(TASKS).where(eq(TASKS.id, placeholder("id", TASKS.id))).prepare();
        assertThat(byId.fetch(Named.class, Map.of("id", 4))).containsExactly(new Named(4, "Refactor"));
        assertThat(byId.fetch(Map.of("id", 3))).extracting(r -> r.get(TASKS.name)).containsExactly("Plan party");
        assertThatThrownBy(() -> byId.fetch(Map.of())).hasMessageContaining("No value for placeholder 'id'");
        assertThatThrownBy(() -> byId.fetch(Map.of("id", 1, "idd", 2))).hasMessageContaining("no placeholder 'idd'");

        // A name used twice takes one value; a key beside it is still refused; a null value binds NULL.
        Prepared<Integer> either = db.select(TASKS.id).from(TASKS)
                .where(or(eq(TASKS.id, placeholder("n", TASKS.id)), eq(TASKS.userId, placeholder("n", TASKS.userId))))
                .orderBy(TASKS.id).prepare();
        assertThat(either.names()).containsExactly("n");
        assertThat(either.fetchValues(Map.of("n", 2))).containsExactly(2, 4);
        assertThatThrownBy(() -> either.fetchValues(Map.of("n", 3, "m", 1))).hasMessageContaining("no placeholder 'm'");
        Map<String, Object> none = new HashMap<>();
        none.put("n", null);
        assertThat(either.fetchValues(none)).isEmpty();

        Prepared<Object> rename = db.update(USERS).set(USERS.name, placeholder("name", USERS.name))
                .where(eq(USERS.id, placeholder("id", USERS.id))).prepare();
        assertThat(rename.execute(Map.of("id", 2, "name", "Robert"))).isEqualTo(1);
        int[] counts = rename.executeBatch(List.of(Map.of("id", 1, "name", "Annie"), Map.of("id", 9, "name", "Nobody"),
                Map.of("id", 3, "name", "Cyril")));
        assertThat(counts).containsExactly(1, 0, 1);
        assertThat(db.select(USERS.name).from(USERS).orderBy(USERS.id).fetchValues()).containsExactly("Annie", "Robert", "Cyril");
    }

    @Test
    void batchCountsRowsPerStatement(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        List<Query<?>> statements = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            statements.add(db.insert(TASKS).values(r -> r.set(TASKS.name, "batch " + n).set(TASKS.userId, 3)));
        }
        statements.add(db.update(TASKS).set(TASKS.userId, 2).where(like(TASKS.name, "batch 1%")));
        statements.add(db.delete(TASKS).where(eq(TASKS.name, "no such task")));
        statements.add(db.insert(TASKS).values(List.of("x", "y"), (r, name) -> r.set(TASKS.name, name)));
        int[] counts = db.batch(statements);
        assertThat(counts).hasSize(103);
        assertThat(counts).startsWith(1, 1, 1).endsWith(11, 0, 2);
        assertThat(db.select(count()).from(TASKS).fetchValue()).isEqualTo(5L + 100 + 2);
        // A failing statement reports the SQL and the driver's reason, not the batch wrapper.
        assertThatThrownBy(() -> db.batch(List.of(db.insert(TAGS).values(r -> r.set(TAGS.name, "urgent")))))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("tags_name_key");
    }

    /**
     * Counts the driver calls made on pgjdbc's connections and statements (by method name), passing each
     * call on to them: every statement still reaches PostgreSQL.
     */
    static final class DriverCalls {
        private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final DataSource dataSource;

        DriverCalls(DataSource target) {
            dataSource = proxy(DataSource.class, target);
        }

        int of(String method) {
            AtomicInteger count = calls.get(method);
            return count == null ? 0 : count.get();
        }

        void reset() {
            calls.clear();
        }

        private <T> T proxy(Class<T> type, Object target) {
            return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                calls.computeIfAbsent(method.getName(), name -> new AtomicInteger()).incrementAndGet();
                Object result;
                try {
                    result = method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                // Statements and connections made by a wrapped object are counted too.
                Class<?> returned = method.getReturnType();
                if (result != null && (returned == Connection.class || java.sql.Statement.class.isAssignableFrom(returned))) {
                    return proxy(returned, result);
                }
                return result;
            }));
        }
    }

    /** Same-shape statements go to the driver as one JDBC batch, not a statement per row; other shapes in order. */
    @Test
    void aBatchOfOneShapeIsOneJdbcBatch(TestDatabase pg) {
        Database plain = Jira.seeded(pg);
        DriverCalls calls = new DriverCalls(pg.dataSource());
        Database db = Database.connect(calls.dataSource);
        List<Query<?>> inserts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String name = "row " + i;
            names.add(name);
            inserts.add(db.insert(TASKS).values(r -> r.set(TASKS.name, name).set(TASKS.userId, 3)));
        }
        assertThat(db.batch(inserts)).hasSize(50).containsOnly(1);
        assertThat(calls.of("prepareStatement")).isEqualTo(1);
        assertThat(calls.of("addBatch")).isEqualTo(50);
        assertThat(calls.of("executeBatch")).isEqualTo(1);
        assertThat(calls.of("executeUpdate") + calls.of("execute") + calls.of("executeQuery")).isZero();
        assertThat(plain.select(TASKS.name).from(TASKS).where(eq(TASKS.userId, 3)).orderBy(TASKS.id).fetchValues())
                .containsExactlyElementsOf(names);

        // A run of equal SQL per batch, in the order given: inserts, an update, inserts again.
        calls.reset();
        int[] counts = db.batch(List.of(
                db.insert(TAGS).values(r -> r.set(TAGS.name, "a")),
                db.insert(TAGS).values(r -> r.set(TAGS.name, "b")),
                db.update(TAGS).set(TAGS.name, upper(TAGS.name)).where(inArray(TAGS.name, List.of("a", "b"))),
                db.insert(TAGS).values(r -> r.set(TAGS.name, "a")),
                db.insert(TAGS).values(r -> r.set(TAGS.name, "c"))));
        assertThat(counts).containsExactly(1, 1, 2, 1, 1);
        assertThat(calls.of("prepareStatement")).isEqualTo(3);
        assertThat(calls.of("executeBatch")).isEqualTo(3);
        assertThat(plain.select(TAGS.name).from(TAGS).where(gt(TAGS.id, 3)).orderBy(TAGS.id).fetchValues())
                .containsExactly("A", "B", "a", "c");

        // A prepared statement's runs, and a batch inside a transaction: one JDBC batch each.
        calls.reset();
        Prepared<Object> add = db.insert(TASKS).values(r -> r.set(TASKS.name, placeholder("name", TASKS.name))
                .set(TASKS.userId, placeholder("user", TASKS.userId))).prepare();
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            runs.add(Map.of("name", "prepared " + i, "user", 2));
        }
        assertThat(add.executeBatch(runs)).hasSize(20).containsOnly(1);
        assertThat(calls.of("prepareStatement")).isEqualTo(1);
        assertThat(calls.of("addBatch")).isEqualTo(20);
        assertThat(calls.of("executeBatch")).isEqualTo(1);
        assertThat(calls.of("executeUpdate") + calls.of("execute") + calls.of("executeQuery")).isZero();
        assertThat(plain.select(count()).from(TASKS).where(like(TASKS.name, "prepared %")).fetchValue()).isEqualTo(20L);

        calls.reset();
        int[] inTx = db.transaction(tx -> tx.batch(List.of(
                tx.update(TASKS).set(TASKS.userId, 1).where(eq(TASKS.name, "row 1")),
                tx.update(TASKS).set(TASKS.userId, 1).where(eq(TASKS.name, "row 2")),
                tx.update(TASKS).set(TASKS.userId, 1).where(eq(TASKS.name, "no such row")))));
        assertThat(inTx).containsExactly(1, 1, 0);
        assertThat(calls.of("getConnection")).as("the batch runs on the transaction's connection").isEqualTo(1);
        assertThat(calls.of("executeBatch")).isEqualTo(1);
        assertThat(plain.select(TASKS.name).from(TASKS).where(like(TASKS.name, "row %")).where(eq(TASKS.userId, 1))
                .orderBy(TASKS.id).fetchValues()).containsExactly("row 1", "row 2");
    }

    @Test
    void streamReadsThroughACursorAndGivesBackItsConnection(TestDatabase pg) throws Exception {
        Database db = wide(pg, 5_000, 10);
        try (Stream<Row> rows = db.select(WIDE.id).from(WIDE).orderBy(WIDE.id).stream(100)) {
            assertThat(rows.limit(250).mapToInt(r -> r.get(WIDE.id)).sum()).isEqualTo(250 * 251 / 2);
        }
        record Line(int id, String body) {
        }
        long inTx = db.transaction(tx -> {
            try (Stream<Line> lines = tx.select(WIDE.id, WIDE.body).from(WIDE).stream(Line.class, 1000)) {
                return lines.filter(l -> l.body().length() == 10).count();
            }
        });
        assertThat(inTx).isEqualTo(5_000);
        // Nothing left open: no connection idles inside a stream's transaction.
        try (Connection c = pg.connect(); java.sql.Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction'"
                     + " AND datname = current_database()")) {
            r.next();
            assertThat(r.getInt(1)).isZero();
        }
        assertThatThrownBy(() -> db.select(WIDE.id).from(WIDE).stream(0)).hasMessageContaining("fetchSize");
    }

    @Test
    void aMapperReadsEachRowStraightFromTheCursorAndOnlyWhileItMaps(TestDatabase pg) {
        Database db = wide(pg, 3_000, 4);
        try (Stream<Long> sums = db.select(WIDE.id, WIDE.body).from(WIDE).orderBy(WIDE.id)
                .stream(500, row -> (long) row.getInt(WIDE.id) + row.get(WIDE.body).length())) {
            assertThat(sums.mapToLong(Long::longValue).sum()).isEqualTo(3_000L * 3_001 / 2 + 3_000L * 4);
        }
        // getInt and getLong read without a box, from a mapper's row or a fetched one; NULL fails instead of reading as 0
        Expression<Long> big = cast(WIDE.id, new DataType<>("bigint", Long.class));
        Long sum = db.select(WIDE.id, big).from(WIDE).where(eq(WIDE.id, 9)).fetchOne(row -> row.getInt(WIDE.id) + row.getLong(big));
        assertThat(sum).isEqualTo(18L);
        assertThat(db.select(WIDE.id, big).from(WIDE).where(eq(WIDE.id, 9)).fetchOne().getLong(big)).isEqualTo(9L);
        pg.execute("INSERT INTO wide VALUES (NULL, 'n')");
        assertThatThrownBy(() -> db.select(WIDE.id).from(WIDE).where(isNull(WIDE.id)).fetch(row -> row.getInt(WIDE.id)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("id is NULL");
        assertThatThrownBy(() -> db.select(WIDE.id).from(WIDE).where(isNull(WIDE.id)).fetchOne().getInt(WIDE.id))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("id is NULL");
        List<String> lines = db.select(WIDE.id, WIDE.body).from(WIDE).where(lte(WIDE.id, 2)).orderBy(WIDE.id)
                .fetch(row -> row.get(0, Integer.class) + ":" + row.get("body", String.class) + ":" + row.values().size());
        assertThat(lines).containsExactly("1:xxxx:2", "2:xxxx:2");
        Integer doubled = db.select(WIDE.id).from(WIDE).where(eq(WIDE.id, 7)).fetchOne(row -> row.get(WIDE.id) * 2);
        assertThat(doubled).isEqualTo(14);
        // a row kept past map() would read whatever row the cursor stands on later: it refuses instead
        List<Row> kept = db.select(WIDE.id).from(WIDE).where(lte(WIDE.id, 2)).fetch(row -> row);
        assertThatThrownBy(() -> kept.get(0).get(WIDE.id)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only inside map()");
        // ... also while the mapper runs for a later row (the review found one row object reused for all rows)
        AtomicReference<Row> previous = new AtomicReference<>();
        List<String> reads = db.select(WIDE.id).from(WIDE).where(lte(WIDE.id, 3)).orderBy(WIDE.id).fetch(row -> {
            Row before = previous.getAndSet(row);
            if (before == null) {
                return "first";
            }
            try {
                return "read " + before.get(WIDE.id) + " in row " + row.get(WIDE.id);
            } catch (IllegalStateException refused) {
                return "refused";
            }
        });
        assertThat(reads).containsExactly("first", "refused", "refused");
        // fetchOne maps the one row once the query has returned it: with two rows the mapper never runs (an
        // earlier version mapped both before failing), and a mapper may run another query
        AtomicInteger mapped = new AtomicInteger();
        assertThatThrownBy(() -> db.select(WIDE.id).from(WIDE).where(lte(WIDE.id, 2)).fetchOne(row -> mapped.incrementAndGet()))
                .hasMessageContaining("more than one");
        assertThat(mapped).hasValue(0);
        String nested = db.select(WIDE.id).from(WIDE).where(eq(WIDE.id, 5))
                .fetchOne(row -> row.get(WIDE.id) + "/" + db.select(WIDE.id).from(WIDE).where(eq(WIDE.id, 6)).fetchValue());
        assertThat(nested).isEqualTo("5/6");
    }

    /** More rows than a 48 MB heap can hold: streamed they pass, fetched all at once they do not. */
    @Test
    void streamRunsInAHeapSmallerThanTheResult(TestDatabase pg) throws Exception {
        wide(pg, 200_000, 500); // about 100 MB of text, over 200 MB as Java strings
        String url = pg.jdbcUrl() + "?user=" + TestDatabase.USER;
        Fork streamed = fork(url, "stream");
        assertThat(streamed.exit).as(streamed.output).isZero();
        assertThat(streamed.output).contains("rows=200000");
        Fork fetched = fork(url, "fetch");
        assertThat(fetched.exit).isNotZero();
        assertThat(fetched.output).contains("OutOfMemoryError");
    }

    private record Fork(int exit, String output) {
    }

    private static Fork fork(String url, String mode) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                StreamProbe.class.getName(), url, mode).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Fork(process.exitValue(), output);
    }

    /**
     * A row that fails on the server after the first fetches (division by zero at id 2,500 of a table read
     * in the order it was written, no sort to compute every row first; fetch size
     * 100) fails the stream with the statement's error, whether it is read row by row or to the end in
     * one terminal operation, and the stream's connection is given back either way.
     */
    @Test
    void aStreamThatFailsMidwayReportsTheStatementAndGivesBackItsConnection(TestDatabase pg) throws Exception {
        Database db = wide(pg, 5_000, 3);
        Expression<Integer> risky = div(WIDE.id, sub(WIDE.id, 2_500));
        try (Stream<Integer> values = db.select(risky).from(WIDE).stream(100, row -> row.get(risky))) {
            assertThatThrownBy(() -> values.mapToLong(Integer::longValue).sum())
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("division by zero");
        }
        try (Stream<Integer> values = db.select(risky).from(WIDE).stream(100, row -> row.get(risky))) {
            var iterator = values.iterator();
            for (int i = 0; i < 2_000; i++) {
                iterator.next();
            }
            assertThatThrownBy(() -> iterator.forEachRemaining(v -> { }))
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("division by zero");
        }
        try (Connection c = pg.connect(); java.sql.Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'"
                     + " AND datname = current_database()")) {
            r.next();
            assertThat(r.getInt(1)).isZero();
        }
    }

    private static Database wide(TestDatabase pg, int rows, int width) {
        pg.execute("CREATE TABLE wide (id INT, body TEXT); INSERT INTO wide SELECT n, repeat('x', " + width
                + ") FROM generate_series(1, " + rows + ") n;");
        return Database.connect(pg.dataSource());
    }
}
