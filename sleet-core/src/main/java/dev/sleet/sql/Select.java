package dev.sleet.sql;

import dev.sleet.dialect.Binder;
import dev.sleet.dialect.Feature;
import dev.sleet.schema.DataType;
import dev.sleet.schema.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code select ... from ... join ... where ... group by ... having ... order by ... limit ... offset},
 * built in SQL's order: {@code db.select(TASKS.name, USERS.name).from(TASKS).leftJoin(USERS, eq(TASKS.userId, USERS.id))}.
 * Single use; not shared between threads.
 */
public final class Select<T> extends Query<T> implements Selectable<T> {

    private record Join(String keyword, Object source, Expression<Boolean> on) {
    }

    private final boolean distinct;
    private final Expression<?>[] selected;
    private Object from;
    /** Empty (and shared) until the first join: most selects have none. */
    private List<Join> joins = List.of();
    private Expression<Boolean> where;
    private Expression<?>[] groupBy;
    private Expression<Boolean> having;
    private OrderField[] orderBy;
    private Integer limit;
    private Integer offset;
    private Selection selection;
    private Expression<?>[] distinctOn;
    /** {@code for update [of ...] [nowait | skip locked]}, written by Sleet from fixed keywords; null for none. */
    private String lock;
    private Table<?>[] lockOf;
    private String lockWait;

    Select(Session session, boolean distinct, Expression<?>[] selected) {
        super(session);
        this.distinct = distinct;
        this.selected = selected;
    }

    public Select<T> from(Table<?> table) {
        this.from = table;
        return this;
    }

    public Select<T> from(Derived subquery) {
        this.from = subquery;
        return this;
    }

    public Select<T> innerJoin(Table<?> table, Expression<Boolean> on) {
        return join(" inner join ", table, on);
    }

    public Select<T> innerJoin(Derived subquery, Expression<Boolean> on) {
        return join(" inner join ", subquery, on);
    }

    public Select<T> leftJoin(Table<?> table, Expression<Boolean> on) {
        return join(" left join ", table, on);
    }

    public Select<T> leftJoin(Derived subquery, Expression<Boolean> on) {
        return join(" left join ", subquery, on);
    }

    public Select<T> rightJoin(Table<?> table, Expression<Boolean> on) {
        return join(" right join ", table, on);
    }

    public Select<T> rightJoin(Derived subquery, Expression<Boolean> on) {
        return join(" right join ", subquery, on);
    }

    public Select<T> fullJoin(Table<?> table, Expression<Boolean> on) {
        return join(" full join ", table, on);
    }

    public Select<T> fullJoin(Derived subquery, Expression<Boolean> on) {
        return join(" full join ", subquery, on);
    }

    public Select<T> crossJoin(Table<?> table) {
        return join(" cross join ", table, null);
    }

    public Select<T> crossJoin(Derived subquery) {
        return join(" cross join ", subquery, null);
    }

    /** {@code inner join lateral (subquery) alias on ...}: the subquery may read the columns of the items before it. */
    public Select<T> innerJoinLateral(Derived subquery, Expression<Boolean> on) {
        return join(" inner join lateral ", subquery, on);
    }

    /** {@code left join lateral (subquery) alias on ...}: the top-n per row pattern, keeping rows it finds nothing for. */
    public Select<T> leftJoinLateral(Derived subquery, Expression<Boolean> on) {
        return join(" left join lateral ", subquery, on);
    }

    public Select<T> crossJoinLateral(Derived subquery) {
        return join(" cross join lateral ", subquery, null);
    }

    private Select<T> join(String keyword, Object source, Expression<Boolean> on) {
        if (joins.isEmpty()) {
            joins = new ArrayList<>(2);
        }
        joins.add(new Join(keyword, source, on));
        return this;
    }

    /** The filter; calling it again adds a condition with {@code and}. A null condition is no filter. */
    public Select<T> where(Expression<Boolean> condition) {
        where = where == null ? condition : condition == null ? where : Sql.and(where, condition);
        return this;
    }

    public Select<T> groupBy(Expression<?>... expressions) {
        this.groupBy = expressions;
        return this;
    }

    public Select<T> having(Expression<Boolean> condition) {
        having = having == null ? condition : Sql.and(having, condition);
        return this;
    }

    /** Expressions (ascending) or {@link Sql#asc}/{@link Sql#desc} of them. */
    public Select<T> orderBy(OrderField... fields) {
        this.orderBy = fields;
        return this;
    }

    public Select<T> limit(int count) {
        this.limit = count;
        return this;
    }

    public Select<T> offset(int count) {
        this.offset = count;
        return this;
    }

    public Select<T> from(Cte cte) {
        this.from = cte;
        return this;
    }

    public Select<T> innerJoin(Cte cte, Expression<Boolean> on) {
        return join(" inner join ", cte, on);
    }

    public Select<T> leftJoin(Cte cte, Expression<Boolean> on) {
        return join(" left join ", cte, on);
    }

    /**
     * {@code select distinct on (expressions) ...}: the first row of each group of equal values, first by
     * this query's {@code orderBy} (which must start with the same expressions). PostgreSQL.
     */
    public Select<T> distinctOn(Expression<?>... expressions) {
        this.distinctOn = expressions.clone();
        return this;
    }

    /** {@code for update}: locks the rows read until the transaction ends. */
    public Select<T> forUpdate() {
        return lock("for update");
    }

    /** {@code for no key update}: like for update, but lets other transactions insert rows referencing these. */
    public Select<T> forNoKeyUpdate() {
        return lock("for no key update");
    }

    /** {@code for share}: others may read-lock the rows too, but not change them. */
    public Select<T> forShare() {
        return lock("for share");
    }

    public Select<T> forKeyShare() {
        return lock("for key share");
    }

    /** {@code ... of t1, t2}: lock only the rows of these tables of the join. */
    public Select<T> of(Table<?>... tables) {
        requireLock("of");
        this.lockOf = tables.clone();
        return this;
    }

    /** {@code ... nowait}: fail at once instead of waiting for a row another transaction locked. */
    public Select<T> nowait() {
        requireLock("nowait");
        return lockWait(" nowait");
    }

    /** {@code ... skip locked}: leave out rows another transaction locked (a job queue's workers each take other rows). */
    public Select<T> skipLocked() {
        requireLock("skipLocked");
        return lockWait(" skip locked");
    }

    private Select<T> lock(String strength) {
        this.lock = strength;
        return this;
    }

    private Select<T> lockWait(String wait) {
        this.lockWait = wait;
        return this;
    }

    private void requireLock(String method) {
        if (lock == null) {
            throw new IllegalStateException(method + "() follows forUpdate(), forNoKeyUpdate(), forShare() or forKeyShare()");
        }
    }

    /** This query as a subquery in {@code from} or a join. */
    public Derived as(String alias) {
        return new Derived(this, alias);
    }

    /** The selected expressions: as given, or every column of every table read. */
    @Override
    Expression<?>[] fields() {
        if (selected.length > 0) {
            return selected;
        }
        List<Expression<?>> all = new ArrayList<>();
        for (Object source : sources()) {
            if (source instanceof Table<?> table) {
                all.addAll(table.columns());
            } else {
                all.addAll(List.of(((Source) source).fields()));
            }
        }
        return all.toArray(new Expression<?>[0]);
    }

    private List<Object> sources() {
        if (joins.isEmpty()) {
            return from == null ? List.of() : List.of(from);
        }
        List<Object> sources = new ArrayList<>(joins.size() + 1);
        if (from != null) {
            sources.add(from);
        }
        for (Join join : joins) {
            sources.add(join.source);
        }
        return sources;
    }

    @Override
    void render(RenderContext context) {
        renderWith(context);
        if (distinctOn != null) {
            context.require(Feature.DISTINCT_ON);
            context.sql("select distinct on (");
            context.list(List.of(distinctOn));
            context.sql(") ");
        } else {
            context.sql(distinct ? "select distinct " : "select ");
        }
        Expression<?>[] fields = fields();
        if (fields.length == 0) {
            throw new IllegalStateException("select() with no expressions needs a from(...) to select its columns");
        }
        RenderContext.Scope outer = context.scoped() ? context.shadow(sources()) : null;
        Binder<?>[] binders = context.selectList(fields);
        if (from != null) {
            context.sql(" from ");
            source(context, from);
        }
        for (int j = 0; j < joins.size(); j++) {
            Join join = joins.get(j);
            if (join.keyword.equals(" full join ")) {
                context.require(Feature.FULL_JOIN);
            } else if (join.keyword.endsWith(" lateral ")) {
                context.require(Feature.LATERAL);
            }
            context.sql(join.keyword);
            source(context, join.source);
            if (join.on != null) {
                context.sql(" on ");
                context.expression(join.on);
            }
        }
        if (where != null) {
            context.sql(" where ");
            context.expression(where);
        }
        if (groupBy != null) {
            context.sql(" group by ");
            context.list(List.of(groupBy));
        }
        if (having != null) {
            context.sql(" having ");
            context.expression(having);
        }
        if (orderBy != null) {
            context.sql(" order by ");
            context.list(List.of(orderBy));
        }
        context.limitOffset(limit, offset);
        if (lock != null) {
            context.require(Feature.ROW_LOCKING);
            context.sql(' ').sql(lock);
            if (lockOf != null) {
                context.sql(" of ");
                for (int i = 0; i < lockOf.length; i++) {
                    context.sql(i > 0 ? ", " : "").quote(lockOf[i].reference());
                }
            }
            if (lockWait != null) {
                context.sql(lockWait);
            }
        }
        context.restore(outer);
        selection = new Selection(fields, binders, sources());
    }

    static void source(RenderContext context, Object source) {
        if (source instanceof Table<?> table) {
            context.table(table);
        } else {
            ((Source) source).render(context);
        }
    }

    @Override
    Selection selection() {
        return selection;
    }

    @Override
    @SuppressWarnings("unchecked")
    DataType<T> valueType() {
        return (DataType<T>) selected[0].type();
    }
}
