package dev.sleet.sql;

import dev.sleet.dialect.Feature;
import dev.sleet.schema.Table;

/**
 * {@code delete from t [where ...] [returning ...]}. Without {@code where} every row is deleted, as in SQL.
 */
public final class Delete<T> extends Modification<T> {

    private Expression<Boolean> where;

    Delete(Session session, Table<?> table) {
        super(session, table, Feature.DELETE_RETURNING);
    }

    /** The filter; calling it again adds a condition with {@code and}. */
    public Delete<T> where(Expression<Boolean> condition) {
        where = where == null ? condition : condition == null ? where : Sql.and(where, condition);
        return this;
    }

    @Override
    void render(RenderContext context) {
        renderWith(context);
        context.sql("delete from ");
        context.table(table);
        renderWhere(context, where);
        renderReturning(context);
    }
}
