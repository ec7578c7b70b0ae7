package dev.sleet.sql;

import java.util.Objects;

/**
 * A subquery in {@code from} or a join, under an alias: {@code Derived t = db.select(...).from(...).as("t")};
 * its columns are {@code t.field(TASKS.name)}.
 */
public final class Derived implements Source {

    private final Select<?> query;
    private final String alias;

    Derived(Select<?> query, String alias) {
        this.query = query;
        this.alias = Objects.requireNonNull(alias, "alias");
    }

    @Override
    public String alias() {
        return alias;
    }

    /** The subquery's result column for an expression it selects (by its alias or column name). */
    public <T> Expression<T> field(Expression<T> selected) {
        return Source.field(alias, selected);
    }

    @Override
    public Expression<?>[] fields() {
        return Source.fields(alias, query.fields());
    }

    @Override
    public void render(RenderContext context) {
        context.sql('(');
        query.render(context);
        context.sql(") ").quote(alias);
    }
}
