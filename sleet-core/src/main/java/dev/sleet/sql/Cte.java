package dev.sleet.sql;

import java.util.Objects;
import java.util.function.Function;

/**
 * A common table expression: a named query that a statement starting with {@code db.with(cte)} reads
 * like a table. {@code Cte active = Cte.of("active", db.select(USERS.id).from(USERS).where(...))};
 * its columns are {@code active.field(USERS.id)}. The query may be a select, a set operation, or an
 * insert/update/delete with {@code returning} (a data-modifying CTE).
 */
public final class Cte implements Source {

    private final String name;
    private final boolean recursive;
    private Query<?> query;

    private Cte(String name, boolean recursive, Query<?> query) {
        this.name = Objects.requireNonNull(name, "name");
        this.recursive = recursive;
        this.query = query;
    }

    /** {@code name as (query)}. */
    public static Cte of(String name, Query<?> query) {
        return new Cte(name, false, Objects.requireNonNull(query, "query"));
    }

    /**
     * {@code with recursive name as ((anchor) union all (step))}: the step reads the rows found so far
     * through the CTE it is given, until it finds no new ones. The columns are the anchor's.
     */
    public static Cte recursive(String name, Select<?> anchor, Function<Cte, Selectable<?>> step) {
        Cte cte = new Cte(name, true, anchor);
        cte.query = anchor.unionAll(step.apply(cte));
        return cte;
    }

    @Override
    public String alias() {
        return name;
    }

    /** The CTE's result column for an expression its query selects (by its alias or column name). */
    public <T> Expression<T> field(Expression<T> selected) {
        return Source.field(name, selected);
    }

    @Override
    public Expression<?>[] fields() {
        return Source.fields(name, query.fields());
    }

    /** As a from item: its name. */
    @Override
    public void render(RenderContext context) {
        context.quote(name);
    }

    static void renderWith(RenderContext context, Cte[] ctes) {
        if (ctes.length == 0) {
            return;
        }
        boolean recursive = false;
        for (Cte cte : ctes) {
            recursive |= cte.recursive;
        }
        context.sql(recursive ? "with recursive " : "with ");
        for (int i = 0; i < ctes.length; i++) {
            if (i > 0) {
                context.sql(", ");
            }
            context.quote(ctes[i].name).sql(" as (");
            ctes[i].query.render(context);
            context.sql(')');
        }
        context.sql(' ');
    }
}
