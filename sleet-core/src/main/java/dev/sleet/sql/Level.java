package dev.sleet.sql;

import dev.sleet.schema.Column;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The options of one level of a relational query, as drizzle's {@code findMany({...})} object
 * holds them: which columns ({@link #columns} or {@link #exclude}), {@link #where}, {@link #orderBy},
 * {@link #limit}/{@link #offset} (per parent row on a nested level), computed {@link #extras}, and
 * the relations to load {@link #with} their own options.
 */
public abstract sealed class Level<SELF extends Level<SELF>> permits FindMany, NestedLevel {

    List<Column<?>> columns;
    final List<Column<?>> excluded = new ArrayList<>();
    Expression<Boolean> where;
    OrderField[] orderBy;
    Integer limit;
    Integer offset;
    final List<Expression<?>> extras = new ArrayList<>();
    final Map<String, NestedLevel> with = new LinkedHashMap<>();

    Level() {
    }

    @SuppressWarnings("unchecked")
    private SELF self() {
        return (SELF) this;
    }

    /** Only these columns (and no others) of the level's table. */
    public SELF columns(Column<?>... included) {
        this.columns = List.of(included);
        return self();
    }

    /** Every column of the level's table but these. */
    public SELF exclude(Column<?>... columns) {
        excluded.addAll(List.of(columns));
        return self();
    }

    /** A filter on the level's rows; calling it again adds a condition with {@code and}. */
    public SELF where(Expression<Boolean> condition) {
        where = where == null ? condition : Sql.and(where, condition);
        return self();
    }

    /** The order of the rows (inside each parent's list on a nested level); by default the primary key. */
    public SELF orderBy(OrderField... fields) {
        this.orderBy = fields;
        return self();
    }

    /** At most this many rows (per parent row on a nested level). */
    public SELF limit(int count) {
        this.limit = count;
        return self();
    }

    public SELF offset(int count) {
        this.offset = count;
        return self();
    }

    /** Computed values per row, each with an alias that names it in the result: {@code lower(USERS.name).as("lowerName")}. */
    public SELF extras(Expression<?>... expressions) {
        for (Expression<?> expression : expressions) {
            if (!(expression instanceof Nodes.Aliased<?>)) {
                throw new IllegalArgumentException("An extra needs a name: " + expression + ".as(\"...\")");
            }
            extras.add(expression);
        }
        return self();
    }

    /** Loads a relation of the level's table with all its columns. */
    public SELF with(String relation) {
        return with(relation, options -> {
        });
    }

    /** Loads a relation with options of its own: {@code with("tasks", t -> t.orderBy(desc(TASKS.id)).limit(3).with("tags"))}. */
    public SELF with(String relation, Consumer<NestedLevel> options) {
        NestedLevel level = new NestedLevel();
        options.accept(level);
        with.put(relation, level);
        return self();
    }
}
