package dev.sleet.bench.query;

import dev.sleet.sql.Derived;
import dev.sleet.sql.Prepared;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jooq.BatchBindStep;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.sleet.bench.query.BenchSchema.EVENTS;
import static dev.sleet.bench.query.BenchSchema.TASKS;
import static dev.sleet.sql.Sql.*;

/**
 * Part 2 of the typed SQL benchmarks: a prepared query run with new values, a 10,000-row batch
 * insert, a MERGE of 1,000 rows and a streamed read of 1,000,000 rows, in a JVM of 64 MB heap so a
 * stream that held its rows would fail. Same database, connection and driver settings as {@link QueryBench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx64m")
public class ExecutionBench extends LibraryBench {

    static final String PK_SQL = "select id, name, epic_id, user_id, importance from tasks where id = ?";
    static final String INSERT_SQL = "insert into events (task_id, note) values (?, ?)";
    static final String MERGE_SQL = "merge into events using (select id, name from tasks where id between ? and ?) s"
            + " on events.task_id = s.id when matched then update set note = s.name"
            + " when not matched then insert (task_id, note) values (s.id, s.name)";
    /** 10,000 tasks × 100 = 1,000,000 rows. */
    static final String STREAM_SQL = "select t.id, u.name from tasks t cross join tasks u where u.id <= 100";
    static final int BATCH = 10_000;
    static final int FETCH = 1_000;

    private Prepared<Object> byId;
    private Prepared<Object> insertEvent;
    private List<Map<String, Object>> batchValues;

    private static final org.jooq.Table<?> J_TASKS = DSL.table(DSL.name("tasks"));
    private static final org.jooq.Table<?> J_EVENTS = DSL.table(DSL.name("events"));
    private static final Field<Integer> J_ID = DSL.field(DSL.name("tasks", "id"), Integer.class);
    private static final Field<String> J_NAME = DSL.field(DSL.name("tasks", "name"), String.class);
    private static final Field<Integer> J_EPIC = DSL.field(DSL.name("tasks", "epic_id"), Integer.class);
    private static final Field<Integer> J_USER = DSL.field(DSL.name("tasks", "user_id"), Integer.class);
    private static final Field<Integer> J_IMPORTANCE = DSL.field(DSL.name("tasks", "importance"), Integer.class);
    private static final Field<Integer> J_EV_TASK = DSL.field(DSL.name("task_id"), Integer.class);
    private static final Field<String> J_EV_NOTE = DSL.field(DSL.name("note"), String.class);

    @Override
    protected void prepare() {
        byId = sleet.select(TASKS.id, TASKS.name, TASKS.epicId, TASKS.userId, TASKS.importance).from(TASKS)
                .where(eq(TASKS.id, placeholder("id", TASKS.id))).prepare();
        insertEvent = sleet.insert(EVENTS).values(r -> r.set(EVENTS.taskId, placeholder("task", EVENTS.taskId))
                .set(EVENTS.note, placeholder("note", EVENTS.note))).prepare();
        batchValues = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batchValues.add(Map.of("task", i, "note", "note " + i));
        }
    }

    @Benchmark
    public QueryBench.Task preparedLookup() throws SQLException {
        int id = nextId(1);
        switch (library) {
            case "sleet":
                return byId.fetch(QueryBench.Task.class, Map.of("id", id)).get(0);
            case "jdbc":
                try (PreparedStatement statement = connection.prepareStatement(PK_SQL)) {
                    statement.setInt(1, id);
                    try (ResultSet result = statement.executeQuery()) {
                        result.next();
                        return QueryBench.task(result);
                    }
                }
            case "jooq":
                return jooq.select(J_ID, J_NAME, J_EPIC, J_USER, J_IMPORTANCE).from(J_TASKS).where(J_ID.eq(id))
                        .fetchOne(Records.mapping(QueryBench.Task::new));
            default:
                return jdbi.createQuery(PK_SQL).bind(0, id).map((result, context) -> QueryBench.task(result)).one();
        }
    }

    @Benchmark
    public int batchInsertTenThousand() throws SQLException {
        switch (library) {
            case "sleet":
                return insertEvent.executeBatch(batchValues).length;
            case "jdbc":
                try (PreparedStatement statement = connection.prepareStatement(INSERT_SQL)) {
                    for (int i = 0; i < BATCH; i++) {
                        statement.setInt(1, i);
                        statement.setString(2, "note " + i);
                        statement.addBatch();
                    }
                    return statement.executeBatch().length;
                }
            case "jooq":
                BatchBindStep batch = jooq.batch(jooq.insertInto(J_EVENTS, J_EV_TASK, J_EV_NOTE).values((Integer) null, null));
                for (int i = 0; i < BATCH; i++) {
                    batch = batch.bind(i, "note " + i);
                }
                return batch.execute().length;
            default:
                PreparedBatch prepared = jdbi.prepareBatch(INSERT_SQL);
                for (int i = 0; i < BATCH; i++) {
                    prepared.bind(0, i).bind(1, "note " + i).add();
                }
                return prepared.execute().length;
        }
    }

    @Benchmark
    public int mergeThousand() throws SQLException {
        int from = nextId(1000);
        int to = from + 999;
        switch (library) {
            case "sleet":
                Derived source = sleet.select(TASKS.id, TASKS.name).from(TASKS).where(between(TASKS.id, from, to)).as("s");
                return sleet.mergeInto(EVENTS).using(source, eq(EVENTS.taskId, source.field(TASKS.id)))
                        .whenMatched().thenUpdate(s -> s.set(EVENTS.note, source.field(TASKS.name)))
                        .whenNotMatched().thenInsert(r -> r.set(EVENTS.taskId, source.field(TASKS.id))
                                .set(EVENTS.note, source.field(TASKS.name)))
                        .execute();
            case "jdbc":
                try (PreparedStatement statement = connection.prepareStatement(MERGE_SQL)) {
                    statement.setInt(1, from);
                    statement.setInt(2, to);
                    return statement.executeUpdate();
                }
            case "jooq":
                // jOOQ's plain-SQL API: its typed merge needs generated tables.
                return jooq.execute(MERGE_SQL, from, to);
            default:
                return jdbi.createUpdate(MERGE_SQL).bind(0, from).bind(1, to).execute();
        }
    }

    /** A million rows through a cursor, 1,000 per round trip, in a 64 MB heap. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long streamMillion() throws SQLException {
        switch (library) {
            case "sleet":
                BenchSchema.Tasks other = TASKS.as("u");
                // A mapper, as JDBI's: it reads each row from the cursor (a Stream<Row> would hold a copy of each row).
                try (Stream<Long> rows = sleet.select(TASKS.id, other.name).from(TASKS).crossJoin(other)
                        .where(lte(other.id, 100)).stream(FETCH, r -> (long) r.getInt(TASKS.id) + r.get(other.name).length())) {
                    return rows.mapToLong(Long::longValue).sum();
                }
            case "jdbc":
                connection.setAutoCommit(false);
                try (PreparedStatement statement = connection.prepareStatement(STREAM_SQL)) {
                    statement.setFetchSize(FETCH);
                    long sum = 0;
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            sum += result.getInt(1) + result.getString(2).length();
                        }
                    }
                    return sum;
                } finally {
                    connection.commit();
                    connection.setAutoCommit(true);
                }
            case "jooq":
                return jooq.transactionResult(tx -> {
                    try (Stream<org.jooq.Record2<Integer, String>> rows = tx.dsl().select(J_ID, DSL.field(DSL.name("u", "name"), String.class))
                            .from(J_TASKS).crossJoin(J_TASKS.as("u")).where(DSL.field(DSL.name("u", "id"), Integer.class).le(100))
                            .fetchSize(FETCH).fetchStream()) {
                        return rows.mapToLong(r -> r.value1() + r.value2().length()).sum();
                    }
                });
            default:
                return jdbi.inTransaction(handle -> {
                    try (Stream<Long> rows = handle.createQuery(STREAM_SQL).setFetchSize(FETCH)
                            .map((result, context) -> (long) result.getInt(1) + result.getString(2).length()).stream()) {
                        return rows.mapToLong(Long::longValue).sum();
                    }
                });
        }
    }
}
