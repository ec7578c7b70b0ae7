package dev.sleet.sql;

import dev.sleet.schema.Column;
import dev.sleet.schema.Relation;
import dev.sleet.schema.Table;
import dev.sleet.schema.TableRelations;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.sleet.sql.Board.BOARD;
import static dev.sleet.sql.Board.EPICS;
import static dev.sleet.sql.Board.TASKS;
import static dev.sleet.sql.Board.USERS;
import static dev.sleet.sql.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

@ExtendWith(PostgresExtension.class)
class RelationalTest {

    record User(int id, String name) {
    }

    record Task(int id, String name, User assignee) {
    }

    @Test
    void oneRelationLikeTheSeedInTwoStatements(TestDatabase pg) {
        DatabaseTest.CountingDataSource counting = Board.seeded(pg);
        Database db = Database.connect(counting.dataSource);
        List<Task> tasks = db.query(BOARD, TASKS).findMany(Task.class).with("assignee").fetch();
        assertThat(tasks).containsExactly(
                new Task(1, "Write docs", new User(1, "Ann")), new Task(2, "Fix login", new User(2, "Bob")),
                new Task(3, "Plan party", new User(1, "Ann")), new Task(4, "Docs index", new User(2, "Bob")),
                new Task(5, "Docs search", null), new Task(6, "Search ranking", null));
        assertThat(counting.borrowed).hasValue(2);
    }

    record Tag(String name) {
    }

    record TaskTag(Tag tag) {
    }

    record TaggedTask(String name, List<TaskTag> tasksTags) {
    }

    record Worker(String name, List<TaggedTask> assigned) {
    }

    @Test
    void threeLevelsEmptyListsAndAStatementCountThatDoesNotGrowWithRows(TestDatabase pg) {
        DatabaseTest.CountingDataSource counting = Board.seeded(pg);
        Database db = Database.connect(counting.dataSource);
        List<Worker> workers = db.query(BOARD, USERS).findMany(Worker.class)
                .with("assigned", t -> t.orderBy(desc(TASKS.importance))
                        .with("tasksTags", tt -> tt.with("tag", tag -> tag.columns(Board.TAGS.name))))
                .fetch();
        assertThat(workers).containsExactly(
                new Worker("Ann", List.of(
                        new TaggedTask("Write docs", List.of(new TaskTag(new Tag("urgent")))),
                        new TaggedTask("Plan party", List.of(new TaskTag(new Tag("ui")))))),
                new Worker("Bob", List.of(
                        new TaggedTask("Fix login", List.of(new TaskTag(new Tag("urgent")), new TaskTag(new Tag("backend")))),
                        new TaggedTask("Docs index", List.of(new TaskTag(new Tag("backend")), new TaskTag(new Tag("ui")),
                                new TaskTag(new Tag("urgent")))))),
                new Worker("Cy", List.of()));
        assertThat(counting.borrowed).hasValue(4);
        // nested lists are shared by nothing the application can change: every mutator refuses
        List<TaggedTask> annsTasks = workers.get(0).assigned();
        assertThatThrownBy(() -> annsTasks.add(annsTasks.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> annsTasks.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> annsTasks.get(0).tasksTags().set(0, null)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(annsTasks.get(0).tasksTags()).isEqualTo(List.of(new TaskTag(new Tag("urgent")))).hasSameHashCodeAs(
                List.of(new TaskTag(new Tag("urgent"))));

        pg.execute("INSERT INTO users (name) SELECT 'u' || g FROM generate_series(1, 200) g;"
                + "INSERT INTO tasks (name, importance, assignee_id) SELECT 't' || g, g % 7, 3 + g % 200 FROM generate_series(1, 2000) g;"
                + "INSERT INTO tasks_tags (task, tag) SELECT t.id, 1 + t.id % 3 FROM tasks t WHERE t.id > 6;");
        counting.borrowed.set(0);
        List<Worker> many = db.query(BOARD, USERS).findMany(Worker.class)
                .with("assigned", t -> t.with("tasksTags", tt -> tt.with("tag"))).fetch();
        assertThat(many).hasSize(203);
        assertThat(many.stream().mapToInt(w -> w.assigned().size()).sum()).isEqualTo(2004);
        assertThat(counting.borrowed).hasValue(4);
    }

    record Ranked(String name, List<Named> assigned) {
    }

    record Named(String name) {
    }

    @Test
    void nestedLimitAndOffsetArePerParent(TestDatabase pg) {
        Database db = Database.connect(Board.seeded(pg).dataSource);
        List<Ranked> top = db.query(BOARD, USERS).findMany(Ranked.class)
                .with("assigned", t -> t.orderBy(desc(TASKS.importance)).limit(1)).fetch();
        assertThat(top).containsExactly(new Ranked("Ann", List.of(new Named("Write docs"))),
                new Ranked("Bob", List.of(new Named("Fix login"))), new Ranked("Cy", List.of()));
        List<Ranked> second = db.query(BOARD, USERS).findMany(Ranked.class)
                .with("assigned", t -> t.orderBy(desc(TASKS.importance)).limit(5).offset(1)).fetch();
        assertThat(second).containsExactly(new Ranked("Ann", List.of(new Named("Plan party"))),
                new Ranked("Bob", List.of(new Named("Docs index"))), new Ranked("Cy", List.of()));
        List<Ranked> topLevel = db.query(BOARD, USERS).findMany(Ranked.class).orderBy(desc(USERS.name)).limit(1).offset(1)
                .with("assigned", t -> t.where(gt(TASKS.importance, 4))).fetch();
        assertThat(topLevel).containsExactly(new Ranked("Bob", List.of(new Named("Fix login"))));

        // the same shape again and again (its nested statement text is kept with the plan): each call's own
        // limit, offset and parent keys count
        for (int round = 0; round < 2; round++) {
            assertThat(db.query(BOARD, USERS).findMany(Ranked.class).with("assigned", t -> t.limit(1)).fetch())
                    .containsExactly(new Ranked("Ann", List.of(new Named("Write docs"))),
                            new Ranked("Bob", List.of(new Named("Fix login"))), new Ranked("Cy", List.of()));
            assertThat(db.query(BOARD, USERS).findMany(Ranked.class).with("assigned", t -> t.limit(1).offset(1)).fetch())
                    .containsExactly(new Ranked("Ann", List.of(new Named("Plan party"))),
                            new Ranked("Bob", List.of(new Named("Docs index"))), new Ranked("Cy", List.of()));
            assertThat(db.query(BOARD, USERS).findMany(Ranked.class).where(eq(USERS.name, "Bob"))
                    .with("assigned", t -> t.limit(1).offset(1)).fetch())
                    .containsExactly(new Ranked("Bob", List.of(new Named("Docs index"))));
            assertThat(db.query(BOARD, USERS).findMany(Ranked.class).where(eq(USERS.name, "Ann")).with("assigned").fetch())
                    .containsExactly(new Ranked("Ann", List.of(new Named("Write docs"), new Named("Plan party"))));
        }
    }

    record Authored(String name, User author, Optional<User> assignee) {
    }

    @Test
    void twoRelationsBetweenTheSameTablesByName(TestDatabase pg) {
        Database db = Database.connect(Board.seeded(pg).dataSource);
        List<Authored> tasks = db.query(BOARD, TASKS).findMany(Authored.class).where(lte(TASKS.id, 5))
                .with("author").with("assignee").fetch();
        assertThat(tasks).extracting(Authored::name, t -> t.author().name(), t -> t.assignee().map(User::name).orElse("-"))
                .containsExactly(tuple("Write docs", "Bob", "Ann"),
                        tuple("Fix login", "Ann", "Bob"),
                        tuple("Plan party", "Ann", "Ann"),
                        tuple("Docs index", "Bob", "Bob"),
                        tuple("Docs search", "Ann", "-"));
    }

    record Sub(String name, List<SubSub> subtasks) {
    }

    record SubSub(String name, List<Named> subtasks) {
    }

    record Child(String name, Optional<Named> parent) {
    }

    @Test
    void selfRelationsBothWays(TestDatabase pg) {
        DatabaseTest.CountingDataSource counting = Board.seeded(pg);
        Database db = Database.connect(counting.dataSource);
        Optional<Sub> root = db.query(BOARD, TASKS).findFirst(Sub.class).where(eq(TASKS.id, 1))
                .with("subtasks", s -> s.with("subtasks")).fetchFirst();
        assertThat(root).contains(new Sub("Write docs", List.of(new SubSub("Docs index", List.of()),
                new SubSub("Docs search", List.of(new Named("Search ranking"))))));
        assertThat(counting.borrowed).hasValue(3);
        List<Child> children = db.query(BOARD, TASKS).findMany(Child.class).where(gte(TASKS.id, 4)).with("parent").fetch();
        assertThat(children).containsExactly(new Child("Docs index", Optional.of(new Named("Write docs"))),
                new Child("Docs search", Optional.of(new Named("Write docs"))),
                new Child("Search ranking", Optional.of(new Named("Docs search"))));
        assertThat(db.query(BOARD, TASKS).findFirst(Child.class).where(eq(TASKS.id, 2)).with("parent").fetchFirst())
                .contains(new Child("Fix login", Optional.empty()));
    }

    record Person(int id, String lowerName, long open, List<Named> assigned) {
    }

    @Test
    void columnsExtrasRelationFiltersAndCounts(TestDatabase pg) {
        Database db = Database.connect(Board.seeded(pg).dataSource);
        Expression<Long> open = BOARD.count(USERS, "assigned", eq(TASKS.done, false));
        // users that have a task with importance > 3, each with the number of their open tasks
        List<Person> people = db.query(BOARD, USERS).findMany(Person.class).columns(USERS.id)
                .extras(lower(USERS.name).as("lowerName"), open.as("open"))
                .where(BOARD.exists(USERS, "assigned", gt(TASKS.importance, 3)))
                .with("assigned", t -> t.columns(TASKS.name).where(eq(TASKS.done, false)))
                .fetch();
        assertThat(people).containsExactly(new Person(2, "bob", 2, List.of(new Named("Fix login"), new Named("Docs index"))));

        // users ordered by their number of open tasks; nobody left out
        List<Person> byOpen = db.query(BOARD, USERS).findMany(Person.class).exclude(USERS.name)
                .extras(lower(USERS.name).as("lowerName"), open.as("open")).orderBy(desc(open), USERS.id).with("assigned").fetch();
        assertThat(byOpen).extracting(Person::lowerName, Person::open)
                .containsExactly(tuple("bob", 2L), tuple("ann", 1L),
                        tuple("cy", 0L));

        // epics with more than 2 tasks, and the most important of them
        record Epic(String name, Integer top) {
        }
        List<Epic> big = db.query(BOARD, EPICS).findMany(Epic.class)
                .extras(BOARD.aggregate(EPICS, "tasks", max(TASKS.importance), null).as("top"))
                .where(gt(BOARD.count(EPICS, "tasks", null), 2L)).fetch();
        assertThat(big).containsExactly(new Epic("Launch", 5));
    }

    record Labelled(String name, List<Tag> tags) {
    }

    record TagWithTasks(String name, long uses, List<Named> tasks) {
    }

    @Test
    void manyToManyThroughAJunctionSkipsIt(TestDatabase pg) {
        DatabaseTest.CountingDataSource counting = Board.seeded(pg);
        Database db = Database.connect(counting.dataSource);
        List<Labelled> tasks = db.query(BOARD, TASKS).findMany(Labelled.class).where(lte(TASKS.id, 4))
                .with("tags", t -> t.orderBy(Board.TAGS.name).limit(2)).fetch();
        assertThat(tasks).containsExactly(new Labelled("Write docs", List.of(new Tag("urgent"))),
                new Labelled("Fix login", List.of(new Tag("backend"), new Tag("urgent"))),
                new Labelled("Plan party", List.of(new Tag("ui"))),
                new Labelled("Docs index", List.of(new Tag("backend"), new Tag("ui"))));
        assertThat(counting.borrowed).hasValue(2);

        Expression<Long> uses = BOARD.count(Board.TAGS, "tasks", null);
        List<TagWithTasks> tags = db.query(BOARD, Board.TAGS).findMany(TagWithTasks.class)
                .extras(uses.as("uses")).where(BOARD.exists(Board.TAGS, "tasks", gt(TASKS.importance, 4)))
                .orderBy(desc(uses)).with("tasks", t -> t.orderBy(TASKS.name)).fetch();
        assertThat(tags).containsExactly(new TagWithTasks("urgent", 3, List.of(new Named("Docs index"), new Named("Fix login"),
                        new Named("Write docs"))),
                new TagWithTasks("backend", 2, List.of(new Named("Docs index"), new Named("Fix login"))));
    }

    record Open(String name, long open, List<Named> openTasks) {
    }

    @Test
    void aRelationFilterDeclaredOnceAppliesToLoadingCountingAndExists(TestDatabase pg) {
        Database db = Database.connect(Board.seeded(pg).dataSource);
        List<Open> users = db.query(BOARD, USERS).findMany(Open.class)
                .extras(BOARD.count(USERS, "openTasks", null).as("open"))
                .where(BOARD.exists(USERS, "openTasks", null))
                .with("openTasks", t -> t.where(gt(TASKS.importance, 1))).fetch();
        assertThat(users).containsExactly(new Open("Ann", 1, List.of(new Named("Write docs"))),
                new Open("Bob", 2, List.of(new Named("Fix login"), new Named("Docs index"))));
    }

    record Typed(OffsetDateTime created, BigDecimal estimate, UUID token, byte[] payload, Boolean done) {
    }

    record Holder(String name, List<Typed> assigned) {
    }

    @Test
    void nestedValuesKeepTheirJavaTypes(TestDatabase pg) {
        Database db = Database.connect(Board.seeded(pg).dataSource);
        Holder ann = db.query(BOARD, USERS).findFirst(Holder.class).where(eq(USERS.id, 1))
                .with("assigned", t -> t.where(eq(TASKS.id, 1))).fetchFirst().orElseThrow();
        Typed task = ann.assigned().get(0);
        assertThat(task.created().toInstant()).isEqualTo(OffsetDateTime.of(2026, 1, 2, 8, 0, 0, 0, ZoneOffset.UTC).toInstant());
        assertThat(task.estimate()).isEqualTo(new BigDecimal("1.50"));
        assertThat(task.token()).isEqualTo(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
        assertThat(task.payload()).containsExactly(1, 2);
        assertThat(task.done()).isFalse();
    }

    static final class Memberships extends Table<Memberships> {
        final Column<Integer> userId = integer("user_id");
        final Column<Integer> orgId = integer("org_id");
        final Column<String> role = text("role");

        Memberships() {
            super("memberships");
        }
    }

    static final class Grants extends Table<Grants> {
        final Column<Integer> id = serial("id").primaryKey();
        final Column<Integer> userId = integer("user_id");
        final Column<Integer> orgId = integer("org_id");
        final Column<String> what = text("what");

        Grants() {
            super("grants");
        }
    }

    record Grant(String what) {
    }

    record Membership(String role, List<Grant> grants) {
    }

    @Test
    void compositeKeysTravelAsParallelArrays(TestDatabase pg) {
        Memberships memberships = new Memberships();
        Grants grants = new Grants();
        Relational relations = Relational.of(
                TableRelations.of(memberships, Relation.many("grants", grants)),
                TableRelations.of(grants, Relation.one("membership", memberships,
                        List.of(grants.userId, grants.orgId), List.of(memberships.userId, memberships.orgId))));
        pg.execute("""
                CREATE TABLE memberships (user_id INT, org_id INT, role TEXT, PRIMARY KEY (user_id, org_id));
                CREATE TABLE grants (id SERIAL PRIMARY KEY, user_id INT, org_id INT, what TEXT,
                    FOREIGN KEY (user_id, org_id) REFERENCES memberships);
                INSERT INTO memberships VALUES (1, 1, 'owner'), (1, 2, 'guest'), (2, 1, 'admin');
                INSERT INTO grants (user_id, org_id, what) VALUES (1, 1, 'billing'), (1, 1, 'deploy'), (2, 1, 'read'), (1, 2, 'read');
                """);
        Database db = Database.connect(pg.dataSource());
        FindMany<Membership> query = db.query(relations, memberships).findMany(Membership.class)
                .orderBy(memberships.userId, memberships.orgId).with("grants", g -> g.orderBy(desc(grants.what)));
        assertThat(query.fetch()).containsExactly(
                new Membership("owner", List.of(new Grant("deploy"), new Grant("billing"))),
                new Membership("guest", List.of(new Grant("read"))),
                new Membership("admin", List.of(new Grant("read"))));
        // the single statement joins on both columns of the key
        assertThat(db.query(relations, memberships).findMany(Membership.class).orderBy(memberships.userId, memberships.orgId)
                .with("grants", g -> g.orderBy(desc(grants.what))).singleStatement().fetch()).containsExactly(
                new Membership("owner", List.of(new Grant("deploy"), new Grant("billing"))),
                new Membership("guest", List.of(new Grant("read"))),
                new Membership("admin", List.of(new Grant("read"))));
    }

    record WrongList(String name, User assigned) {
    }

    record WrongOne(String name, List<User> assignee) {
    }

    record Missing(String name, String nickname) {
    }

    record Unmapped(String name) {
    }

    @Test
    void recordsThatDoNotFitFailBeforeAnyStatementNamingTheComponent(TestDatabase pg) {
        DatabaseTest.CountingDataSource counting = Board.seeded(pg);
        Database db = Database.connect(counting.dataSource);
        assertThatThrownBy(() -> db.query(BOARD, USERS).findMany(WrongList.class).with("assigned").fetch())
                .hasMessage("Record WrongList: component 'assigned' is User but relation 'assigned' is a many: declare it as List<...>");
        assertThatThrownBy(() -> db.query(BOARD, TASKS).findMany(WrongOne.class).with("assignee").fetch())
                .hasMessageContaining("component 'assignee' is List but relation 'assignee' is a one");
        assertThatThrownBy(() -> db.query(BOARD, USERS).findMany(Missing.class).fetch())
                .hasMessageContaining("Record Missing: component 'nickname' matches no selected column");
        assertThatThrownBy(() -> db.query(BOARD, USERS).findMany(Unmapped.class).with("assigned").fetch())
                .hasMessageContaining("Record Unmapped has no component 'assigned'");
        assertThatThrownBy(() -> db.query(BOARD, USERS).findMany(Unmapped.class).with("tasks").fetch())
                .hasMessage("Table users has no relation 'tasks'; it has [assigned, authored, openTasks]");
        assertThatThrownBy(() -> db.query(BOARD, USERS).findMany(Named.class).exclude(USERS.name).fetch())
                .hasMessageContaining("component 'name' matches no selected column");
        assertThat(counting.borrowed).hasValue(0);
    }
}
