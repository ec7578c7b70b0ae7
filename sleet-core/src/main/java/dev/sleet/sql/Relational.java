package dev.sleet.sql;

import dev.sleet.schema.Column;
import dev.sleet.schema.Relation;
import dev.sleet.schema.Table;
import dev.sleet.schema.TableRelations;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The relations of a schema, as {@code Relations.java} declares them, ready for relational
 * queries: {@code Relational JIRA = Relational.of(Relations.class);} once, then
 * {@code db.query(JIRA, TASKS).findMany(Task.class).with("user").fetch()}. Each relation name is
 * resolved to the columns that join the two tables ({@link Link}); a {@code many} takes its columns
 * from the {@code one} on the other side that points back (with the same {@code via} name, if any).
 * Immutable and thread-safe.
 */
public final class Relational {

    /** How rows of {@code child} attach to a row of {@code parent}: {@code child.childColumns = parent.parentColumns}. */
    record Link(String name, Relation.Kind kind, Table<?> parent, Table<?> child, List<Column<?>> parentColumns,
                List<Column<?>> childColumns) {
    }

    private final Map<Table<?>, TableRelations> byTable = new IdentityHashMap<>();

    private Relational(List<TableRelations> relations) {
        for (TableRelations table : relations) {
            if (byTable.put(table.table(), table) != null) {
                throw new IllegalArgumentException("Relations of " + table.table() + " are declared twice");
            }
        }
    }

    public static Relational of(TableRelations... relations) {
        return new Relational(List.of(relations));
    }

    /** Every public static {@link TableRelations} field of a class, such as the {@code Relations} class pull writes. */
    public static Relational of(Class<?> relationsClass) {
        List<TableRelations> relations = new ArrayList<>();
        for (Field field : relationsClass.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == TableRelations.class) {
                try {
                    relations.add((TableRelations) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalArgumentException("Cannot read " + relationsClass.getName() + "." + field.getName(), e);
                }
            }
        }
        if (relations.isEmpty()) {
            throw new IllegalArgumentException(relationsClass.getName() + " declares no public static TableRelations fields");
        }
        return new Relational(relations);
    }

    /** The relation {@code name} of {@code table}, with the columns that join it; a clear error when there is none. */
    Link link(Table<?> table, String name) {
        Relation relation = relation(table, name)
                .orElseThrow(() -> new IllegalArgumentException("Table " + table.tableName() + " has no relation '" + name
                        + "'; it has " + names(table)));
        if (relation.kind() == Relation.Kind.ONE) {
            return new Link(name, relation.kind(), table, relation.target(), relation.fields(), relation.references());
        }
        // The one on the other side says which of its columns point here.
        List<Relation> back = new ArrayList<>();
        TableRelations target = byTable.get(relation.target());
        for (Relation candidate : target == null ? List.<Relation>of() : target.relations()) {
            if (candidate.kind() == Relation.Kind.ONE && candidate.target() == table
                    && candidate.relationName().equals(relation.relationName())) {
                back.add(candidate);
            }
        }
        if (back.size() != 1) {
            throw new IllegalArgumentException("Relation '" + name + "' of " + table.tableName() + ": "
                    + (back.isEmpty() ? "table " + relation.target().tableName() + " declares no one relation back to "
                    + table.tableName() : back.size() + " one relations of " + relation.target().tableName()
                    + " point back; name the foreign key with via(...) on both sides") + relation.relationName()
                    .map(via -> " (via " + via + ")").orElse(""));
        }
        Relation one = back.get(0);
        return new Link(name, relation.kind(), table, relation.target(), one.references(), one.fields());
    }

    /**
     * "rows of {@code table} that have a {@code relation} row matching {@code condition}", as an
     * {@code exists} subquery (no join, so no duplicated rows): {@code where(JIRA.exists(USERS, "tasks", gt(TASKS.importance, 3)))}.
     * A null condition: any related row.
     */
    public Condition exists(Table<?> table, String relation, Expression<Boolean> condition) {
        return Sql.exists(related(table, relation, Sql.value(1), condition));
    }

    /** The number of related rows, for a result ({@code extras(JIRA.count(USERS, "tasks", null).as("tasks"))}), where or orderBy. */
    public Expression<Long> count(Table<?> table, String relation, Expression<Boolean> condition) {
        return Sql.scalar(related(table, relation, Sql.count(), condition));
    }

    /** An aggregate of related rows, such as {@code aggregate(EPICS, "tasks", max(TASKS.importance), null)}. */
    public <T> Expression<T> aggregate(Table<?> table, String relation, Expression<T> aggregate, Expression<Boolean> condition) {
        return Sql.scalar(related(table, relation, aggregate, condition));
    }

    /** {@code select <what> from child where child.key = parent.key [and condition]}, correlated with the outer row. */
    @SuppressWarnings("unchecked")
    private <T> Select<T> related(Table<?> table, String relation, Expression<T> what, Expression<Boolean> condition) {
        Link link = link(table, relation);
        if (link.child() == link.parent()) {
            throw new IllegalArgumentException("Relation '" + relation + "' of " + table.tableName()
                    + " joins the table to itself; filter it with an aliased table (TASKS.as(...)) and Sql.exists");
        }
        Select<T> select = new Select<>(null, false, new Expression<?>[] {what});
        select.from(link.child());
        for (int i = 0; i < link.childColumns().size(); i++) {
            // The key columns' Java types match by construction; any non-Object type picks eq(expression, expression).
            Expression<String> child = (Expression<String>) link.childColumns().get(i);
            Expression<String> parent = (Expression<String>) link.parentColumns().get(i);
            select.where(Sql.eq(child, parent));
        }
        return select.where(condition);
    }

    private Optional<Relation> relation(Table<?> table, String name) {
        TableRelations relations = byTable.get(table);
        if (relations == null) {
            return Optional.empty();
        }
        return relations.relations().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    private List<String> names(Table<?> table) {
        TableRelations relations = byTable.get(table);
        return relations == null ? List.of() : relations.relations().stream().map(Relation::name).toList();
    }
}
