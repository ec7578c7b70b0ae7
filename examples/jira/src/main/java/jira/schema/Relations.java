// Written by `sleet pull`, which rewrites it from the database. This is ordinary
// schema code: edit it, and `sleet generate` turns your changes into migrations.
package jira.schema;

import static dev.sleet.schema.Relation.many;
import static dev.sleet.schema.Relation.one;

import dev.sleet.schema.TableRelations;

public final class Relations {
  public static final TableRelations EPICS = TableRelations.of(Schema.EPICS,
      many("tasks", Schema.TASKS));

  public static final TableRelations TAGS = TableRelations.of(Schema.TAGS,
      many("tasksTags", Schema.TASKS_TAGS),
      many("tasks", Schema.TASKS).through(Schema.TASKS_TAGS));

  public static final TableRelations TASKS = TableRelations.of(Schema.TASKS,
      one("epic", Schema.EPICS, Schema.TASKS.epicId, Schema.EPICS.id),
      one("user", Schema.USERS, Schema.TASKS.userId, Schema.USERS.id),
      many("tasksTags", Schema.TASKS_TAGS),
      many("tags", Schema.TAGS).through(Schema.TASKS_TAGS));

  public static final TableRelations TASKS_TAGS = TableRelations.of(Schema.TASKS_TAGS,
      one("tag", Schema.TAGS, Schema.TASKS_TAGS.tag, Schema.TAGS.id),
      one("task", Schema.TASKS, Schema.TASKS_TAGS.task, Schema.TASKS.id));

  public static final TableRelations USERS = TableRelations.of(Schema.USERS,
      many("tasks", Schema.TASKS));

  private Relations() {}
}
