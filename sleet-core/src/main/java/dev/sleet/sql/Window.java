package dev.sleet.sql;

import dev.sleet.schema.DataType;

import java.util.List;

/**
 * A window for {@link Sql#over}: {@code partition by ... order by ... rows between ... and ...}.
 * {@code over(sum(T.amount), window().partitionBy(T.account).orderBy(T.day))} is a running sum per account.
 * Immutable: each method returns a new window.
 */
public final class Window implements QueryPart {

    /** A frame's start or end: {@code unbounded preceding}, {@code 2 preceding}, {@code current row} ... */
    public record Bound(String sql) {

        public static Bound unboundedPreceding() {
            return new Bound("unbounded preceding");
        }

        public static Bound preceding(int rows) {
            return new Bound(nonNegative(rows) + " preceding");
        }

        public static Bound currentRow() {
            return new Bound("current row");
        }

        public static Bound following(int rows) {
            return new Bound(nonNegative(rows) + " following");
        }

        public static Bound unboundedFollowing() {
            return new Bound("unbounded following");
        }

        private static int nonNegative(int rows) {
            if (rows < 0) {
                throw new IllegalArgumentException("A frame offset is not negative: " + rows);
            }
            return rows;
        }
    }

    static final Window EMPTY = new Window(null, null, null);

    private final Expression<?>[] partitionBy;
    private final OrderField[] orderBy;
    /** {@code rows between a and b} / {@code range between ...}, written from {@link Bound}s only. */
    private final String frame;

    private Window(Expression<?>[] partitionBy, OrderField[] orderBy, String frame) {
        this.partitionBy = partitionBy;
        this.orderBy = orderBy;
        this.frame = frame;
    }

    public Window partitionBy(Expression<?>... expressions) {
        return new Window(expressions.clone(), orderBy, frame);
    }

    public Window orderBy(OrderField... fields) {
        return new Window(partitionBy, fields.clone(), frame);
    }

    /** {@code rows between start and end}: a frame counted in rows. */
    public Window rows(Bound start, Bound end) {
        return new Window(partitionBy, orderBy, "rows between " + start.sql() + " and " + end.sql());
    }

    /** {@code range between start and end}: a frame of peers by the ordering value. */
    public Window range(Bound start, Bound end) {
        return new Window(partitionBy, orderBy, "range between " + start.sql() + " and " + end.sql());
    }

    @Override
    public void render(RenderContext context) {
        String space = "";
        if (partitionBy != null) {
            context.sql("partition by ");
            context.list(List.of(partitionBy));
            space = " ";
        }
        if (orderBy != null) {
            context.sql(space).sql("order by ");
            context.list(List.of(orderBy));
            space = " ";
        }
        if (frame != null) {
            context.sql(space).sql(frame);
        }
    }

    /** {@code function over (window)}. */
    record Over<T>(Expression<T> function, Window window) implements Expression<T>, QueryPart {
        @Override
        public DataType<T> type() {
            return function.type();
        }

        @Override
        public void render(RenderContext context) {
            context.expression(function);
            context.sql(" over (");
            window.render(context);
            context.sql(')');
        }
    }

    /** {@code aggregate filter (where condition)}. */
    record Filtered<T>(Expression<T> aggregate, Expression<Boolean> condition) implements Expression<T>, QueryPart {
        @Override
        public DataType<T> type() {
            return aggregate.type();
        }

        @Override
        public void render(RenderContext context) {
            context.expression(aggregate);
            context.sql(" filter (where ");
            context.expression(condition);
            context.sql(')');
        }
    }
}
