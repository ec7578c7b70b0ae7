package dev.sleet.schema;

import dev.sleet.sql.Expression;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A relation between two tables, as drizzle's {@code relations()} declares them: {@code one} is
 * the side that holds the foreign key columns, {@code many} the side that is pointed at. A
 * {@code many} can go {@link #through} a junction table (many-to-many: a task's tags through
 * tasks_tags), so that queries skip the junction. Relations do not change the database; the
 * relational query API walks them. A {@code many} can carry a {@link #where} filter declared once
 * ({@code many("openTasks", TASKS).where(eq(TASKS.done, false))}).
 */
public record Relation(String name, Kind kind, Table<?> target, List<Column<?>> fields, List<Column<?>> references,
                       Optional<String> relationName, Optional<Table<?>> junction, Optional<Expression<Boolean>> filter) {

    public enum Kind { ONE, MANY }

    public Relation {
        Objects.requireNonNull(name);
        Objects.requireNonNull(target);
        fields = List.copyOf(fields);
        references = List.copyOf(references);
        Objects.requireNonNull(relationName);
        Objects.requireNonNull(junction);
        Objects.requireNonNull(filter);
        if (fields.size() != references.size()) {
            throw new IllegalArgumentException("Relation " + name + ": fields and references differ in length");
        }
        if ((junction.isPresent() || filter.isPresent()) && kind != Kind.MANY) {
            throw new IllegalArgumentException("Relation " + name + ": only a many relation goes through a junction table"
                    + " or carries a filter");
        }
    }

    public Relation(String name, Kind kind, Table<?> target, List<Column<?>> fields, List<Column<?>> references,
                    Optional<String> relationName) {
        this(name, kind, target, fields, references, relationName, Optional.empty(), Optional.empty());
    }

    /** {@code one("user", USERS, TASKS.userId, USERS.id)}: this table's column points at the target's. */
    public static Relation one(String name, Table<?> target, Column<?> field, Column<?> reference) {
        return new Relation(name, Kind.ONE, target, List.of(field), List.of(reference), Optional.empty());
    }

    public static Relation one(String name, Table<?> target, List<Column<?>> fields, List<Column<?>> references) {
        return new Relation(name, Kind.ONE, target, fields, references, Optional.empty());
    }

    /** {@code many("tasks", TASKS)}: rows of the target point at this table. */
    public static Relation many(String name, Table<?> target) {
        return new Relation(name, Kind.MANY, target, List.of(), List.of(), Optional.empty());
    }

    /** Names the foreign key this relation follows, when two tables are joined by more than one. */
    public Relation via(String relationName) {
        return new Relation(name, kind, target, fields, references, Optional.of(relationName), junction, filter);
    }

    /**
     * {@code many("tags", TAGS).through(TASKS_TAGS)}: rows of the junction point at this table and at
     * the target; the relation yields the target's rows.
     */
    public Relation through(Table<?> junctionTable) {
        return new Relation(name, kind, target, fields, references, relationName, Optional.of(junctionTable), filter);
    }

    /** Only the target rows that match: a relation such as {@code openTasks}, filtered wherever it is used. */
    public Relation where(Expression<Boolean> condition) {
        return new Relation(name, kind, target, fields, references, relationName, junction, Optional.of(condition));
    }
}
