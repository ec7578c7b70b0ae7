package dev.sleet.sql;

import dev.sleet.testing.TestDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.sleet.sql.Board.BOARD;
import static dev.sleet.sql.Board.TAGS;
import static dev.sleet.sql.Board.TASKS;
import static dev.sleet.sql.Board.USERS;
import static dev.sleet.sql.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random relational queries (users → assigned tasks → tags through the junction, and each task's
 * parent task: a self relation; each level with or without a filter, an order, a limit and an
 * offset) run with both strategies (one statement per level, and the single JSON statement) against
 * the same result assembled by hand in Java from the plain rows of each table, read with plain
 * JDBC. Tasks carry values of every type the JSON strategy decodes per type: numeric, timestamptz,
 * timestamp, date, interval, uuid, bytea, an enum type and a text array.
 */
class RelationalPropertyTest {

    private static TestDatabase pg;
    private static Database db;
    private static List<PUser> users;
    private static List<Object[]> tasks;
    private static final Map<Integer, Object[]> tasksById = new HashMap<>();
    private static Map<Integer, List<PTag>> tagsByTask;

    record PTag(int id, String name) {
    }

    record PParent(int id, Integer importance, OffsetDateTime created) {
    }

    record PTask(int id, Integer importance, BigDecimal estimate, OffsetDateTime created, LocalDateTime touched,
                 LocalDate due, String spent, UUID token, byte[] payload, Board.Priority priority, String[] labels,
                 List<PTag> tags, Optional<PParent> parent) {
    }

    record PUser(int id, String name, List<PTask> assigned) {
    }

    /** One level's options: a filter bound (or none), descending or not, limit and offset (or none). */
    record Options(Integer above, boolean descending, Integer limit, Integer offset) {
    }

    @BeforeContainer
    static void seed() throws SQLException {
        pg = TestDatabase.create("sleet_relational_properties");
        StringBuilder rows = new StringBuilder(Board.DDL);
        rows.append("INSERT INTO users (name) SELECT 'user' || g FROM generate_series(1, 8) g;");
        rows.append("INSERT INTO tags (name) VALUES ('a'), ('b'), ('c'), ('d'), ('e');");
        rows.append("INSERT INTO tasks (name, importance, assignee_id, parent_id, estimate, created, touched, due, spent,"
                + " token, payload, priority, labels) SELECT 'task' || g,"
                + " CASE WHEN g % 11 = 0 THEN NULL ELSE g * 7 % 6 END, CASE WHEN g % 9 = 0 THEN NULL ELSE g * 5 % 7 + 1 END,"
                + " CASE WHEN g % 3 = 0 THEN g / 3 END,"
                + " CASE WHEN g % 5 <> 0 THEN (g * 1234567.891)::numeric(20, 4) / 7 END,"
                + " CASE WHEN g % 4 <> 0 THEN timestamptz '1899-12-31 23:59:59.123456+00:09:21' + g * interval '1000 days 7 hours 3.5 seconds' END,"
                + " CASE WHEN g % 6 <> 0 THEN timestamp '0100-01-01 00:00' - g * interval '10000 days 1 second' END,"
                + " CASE WHEN g % 7 = 1 THEN date 'infinity' WHEN g % 7 <> 0 THEN date '2026-02-28' + g * 40 END,"
                + " CASE WHEN g % 8 <> 0 THEN g * interval '1 mon 2 days 03:04:05.678' END,"
                + " CASE WHEN g % 2 = 0 THEN md5(g::text)::uuid END,"
                + " CASE WHEN g % 3 <> 1 THEN decode(md5(g::text), 'hex') END,"
                + " CASE WHEN g % 3 = 0 THEN 'low'::priority WHEN g % 3 = 1 THEN 'high' END,"
                + " CASE WHEN g % 4 = 0 THEN NULL WHEN g % 4 = 1 THEN '{}' ELSE ARRAY['t' || g, NULL, E'q\"\\\\' || g] END"
                + " FROM generate_series(1, 60) g;");
        rows.append("INSERT INTO tasks_tags (task, tag) SELECT t, 1 + (t * 3 + k) % 5 FROM generate_series(1, 60) t,"
                + " generate_series(0, 2) k WHERE (t + k) % 4 <> 0;");
        pg.execute(rows.toString());
        db = Database.connect(pg.dataSource());
        try (Connection c = pg.connect(); Statement st = c.createStatement()) {
            Map<Integer, String> tagNames = new HashMap<>();
            try (ResultSet r = st.executeQuery("select id, name from tags")) {
                while (r.next()) {
                    tagNames.put(r.getInt(1), r.getString(2));
                }
            }
            tagsByTask = new HashMap<>();
            try (ResultSet r = st.executeQuery("select task, tag from tasks_tags")) {
                while (r.next()) {
                    tagsByTask.computeIfAbsent(r.getInt(1), k -> new ArrayList<>()).add(new PTag(r.getInt(2), tagNames.get(r.getInt(2))));
                }
            }
            tasks = new ArrayList<>();
            try (ResultSet r = st.executeQuery("select id, importance, assignee_id, parent_id, estimate, created, touched,"
                    + " due, spent, token, payload, priority, labels from tasks")) {
                while (r.next()) {
                    Array labels = r.getArray(13);
                    String priority = r.getString(12);
                    tasks.add(new Object[] {r.getInt(1), (Integer) r.getObject(2), (Integer) r.getObject(3),
                            (Integer) r.getObject(4), r.getBigDecimal(5), r.getObject(6, OffsetDateTime.class),
                            r.getObject(7, LocalDateTime.class), r.getObject(8, LocalDate.class), r.getString(9),
                            r.getObject(10, UUID.class), r.getBytes(11),
                            priority == null ? null : Board.Priority.valueOf(priority.toUpperCase()),
                            labels == null ? null : (String[]) labels.getArray()});
                }
            }
            for (Object[] task : tasks) {
                tasksById.put((Integer) task[0], task);
            }
            users = new ArrayList<>();
            try (ResultSet r = st.executeQuery("select id, name from users")) {
                while (r.next()) {
                    users.add(new PUser(r.getInt(1), r.getString(2), List.of()));
                }
            }
        }
    }

    @AfterContainer
    static void drop() {
        pg.close();
    }

    @Provide
    Arbitrary<Options> options() {
        return Combinators.combine(Arbitraries.integers().between(-1, 5).injectNull(0.4), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 4).injectNull(0.4), Arbitraries.integers().between(0, 2).injectNull(0.5))
                .as(Options::new);
    }

    @Property(tries = 60)
    void sameAsAssembledByHand(@ForAll("options") Options top, @ForAll("options") Options task, @ForAll("options") Options tag,
                               @ForAll("options") Options parent) {
        Function<Database, FindMany<PUser>> query = d -> {
            FindMany<PUser> users = d.query(BOARD, USERS).findMany(PUser.class)
                    .with("assigned", t -> apply(t, task, gt(TASKS.importance, task.above() == null ? 0 : task.above()),
                                    task.descending() ? desc(TASKS.importance) : asc(TASKS.importance), TASKS.id)
                            .with("tags", g -> apply(g, tag, gt(TAGS.id, tag.above() == null ? 0 : tag.above()),
                                    tag.descending() ? desc(TAGS.name) : asc(TAGS.name), TAGS.id))
                            .with("parent", p -> {
                                if (parent.above() != null) {
                                    p.where(gt(TASKS.importance, parent.above()));
                                }
                            }));
            return apply(users, top, gt(USERS.id, top.above() == null ? 0 : top.above()),
                    top.descending() ? desc(USERS.id) : asc(USERS.id), USERS.id);
        };

        List<PUser> expected = page(users.stream().filter(u -> top.above() == null || u.id() > top.above())
                .sorted(order(top, PUser::id)).toList(), top).stream()
                .map(u -> new PUser(u.id(), u.name(), page(tasks.stream()
                        .filter(t -> u.id() == (t[2] == null ? -1 : (Integer) t[2]))
                        .filter(t -> task.above() == null || t[1] != null && (Integer) t[1] > task.above())
                        .map(t -> new PTask((Integer) t[0], (Integer) t[1], (BigDecimal) t[4], (OffsetDateTime) t[5],
                                (LocalDateTime) t[6], (LocalDate) t[7], (String) t[8], (UUID) t[9], (byte[]) t[10],
                                (Board.Priority) t[11], (String[]) t[12],
                                page(tagsByTask.getOrDefault((Integer) t[0], List.of())
                                .stream().filter(g -> tag.above() == null || g.id() > tag.above())
                                .sorted(order(tag, PTag::name).thenComparing(PTag::id)).toList(), tag),
                                parentOf(t, parent)))
                        .sorted(order(task, PTask::importance).thenComparing(PTask::id)).toList(), task)))
                .toList();
        assertThat(query.apply(db).fetch()).usingRecursiveComparison(RelationalSingleStatementTest.EXACT).isEqualTo(expected);
        assertThat(query.apply(db).singleStatement().fetch()).usingRecursiveComparison(RelationalSingleStatementTest.EXACT)
                .isEqualTo(expected);
    }

    /** A task's parent as the level sees it: none without a parent, or when the parent fails the level's filter. */
    private static Optional<PParent> parentOf(Object[] task, Options options) {
        Object[] parent = task[3] == null ? null : tasksById.get((Integer) task[3]);
        if (parent == null || options.above() != null && (parent[1] == null || (Integer) parent[1] <= options.above())) {
            return Optional.empty();
        }
        return Optional.of(new PParent((Integer) parent[0], (Integer) parent[1], (OffsetDateTime) parent[5]));
    }

    private static <L extends Level<L>> L apply(L level, Options options, Expression<Boolean> filter, OrderField order,
                                                 OrderField tieBreak) {
        if (options.above() != null) {
            level.where(filter);
        }
        level.orderBy(order, tieBreak);
        if (options.limit() != null) {
            level.limit(options.limit());
        }
        if (options.offset() != null) {
            level.offset(options.offset());
        }
        return level;
    }

    /** PostgreSQL's order: ascending puts NULLs last, descending first. */
    private static <T, K extends Comparable<K>> Comparator<T> order(Options options, Function<T, K> key) {
        Comparator<T> ascending = Comparator.comparing(key, Comparator.nullsLast(Comparator.<K>naturalOrder()));
        return options.descending() ? ascending.reversed() : ascending;
    }

    private static <T> List<T> page(List<T> rows, Options options) {
        int from = Math.min(rows.size(), options.offset() == null ? 0 : options.offset());
        int to = options.limit() == null ? rows.size() : Math.min(rows.size(), from + options.limit());
        return List.copyOf(rows.subList(from, to));
    }
}
