package dev.sleet.bench.query;

import dev.sleet.schema.Column;
import dev.sleet.schema.Table;

import java.time.LocalDate;

/** The seed's jira tables, as pull writes them, for the query benchmarks. */
public final class BenchSchema {

    public static final Users USERS = new Users();
    public static final Epics EPICS = new Epics();
    public static final Tasks TASKS = new Tasks();
    public static final TasksTags TASKS_TAGS = new TasksTags();
    public static final Events EVENTS = new Events();

    private BenchSchema() {
    }

    public static final class Users extends Table<Users> {
        public final Column<Integer> id = serial("id").primaryKey();
        public final Column<String> username = varchar("username", 50);
        public final Column<String> name = varchar("name", 250);

        public Users() {
            super("users");
        }
    }

    public static final class Epics extends Table<Epics> {
        public final Column<Integer> id = serial("id").primaryKey();
        public final Column<String> name = varchar("name", 250);
        public final Column<LocalDate> due = date("due");

        public Epics() {
            super("epics");
        }
    }

    public static final class Tasks extends Table<Tasks> {
        public final Column<Integer> id = serial("id").primaryKey();
        public final Column<String> name = varchar("name", 250);
        public final Column<Integer> epicId = integer("epic_id");
        public final Column<Integer> userId = integer("user_id");
        public final Column<Integer> importance = integer("importance");

        public Tasks() {
            super("tasks");
        }
    }

    public static final class TasksTags extends Table<TasksTags> {
        public final Column<Integer> id = serial("id").primaryKey();
        public final Column<Integer> task = integer("task");
        public final Column<Integer> tag = integer("tag");

        public TasksTags() {
            super("tasks_tags");
        }
    }

    public static final class Events extends Table<Events> {
        public final Column<Integer> id = serial("id").primaryKey();
        public final Column<Integer> taskId = integer("task_id");
        public final Column<String> note = text("note");

        public Events() {
            super("events");
        }
    }

    static final String DDL = """
            DROP TABLE IF EXISTS events, tasks_tags, tasks, epics, users;
            CREATE TABLE users (id serial PRIMARY KEY, username varchar(50), name varchar(250));
            CREATE TABLE epics (id serial PRIMARY KEY, name varchar(250), due date);
            CREATE TABLE tasks (id serial PRIMARY KEY, name varchar(250), epic_id int REFERENCES epics, user_id int REFERENCES users,
              importance int);
            CREATE TABLE tasks_tags (id serial PRIMARY KEY, task int REFERENCES tasks, tag int);
            CREATE TABLE events (id serial PRIMARY KEY, task_id int, note text);
            INSERT INTO users (username, name) SELECT 'user' || i, 'User ' || i FROM generate_series(1, 1000) i;
            INSERT INTO epics (name, due) SELECT 'Epic ' || i, DATE '2026-01-01' + i FROM generate_series(1, 100) i;
            INSERT INTO tasks (name, epic_id, user_id, importance)
              SELECT 'Task number ' || i, 1 + i % 100, 1 + i % 1000, i % 5 FROM generate_series(1, 10000) i;
            """;
}
