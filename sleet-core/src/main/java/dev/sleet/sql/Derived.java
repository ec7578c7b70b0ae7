package dev.sleet.sql;

import java.util.Objects;

/**
 * A subquery in {@code from} or a join, under an alias: {@code Derived t = db.select(...).from(...).as("t")};
 * its columns are {@code t.field(TASKS.name)}.
 */
public final class Derived implements QueryPart {

    private final Select<?> query;
    private final String alias;

    Derived(Select<?> query, String alias) {
        this.query = query;
        this.alias = Objects.requireNonNull(alias, "alias");
    }

    public String alias() {
        return alias;
    }

    /** The subquery's result column for an expression it selects (by its alias or column name). */
    public <T> Expression<T> field(Expression<T> selected) {
        String name = Selection.name(selected);
        if (name == null) {
            throw new IllegalArgumentException(selected + " has no name in subquery " + alias + ": select it with .as(name)");
        }
        return new Nodes.DerivedField<>(alias, name, selected);
    }

    Expression<?>[] fields() {
        Expression<?>[] inner = query.fields();
        Expression<?>[] fields = new Expression<?>[inner.length];
        for (int i = 0; i < inner.length; i++) {
            fields[i] = field(inner[i]);
        }
        return fields;
    }

    @Override
    public void render(RenderContext context) {
        context.sql('(');
        query.render(context);
        context.sql(") ").quote(alias);
    }
}
