package jira.app;

import dev.sleet.dialect.ErrorKind;
import dev.sleet.sql.DataAccessException;
import dev.sleet.sql.Database;
import dev.sleet.sql.Expression;
import dev.sleet.sql.Relational;
import jira.schema.Relations;
import jira.schema.Rows;
import jira.schema.Rows.NewEpic;
import jira.schema.Rows.NewTask;
import jira.schema.Rows.NewUser;
import jira.schema.Rows.UserPatch;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Stream;

import static dev.sleet.sql.Sql.*;
import static jira.schema.Schema.EPICS;
import static jira.schema.Schema.TAGS;
import static jira.schema.Schema.TASKS;
import static jira.schema.Schema.TASKS_TAGS;
import static jira.schema.Schema.USERS;

/**
 * A small jira client over the pulled Schema.java: the tables are the ones `sleet pull` wrote,
 * the queries are Sleet's typed SQL.
 */
public final class App {

    /** A task with the user it is assigned to (null when nobody is). */
    public record Task(int id, String name, Integer importance, User user) {
    }

    public record User(int id, String username) {
    }

    /** A user with the tags of their tasks: tasks, then tags through tasks_tags (a many-to-many pull declared). */
    public record Tagged(String username, List<TaskTags> tasks) {
    }

    public record TaskTags(String name, List<Tag> tags) {
    }

    public record Tag(String name) {
    }

    /** The relations pull wrote, for relational queries. */
    static final Relational JIRA = Relational.of(Relations.class);

    public record Workload(String username, long tasks) {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: App <jdbc-url>   e.g. jdbc:postgresql://127.0.0.1:5432/jira?user=postgres");
            System.exit(2);
        }
        run(Database.connect(args[0]), System.out);
    }

    public static void run(Database db, PrintStream out) {
        // Create: a user, an epic and two tasks, in one transaction.
        int taskId = db.transaction(tx -> {
            // The row records of Rows.java (which pull wrote beside Schema.java): what is not given takes its default.
            int ann = tx.insert(USERS).values(NewUser.of().withUsername("ann").withName("Ann Lee"))
                    .returning(USERS.id).fetchValue();
            int launch = tx.insert(EPICS).values(NewEpic.of().withName("Launch")).returning(EPICS.id).fetchValue();
            tx.insert(TASKS).values(Stream.of("Write docs", "Fix login")
                    .map(name -> NewTask.of().withName(name).withEpicId(launch).withUserId(ann).withImportance(2)).toList())
                    .execute();
            return tx.insert(TASKS).values(NewTask.of().withName("Unassigned").withEpicId(launch))
                    .returning(TASKS.id).fetchValue();
        });
        out.println("created task " + taskId);

        // Read: tasks with their user, as records.
        List<Task> tasks = db.select(TASKS.id, TASKS.name, TASKS.importance, USERS.id, USERS.username)
                .from(TASKS).leftJoin(USERS, eq(TASKS.userId, USERS.id))
                .orderBy(TASKS.id).fetch(Task.class);
        tasks.forEach(out::println);

        // The seed's db.query.tasks.findMany({ with: { user: true } }): the same records, two statements.
        List<Task> withUser = db.query(JIRA, TASKS).findMany(Task.class).with("user").fetch();
        out.println("findMany with user: " + (withUser.equals(tasks) ? "same " + withUser.size() + " tasks" : withUser));

        // Update and aggregate.
        db.update(TASKS).set(TASKS.importance, add(coalesce(TASKS.importance, 0), 1)).where(eq(TASKS.epicId, 1)).execute();
        Expression<Long> count = count(TASKS.id).as("tasks");
        db.select(USERS.username, count).from(USERS).leftJoin(TASKS, eq(TASKS.userId, USERS.id))
                .groupBy(USERS.username).orderBy(desc(count)).fetch(Workload.class).forEach(out::println);

        // Tags: insert or keep, then tag the task.
        int urgent = db.insert(TAGS).values(t -> t.set(TAGS.name, "urgent")).returning(TAGS.id).fetchValue();
        db.insert(TASKS_TAGS).values(t -> t.set(TASKS_TAGS.task, taskId).set(TASKS_TAGS.tag, urgent)).execute();
        List<String> urgentTasks = db.select(TASKS.name).from(TASKS)
                .where(exists(db.select(TASKS_TAGS.id).from(TASKS_TAGS)
                        .where(and(eq(TASKS_TAGS.task, TASKS.id), eq(TASKS_TAGS.tag, urgent)))))
                .fetchValues();
        out.println("urgent: " + urgentTasks);
        db.insert(TASKS_TAGS).values(t -> t.set(TASKS_TAGS.task, 1).set(TASKS_TAGS.tag, urgent)).execute();
        db.query(JIRA, USERS).findMany(Tagged.class).columns(USERS.username)
                .with("tasks", t -> t.columns(TASKS.name).with("tags"))
                .fetch().forEach(out::println);

        // A foreign key violation is told by its kind, not by its message.
        try {
            db.insert(TASKS).values(t -> t.set(TASKS.name, "ghost").set(TASKS.userId, 999)).execute();
        } catch (DataAccessException e) {
            out.println("rejected: " + (e.kind() == ErrorKind.FOREIGN_KEY_VIOLATION ? "no such user" : e.kind()));
        }

        int deleted = db.delete(TASKS_TAGS).where(eq(TASKS_TAGS.tag, urgent)).execute();
        out.println("untagged " + deleted);

        // A patch sets what it gives; the whole row reads back as the table's row record.
        db.update(USERS).set(UserPatch.of().withAvatar("ann.png")).where(eq(USERS.username, "ann")).execute();
        out.println("patched: " + db.select().from(USERS).where(eq(USERS.username, "ann")).fetchOne(Rows.User.class));
    }
}
