package dev.sleet.sql;

import dev.sleet.dialect.Feature;

import java.util.Objects;

/** An ordering key of {@code orderBy}: an expression, its direction and where NULLs sort. */
public final class Ordering implements OrderField, QueryPart {

    enum Nulls { DEFAULT, FIRST, LAST }

    private final Expression<?> expression;
    private final boolean descending;
    private final Nulls nulls;

    Ordering(Expression<?> expression, boolean descending, Nulls nulls) {
        this.expression = Objects.requireNonNull(expression);
        this.descending = descending;
        this.nulls = nulls;
    }

    /** {@code NULLS FIRST}. */
    public Ordering nullsFirst() {
        return new Ordering(expression, descending, Nulls.FIRST);
    }

    /** {@code NULLS LAST}. */
    public Ordering nullsLast() {
        return new Ordering(expression, descending, Nulls.LAST);
    }

    Expression<?> expression() {
        return expression;
    }

    /** The same direction and NULLs order for another key. */
    Ordering on(Expression<?> other) {
        return new Ordering(other, descending, nulls);
    }

    @Override
    public void render(RenderContext context) {
        context.expression(expression);
        context.sql(descending ? " desc" : " asc");
        if (nulls != Nulls.DEFAULT) {
            context.require(Feature.NULLS_ORDER);
            context.sql(nulls == Nulls.FIRST ? " nulls first" : " nulls last");
        }
    }
}
