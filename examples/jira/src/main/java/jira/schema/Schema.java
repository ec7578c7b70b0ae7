// Written by `sleet pull`, which rewrites it from the database. This is ordinary
// schema code: edit it, and `sleet generate` turns your changes into migrations.
package jira.schema;

import dev.sleet.schema.Column;
import dev.sleet.schema.ForeignKey;
import dev.sleet.schema.Index;
import dev.sleet.schema.Table;
import java.time.LocalDate;

public final class Schema {
  public static final Epics EPICS = new Epics();
  public static final Tags TAGS = new Tags();
  public static final Tasks TASKS = new Tasks();
  public static final TasksTags TASKS_TAGS = new TasksTags();
  public static final Users USERS = new Users();

  private Schema() {}

  public static final class Epics extends Table<Epics> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> name = varchar("name", 250);
    public final Column<String> description = text("description");
    public final Column<LocalDate> due = date("due");

    public Epics() {
      super("epics");
    }
  }

  public static final class Tags extends Table<Tags> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> name = varchar("name", 250);

    public Tags() {
      super("tags");
    }
  }

  public static final class Tasks extends Table<Tasks> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> name = varchar("name", 250);
    public final Column<Integer> epicId = integer("epic_id");
    public final Column<Integer> userId = integer("user_id");
    public final Column<Integer> importance = integer("importance");
    public final ForeignKey fkTaskEpic = foreignKey("fk_task_epic", epicId).references(() -> EPICS.id);
    public final ForeignKey fkTaskUser = foreignKey("fk_task_user", userId).references(() -> USERS.id);
    public final Index idxTasksEpic = index("idx_tasks_epic").on(epicId);

    public Tasks() {
      super("tasks");
    }
  }

  public static final class TasksTags extends Table<TasksTags> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<Integer> task = integer("task");
    public final Column<Integer> tag = integer("tag");
    public final ForeignKey fkTasksTagsTag = foreignKey("fk_tasks_tags_tag", tag).references(() -> TAGS.id);
    public final ForeignKey fkTasksTagsTask = foreignKey("fk_tasks_tags_task", task).references(() -> TASKS.id);

    public TasksTags() {
      super("tasks_tags");
    }
  }

  public static final class Users extends Table<Users> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> username = varchar("username", 50);
    public final Column<String> name = varchar("name", 250);
    public final Column<String> avatar = varchar("avatar", 500);

    public Users() {
      super("users");
    }
  }
}
