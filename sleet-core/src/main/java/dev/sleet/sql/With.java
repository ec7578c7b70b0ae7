package dev.sleet.sql;

import dev.sleet.schema.Table;

/**
 * {@code with a as (...), b as (...)} before a statement: {@code db.with(active).select(...).from(active)}.
 * The statements it starts are those of {@link Session}, each prefixed with the CTEs.
 */
public final class With {

    private final Session session;
    private final Cte[] ctes;

    With(Session session, Cte[] ctes) {
        if (ctes.length == 0) {
            throw new IllegalArgumentException("with() needs at least one CTE");
        }
        this.session = session;
        this.ctes = ctes.clone();
    }

    public <T> Select<T> select(Expression<T> expression) {
        return attach(session.select(expression));
    }

    public Select<Object> select(Expression<?>... expressions) {
        return attach(session.select(expressions));
    }

    public Select<Object> selectDistinct(Expression<?>... expressions) {
        return attach(session.selectDistinct(expressions));
    }

    public Insert<Object> insert(Table<?> table) {
        return attach(session.insert(table));
    }

    public Update<Object> update(Table<?> table) {
        return attach(session.update(table));
    }

    public Delete<Object> delete(Table<?> table) {
        return attach(session.delete(table));
    }

    public Merge mergeInto(Table<?> target) {
        return attach(session.mergeInto(target));
    }

    private <Q extends Query<?>> Q attach(Q statement) {
        statement.with(ctes);
        return statement;
    }
}
