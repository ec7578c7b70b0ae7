package dev.sleet.sql;

import dev.sleet.dialect.Binder;
import dev.sleet.dialect.Feature;
import dev.sleet.schema.DataType;
import dev.sleet.schema.Table;

import java.util.List;

/** What insert, update and delete share: the target table and {@code returning}. */
abstract class Modification<T> extends Query<T> {

    final Table<?> table;
    private final Feature returningFeature;
    private Expression<?>[] returning;
    private Selection selection;

    Modification(Session session, Table<?> table, Feature returningFeature) {
        super(session);
        this.table = table;
        this.returningFeature = returningFeature;
    }

    /** {@code returning} every column of the table. */
    public Query<Object> returning() {
        this.returning = table.columns().toArray(new Expression<?>[0]);
        return cast();
    }

    /** {@code returning expr}, so that {@link Query#fetchValues()} gives {@code List<U>}. */
    public <U> Query<U> returning(Expression<U> expression) {
        this.returning = new Expression<?>[] {expression};
        return cast();
    }

    public Query<Object> returning(Expression<?>... expressions) {
        this.returning = expressions.clone();
        return cast();
    }

    @SuppressWarnings("unchecked")
    private <U> Query<U> cast() {
        return (Query<U>) this;
    }

    @Override
    Expression<?>[] fields() {
        if (returning == null) {
            return super.fields();
        }
        return returning;
    }

    void renderReturning(RenderContext context) {
        if (returning == null) {
            selection = null;
            return;
        }
        context.require(returningFeature);
        context.sql(" returning ");
        Binder<?>[] binders = context.selectList(returning);
        selection = new Selection(returning, binders, List.of(table));
    }

    static void renderWhere(RenderContext context, Expression<Boolean> where) {
        if (where != null) {
            context.sql(" where ");
            context.expression(where);
        }
    }

    @Override
    Selection selection() {
        return selection;
    }

    @Override
    @SuppressWarnings("unchecked")
    DataType<T> valueType() {
        return (DataType<T>) returning[0].type();
    }
}
