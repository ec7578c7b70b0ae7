package dev.sleet.sql;

import dev.sleet.dialect.Feature;
import dev.sleet.schema.DataType;
import dev.sleet.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code merge into target using source on condition when [not] matched [and ...] then ...} (PostgreSQL 15):
 * <pre>{@code
 * db.mergeInto(STOCK).using(DELIVERIES, eq(STOCK.item, DELIVERIES.item))
 *     .whenMatched(eq(DELIVERIES.discontinued, true)).thenDelete()
 *     .whenMatched().thenUpdate(s -> s.set(STOCK.count, add(STOCK.count, DELIVERIES.count)))
 *     .whenNotMatched().thenInsert(r -> r.set(STOCK.item, DELIVERIES.item).set(STOCK.count, DELIVERIES.count))
 *     .execute();
 * }</pre>
 * The clauses are tried in order; the first whose condition holds acts. {@link #execute()} counts the rows touched.
 */
public final class Merge extends Query<Object> {

    /** One {@code when ... then ...}; the action is Sleet's own keywords, never user text. */
    private record Clause(boolean matched, Expression<Boolean> condition, String action, Assignments values) {
    }

    private final Table<?> target;
    private Object source;
    private Expression<Boolean> on;
    private final List<Clause> clauses = new ArrayList<>(3);

    Merge(Session session, Table<?> target) {
        super(session);
        this.target = Objects.requireNonNull(target, "target");
    }

    public Merge using(Table<?> table, Expression<Boolean> on) {
        return source(table, on);
    }

    public Merge using(Derived subquery, Expression<Boolean> on) {
        return source(subquery, on);
    }

    public Merge using(Cte cte, Expression<Boolean> on) {
        return source(cte, on);
    }

    private Merge source(Object source, Expression<Boolean> on) {
        this.source = source;
        this.on = Objects.requireNonNull(on, "on");
        return this;
    }

    /** {@code when matched}: a target row the source joins with. */
    public Matched whenMatched() {
        return new Matched(null);
    }

    /** {@code when matched and condition}. */
    public Matched whenMatched(Expression<Boolean> condition) {
        return new Matched(condition);
    }

    /** {@code when not matched}: a source row no target row joins with. */
    public NotMatched whenNotMatched() {
        return new NotMatched(null);
    }

    public NotMatched whenNotMatched(Expression<Boolean> condition) {
        return new NotMatched(condition);
    }

    /** What to do with a matched target row. */
    public final class Matched {
        private final Expression<Boolean> condition;

        private Matched(Expression<Boolean> condition) {
            this.condition = condition;
        }

        /** {@code then update set ...}; source columns are in scope. */
        public Merge thenUpdate(Consumer<Assignments> set) {
            Assignments assignments = new Assignments();
            set.accept(assignments);
            if (assignments.isEmpty()) {
                throw new IllegalArgumentException("merge into " + target + ": thenUpdate sets no column");
            }
            return clause(true, condition, "update set ", assignments);
        }

        public Merge thenDelete() {
            return clause(true, condition, "delete", null);
        }

        public Merge thenDoNothing() {
            return clause(true, condition, "do nothing", null);
        }
    }

    /** What to do with a source row that matches nothing. */
    public final class NotMatched {
        private final Expression<Boolean> condition;

        private NotMatched(Expression<Boolean> condition) {
            this.condition = condition;
        }

        /** {@code then insert (...) values (...)}, typically from the source's columns. */
        public Merge thenInsert(Consumer<Assignments> row) {
            Assignments values = new Assignments();
            row.accept(values);
            return clause(false, condition, values.isEmpty() ? "insert default values" : "insert ", values);
        }

        public Merge thenDoNothing() {
            return clause(false, condition, "do nothing", null);
        }
    }

    private Merge clause(boolean matched, Expression<Boolean> condition, String action, Assignments values) {
        clauses.add(new Clause(matched, condition, action, values));
        return this;
    }

    @Override
    void render(RenderContext context) {
        if (source == null || clauses.isEmpty()) {
            throw new IllegalStateException("merge into " + target + " needs using(...) and at least one when...");
        }
        context.require(Feature.MERGE);
        renderWith(context);
        context.sql("merge into ");
        context.table(target);
        context.sql(" using ");
        Select.source(context, source);
        context.sql(" on ");
        context.expression(on);
        for (Clause clause : clauses) {
            context.sql(clause.matched ? " when matched" : " when not matched");
            if (clause.condition != null) {
                context.sql(" and ");
                context.expression(clause.condition);
            }
            context.sql(" then ").sql(clause.action);
            if (clause.values != null && !clause.values.isEmpty()) {
                if (clause.matched) {
                    clause.values.renderSet(context);
                } else {
                    clause.values.renderRow(context);
                }
            }
        }
    }

    /** PostgreSQL 15's MERGE returns no rows. */
    @Override
    Selection selection() {
        return null;
    }

    @Override
    DataType<Object> valueType() {
        throw new IllegalStateException("merge returns no rows");
    }
}
