package dev.sleet.bench.query;

import org.jdbi.v3.core.statement.PreparedBatch;
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

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static dev.sleet.bench.query.BenchSchema.EPICS;
import static dev.sleet.bench.query.BenchSchema.EVENTS;
import static dev.sleet.bench.query.BenchSchema.TASKS;
import static dev.sleet.bench.query.BenchSchema.TASKS_TAGS;
import static dev.sleet.bench.query.BenchSchema.USERS;
import static dev.sleet.sql.Sql.*;

/**
 * Sleet's typed SQL against raw JDBC (the floor), jOOQ 3.19 and JDBI 3 on the local PostgreSQL:
 * one connection, the same SQL and the same driver settings for everyone. Run with
 * {@code sleet-bench/query-bench.sh} (see docs/benchmarks.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class QueryBench extends LibraryBench {

    public record Task(int id, String name, Integer epicId, Integer userId, Integer importance) {
    }

    public record TaskRow(int id, String name, String username, String epicName) {
    }

    static final String PK_SQL = "select id, name, epic_id, user_id, importance from tasks where id = ?";
    static final String RANGE_SQL = "select id, name, epic_id, user_id, importance from tasks where id between ? and ? order by id";
    static final String JOIN_SQL = "select t.id, t.name, u.username, e.name from tasks t join users u on t.user_id = u.id"
            + " join epics e on t.epic_id = e.id where t.id between ? and ? order by t.id";


    // jOOQ's dynamic (non-generated) idiom: typed fields by name.
    private static final org.jooq.Table<?> J_TASKS = DSL.table(DSL.name("tasks"));
    private static final org.jooq.Table<?> J_USERS = DSL.table(DSL.name("users"));
    private static final org.jooq.Table<?> J_EPICS = DSL.table(DSL.name("epics"));
    private static final org.jooq.Table<?> J_TASKS_TAGS = DSL.table(DSL.name("tasks_tags"));
    private static final org.jooq.Table<?> J_EVENTS = DSL.table(DSL.name("events"));
    private static final Field<Integer> J_ID = DSL.field(DSL.name("tasks", "id"), Integer.class);
    private static final Field<String> J_NAME = DSL.field(DSL.name("tasks", "name"), String.class);
    private static final Field<Integer> J_EPIC = DSL.field(DSL.name("tasks", "epic_id"), Integer.class);
    private static final Field<Integer> J_USER = DSL.field(DSL.name("tasks", "user_id"), Integer.class);
    private static final Field<Integer> J_IMPORTANCE = DSL.field(DSL.name("tasks", "importance"), Integer.class);
    private static final Field<Integer> J_U_ID = DSL.field(DSL.name("users", "id"), Integer.class);
    private static final Field<String> J_U_NAME = DSL.field(DSL.name("users", "username"), String.class);
    private static final Field<Integer> J_E_ID = DSL.field(DSL.name("epics", "id"), Integer.class);
    private static final Field<String> J_E_NAME = DSL.field(DSL.name("epics", "name"), String.class);
    private static final Field<LocalDate> J_E_DUE = DSL.field(DSL.name("epics", "due"), LocalDate.class);
    private static final Field<Integer> J_TT_TASK = DSL.field(DSL.name("tasks_tags", "task"), Integer.class);
    private static final Field<Integer> J_EV_TASK = DSL.field(DSL.name("events", "task_id"), Integer.class);
    private static final Field<String> J_EV_NOTE = DSL.field(DSL.name("events", "note"), String.class);

    static String url() {
        return "jdbc:postgresql://" + env("PGHOST", "127.0.0.1") + ":" + env("PGPORT", "5432") + "/" + database();
    }

    /** BENCH_QUERY_DB names the database, so that two checkouts benchmarking at once do not drop each other's. */
    static String database() {
        return env("BENCH_QUERY_DB", "sleet_bench_query");
    }

    static Properties driverSettings() {
        Properties properties = new Properties();
        properties.setProperty("user", env("PGUSER", "postgres"));
        properties.setProperty("prepareThreshold", "5");
        properties.setProperty("reWriteBatchedInserts", "true");
        return properties;
    }

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Benchmark
    public Task primaryKeyLookup() throws SQLException {
        int id = nextId(1);
        switch (library) {
            case "sleet":
                return sleet.select(TASKS.id, TASKS.name, TASKS.epicId, TASKS.userId, TASKS.importance).from(TASKS)
                        .where(eq(TASKS.id, id)).fetchOne(Task.class);
            case "jdbc":
                try (PreparedStatement statement = connection.prepareStatement(PK_SQL)) {
                    statement.setInt(1, id);
                    try (ResultSet result = statement.executeQuery()) {
                        result.next();
                        return task(result);
                    }
                }
            case "jooq":
                return jooq.select(J_ID, J_NAME, J_EPIC, J_USER, J_IMPORTANCE).from(J_TASKS).where(J_ID.eq(id))
                        .fetchOne(Records.mapping(Task::new));
            default:
                return jdbi.createQuery(PK_SQL).bind(0, id).map((result, context) -> task(result)).one();
        }
    }

    @Benchmark
    public List<Task> hundredRows() throws SQLException {
        int from = nextId(100);
        int to = from + 99;
        switch (library) {
            case "sleet":
                return sleet.select(TASKS.id, TASKS.name, TASKS.epicId, TASKS.userId, TASKS.importance).from(TASKS)
                        .where(between(TASKS.id, from, to)).orderBy(TASKS.id).fetch(Task.class);
            case "jdbc":
                try (PreparedStatement statement = connection.prepareStatement(RANGE_SQL)) {
                    statement.setInt(1, from);
                    statement.setInt(2, to);
                    try (ResultSet result = statement.executeQuery()) {
                        List<Task> tasks = new ArrayList<>();
                        while (result.next()) {
                            tasks.add(task(result));
                        }
                        return tasks;
                    }
                }
            case "jooq":
                return jooq.select(J_ID, J_NAME, J_EPIC, J_USER, J_IMPORTANCE).from(J_TASKS).where(J_ID.between(from, to))
                        .orderBy(J_ID).fetch(Records.mapping(Task::new));
            default:
                return jdbi.createQuery(RANGE_SQL).bind(0, from).bind(1, to).map((result, context) -> task(result)).list();
        }
    }

    @Benchmark
    public List<TaskRow> threeTableJoin() throws SQLException {
        int from = nextId(10);
        int to = from + 9;
        switch (library) {
            case "sleet":
                return sleet.select(TASKS.id, TASKS.name, USERS.username, EPICS.name.as("epic_name")).from(TASKS)
                        .innerJoin(USERS, eq(TASKS.userId, USERS.id)).innerJoin(EPICS, eq(TASKS.epicId, EPICS.id))
                        .where(between(TASKS.id, from, to)).orderBy(TASKS.id).fetch(TaskRow.class);
            case "jdbc":
                try (PreparedStatement statement = connection.prepareStatement(JOIN_SQL)) {
                    statement.setInt(1, from);
                    statement.setInt(2, to);
                    try (ResultSet result = statement.executeQuery()) {
                        List<TaskRow> rows = new ArrayList<>();
                        while (result.next()) {
                            rows.add(new TaskRow(result.getInt(1), result.getString(2), result.getString(3), result.getString(4)));
                        }
                        return rows;
                    }
                }
            case "jooq":
                return jooq.select(J_ID, J_NAME, J_U_NAME, J_E_NAME).from(J_TASKS).join(J_USERS).on(J_USER.eq(J_U_ID))
                        .join(J_EPICS).on(J_EPIC.eq(J_E_ID)).where(J_ID.between(from, to)).orderBy(J_ID)
                        .fetch(Records.mapping(TaskRow::new));
            default:
                return jdbi.createQuery(JOIN_SQL).bind(0, from).bind(1, to).map((result, context) ->
                        new TaskRow(result.getInt(1), result.getString(2), result.getString(3), result.getString(4))).list();
        }
    }

    @Benchmark
    public int insertThousandRows() throws SQLException {
        int task = nextId(1);
        switch (library) {
            case "sleet":
                // The same per-row work as JDBC's loop: the task id boxed once, the note made from an int
                // ("note " + an Integer makes an extra String per row, 48 KB per call that is not Sleet's).
                Integer taskId = task;
                return sleet.insert(EVENTS).values(ROWS, (row, i) -> row.set(EVENTS.taskId, taskId).set(EVENTS.note, "note " + i.intValue()))
                        .execute();
            case "jdbc":
                try (PreparedStatement statement = connection.prepareStatement(INSERT_SQL)) {
                    for (int i = 0; i < 1000; i++) {
                        statement.setInt(2 * i + 1, task);
                        statement.setString(2 * i + 2, "note " + i);
                    }
                    return statement.executeUpdate();
                }
            case "jooq":
                var insert = jooq.insertInto(J_EVENTS, J_EV_TASK, J_EV_NOTE);
                org.jooq.InsertValuesStep2<?, Integer, String> step = null;
                for (int i = 0; i < 1000; i++) {
                    step = (step == null ? insert : step).values(task, "note " + i);
                }
                return step.execute();
            default:
                PreparedBatch batch = jdbi.prepareBatch("insert into events (task_id, note) values (?, ?)");
                for (int i = 0; i < 1000; i++) {
                    batch.bind(0, task).bind(1, "note " + i).add();
                }
                return batch.execute().length;
        }
    }

    /** Builds and renders a query of three joins and five conditions from scratch: no database work. */
    @Benchmark
    public String buildAndRender() {
        int id = nextId(1);
        switch (library) {
            case "sleet":
                return sleet.select(TASKS.id, TASKS.name, USERS.username, EPICS.name).from(TASKS)
                        .innerJoin(USERS, eq(TASKS.userId, USERS.id)).innerJoin(EPICS, eq(TASKS.epicId, EPICS.id))
                        .innerJoin(TASKS_TAGS, eq(TASKS_TAGS.task, TASKS.id))
                        .where(and(gt(TASKS.importance, 1), like(TASKS.name, "Task%"), isNotNull(TASKS.epicId),
                                inArray(TASKS.userId, List.of(id, id + 1, id + 2)), lt(EPICS.due, DUE)))
                        .orderBy(desc(TASKS.id)).limit(10).toSql();
            case "jooq":
                return jooq.select(J_ID, J_NAME, J_U_NAME, J_E_NAME).from(J_TASKS).join(J_USERS).on(J_USER.eq(J_U_ID))
                        .join(J_EPICS).on(J_EPIC.eq(J_E_ID)).join(J_TASKS_TAGS).on(J_TT_TASK.eq(J_ID))
                        .where(J_IMPORTANCE.gt(1), J_NAME.like("Task%"), J_EPIC.isNotNull(),
                                J_USER.in(id, id + 1, id + 2), J_E_DUE.lt(DUE))
                        .orderBy(J_ID.desc()).limit(10).getSQL();
            default:
                // Raw JDBC and JDBI take SQL text; there is nothing to build.
                return JOIN_SQL;
        }
    }

    private static final LocalDate DUE = LocalDate.of(2026, 3, 1);
    private static final List<Integer> ROWS = java.util.stream.IntStream.range(0, 1000).boxed().toList();
    private static final String INSERT_SQL;

    static {
        StringBuilder sql = new StringBuilder("insert into events (task_id, note) values ");
        for (int i = 0; i < 1000; i++) {
            sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
        }
        INSERT_SQL = sql.toString();
    }

    static Task task(ResultSet result) throws SQLException {
        int epic = result.getInt(3);
        Integer epicId = result.wasNull() ? null : epic;
        int user = result.getInt(4);
        Integer userId = result.wasNull() ? null : user;
        int importance = result.getInt(5);
        return new Task(result.getInt(1), result.getString(2), epicId, userId, result.wasNull() ? null : importance);
    }

    /** The benchmark's one connection as a DataSource whose connections ignore close(), so Sleet borrows it per statement. */
    static DataSource singleConnection(Connection connection) {
        Connection unclosable = (Connection) Proxy.newProxyInstance(QueryBench.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(QueryBench.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return unclosable;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Creates and fills the benchmark database (run once before the benchmarks). */
    public static void main(String[] args) throws SQLException {
        String admin = url().replace("/" + database(), "/postgres");
        try (Connection connection = DriverManager.getConnection(admin, driverSettings());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + database() + "\" WITH (FORCE)");
            statement.execute("CREATE DATABASE \"" + database() + "\"");
        }
        try (Connection connection = DriverManager.getConnection(url(), driverSettings());
             Statement statement = connection.createStatement()) {
            statement.execute(BenchSchema.DDL);
            statement.execute("VACUUM ANALYZE");
        }
    }
}
