package dev.sleet.bench.query;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sleet.schema.Column;
import dev.sleet.schema.Relation;
import dev.sleet.schema.Table;
import dev.sleet.schema.TableRelations;
import dev.sleet.sql.Database;
import dev.sleet.sql.Relational;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.sleet.bench.query.BenchSchema.TASKS;
import static dev.sleet.bench.query.BenchSchema.TASKS_TAGS;
import static dev.sleet.bench.query.BenchSchema.USERS;
import static dev.sleet.sql.Sql.between;

/**
 * Relational queries (issue 9): fetch 100 or 1,000 tasks, each with its user and its 3 tags (through
 * tasks_tags), out of 10,000 — Sleet's findMany with its two strategies (one statement per level;
 * one statement with lateral json_agg) against N+1 with reused prepared statements, one query per
 * level merged by hand in JDBC, the lateral json_agg statement written by hand, and jOOQ 3.19 MULTISET. Every
 * way returns the same records, checked in setup. Run with {@code sleet-bench/relational-bench.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class RelationalBench {

    public record User(int id, String username) {
    }

    public record Tag(int id, String name) {
    }

    public record Task(int id, String name, User user, List<Tag> tags) {
    }

    static final class Tags extends Table<Tags> {
        final Column<Integer> id = serial("id").primaryKey();
        final Column<String> name = varchar("name", 250);

        Tags() {
            super("tags");
        }
    }

    /** The one table QueryBench's schema lacks. */
    static final Tags TAGS = new Tags();
    static final Relational RELATIONS = Relational.of(
            TableRelations.of(TASKS, Relation.one("user", USERS, TASKS.userId, USERS.id),
                    Relation.many("tags", TAGS).through(TASKS_TAGS)),
            TableRelations.of(TASKS_TAGS, Relation.one("task", TASKS, TASKS_TAGS.task, TASKS.id),
                    Relation.one("tag", TAGS, TASKS_TAGS.tag, TAGS.id)));

    static final String DDL = """
            CREATE TABLE users (id serial PRIMARY KEY, username varchar(50), name varchar(250));
            CREATE TABLE epics (id serial PRIMARY KEY, name varchar(250), due date);
            CREATE TABLE tasks (id serial PRIMARY KEY, name varchar(250), epic_id int REFERENCES epics,
              user_id int REFERENCES users, importance int);
            CREATE TABLE tags (id serial PRIMARY KEY, name varchar(250));
            CREATE TABLE tasks_tags (id serial PRIMARY KEY, task int REFERENCES tasks, tag int REFERENCES tags);
            CREATE INDEX tasks_tags_task ON tasks_tags (task);
            INSERT INTO users (username, name) SELECT 'user' || i, 'User ' || i FROM generate_series(1, 1000) i;
            INSERT INTO epics (name, due) SELECT 'Epic ' || i, DATE '2026-01-01' + i FROM generate_series(1, 100) i;
            INSERT INTO tasks (name, epic_id, user_id, importance)
              SELECT 'Task number ' || i, 1 + i % 100, 1 + i % 1000, i % 5 FROM generate_series(1, 10000) i;
            INSERT INTO tags (name) SELECT 'tag' || i FROM generate_series(1, 50) i;
            INSERT INTO tasks_tags (task, tag) SELECT t, 1 + (t * 7 + k * 13) % 50 FROM generate_series(1, 10000) t,
              generate_series(0, 2) k;
            """;

    static final String TASKS_SQL = "select id, name, user_id from tasks where id between ? and ? order by id";
    static final String USER_SQL = "select id, username from users where id = ?";
    static final String TAGS_SQL = "select tags.id, tags.name from tags join tasks_tags on tasks_tags.tag = tags.id"
            + " where tasks_tags.task = ? order by tags.id";
    static final String LATERAL_SQL = "select tasks.id, tasks.name, users.id, users.username, coalesce(t.tags, '[]')"
            + " from tasks left join users on users.id = tasks.user_id"
            + " left join lateral (select json_agg(json_build_array(tags.id, tags.name) order by tags.id) as tags"
            + " from tags join tasks_tags on tasks_tags.tag = tags.id where tasks_tags.task = tasks.id) t on true"
            + " where tasks.id between ? and ? order by tasks.id";
    static final JsonFactory JSON = new JsonFactory();
    static final String USERS_ANY_SQL = "select id, username from users where id = any(?)";
    static final String TAGS_ANY_SQL = "select tags.id, tags.name, tasks_tags.task from tags join tasks_tags"
            + " on tasks_tags.tag = tags.id where tasks_tags.task = any(?) order by tags.id";

    @Param({"100", "1000"})
    public int tasks;

    private Connection connection;
    private Database sleet;
    private DSLContext jooq;
    private int next;

    /** The benchmark's database: sleet_bench_relational, or BENCH_RELATIONAL_DB (so that parallel runs do not drop each other's). */
    static String database() {
        String name = System.getenv("BENCH_RELATIONAL_DB");
        return name == null || name.isBlank() ? "sleet_bench_relational" : name;
    }

    static String url() {
        return QueryBench.url().replace("/" + QueryBench.database(), "/" + database());
    }

    @Setup(Level.Trial)
    public void open() throws SQLException, IOException {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        connection = DriverManager.getConnection(url(), QueryBench.driverSettings());
        sleet = Database.connect(QueryBench.singleConnection(connection));
        jooq = DSL.using(connection, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
        List<Task> expected = nPlusOne();
        next = 0;
        for (List<Task> other : List.of(sleetPerLevel(), reset(), handPerLevel(), reset(), jooqMultiset(), reset(),
                sleetSingleStatement(), reset(), handLateralJson())) {
            if (!other.isEmpty() && !other.equals(expected)) {
                throw new IllegalStateException("Results differ: " + other.get(0) + " vs " + expected.get(0));
            }
        }
    }

    /** Puts the window back where the first check started, so that every way reads the same tasks. */
    private List<Task> reset() {
        next = 0;
        return List.of();
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        connection.close();
    }

    /** The next window of task ids. */
    private int from() {
        next = next % (10_000 - tasks) + 1;
        return next;
    }

    @Benchmark
    public List<Task> sleetPerLevel() {
        int from = from();
        return sleet.query(RELATIONS, TASKS).findMany(Task.class).columns(TASKS.id, TASKS.name)
                .where(between(TASKS.id, from, from + tasks - 1))
                .with("user", u -> u.columns(USERS.id, USERS.username)).with("tags").fetch();
    }

    @Benchmark
    public List<Task> sleetSingleStatement() {
        int from = from();
        return sleet.query(RELATIONS, TASKS).findMany(Task.class).columns(TASKS.id, TASKS.name)
                .where(between(TASKS.id, from, from + tasks - 1))
                .with("user", u -> u.columns(USERS.id, USERS.username)).with("tags").singleStatement().fetch();
    }

    /**
     * The single statement written by hand, as a careful programmer would: the one relation as a left
     * join, the tags as a lateral json_agg read with Jackson's streaming parser.
     */
    @Benchmark
    public List<Task> handLateralJson() throws SQLException, IOException {
        int from = from();
        List<Task> result = new ArrayList<>(tasks);
        try (PreparedStatement all = connection.prepareStatement(LATERAL_SQL)) {
            all.setInt(1, from);
            all.setInt(2, from + tasks - 1);
            try (ResultSet r = all.executeQuery()) {
                while (r.next()) {
                    int userId = r.getInt(3);
                    User owner = r.wasNull() ? null : new User(userId, r.getString(4));
                    List<Tag> list = new ArrayList<>(3);
                    try (JsonParser json = JSON.createParser(r.getString(5))) {
                        json.nextToken();
                        while (json.nextToken() == JsonToken.START_ARRAY) {
                            json.nextToken();
                            int id = json.getIntValue();
                            json.nextToken();
                            list.add(new Tag(id, json.getText()));
                            json.nextToken();
                        }
                    }
                    result.add(new Task(r.getInt(1), r.getString(2), owner, List.copyOf(list)));
                }
            }
        }
        return result;
    }

    @Benchmark
    public List<Task> nPlusOne() throws SQLException {
        int from = from();
        List<Task> result = new ArrayList<>(tasks);
        try (PreparedStatement all = connection.prepareStatement(TASKS_SQL);
             PreparedStatement user = connection.prepareStatement(USER_SQL);
             PreparedStatement tags = connection.prepareStatement(TAGS_SQL)) {
            all.setInt(1, from);
            all.setInt(2, from + tasks - 1);
            try (ResultSet rows = all.executeQuery()) {
                while (rows.next()) {
                    int id = rows.getInt(1);
                    int userId = rows.getInt(3);
                    User owner = null;
                    if (!rows.wasNull()) {
                        user.setInt(1, userId);
                        try (ResultSet u = user.executeQuery()) {
                            owner = u.next() ? new User(u.getInt(1), u.getString(2)) : null;
                        }
                    }
                    tags.setInt(1, id);
                    List<Tag> list = new ArrayList<>(3);
                    try (ResultSet t = tags.executeQuery()) {
                        while (t.next()) {
                            list.add(new Tag(t.getInt(1), t.getString(2)));
                        }
                    }
                    result.add(new Task(id, rows.getString(2), owner, List.copyOf(list)));
                }
            }
        }
        return result;
    }

    @Benchmark
    public List<Task> handPerLevel() throws SQLException {
        int from = from();
        List<Object[]> rows = new ArrayList<>(tasks);
        Set<Integer> userIds = new LinkedHashSet<>();
        try (PreparedStatement all = connection.prepareStatement(TASKS_SQL)) {
            all.setInt(1, from);
            all.setInt(2, from + tasks - 1);
            try (ResultSet r = all.executeQuery()) {
                while (r.next()) {
                    int userId = r.getInt(3);
                    Integer owner = r.wasNull() ? null : userId;
                    rows.add(new Object[] {r.getInt(1), r.getString(2), owner});
                    if (owner != null) {
                        userIds.add(owner);
                    }
                }
            }
        }
        Map<Integer, User> users = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(USERS_ANY_SQL)) {
            Array ids = connection.createArrayOf("int4", userIds.toArray());
            select.setArray(1, ids);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    users.put(r.getInt(1), new User(r.getInt(1), r.getString(2)));
                }
            }
        }
        Map<Integer, List<Tag>> tags = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(TAGS_ANY_SQL)) {
            Object[] ids = new Object[rows.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = rows.get(i)[0];
            }
            select.setArray(1, connection.createArrayOf("int4", ids));
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    tags.computeIfAbsent(r.getInt(3), k -> new ArrayList<>(3)).add(new Tag(r.getInt(1), r.getString(2)));
                }
            }
        }
        List<Task> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            result.add(new Task((Integer) row[0], (String) row[1], row[2] == null ? null : users.get(row[2]),
                    List.copyOf(tags.getOrDefault(row[0], List.of()))));
        }
        return result;
    }

    private static final org.jooq.Table<?> J_TASKS = DSL.table(DSL.name("tasks"));
    private static final org.jooq.Table<?> J_USERS = DSL.table(DSL.name("users"));
    private static final org.jooq.Table<?> J_TAGS = DSL.table(DSL.name("tags"));
    private static final org.jooq.Table<?> J_TASKS_TAGS = DSL.table(DSL.name("tasks_tags"));
    private static final Field<Integer> J_ID = DSL.field(DSL.name("tasks", "id"), Integer.class);
    private static final Field<String> J_NAME = DSL.field(DSL.name("tasks", "name"), String.class);
    private static final Field<Integer> J_USER = DSL.field(DSL.name("tasks", "user_id"), Integer.class);
    private static final Field<Integer> J_U_ID = DSL.field(DSL.name("users", "id"), Integer.class);
    private static final Field<String> J_U_NAME = DSL.field(DSL.name("users", "username"), String.class);
    private static final Field<Integer> J_TAG_ID = DSL.field(DSL.name("tags", "id"), Integer.class);
    private static final Field<String> J_TAG_NAME = DSL.field(DSL.name("tags", "name"), String.class);
    private static final Field<Integer> J_TT_TASK = DSL.field(DSL.name("tasks_tags", "task"), Integer.class);
    private static final Field<Integer> J_TT_TAG = DSL.field(DSL.name("tasks_tags", "tag"), Integer.class);

    @Benchmark
    public List<Task> jooqMultiset() {
        int from = from();
        return jooq.select(J_ID, J_NAME, J_U_ID, J_U_NAME,
                        DSL.multiset(DSL.select(J_TAG_ID, J_TAG_NAME).from(J_TAGS).join(J_TASKS_TAGS).on(J_TT_TAG.eq(J_TAG_ID))
                                .where(J_TT_TASK.eq(J_ID)).orderBy(J_TAG_ID)).convertFrom(r -> r.map(Records.mapping(Tag::new))))
                .from(J_TASKS).leftJoin(J_USERS).on(J_USER.eq(J_U_ID))
                .where(J_ID.between(from, from + tasks - 1)).orderBy(J_ID)
                .fetch(r -> new Task(r.value1(), r.value2(), r.value3() == null ? null : new User(r.value3(), r.value4()),
                        r.value5()));
    }

    /** Creates and fills the benchmark database (run once before the benchmarks). */
    public static void main(String[] args) throws SQLException {
        String admin = url().replace("/" + database(), "/postgres");
        try (Connection connection = DriverManager.getConnection(admin, QueryBench.driverSettings());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + database() + "\" WITH (FORCE)");
            statement.execute("CREATE DATABASE \"" + database() + "\"");
        }
        try (Connection connection = DriverManager.getConnection(url(), QueryBench.driverSettings());
             Statement statement = connection.createStatement()) {
            statement.execute(DDL);
            statement.execute("VACUUM ANALYZE");
        }
    }
}
