package dev.sleet.sql;

import dev.sleet.schema.Column;
import dev.sleet.schema.EnumType;
import dev.sleet.schema.TableRelations;
import dev.sleet.schema.Table;
import dev.sleet.testing.TestDatabase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import static dev.sleet.schema.Relation.many;
import static dev.sleet.schema.Relation.one;

/**
 * A task board for relational queries: two foreign keys from tasks to users (assignee, author), a
 * self relation (parent, subtasks) three levels deep, tags through a junction, and columns of the
 * types that must keep their Java types through nested levels (numeric, timestamptz, timestamp, date,
 * interval, uuid, bytea, an enum type, a text array).
 */
final class Board {

    enum Priority { LOW, HIGH }

    static final EnumType<Priority> PRIORITY = EnumType.of("priority", Priority.class, l -> l.name().toLowerCase());

    static final Users USERS = new Users();
    static final Epics EPICS = new Epics();
    static final Tasks TASKS = new Tasks();
    static final Tags TAGS = new Tags();
    static final TasksTags TASKS_TAGS = new TasksTags();

    static final class Users extends Table<Users> {
        final Column<Integer> id = serial("id").primaryKey();
        final Column<String> name = varchar("name", 100);

        Users() {
            super("users");
        }
    }

    static final class Epics extends Table<Epics> {
        final Column<Integer> id = serial("id").primaryKey();
        final Column<String> name = varchar("name", 100);

        Epics() {
            super("epics");
        }
    }

    static final class Tasks extends Table<Tasks> {
        final Column<Integer> id = serial("id").primaryKey();
        final Column<String> name = varchar("name", 100);
        final Column<Integer> importance = integer("importance");
        final Column<Boolean> done = bool("done");
        final Column<BigDecimal> estimate = numeric("estimate", 10, 2);
        final Column<OffsetDateTime> created = timestamptz("created");
        final Column<UUID> token = uuid("token");
        final Column<byte[]> payload = bytea("payload");
        final Column<Integer> epicId = integer("epic_id");
        final Column<Integer> assigneeId = integer("assignee_id");
        final Column<Integer> authorId = integer("author_id");
        final Column<Integer> parentId = integer("parent_id");
        final Column<LocalDate> due = date("due");
        final Column<LocalDateTime> touched = timestamp("touched");
        final Column<String> spent = interval("spent");
        final Column<Priority> priority = column("priority", PRIORITY);
        final Column<String[]> labels = text("labels").array();

        Tasks() {
            super("tasks");
        }
    }

    static final class Tags extends Table<Tags> {
        final Column<Integer> id = serial("id").primaryKey();
        final Column<String> name = varchar("name", 100);

        Tags() {
            super("tags");
        }
    }

    static final class TasksTags extends Table<TasksTags> {
        final Column<Integer> id = serial("id").primaryKey();
        final Column<Integer> task = integer("task");
        final Column<Integer> tag = integer("tag");

        TasksTags() {
            super("tasks_tags");
        }
    }

    /** What Relations.java declares for this schema. */
    static final class Relations {
        public static final TableRelations USERS = TableRelations.of(Board.USERS,
                many("assigned", Board.TASKS).via("fk_assignee"), many("authored", Board.TASKS).via("fk_author"),
                many("openTasks", Board.TASKS).via("fk_assignee").where(Sql.eq(Board.TASKS.done, false)));
        public static final TableRelations EPICS = TableRelations.of(Board.EPICS, many("tasks", Board.TASKS));
        public static final TableRelations TASKS = TableRelations.of(Board.TASKS,
                one("epic", Board.EPICS, Board.TASKS.epicId, Board.EPICS.id),
                one("assignee", Board.USERS, Board.TASKS.assigneeId, Board.USERS.id).via("fk_assignee"),
                one("author", Board.USERS, Board.TASKS.authorId, Board.USERS.id).via("fk_author"),
                one("parent", Board.TASKS, Board.TASKS.parentId, Board.TASKS.id).via("fk_parent"),
                many("subtasks", Board.TASKS).via("fk_parent"),
                many("tasksTags", Board.TASKS_TAGS),
                many("tags", Board.TAGS).through(Board.TASKS_TAGS));
        public static final TableRelations TAGS = TableRelations.of(Board.TAGS, many("tasksTags", Board.TASKS_TAGS),
                many("tasks", Board.TASKS).through(Board.TASKS_TAGS));
        public static final TableRelations TASKS_TAGS = TableRelations.of(Board.TASKS_TAGS,
                one("task", Board.TASKS, Board.TASKS_TAGS.task, Board.TASKS.id),
                one("tag", Board.TAGS, Board.TASKS_TAGS.tag, Board.TAGS.id));

        private Relations() {
        }
    }

    static final Relational BOARD = Relational.of(Relations.class);

    static final String DDL = """
            CREATE TYPE priority AS ENUM ('low', 'high');
            CREATE TABLE users (id SERIAL PRIMARY KEY, name VARCHAR(100));
            CREATE TABLE epics (id SERIAL PRIMARY KEY, name VARCHAR(100));
            CREATE TABLE tasks (id SERIAL PRIMARY KEY, name VARCHAR(100), importance INT, done BOOLEAN,
                estimate NUMERIC(10, 2), created TIMESTAMPTZ, token UUID, payload BYTEA,
                epic_id INT REFERENCES epics (id),
                assignee_id INT CONSTRAINT fk_assignee REFERENCES users (id),
                author_id INT CONSTRAINT fk_author REFERENCES users (id),
                parent_id INT CONSTRAINT fk_parent REFERENCES tasks (id),
                due DATE, touched TIMESTAMP, spent INTERVAL, priority priority, labels TEXT[]);
            CREATE TABLE tags (id SERIAL PRIMARY KEY, name VARCHAR(100));
            CREATE TABLE tasks_tags (id SERIAL PRIMARY KEY, task INT REFERENCES tasks (id), tag INT REFERENCES tags (id));
            """;

    /**
     * Cy has no tasks; Docs search has no assignee and no epic-less parent; Write docs → Docs search →
     * Search ranking is three levels of subtasks; Plan party's only tag is ui.
     */
    static final String ROWS = """
            INSERT INTO users (name) VALUES ('Ann'), ('Bob'), ('Cy');
            INSERT INTO epics (name) VALUES ('Launch'), ('Cleanup'), ('Empty');
            INSERT INTO tasks (name, importance, done, estimate, created, token, payload, epic_id, assignee_id, author_id, parent_id) VALUES
              ('Write docs', 2, false, 1.50, '2026-01-02 10:00:00+02', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\\x0102', 1, 1, 2, NULL),
              ('Fix login', 5, false, 3.25, NULL, NULL, NULL, 1, 2, 1, NULL),
              ('Plan party', 1, true, NULL, NULL, NULL, NULL, 2, 1, 1, NULL),
              ('Docs index', 4, false, 0.75, NULL, NULL, NULL, 1, 2, 2, 1),
              ('Docs search', 3, true, 2.00, NULL, NULL, NULL, 1, NULL, 1, 1),
              ('Search ranking', 2, false, NULL, NULL, NULL, NULL, NULL, NULL, 2, 5);
            INSERT INTO tags (name) VALUES ('urgent'), ('backend'), ('ui');
            INSERT INTO tasks_tags (task, tag) VALUES (1, 1), (2, 1), (2, 2), (3, 3), (4, 2), (4, 3), (4, 1);
            """;

    private Board() {
    }

    /** The board's rows in {@code pg}, and a database counting the statements it runs (one connection each). */
    static DatabaseTest.CountingDataSource seeded(TestDatabase pg) {
        pg.execute(DDL + ROWS);
        return new DatabaseTest.CountingDataSource(pg.dataSource());
    }
}
