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

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.sleet.sql.Board.BOARD;
import static dev.sleet.sql.Board.TAGS;
import static dev.sleet.sql.Board.TASKS;
import static dev.sleet.sql.Board.USERS;
import static dev.sleet.sql.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random relational queries (users → assigned tasks → tags through the junction, each level with
 * or without a filter, an order, a limit and an offset) against the same result assembled by hand
 * in Java from the plain rows of each table, read with plain JDBC.
 */
class RelationalPropertyTest {

    private static TestDatabase pg;
    private static Database db;
    private static List<PUser> users;
    private static List<Object[]> tasks;
    private static Map<Integer, List<PTag>> tagsByTask;

    record PTag(int id, String name) {
    }

    record PTask(int id, Integer importance, List<PTag> tags) {
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
        rows.append("INSERT INTO tasks (name, importance, assignee_id) SELECT 'task' || g,"
                + " CASE WHEN g % 11 = 0 THEN NULL ELSE g * 7 % 6 END, CASE WHEN g % 9 = 0 THEN NULL ELSE g * 5 % 7 + 1 END"
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
            try (ResultSet r = st.executeQuery("select id, importance, assignee_id from tasks")) {
                while (r.next()) {
                    tasks.add(new Object[] {r.getInt(1), (Integer) r.getObject(2), (Integer) r.getObject(3)});
                }
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
    void sameAsAssembledByHand(@ForAll("options") Options top, @ForAll("options") Options task, @ForAll("options") Options tag) {
        FindMany<PUser> query = db.query(BOARD, USERS).findMany(PUser.class)
                .with("assigned", t -> apply(t, task, gt(TASKS.importance, task.above() == null ? 0 : task.above()),
                                task.descending() ? desc(TASKS.importance) : asc(TASKS.importance), TASKS.id)
                        .with("tags", g -> apply(g, tag, gt(TAGS.id, tag.above() == null ? 0 : tag.above()),
                                tag.descending() ? desc(TAGS.name) : asc(TAGS.name), TAGS.id)));
        apply(query, top, gt(USERS.id, top.above() == null ? 0 : top.above()),
                top.descending() ? desc(USERS.id) : asc(USERS.id), USERS.id);

        List<PUser> expected = page(users.stream().filter(u -> top.above() == null || u.id() > top.above())
                .sorted(order(top, PUser::id)).toList(), top).stream()
                .map(u -> new PUser(u.id(), u.name(), page(tasks.stream()
                        .filter(t -> u.id() == (t[2] == null ? -1 : (Integer) t[2]))
                        .filter(t -> task.above() == null || t[1] != null && (Integer) t[1] > task.above())
                        .map(t -> new PTask((Integer) t[0], (Integer) t[1], page(tagsByTask.getOrDefault((Integer) t[0], List.of())
                                .stream().filter(g -> tag.above() == null || g.id() > tag.above())
                                .sorted(order(tag, PTag::name).thenComparing(PTag::id)).toList(), tag)))
                        .sorted(order(task, PTask::importance).thenComparing(PTask::id)).toList(), task)))
                .toList();
        assertThat(query.fetch()).isEqualTo(expected);
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
