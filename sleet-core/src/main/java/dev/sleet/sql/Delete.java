package dev.sleet.sql;

import dev.sleet.dialect.Feature;
import dev.sleet.schema.Table;

/**
 * {@code delete from t [where ...] [returning ...]}. Without {@code where} every row is deleted, as in SQL.
 */
public final class Delete<T> extends Modification<T> {

    private Expression<Boolean> where;
    private Object using;

    Delete(Session session, Table<?> table) {
        super(session, table, Feature.DELETE_RETURNING);
    }

    /** The filter; calling it again adds a condition with {@code and}. */
    /** {@code delete from t using other where ...}: the rows of t that the where joins with other. */
    public Delete<T> using(Table<?> other) {
        this.using = other;
        return this;
    }

    public Delete<T> using(Derived other) {
        this.using = other;
        return this;
    }

    public Delete<T> using(Cte other) {
        this.using = other;
        return this;
    }

    public Delete<T> where(Expression<Boolean> condition) {
        where = where == null ? condition : condition == null ? where : Sql.and(where, condition);
        return this;
    }

    @Override
    void render(RenderContext context) {
        renderWith(context);
        context.sql("delete from ");
        context.table(table);
        if (using != null) {
            context.require(Feature.DELETE_USING);
            context.sql(" using ");
            Select.source(context, using);
        }
        renderWhere(context, where);
        renderReturning(context);
    }
}
