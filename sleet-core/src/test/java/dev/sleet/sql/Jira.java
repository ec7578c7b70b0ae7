package dev.sleet.sql;

import dev.sleet.schema.Column;
import dev.sleet.schema.ForeignKey;
import dev.sleet.schema.Table;
import dev.sleet.testing.TestDatabase;

import java.time.LocalDate;

/** The seed's jira schema as pull writes it (with the walkthrough's importance column), and a few rows. */
final class Jira {

    static final Users USERS = new Users();
    static final Epics EPICS = new Epics();
    static final Tasks TASKS = new Tasks();
    static final Tags TAGS = new Tags();
    static final TasksTags TASKS_TAGS = new TasksTags();

    static final class Users extends Table<Users> {
        final Column<Integer> id = serial("id").primaryKey();
        final Column<String> username = varchar("username", 50);
        final Column<String> name = varchar("name", 250);
        final Column<String> avatar = varchar("avatar", 500);
        final Column<Integer> importance = integer("importance");

        Users() {
            super("users");
        }
    }

    static final class Epics extends Table<Epics> {
        final Column<Integer> id = serial("id").primaryKey();
        final Column<String> name = varchar("name", 250);
        final Column<String> description = text("description");
        final Column<LocalDate> due = date("due");

        Epics() {
            super("epics");
        }
    }

    static final class Tasks extends Table<Tasks> {
        final Column<Integer> id = serial("id").primaryKey();
        final Column<String> name = varchar("name", 250);
        final Column<Integer> epicId = integer("epic_id");
        final Column<Integer> userId = integer("user_id");
        final ForeignKey fkTaskUser = foreignKey("fk_task_user", userId).references(() -> USERS.id);
        final ForeignKey fkTaskEpic = foreignKey("fk_task_epic", epicId).references(() -> EPICS.id);

        Tasks() {
            super("tasks");
        }
    }

    static final class Tags extends Table<Tags> {
        final Column<Integer> id = serial("id").primaryKey();
        final Column<String> name = varchar("name", 250).unique("tags_name_key");

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

    static final String DDL = """
            CREATE TABLE users (id SERIAL PRIMARY KEY, username VARCHAR(50), name VARCHAR(250), avatar VARCHAR(500), importance INT);
            CREATE TABLE epics (id SERIAL PRIMARY KEY, name VARCHAR(250), description TEXT, due DATE);
            CREATE TABLE tasks (id SERIAL PRIMARY KEY, name VARCHAR(250),
                epic_id INT CONSTRAINT fk_task_epic REFERENCES epics (id),
                user_id INT CONSTRAINT fk_task_user REFERENCES users (id));
            CREATE TABLE tags (id SERIAL PRIMARY KEY, name VARCHAR(250) CONSTRAINT tags_name_key UNIQUE);
            CREATE TABLE tasks_tags (id SERIAL PRIMARY KEY, task INT REFERENCES tasks (id), tag INT REFERENCES tags (id));
            """;

    /** Three users (one without tasks), two epics, five tasks (one without user or epic), three tags. */
    static final String ROWS = """
            INSERT INTO users (username, name, avatar, importance) VALUES
              ('ann', 'Ann Lee', NULL, 3), ('bob', 'Bob Stone', 'b.png', 1), ('cy', 'Cy Park', NULL, NULL);
            INSERT INTO epics (name, description, due) VALUES
              ('Launch', 'Go live', DATE '2026-01-31'), ('Cleanup', NULL, NULL);
            INSERT INTO tasks (name, epic_id, user_id) VALUES
              ('Write docs', 1, 1), ('Fix login', 1, 2), ('Plan party', 2, 1), ('Refactor', 2, 2), ('Orphan', NULL, NULL);
            INSERT INTO tags (name) VALUES ('urgent'), ('backend'), ('ui');
            INSERT INTO tasks_tags (task, tag) VALUES (1, 1), (2, 1), (2, 2), (3, 3), (4, 2);
            """;

    private Jira() {
    }

    static Database seeded(TestDatabase db) {
        db.execute(DDL + ROWS);
        return Database.connect(db.dataSource());
    }
}
