package dev.sleet.sql;

import dev.sleet.dialect.Dialect;
import dev.sleet.schema.DataType;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.util.List;

import static dev.sleet.sql.Jira.EPICS;
import static dev.sleet.sql.Jira.TAGS;
import static dev.sleet.sql.Jira.TASKS;
import static dev.sleet.sql.Jira.TASKS_TAGS;
import static dev.sleet.sql.Jira.USERS;
import static dev.sleet.sql.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(PostgresExtension.class)
class SelectTest {

    record Task(int id, String name, Integer epicId, Integer userId) {
    }

    record User(int id, String name) {
    }

    record TaskWithUser(int id, String name, User user) {
    }

    @Test
    void columnsAndWholeTable(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        List<String> names = db.select(TASKS.name).from(TASKS).orderBy(TASKS.id).fetchValues();
        assertThat(names).containsExactly("Write docs", "Fix login", "Plan party", "Refactor", "Orphan");

        List<Task> tasks = db.select().from(TASKS).where(eq(TASKS.userId, 1)).orderBy(TASKS.id).fetch(Task.class);
        assertThat(tasks).containsExactly(new Task(1, "Write docs", 1, 1), new Task(3, "Plan party", 2, 1));

        Row row = db.select().from(TASKS).where(eq(TASKS.id, 5)).fetchOne();
        String name = row.get(TASKS.name);
        assertThat(name).isEqualTo("Orphan");
        assertThat(row.get(TASKS.userId)).isNull();
        assertThat(db.select().from(TASKS).where(eq(TASKS.id, 99)).fetchOptional()).isEmpty();
        assertThatThrownBy(() -> db.select().from(TASKS).fetchOne()).hasMessageContaining("more than one");
    }

    @Test
    void expressionsAndAliases(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        Expression<String> upperName = upper(USERS.name).as("shout");
        Row row = db.select(upperName, concat(USERS.username, value("!")).as("bang"), length(USERS.name),
                        coalesce(USERS.avatar, "none").as("avatar"), add(USERS.importance, 10).as("imp"),
                        cast(USERS.id, DataType.TEXT).as("id_text"), substring(USERS.name, 1, 3).as("first3"),
                        replace(lower(USERS.name), "ann", "anne").as("replaced"), trim(value("  x  ")).as("trimmed"))
                .from(USERS).where(eq(USERS.username, "ann")).fetchOne();
        assertThat(row.get(upperName)).isEqualTo("ANN LEE");
        assertThat(row.get("bang", String.class)).isEqualTo("ann!");
        assertThat(row.get(2, Integer.class)).isEqualTo(7);
        assertThat(row.get("avatar", String.class)).isEqualTo("none");
        assertThat(row.get("imp", Integer.class)).isEqualTo(13);
        assertThat(row.get("id_text", String.class)).isEqualTo("1");
        assertThat(row.get("first3", String.class)).isEqualTo("Ann");
        assertThat(row.get("replaced", String.class)).isEqualTo("anne lee");
        assertThat(row.get("trimmed", String.class)).isEqualTo("x");

        List<Integer> arithmetic = db.select(mod(mul(sub(div(add(USERS.id, 9), 2), 1), 3), 4)).from(USERS)
                .orderBy(USERS.id).fetchValues();
        assertThat(arithmetic).containsExactly(((1 + 9) / 2 - 1) * 3 % 4, ((2 + 9) / 2 - 1) * 3 % 4, ((3 + 9) / 2 - 1) * 3 % 4);

        Expression<String> level = caseWhen(gte(USERS.importance, 3), "high").when(gte(USERS.importance, 1), "low")
                .otherwise("unknown");
        assertThat(db.select(level).from(USERS).orderBy(USERS.id).fetchValues()).containsExactly("high", "low", "unknown");
    }

    @Test
    void operators(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        assertThat(ids(db, ne(TASKS.id, 1))).containsExactly(2, 3, 4, 5);
        assertThat(ids(db, gt(TASKS.id, 3))).containsExactly(4, 5);
        assertThat(ids(db, gte(TASKS.id, 4))).containsExactly(4, 5);
        assertThat(ids(db, lt(TASKS.id, 2))).containsExactly(1);
        assertThat(ids(db, lte(TASKS.id, 2))).containsExactly(1, 2);
        assertThat(ids(db, between(TASKS.id, 2, 3))).containsExactly(2, 3);
        assertThat(ids(db, notBetween(TASKS.id, 2, 4))).containsExactly(1, 5);
        assertThat(ids(db, like(TASKS.name, "%i%"))).containsExactly(1, 2);
        assertThat(ids(db, notLike(TASKS.name, "%i%"))).containsExactly(3, 4, 5);
        assertThat(ids(db, ilike(TASKS.name, "f%"))).containsExactly(2);
        assertThat(ids(db, notIlike(TASKS.name, "%R%"))).containsExactly(2);
        assertThat(ids(db, inArray(TASKS.id, List.of(1, 4)))).containsExactly(1, 4);
        assertThat(ids(db, notInArray(TASKS.id, List.of(1, 4)))).containsExactly(2, 3, 5);
        assertThat(ids(db, inArray(TASKS.id, List.of()))).isEmpty();
        assertThat(ids(db, notInArray(TASKS.id, List.of()))).containsExactly(1, 2, 3, 4, 5);
        assertThat(ids(db, isNull(TASKS.userId))).containsExactly(5);
        assertThat(ids(db, isNotNull(TASKS.epicId))).containsExactly(1, 2, 3, 4);
        assertThat(ids(db, and(eq(TASKS.userId, 1), eq(TASKS.epicId, 2)))).containsExactly(3);
        assertThat(ids(db, or(eq(TASKS.id, 1), eq(TASKS.id, 5)))).containsExactly(1, 5);
        assertThat(ids(db, not(or(eq(TASKS.id, 1), eq(TASKS.id, 5))))).containsExactly(2, 3, 4);
        assertThat(ids(db, eq(TASKS.id, 2).or(eq(TASKS.id, 3).and(eq(TASKS.userId, 1))))).containsExactly(2, 3);
        assertThat(ids(db, and())).containsExactly(1, 2, 3, 4, 5);
        assertThat(ids(db, and(null, eq(TASKS.id, 2)))).containsExactly(2);
        assertThat(ids(db, eq(TASKS.epicId, TASKS.userId))).containsExactly(1, 4);
        // Subqueries: in, exists, scalar.
        Jira.Users u = USERS.as("u");
        assertThat(ids(db, inArray(TASKS.userId, db.select(USERS.id).from(USERS).where(gte(USERS.importance, 3)))))
                .containsExactly(1, 3);
        assertThat(ids(db, notInArray(TASKS.id, db.select(TASKS_TAGS.task).from(TASKS_TAGS)))).containsExactly(5);
        assertThat(ids(db, exists(db.select(u.id).from(u).where(and(eq(u.id, TASKS.userId), eq(u.username, "bob"))))))
                .containsExactly(2, 4);
        assertThat(ids(db, notExists(db.select(TASKS_TAGS.id).from(TASKS_TAGS).where(eq(TASKS_TAGS.task, TASKS.id)))))
                .containsExactly(5);
        Expression<Long> taskCount = scalar(db.select(count()).from(TASKS).where(eq(TASKS.userId, USERS.id)));
        assertThat(db.select(taskCount).from(USERS).orderBy(USERS.id).fetchValues()).containsExactly(2L, 2L, 0L);
        assertThat(ids(db, gt(TASKS.id, scalar(db.select(max(TASKS.id)).from(TASKS).where(isNotNull(TASKS.epicId))))))
                .containsExactly(5);
    }

    private static List<Integer> ids(Database db, Condition condition) {
        return db.select(TASKS.id).from(TASKS).where(condition).orderBy(TASKS.id).fetchValues();
    }

    @Test
    void joins(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        List<TaskWithUser> inner = db.select(TASKS.id, TASKS.name, USERS.id, USERS.name).from(TASKS)
                .innerJoin(USERS, eq(TASKS.userId, USERS.id)).orderBy(TASKS.id).fetch(TaskWithUser.class);
        assertThat(inner).hasSize(4).first().isEqualTo(new TaskWithUser(1, "Write docs", new User(1, "Ann Lee")));

        List<TaskWithUser> left = db.select().from(TASKS).leftJoin(USERS, eq(TASKS.userId, USERS.id))
                .orderBy(TASKS.id).fetch(TaskWithUser.class);
        assertThat(left).hasSize(5).last().isEqualTo(new TaskWithUser(5, "Orphan", null));

        List<Row> right = db.select(TASKS.id, USERS.username).from(TASKS).rightJoin(USERS, eq(TASKS.userId, USERS.id))
                .where(isNull(TASKS.id)).fetch();
        assertThat(right).singleElement().satisfies(r -> assertThat(r.get(USERS.username)).isEqualTo("cy"));

        long full = db.select(count()).from(TASKS).fullJoin(USERS, eq(TASKS.userId, USERS.id)).fetchValue();
        assertThat(full).isEqualTo(6); // 4 matched, the orphan task, the user without tasks

        long cross = db.select(count()).from(USERS).crossJoin(TAGS).fetchValue();
        assertThat(cross).isEqualTo(9);

        // Three tables, many-to-many through the junction.
        List<String> urgent = db.select(TASKS.name).from(TASKS).innerJoin(TASKS_TAGS, eq(TASKS_TAGS.task, TASKS.id))
                .innerJoin(TAGS, eq(TAGS.id, TASKS_TAGS.tag)).where(eq(TAGS.name, "urgent")).orderBy(TASKS.id).fetchValues();
        assertThat(urgent).containsExactly("Write docs", "Fix login");

        // A self-join under aliases.
        Jira.Tasks other = TASKS.as("other");
        List<Row> sameUser = db.select(TASKS.name, other.name).from(TASKS)
                .innerJoin(other, and(eq(TASKS.userId, other.userId), lt(TASKS.id, other.id))).orderBy(TASKS.id).fetch();
        assertThat(sameUser).extracting(r -> r.get(TASKS.name) + "/" + r.get(other.name))
                .containsExactly("Write docs/Plan party", "Fix login/Refactor");
    }

    @Test
    void groupingOrderingPaging(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        Expression<Long> tasks = count(TASKS.id).as("tasks");
        List<Row> perUser = db.select(USERS.name, tasks, sum(TASKS.id).as("id_sum"), avg(TASKS.id).as("id_avg"),
                        min(TASKS.name).as("first"), max(TASKS.name).as("last"), countDistinct(TASKS.epicId).as("epics"))
                .from(USERS).leftJoin(TASKS, eq(TASKS.userId, USERS.id))
                .groupBy(USERS.name).having(gt(count(TASKS.id), 0L)).orderBy(desc(USERS.name)).fetch();
        assertThat(perUser).hasSize(2);
        Row bob = perUser.get(0);
        assertThat(bob.get(USERS.name)).isEqualTo("Bob Stone");
        assertThat(bob.get(tasks)).isEqualTo(2L);
        assertThat(bob.get("id_sum", Integer.class)).isEqualTo(6);
        assertThat(bob.get("id_avg", BigDecimal.class)).isEqualByComparingTo("3");
        assertThat(bob.get("first", String.class)).isEqualTo("Fix login");
        assertThat(bob.get("last", String.class)).isEqualTo("Refactor");
        assertThat(bob.get("epics", Long.class)).isEqualTo(2L);

        assertThat(db.select(USERS.importance).from(USERS).orderBy(asc(USERS.importance).nullsFirst()).fetchValues())
                .containsExactly(null, 1, 3);
        assertThat(db.select(USERS.importance).from(USERS).orderBy(desc(USERS.importance).nullsLast()).fetchValues())
                .containsExactly(3, 1, null);
        assertThat(db.select(TASKS.id).from(TASKS).orderBy(desc(TASKS.id)).limit(2).offset(1).fetchValues())
                .containsExactly(4, 3);
        assertThat(db.selectDistinct(TASKS.userId).from(TASKS).where(isNotNull(TASKS.userId)).orderBy(TASKS.userId)
                .fetchValues()).containsExactly(1, 2);
        assertThat(db.select(TASKS.id).from(TASKS).orderBy(tasksOrder()).limit(1).fetchValue()).isEqualTo(2);
    }

    /**
     * collate decides order and comparison whatever the database's collation: "C" compares bytes (upper
     * case first), ICU's root collation ("und-x-icu") compares letters first. The name is an identifier,
     * quoted: a hostile one is an unknown collation, not SQL.
     */
    @Test
    void collateOrdersAndComparesByTheCollationNamed(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        db.insert(TASKS).values(r -> r.set(TASKS.name, "apple")).execute();
        Condition some = inArray(TASKS.name, List.of("apple", "Orphan", "Refactor"));
        assertThat(db.select(TASKS.name).from(TASKS).where(some).orderBy(collate(TASKS.name, "C")).fetchValues())
                .containsExactly("Orphan", "Refactor", "apple");
        assertThat(db.select(TASKS.name).from(TASKS).where(some).orderBy(desc(collate(TASKS.name, "und-x-icu"))).fetchValues())
                .containsExactly("Refactor", "Orphan", "apple");
        assertThat(db.select(count()).from(TASKS).where(lt(collate(TASKS.name, "C"), "b")).fetchValue()).isEqualTo(6L);
        assertThat(db.select(TASKS.name).from(TASKS).where(lt(collate(TASKS.name, "und-x-icu"), "b")).fetchValues())
                .containsExactly("apple");
        assertThat(db.select(TASKS.id).from(TASKS).orderBy(collate(TASKS.name, "C")).toSql())
                .contains("order by (\"tasks\".\"name\") collate \"C\"");

        assertThatThrownBy(() -> db.select(TASKS.name).from(TASKS).orderBy(collate(TASKS.name, "C\"; drop table tasks; --"))
                .fetchValues()).isInstanceOf(DataAccessException.class).hasMessageContaining("does not exist");
        assertThat(db.select(count()).from(TASKS).fetchValue()).isEqualTo(6L);
    }

    private static OrderField[] tasksOrder() {
        return new OrderField[] {asc(TASKS.name).nullsLast(), TASKS.id};
    }

    @Test
    void subqueryInFrom(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        Expression<Long> count = count().as("n");
        Derived perUser = db.select(TASKS.userId, count).from(TASKS).groupBy(TASKS.userId).as("per_user");
        List<Row> rows = db.select(USERS.name, perUser.field(count)).from(USERS)
                .innerJoin(perUser, eq(perUser.field(TASKS.userId), USERS.id)).orderBy(USERS.id).fetch();
        assertThat(rows).extracting(r -> r.get(USERS.name) + "=" + r.get(perUser.field(count)))
                .containsExactly("Ann Lee=2", "Bob Stone=2");
        // The whole derived table, from select().
        List<Row> all = db.select().from(perUser).orderBy(perUser.field(TASKS.userId)).fetch();
        assertThat(all).hasSize(3);
    }

    @Test
    void recordMappingErrorsNameTheComponent(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        record Wrong(int id, Integer name) {
        }
        record Missing(int id, String title) {
        }
        assertThatThrownBy(() -> db.select().from(TASKS).fetch(Wrong.class))
                .hasMessageContaining("component 'name' is Integer but tasks.name reads as String");
        assertThatThrownBy(() -> db.select().from(TASKS).fetch(Missing.class))
                .hasMessageContaining("component 'title' matches no selected column");
        record Primitive(int userId) {
        }
        assertThatThrownBy(() -> db.select(TASKS.userId).from(TASKS).fetch(Primitive.class))
                .hasMessageContaining("component 'userId' is int but the value is NULL");
        String mapped = db.select(TASKS.name, TASKS.epicId).from(TASKS).where(eq(TASKS.id, 1))
                .fetchOne(r -> r.get(TASKS.name) + "@" + r.get(TASKS.epicId));
        assertThat(mapped).isEqualTo("Write docs@1");
    }

    @Test
    void rendersQuotedQualifiedSql(TestDatabase pg) {
        Database db = Jira.seeded(pg);
        assertThat(db.select(TASKS.name).from(TASKS).where(eq(TASKS.id, 1)).toSql())
                .isEqualTo("select \"tasks\".\"name\" from \"public\".\"tasks\" where \"tasks\".\"id\" = ?");
        assertThat(db.dialect()).isSameAs(Dialect.postgresql());
    }
}
