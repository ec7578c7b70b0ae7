package dev.sleet.sql;

import dev.sleet.dialect.Feature;
import dev.sleet.schema.Column;
import dev.sleet.schema.Table;

/**
 * {@code update t set ... [from ...] [where ...] [returning ...]}:
 * {@code db.update(TASKS).set(TASKS.name, "Done").where(eq(TASKS.id, 7)).execute()}.
 * Without {@code where} every row is updated, as in SQL.
 */
public final class Update<T> extends Modification<T> {

    private final Assignments set = new Assignments();
    private Object from;
    private Expression<Boolean> where;

    Update(Session session, Table<?> table) {
        super(session, table, Feature.UPDATE_RETURNING);
    }

    /** The column's new value (null is NULL). */
    public <V> Update<T> set(Column<V> column, V value) {
        set.set(column, value);
        return this;
    }

    public <V> Update<T> set(Column<V> column, Expression<V> value) {
        set.set(column, value);
        return this;
    }

    public Update<T> setNull(Column<?> column) {
        set.setNull(column);
        return this;
    }

    public Update<T> setDefault(Column<?> column) {
        set.setDefault(column);
        return this;
    }

    /**
     * The columns a record gives, each component into the column of its name ({@link RecordValues}):
     * a {@code TaskPatch} of {@code Rows.java} sets what it gives and leaves absent columns alone.
     */
    public Update<T> set(Record values) {
        RecordValues.apply(table, values, set);
        return this;
    }

    /** {@code update ... from other}: other tables the {@code where} joins with. */
    public Update<T> from(Table<?> other) {
        this.from = other;
        return this;
    }

    public Update<T> from(Cte other) {
        this.from = other;
        return this;
    }

    public Update<T> from(Derived other) {
        this.from = other;
        return this;
    }

    /** The filter; calling it again adds a condition with {@code and}. */
    public Update<T> where(Expression<Boolean> condition) {
        where = where == null ? condition : condition == null ? where : Sql.and(where, condition);
        return this;
    }

    @Override
    void render(RenderContext context) {
        renderWith(context);
        if (set.isEmpty()) {
            throw new IllegalStateException("update " + table + " sets no column");
        }
        context.sql("update ");
        context.table(table);
        context.sql(" set ");
        set.renderSet(context);
        if (from != null) {
            context.require(Feature.UPDATE_FROM);
            context.sql(" from ");
            Select.source(context, from);
        }
        renderWhere(context, where);
        renderReturning(context);
    }
}
