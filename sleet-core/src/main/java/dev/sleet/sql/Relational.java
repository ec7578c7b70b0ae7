package dev.sleet.sql;

import dev.sleet.schema.Column;
import dev.sleet.schema.ForeignKey;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * The relations of a schema, as {@code Relations.java} declares them, ready for relational
 * queries: {@code Relational JIRA = Relational.of(Relations.class);} once, then
 * {@code db.query(JIRA, TASKS).findMany(Task.class).with("user").fetch()}. Each relation name is
 * resolved to the columns that join the two tables ({@link Link}); a {@code many} takes its columns
 * from the {@code one} on the other side that points back (with the same {@code via} name, if any).
 * Immutable and thread-safe.
 */
public final class Relational {

    /**
     * How rows of {@code child} attach to a row of {@code parent}: {@code childColumns = parent.parentColumns},
     * where the child columns are the child's own, or a junction's when the relation goes {@link Through} one.
     */
    record Link(String name, Relation.Kind kind, Table<?> parent, Table<?> child, List<Column<?>> parentColumns,
                List<Column<?>> childColumns, Through through, Expression<Boolean> filter) {
    }

    /** A junction joined to the child: {@code junction.junctionColumns = child.childColumns}. */
    record Through(Table<?> junction, List<Column<?>> junctionColumns, List<Column<?>> childColumns) {
    }

    /** The columns of {@code from} that point at {@code to}, and the columns of {@code to} they point at. */
    private record Pointer(List<Column<?>> from, List<Column<?>> to) {
    }

    private final Map<Table<?>, TableRelations> byTable = new IdentityHashMap<>();
    /** Links already resolved, by table (tables are compared by identity) and relation name. */
    private final Map<Table<?>, Map<String, Link>> resolved = new ConcurrentHashMap<>();
    /** findMany plans made over these relations, by shape (see RelationalFetch). */
    final Map<RelationalFetch.PlanKey, RelationalFetch.Plan> plans = new ConcurrentHashMap<>();

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
        // Resolved once per relation: a findMany runs this for every level of every call.
        Map<String, Link> links = resolved.get(table);
        Link link = links == null ? null : links.get(name);
        if (link == null) {
            // Resolved before anything is kept: a table or name that fails leaves nothing behind.
            link = resolve(table, name);
            resolved.computeIfAbsent(table, t -> new ConcurrentHashMap<>()).put(name, link);
        }
        return link;
    }

    private Link resolve(Table<?> table, String name) {
        Relation relation = relation(table, name)
                .orElseThrow(() -> new IllegalArgumentException("Table " + table.tableName() + " has no relation '" + name
                        + "'; it has " + names(table)));
        if (relation.kind() == Relation.Kind.ONE) {
            return new Link(name, relation.kind(), table, relation.target(), relation.fields(), relation.references(), null, null);
        }
        String where = "Relation '" + name + "' of " + table.tableName();
        if (relation.junction().isPresent()) {
            Table<?> junction = relation.junction().get();
            if (junction == table || relation.target() == table) {
                throw new IllegalArgumentException(where + ": a junction between a table and itself is not supported yet");
            }
            Pointer toParent = pointer(junction, table, relation.relationName(), where);
            Pointer toChild = pointer(junction, relation.target(), Optional.empty(), where);
            return new Link(name, relation.kind(), table, relation.target(), toParent.to(), toParent.from(),
                    new Through(junction, toChild.from(), toChild.to()), relation.filter().orElse(null));
        }
        Pointer back = pointer(relation.target(), table, relation.relationName(), where);
        return new Link(name, relation.kind(), table, relation.target(), back.to(), back.from(), null,
                relation.filter().orElse(null));
    }

    /**
     * The {@code one} of {@code from} that points at {@code to} (with the {@code via} name when given),
     * else its foreign key to {@code to}; exactly one must fit.
     */
    private Pointer pointer(Table<?> from, Table<?> to, Optional<String> via, String where) {
        List<Pointer> found = new ArrayList<>();
        TableRelations relations = byTable.get(from);
        for (Relation candidate : relations == null ? List.<Relation>of() : relations.relations()) {
            if (candidate.kind() == Relation.Kind.ONE && candidate.target() == to
                    && (via.isEmpty() || via.equals(candidate.relationName()))) {
                found.add(new Pointer(candidate.fields(), candidate.references()));
            }
        }
        if (found.isEmpty()) {
            for (ForeignKey key : from.foreignKeys()) {
                List<Column<?>> referenced = key.referencedColumns();
                if (referenced.get(0).table() == to && (via.isEmpty() || via.equals(key.name()))) {
                    List<Column<?>> columns = new ArrayList<>();
                    for (String column : key.columns()) {
                        from.columns().stream().filter(c -> c.name().equals(column)).findFirst().ifPresent(columns::add);
                    }
                    found.add(new Pointer(columns, referenced));
                }
            }
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException(where + ": " + (found.isEmpty()
                    ? "table " + from.tableName() + " has no one relation or foreign key to " + to.tableName()
                    : found.size() + " one relations of " + from.tableName() + " point at " + to.tableName()
                    + "; name the foreign key with via(...) on both sides")
                    + via.map(name -> " (via " + name + ")").orElse(""));
        }
        return found.get(0);
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
    private <T> Select<T> related(Table<?> table, String relation, Expression<T> what, Expression<Boolean> condition) {
        Link link = link(table, relation);
        if (link.child() == link.parent()) {
            throw new IllegalArgumentException("Relation '" + relation + "' of " + table.tableName()
                    + " joins the table to itself; filter it with an aliased table (TASKS.as(...)) and Sql.exists");
        }
        Select<T> select = new Select<>(null, false, new Expression<?>[] {what});
        select.from(link.child());
        if (link.through() != null) {
            select.innerJoin(link.through().junction(), equal(link.through().junctionColumns(), link.through().childColumns()));
        }
        return select.where(equal(link.childColumns(), link.parentColumns())).where(link.filter()).where(condition);
    }

    /** {@code a1 = b1 and a2 = b2 ...}. */
    @SuppressWarnings("unchecked")
    private static Expression<Boolean> equal(List<Column<?>> left, List<Column<?>> right) {
        Expression<Boolean> all = null;
        for (int i = 0; i < left.size(); i++) {
            // Key columns' Java types match by construction; any non-Object type picks eq(expression, expression).
            Condition equal = Sql.eq((Expression<String>) left.get(i), (Expression<String>) right.get(i));
            all = all == null ? equal : Sql.and(all, equal);
        }
        return all;
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
