package dev.sleet.sql;

import dev.sleet.dialect.Binder;
import dev.sleet.dialect.Feature;
import dev.sleet.schema.Column;
import dev.sleet.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * {@code insert into t (...) values (...), (...) [on conflict ...] [returning ...]}: one statement
 * for any number of rows. {@code db.insert(TASKS).values(r -> r.set(TASKS.name, "Fix bug")).returning(TASKS.id).fetchValue()}.
 */
public final class Insert<T> extends Modification<T> {

    private final List<Assignments> rows = new ArrayList<>();
    private ConflictTarget conflictTarget;
    private boolean onConflict;
    private Assignments conflictSet;
    private Expression<Boolean> conflictWhere;
    private Query<?> selected;
    private Column<?>[] selectedInto;

    Insert(Session session, Table<?> table) {
        super(session, table, Feature.INSERT_RETURNING);
    }

    /** One row; a column it does not set takes its default. */
    public Insert<T> values(Consumer<Assignments> row) {
        Assignments values = new Assignments();
        row.accept(values);
        rows.add(values);
        return this;
    }

    /** A row per item: {@code values(users, (row, user) -> row.set(USERS.name, user.name()))}. */
    public <E> Insert<T> values(Iterable<E> items, BiConsumer<Assignments, ? super E> row) {
        for (E item : items) {
            Assignments values = new Assignments();
            row.accept(values, item);
            rows.add(values);
        }
        return this;
    }

    /**
     * One row from a record, each component into the column of its name ({@link RecordValues}): a
     * {@code NewTask} of {@code Rows.java}, where an absent {@link Given} takes the column's default.
     */
    public Insert<T> values(Record row) {
        Assignments values = new Assignments();
        RecordValues.apply(table, row, values);
        rows.add(values);
        return this;
    }

    /** A row per record, in one statement; a column some rows leave absent is {@code DEFAULT} in those. */
    public Insert<T> values(List<? extends Record> rows) {
        for (Record row : rows) {
            values(row);
        }
        return this;
    }

    /**
     * {@code insert into t (columns) select ...}: the rows a query returns, its result columns in the
     * order of {@code columns}. The query may read a CTE of this statement ({@code with moved as (delete ... returning ...)}).
     */
    public Insert<T> select(Query<?> rows, Column<?>... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("insert into " + table + " ... select needs the columns it fills");
        }
        this.selected = rows;
        this.selectedInto = columns.clone();
        return this;
    }

    /** {@code on conflict do nothing}, for any unique violation. */
    public Insert<T> onConflictDoNothing() {
        return onConflictDoNothing(null);
    }

    /** {@code on conflict (...) do nothing}. */
    public Insert<T> onConflictDoNothing(ConflictTarget target) {
        this.onConflict = true;
        this.conflictTarget = target;
        this.conflictSet = null;
        return this;
    }

    /** {@code on conflict (...) do update set ...}; use {@link Sql#excluded} for the proposed values. */
    public Insert<T> onConflictDoUpdate(ConflictTarget target, Consumer<Assignments> set) {
        return onConflictDoUpdate(target, set, null);
    }

    /** {@code on conflict (...) do update set ... where ...}: rows the condition rejects stay as they are. */
    public Insert<T> onConflictDoUpdate(ConflictTarget target, Consumer<Assignments> set, Expression<Boolean> where) {
        if (target == null) {
            throw new IllegalArgumentException("onConflictDoUpdate needs a conflict target: target(columns) or onConstraint(name)");
        }
        Assignments assignments = new Assignments();
        set.accept(assignments);
        if (assignments.isEmpty()) {
            throw new IllegalArgumentException("onConflictDoUpdate sets no column");
        }
        this.onConflict = true;
        this.conflictTarget = target;
        this.conflictSet = assignments;
        this.conflictWhere = where;
        return this;
    }

    /** The columns any row sets, in the order they first appear. */
    private List<Column<?>> columns() {
        List<Column<?>> columns = new ArrayList<>();
        for (Assignments row : rows) {
            for (int i = 0; i < row.size(); i++) {
                Column<?> column = row.column(i);
                if (columns.size() <= i || columns.get(i) != column) {
                    if (!columns.contains(column)) {
                        columns.add(column);
                    }
                }
            }
        }
        return columns;
    }

    @Override
    void render(RenderContext context) {
        renderWith(context);
        if (rows.isEmpty() && selected == null) {
            throw new IllegalStateException("insert into " + table + " has no values(...)");
        }
        context.sql("insert into ");
        context.table(table);
        List<Column<?>> columns = columns();
        if (selected != null) {
            if (!rows.isEmpty()) {
                throw new IllegalStateException("insert into " + table + " has both values(...) and select(...)");
            }
            context.sql(" (");
            for (int c = 0; c < selectedInto.length; c++) {
                if (c > 0) {
                    context.sql(", ");
                }
                context.bareColumn(selectedInto[c]);
            }
            context.sql(") ");
            selected.render(context);
        } else if (columns.isEmpty()) {
            if (rows.size() > 1) {
                throw new IllegalStateException("insert into " + table + ": several rows that set no column cannot be one statement");
            }
            context.sql(" default values");
        } else {
            Binder<?>[] binders = new Binder<?>[columns.size()];
            context.sql(" (");
            for (int c = 0; c < binders.length; c++) {
                if (c > 0) {
                    context.sql(", ");
                }
                context.bareColumn(columns.get(c));
                binders[c] = context.binder(columns.get(c));
            }
            context.sql(") values ");
            context.reserve(rows.size() * (binders.length * 3 + 4), rows.size() * binders.length);
            for (int r = 0; r < rows.size(); r++) {
                Assignments row = rows.get(r);
                context.sql(r == 0 ? "(" : ", (");
                for (int c = 0; c < binders.length; c++) {
                    if (c > 0) {
                        context.sql(", ");
                    }
                    // Rows that set the same columns in the same order (the usual case) need no search.
                    int slot = c < row.size() && row.column(c) == columns.get(c) ? c : row.indexOf(columns.get(c));
                    if (slot < 0) {
                        Assignments.renderDefault(context);
                    } else {
                        row.renderValue(context, slot, binders[c]);
                    }
                }
                context.sql(')');
            }
        }
        if (onConflict) {
            context.require(Feature.ON_CONFLICT);
            context.sql(" on conflict");
            if (conflictTarget != null) {
                conflictTarget.render(context);
            }
            if (conflictSet == null) {
                context.sql(" do nothing");
            } else {
                context.sql(" do update set ");
                conflictSet.renderSet(context);
                renderWhere(context, conflictWhere);
            }
        }
        renderReturning(context);
    }
}
