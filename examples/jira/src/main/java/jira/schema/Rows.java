// Rows.java: row records of the schema's tables, written by `sleet pull` and kept in step
// with the schema code by `sleet generate`: edit the schema code, not this file.
package jira.schema;

import dev.sleet.sql.Given;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Row records of each table: as selected, to insert, to update. See {@code docs/schema.md}.
 */
public final class Rows {
  private Rows() {}

  /**
   * A row of {@code epics} as selected: {@code select().from(...).fetch(Epic.class)}.
   */
  public record Epic(Integer id, String name, String description, LocalDate due) {
  }

  /**
   * A row to insert into {@code epics}: {@code insert(...).values(row)}. Absent columns take their default;
   * a wither's null is SQL NULL.
   */
  public record NewEpic(Given<Integer> id, Given<String> name, Given<String> description,
      Given<LocalDate> due) {
    public NewEpic {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(due, "due");
    }

    /**
     * The columns the row cannot do without; the others are absent.
     */
    public static NewEpic of() {
      return new NewEpic(Given.absent(), Given.absent(), Given.absent(), Given.absent());
    }

    public NewEpic withId(Integer id) {
      return new NewEpic(Given.of(id), name, description, due);
    }

    public NewEpic withName(String name) {
      return new NewEpic(id, Given.of(name), description, due);
    }

    public NewEpic withDescription(String description) {
      return new NewEpic(id, name, Given.of(description), due);
    }

    public NewEpic withDue(LocalDate due) {
      return new NewEpic(id, name, description, Given.of(due));
    }
  }

  /**
   * Columns of {@code epics} to update: {@code update(...).set(patch)} sets what is given (a wither's null
   * is SQL NULL) and leaves absent columns as they are.
   */
  public record EpicPatch(Given<Integer> id, Given<String> name, Given<String> description,
      Given<LocalDate> due) {
    public EpicPatch {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(due, "due");
    }

    /**
     * Nothing given yet.
     */
    public static EpicPatch of() {
      return new EpicPatch(Given.absent(), Given.absent(), Given.absent(), Given.absent());
    }

    public EpicPatch withId(Integer id) {
      return new EpicPatch(Given.of(id), name, description, due);
    }

    public EpicPatch withName(String name) {
      return new EpicPatch(id, Given.of(name), description, due);
    }

    public EpicPatch withDescription(String description) {
      return new EpicPatch(id, name, Given.of(description), due);
    }

    public EpicPatch withDue(LocalDate due) {
      return new EpicPatch(id, name, description, Given.of(due));
    }
  }

  /**
   * A row of {@code tags} as selected: {@code select().from(...).fetch(Tag.class)}.
   */
  public record Tag(Integer id, String name) {
  }

  /**
   * A row to insert into {@code tags}: {@code insert(...).values(row)}. Absent columns take their default;
   * a wither's null is SQL NULL.
   */
  public record NewTag(Given<Integer> id, Given<String> name) {
    public NewTag {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
    }

    /**
     * The columns the row cannot do without; the others are absent.
     */
    public static NewTag of() {
      return new NewTag(Given.absent(), Given.absent());
    }

    public NewTag withId(Integer id) {
      return new NewTag(Given.of(id), name);
    }

    public NewTag withName(String name) {
      return new NewTag(id, Given.of(name));
    }
  }

  /**
   * Columns of {@code tags} to update: {@code update(...).set(patch)} sets what is given (a wither's null
   * is SQL NULL) and leaves absent columns as they are.
   */
  public record TagPatch(Given<Integer> id, Given<String> name) {
    public TagPatch {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
    }

    /**
     * Nothing given yet.
     */
    public static TagPatch of() {
      return new TagPatch(Given.absent(), Given.absent());
    }

    public TagPatch withId(Integer id) {
      return new TagPatch(Given.of(id), name);
    }

    public TagPatch withName(String name) {
      return new TagPatch(id, Given.of(name));
    }
  }

  /**
   * A row of {@code tasks} as selected: {@code select().from(...).fetch(Task.class)}.
   */
  public record Task(Integer id, String name, Integer epicId, Integer userId, Integer importance) {
  }

  /**
   * A row to insert into {@code tasks}: {@code insert(...).values(row)}. Absent columns take their default;
   * a wither's null is SQL NULL.
   */
  public record NewTask(Given<Integer> id, Given<String> name, Given<Integer> epicId,
      Given<Integer> userId, Given<Integer> importance) {
    public NewTask {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(epicId, "epicId");
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(importance, "importance");
    }

    /**
     * The columns the row cannot do without; the others are absent.
     */
    public static NewTask of() {
      return new NewTask(Given.absent(), Given.absent(), Given.absent(), Given.absent(), Given.absent());
    }

    public NewTask withId(Integer id) {
      return new NewTask(Given.of(id), name, epicId, userId, importance);
    }

    public NewTask withName(String name) {
      return new NewTask(id, Given.of(name), epicId, userId, importance);
    }

    public NewTask withEpicId(Integer epicId) {
      return new NewTask(id, name, Given.of(epicId), userId, importance);
    }

    public NewTask withUserId(Integer userId) {
      return new NewTask(id, name, epicId, Given.of(userId), importance);
    }

    public NewTask withImportance(Integer importance) {
      return new NewTask(id, name, epicId, userId, Given.of(importance));
    }
  }

  /**
   * Columns of {@code tasks} to update: {@code update(...).set(patch)} sets what is given (a wither's null
   * is SQL NULL) and leaves absent columns as they are.
   */
  public record TaskPatch(Given<Integer> id, Given<String> name, Given<Integer> epicId,
      Given<Integer> userId, Given<Integer> importance) {
    public TaskPatch {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(epicId, "epicId");
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(importance, "importance");
    }

    /**
     * Nothing given yet.
     */
    public static TaskPatch of() {
      return new TaskPatch(Given.absent(), Given.absent(), Given.absent(), Given.absent(), Given.absent());
    }

    public TaskPatch withId(Integer id) {
      return new TaskPatch(Given.of(id), name, epicId, userId, importance);
    }

    public TaskPatch withName(String name) {
      return new TaskPatch(id, Given.of(name), epicId, userId, importance);
    }

    public TaskPatch withEpicId(Integer epicId) {
      return new TaskPatch(id, name, Given.of(epicId), userId, importance);
    }

    public TaskPatch withUserId(Integer userId) {
      return new TaskPatch(id, name, epicId, Given.of(userId), importance);
    }

    public TaskPatch withImportance(Integer importance) {
      return new TaskPatch(id, name, epicId, userId, Given.of(importance));
    }
  }

  /**
   * A row of {@code tasks_tags} as selected: {@code select().from(...).fetch(TasksTag.class)}.
   */
  public record TasksTag(Integer id, Integer task, Integer tag) {
  }

  /**
   * A row to insert into {@code tasks_tags}: {@code insert(...).values(row)}. Absent columns take their default;
   * a wither's null is SQL NULL.
   */
  public record NewTasksTag(Given<Integer> id, Given<Integer> task, Given<Integer> tag) {
    public NewTasksTag {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(task, "task");
      Objects.requireNonNull(tag, "tag");
    }

    /**
     * The columns the row cannot do without; the others are absent.
     */
    public static NewTasksTag of() {
      return new NewTasksTag(Given.absent(), Given.absent(), Given.absent());
    }

    public NewTasksTag withId(Integer id) {
      return new NewTasksTag(Given.of(id), task, tag);
    }

    public NewTasksTag withTask(Integer task) {
      return new NewTasksTag(id, Given.of(task), tag);
    }

    public NewTasksTag withTag(Integer tag) {
      return new NewTasksTag(id, task, Given.of(tag));
    }
  }

  /**
   * Columns of {@code tasks_tags} to update: {@code update(...).set(patch)} sets what is given (a wither's null
   * is SQL NULL) and leaves absent columns as they are.
   */
  public record TasksTagPatch(Given<Integer> id, Given<Integer> task, Given<Integer> tag) {
    public TasksTagPatch {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(task, "task");
      Objects.requireNonNull(tag, "tag");
    }

    /**
     * Nothing given yet.
     */
    public static TasksTagPatch of() {
      return new TasksTagPatch(Given.absent(), Given.absent(), Given.absent());
    }

    public TasksTagPatch withId(Integer id) {
      return new TasksTagPatch(Given.of(id), task, tag);
    }

    public TasksTagPatch withTask(Integer task) {
      return new TasksTagPatch(id, Given.of(task), tag);
    }

    public TasksTagPatch withTag(Integer tag) {
      return new TasksTagPatch(id, task, Given.of(tag));
    }
  }

  /**
   * A row of {@code users} as selected: {@code select().from(...).fetch(User.class)}.
   */
  public record User(Integer id, String username, String name, String avatar) {
  }

  /**
   * A row to insert into {@code users}: {@code insert(...).values(row)}. Absent columns take their default;
   * a wither's null is SQL NULL.
   */
  public record NewUser(Given<Integer> id, Given<String> username, Given<String> name,
      Given<String> avatar) {
    public NewUser {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(avatar, "avatar");
    }

    /**
     * The columns the row cannot do without; the others are absent.
     */
    public static NewUser of() {
      return new NewUser(Given.absent(), Given.absent(), Given.absent(), Given.absent());
    }

    public NewUser withId(Integer id) {
      return new NewUser(Given.of(id), username, name, avatar);
    }

    public NewUser withUsername(String username) {
      return new NewUser(id, Given.of(username), name, avatar);
    }

    public NewUser withName(String name) {
      return new NewUser(id, username, Given.of(name), avatar);
    }

    public NewUser withAvatar(String avatar) {
      return new NewUser(id, username, name, Given.of(avatar));
    }
  }

  /**
   * Columns of {@code users} to update: {@code update(...).set(patch)} sets what is given (a wither's null
   * is SQL NULL) and leaves absent columns as they are.
   */
  public record UserPatch(Given<Integer> id, Given<String> username, Given<String> name,
      Given<String> avatar) {
    public UserPatch {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(avatar, "avatar");
    }

    /**
     * Nothing given yet.
     */
    public static UserPatch of() {
      return new UserPatch(Given.absent(), Given.absent(), Given.absent(), Given.absent());
    }

    public UserPatch withId(Integer id) {
      return new UserPatch(Given.of(id), username, name, avatar);
    }

    public UserPatch withUsername(String username) {
      return new UserPatch(id, Given.of(username), name, avatar);
    }

    public UserPatch withName(String name) {
      return new UserPatch(id, username, Given.of(name), avatar);
    }

    public UserPatch withAvatar(String avatar) {
      return new UserPatch(id, username, name, Given.of(avatar));
    }
  }
}
