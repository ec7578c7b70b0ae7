package dev.sleet.sql;

import dev.sleet.dialect.Binder;
import dev.sleet.dialect.Dialect;
import dev.sleet.dialect.Feature;
import dev.sleet.schema.Column;
import dev.sleet.schema.Table;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * {@code insert into t (...) values (...), (...) [on conflict ...] [returning ...]}: one statement
 * for any number of rows. {@code db.insert(TASKS).values(r -> r.set(TASKS.name, "Fix bug")).returning(TASKS.id).fetchValue()}.
 */
public final class Insert<T> extends Modification<T> {

    private final InsertRows rows = new InsertRows();
    /** The one holder every row is filled into and copied out of, so rows cost no holder each. */
    private Assignments scratch;
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
        Assignments values = scratch();
        row.accept(values);
        rows.add(values);
        values.clear();
        return this;
    }

    /** A row per item: {@code values(users, (row, user) -> row.set(USERS.name, user.name()))}. */
    public <E> Insert<T> values(Iterable<E> items, BiConsumer<Assignments, ? super E> row) {
        if (items instanceof Collection<?> collection) {
            rows.expect(rows.rows() + collection.size());
        }
        Assignments values = scratch();
        for (E item : items) {
            row.accept(values, item);
            rows.add(values);
            values.clear();
        }
        return this;
    }

    private Assignments scratch() {
        if (scratch == null) {
            scratch = new Assignments();
        }
        return scratch;
    }

    /**
     * One row from a record, each component into the column of its name ({@link RecordValues}): a
     * {@code NewTask} of {@code Rows.java}, where an absent {@link Given} takes the column's default.
     */
    public Insert<T> values(Record row) {
        Assignments values = scratch();
        RecordValues.apply(table, row, values);
        rows.add(values);
        values.clear();
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

    @Override
    void render(RenderContext context) {
        renderWith(context);
        if (rows.isEmpty() && selected == null) {
            throw new IllegalStateException("insert into " + table + " has no values(...)");
        }
        if (selected != null) {
            if (!rows.isEmpty()) {
                throw new IllegalStateException("insert into " + table + " has both values(...) and select(...)");
            }
            context.sql("insert into ");
            context.table(table);
            context.sql(" (");
            for (int c = 0; c < selectedInto.length; c++) {
                if (c > 0) {
                    context.sql(", ");
                }
                context.bareColumn(selectedInto[c]);
            }
            context.sql(") ");
            selected.render(context);
        } else if (rows.width() == 0) {
            if (rows.rows() > 1) {
                throw new IllegalStateException("insert into " + table + ": several rows that set no column cannot be one statement");
            }
            context.sql("insert into ");
            context.table(table);
            context.sql(" default values");
        } else if (rows.plain() && rows.rows() * rows.width() <= InsertShapes.MAX_CELLS) {
            InsertShapes.Shape shape = InsertShapes.find(context.dialect(), table, rows.columns(), rows.width(), rows.rows());
            if (shape == null) {
                shape = shape(context.dialect());
                InsertShapes.keep(shape);
            }
            context.sql(shape.sql(), rows.cells(), shape.binders(), rows.rows() * rows.width());
        } else {
            renderValues(context);
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

    /** {@code insert into t (a, b) values (?, ?), ...}; rows in the order given, a column a row left out as DEFAULT. */
    private void renderValues(RenderContext context) {
        context.sql("insert into ");
        context.table(table);
        int width = rows.width();
        Binder<?>[] binders = new Binder<?>[width];
        context.sql(" (");
        for (int c = 0; c < width; c++) {
            if (c > 0) {
                context.sql(", ");
            }
            context.bareColumn(rows.column(c));
            binders[c] = context.binder(rows.column(c));
        }
        context.sql(") values ");
        context.reserve(rows.rows() * (width * 3 + 4), rows.rows() * width);
        rows.render(context, binders);
    }

    /** This insert's shape rendered once: the text and binders, without the values (which belong to this statement only). */
    private InsertShapes.Shape shape(Dialect dialect) {
        RenderContext scratch = new RenderContext(dialect);
        renderValues(scratch);
        Statement rendered = scratch.statement();
        return new InsertShapes.Shape(dialect, table, rows.columns().clone(), rows.rows(), rendered.sql(),
                Arrays.copyOf(rendered.binders(), rendered.count()));
    }
}
