package dev.sleet.sql;

import dev.sleet.schema.Column;
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
import java.util.List;
import java.util.stream.Collectors;

import static dev.sleet.sql.Jira.TASKS;
import static dev.sleet.sql.Jira.USERS;
import static dev.sleet.sql.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random queries (filters of comparisons, patterns, null tests, lists and subqueries nested in
 * and/or/not; joins; aggregates with grouping; CTEs; nested set operations; window functions) run twice: built with Sleet, and written as SQL
 * text here, independently of Sleet's renderer. Both must return the same rows.
 */
class QueryPropertyTest {

    private static TestDatabase pg;
    private static Database db;

    @BeforeContainer
    static void seed() {
        pg = TestDatabase.create("sleet_query_properties");
        StringBuilder rows = new StringBuilder(Jira.DDL);
        rows.append("INSERT INTO users (username, name, importance) VALUES ('ann', 'Ann', 3), ('bob', 'Bob', NULL),"
                + " ('cy', NULL, 1), ('dee', 'Dee', 5);");
        rows.append("INSERT INTO epics (name) VALUES ('e1'), ('e2'), ('e3');");
        for (int i = 1; i <= 40; i++) {
            String user = i % 5 == 0 ? "NULL" : String.valueOf(i % 4 + 1);
            String epic = i % 7 == 0 ? "NULL" : String.valueOf(i % 3 + 1);
            String name = i % 9 == 0 ? "NULL" : "'" + List.of("fix", "Fix bug", "docs", "plan_b", "x%y").get(i % 5) + i + "'";
            rows.append("INSERT INTO tasks (name, epic_id, user_id) VALUES (").append(name).append(", ").append(epic)
                    .append(", ").append(user).append(");");
        }
        pg.execute(rows.toString());
        db = Database.connect(pg.dataSource());
    }

    @AfterContainer
    static void drop() {
        pg.close();
    }

    /** A filter in both forms: Sleet's condition and hand-written SQL over aliases t (tasks) and u (users). */
    record Filter(Condition sleet, String sql) {
    }

    private static final List<Column<Integer>> TASK_INTS = List.of(TASKS.id, TASKS.userId, TASKS.epicId);
    private static final List<String> TASK_INT_SQL = List.of("t.id", "t.user_id", "t.epic_id");
    private static final List<String> OPERATORS = List.of("=", "<>", "<", "<=", ">", ">=");

    private static Arbitrary<Filter> leaf(boolean joined) {
        Arbitrary<Integer> column = Arbitraries.integers().between(0, TASK_INTS.size() - 1);
        Arbitrary<Integer> number = Arbitraries.integers().between(-1, 42);
        Arbitrary<Filter> compare = Combinators.combine(column, Arbitraries.integers().between(0, 5), number)
                .as((c, o, n) -> new Filter(compare(TASK_INTS.get(c), OPERATORS.get(o), n),
                        TASK_INT_SQL.get(c) + " " + OPERATORS.get(o) + " " + n));
        Arbitrary<Filter> pattern = Arbitraries.of("%ix%", "Fix%", "%1_", "docs%", "%\\%%", "plan\\_%", "%")
                .flatMap(p -> Arbitraries.of(
                        new Filter(like(TASKS.name, p), "t.name like '" + p + "'"),
                        new Filter(ilike(TASKS.name, p), "t.name ilike '" + p + "'"),
                        new Filter(notLike(TASKS.name, p), "t.name not like '" + p + "'")));
        Arbitrary<Filter> nulls = column.flatMap(c -> Arbitraries.of(
                new Filter(isNull(TASK_INTS.get(c)), TASK_INT_SQL.get(c) + " is null"),
                new Filter(isNotNull(TASK_INTS.get(c)), TASK_INT_SQL.get(c) + " is not null")));
        Arbitrary<Filter> list = Combinators.combine(column, number.list().ofMaxSize(4), Arbitraries.of(true, false))
                .as((c, values, not) -> new Filter(
                        not ? notInArray(TASK_INTS.get(c), values) : inArray(TASK_INTS.get(c), values),
                        values.isEmpty() ? (not ? "true" : "false")
                                : TASK_INT_SQL.get(c) + (not ? " not in (" : " in (")
                                + values.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")"));
        Arbitrary<Filter> between = Combinators.combine(column, number, number)
                .as((c, a, b) -> new Filter(between(TASK_INTS.get(c), a, b), TASK_INT_SQL.get(c) + " between " + a + " and " + b));
        Arbitrary<Filter> subquery = number.map(n -> new Filter(
                inArray(TASKS.userId, db.select(USERS.id).from(USERS).where(gte(USERS.importance, n))),
                "t.user_id in (select id from users where importance >= " + n + ")"));
        List<Arbitrary<Filter>> choices = new ArrayList<>(List.of(compare, pattern, nulls, list, between, subquery));
        if (joined) {
            choices.add(Combinators.combine(Arbitraries.integers().between(0, 5), number).as((o, n) -> new Filter(
                    compare(USERS.importance, OPERATORS.get(o), n), "u.importance " + OPERATORS.get(o) + " " + n)));
            choices.add(Arbitraries.of(new Filter(isNull(USERS.name), "u.name is null"),
                    new Filter(eq(USERS.username, "bob"), "u.username = 'bob'")));
        }
        return Arbitraries.oneOf(choices);
    }

    private static Condition compare(Column<Integer> column, String operator, int value) {
        return switch (operator) {
            case "=" -> eq(column, value);
            case "<>" -> ne(column, value);
            case "<" -> lt(column, value);
            case "<=" -> lte(column, value);
            case ">" -> gt(column, value);
            default -> gte(column, value);
        };
    }

    private static Arbitrary<Filter> filter(boolean joined, int depth) {
        if (depth == 0) {
            return leaf(joined);
        }
        Arbitrary<Filter> smaller = filter(joined, depth - 1);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf(joined)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(smaller, smaller)
                        .as((a, b) -> new Filter(and(a.sleet, b.sleet), "(" + a.sql + " and " + b.sql + ")"))),
                net.jqwik.api.Tuple.of(2, Combinators.combine(smaller, smaller)
                        .as((a, b) -> new Filter(or(a.sleet, b.sleet), "(" + a.sql + " or " + b.sql + ")"))),
                net.jqwik.api.Tuple.of(1, smaller.map(a -> new Filter(not(a.sleet), "not (" + a.sql + ")"))));
    }

    @Provide
    Arbitrary<Filter> taskFilters() {
        return filter(false, 3);
    }

    @Provide
    Arbitrary<Filter> joinedFilters() {
        return filter(true, 3);
    }

    @Property(tries = 150)
    void filtersSelectTheSameRows(@ForAll("taskFilters") Filter filter) {
        List<List<Object>> sleet = db.select(TASKS.id, TASKS.name).from(TASKS).where(filter.sleet).orderBy(TASKS.id)
                .fetch(Row::values);
        assertThat(sleet).isEqualTo(plain("select t.id, t.name from tasks t where " + filter.sql + " order by t.id"));
    }

    @Property(tries = 100)
    void joinsSelectTheSameRows(@ForAll("joinedFilters") Filter filter, @ForAll boolean inner) {
        Select<Object> query = db.select(TASKS.id, USERS.username, USERS.importance).from(TASKS);
        query = inner ? query.innerJoin(USERS, eq(TASKS.userId, USERS.id)) : query.leftJoin(USERS, eq(TASKS.userId, USERS.id));
        List<List<Object>> sleet = query.where(filter.sleet).orderBy(TASKS.id).fetch(Row::values);
        assertThat(sleet).isEqualTo(plain("select t.id, u.username, u.importance from tasks t "
                + (inner ? "inner" : "left") + " join users u on t.user_id = u.id where " + filter.sql + " order by t.id"));
    }

    @Property(tries = 100)
    void aggregatesGroupTheSameRows(@ForAll("taskFilters") Filter filter, @ForAll boolean byEpic) {
        Column<Integer> key = byEpic ? TASKS.epicId : TASKS.userId;
        String keySql = byEpic ? "t.epic_id" : "t.user_id";
        List<List<Object>> sleet = db.select(key, count(), count(TASKS.name), sum(TASKS.id), min(TASKS.name), avg(TASKS.id))
                .from(TASKS).where(filter.sleet).groupBy(key).having(gt(count(), 0L)).orderBy(asc(key).nullsFirst())
                .fetch(Row::values);
        assertThat(sleet).isEqualTo(plain("select " + keySql + ", count(*), count(t.name), sum(t.id), min(t.name), avg(t.id)"
                + " from tasks t where " + filter.sql + " group by " + keySql + " having count(*) > 0 order by "
                + keySql + " nulls first"));
    }

    private static final List<String> SET_OPERATORS = List.of("union", "union all", "intersect", "except");

    private static Compound<Object> combine(Selectable<Object> left, int operator, Selectable<?> right) {
        return switch (operator) {
            case 0 -> left.union(right);
            case 1 -> left.unionAll(right);
            case 2 -> left.intersect(right);
            default -> left.except(right);
        };
    }

    @Property(tries = 100)
    void setOperationsReturnTheSameRows(@ForAll("taskFilters") Filter a, @ForAll("taskFilters") Filter b,
                                        @ForAll("taskFilters") Filter c, @ForAll("setOperators") int first,
                                        @ForAll("setOperators") int second) {
        Compound<Object> inner = combine(db.select(TASKS.userId, TASKS.epicId).from(TASKS).where(a.sleet), first,
                db.select(TASKS.userId, TASKS.epicId).from(TASKS).where(b.sleet));
        List<List<Object>> sleet = combine(inner, second, db.select(TASKS.userId, TASKS.epicId).from(TASKS).where(c.sleet))
                .orderBy(asc(TASKS.userId).nullsFirst(), desc(TASKS.epicId)).fetch(Row::values);
        String operand = "select t.user_id, t.epic_id from tasks t where ";
        assertThat(sleet).isEqualTo(plain("((" + operand + a.sql + ") " + SET_OPERATORS.get(first) + " (" + operand + b.sql
                + ")) " + SET_OPERATORS.get(second) + " (" + operand + c.sql + ") order by 1 nulls first, 2 desc"));
    }

    @Provide
    Arbitrary<Integer> setOperators() {
        return Arbitraries.integers().between(0, SET_OPERATORS.size() - 1);
    }

    @Property(tries = 80)
    void ctesReturnTheSameRows(@ForAll("taskFilters") Filter filter, @ForAll("taskFilters") Filter outer) {
        Cte picked = Cte.of("picked", db.select(TASKS.id, TASKS.userId).from(TASKS).where(filter.sleet));
        Expression<Integer> user = picked.field(TASKS.userId);
        List<List<Object>> sleet = db.with(picked).select(user, count()).from(picked)
                .where(inArray(picked.field(TASKS.id), db.select(TASKS.id).from(TASKS).where(outer.sleet)))
                .groupBy(user).orderBy(asc(user).nullsFirst()).fetch(Row::values);
        assertThat(sleet).isEqualTo(plain("with picked as (select t.id, t.user_id from tasks t where " + filter.sql
                + ") select picked.user_id, count(*) from picked where picked.id in (select t.id from tasks t where "
                + outer.sql + ") group by picked.user_id order by picked.user_id nulls first"));
    }

    @Property(tries = 80)
    void windowsComputeTheSameValues(@ForAll("taskFilters") Filter filter, @ForAll boolean byEpic,
                                     @ForAll("frameRows") int before, @ForAll("frameRows") int after) {
        Column<Integer> key = byEpic ? TASKS.epicId : TASKS.userId;
        String keySql = byEpic ? "t.epic_id" : "t.user_id";
        Window partition = window().partitionBy(key).orderBy(TASKS.id);
        List<List<Object>> sleet = db.select(TASKS.id, over(rowNumber(), partition), over(denseRank(), window().orderBy(key)),
                        over(sum(TASKS.id), partition.rows(Window.Bound.preceding(before), Window.Bound.following(after))),
                        over(lag(TASKS.name, before + 1), window().orderBy(TASKS.id)),
                        over(Sql.filter(count(), isNotNull(TASKS.name)), partition))
                .from(TASKS).where(filter.sleet).orderBy(TASKS.id).fetch(Row::values);
        String over = " over (partition by " + keySql + " order by t.id";
        assertThat(sleet).isEqualTo(plain("select t.id, row_number()" + over + "), dense_rank() over (order by " + keySql
                + "), sum(t.id)" + over + " rows between " + before + " preceding and " + after + " following),"
                + " lag(t.name, " + (before + 1) + ") over (order by t.id), count(*) filter (where t.name is not null)"
                + over + ") from tasks t where " + filter.sql + " order by t.id"));
    }

    @Provide
    Arbitrary<Integer> frameRows() {
        return Arbitraries.integers().between(0, 3);
    }

    /** Rows of plain SQL through JDBC, each value as the driver reads it, adjusted to Sleet's column types. */
    private static List<List<Object>> plain(String sql) {
        try (Connection connection = pg.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int count = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>(count);
                for (int i = 1; i <= count; i++) {
                    Object value = result.getObject(i);
                    // sum(integer) is bigint in SQL; Sleet reads a sum as its argument's type.
                    row.add(value instanceof Long sum && result.getMetaData().getColumnLabel(i).equals("sum") ? (Object) sum.intValue() : value);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
