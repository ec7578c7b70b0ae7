package dev.sleet.sql;

import dev.sleet.dialect.Binder;
import dev.sleet.schema.DataType;

import java.util.List;

/**
 * Two queries combined by {@code union}, {@code union all}, {@code intersect} or {@code except},
 * with its own {@code order by}, {@code limit} and {@code offset}. Its rows have the left query's
 * expressions: {@code row.get(TASKS.name)} reads the first column whichever operand a row came from.
 */
public final class Compound<T> extends Query<T> implements Selectable<T> {

    /** An ordering key of a set operation: a result column by its position (1-based). */
    private record Position(int number) implements Expression<Object>, QueryPart {
        @Override
        public DataType<Object> type() {
            throw new UnsupportedOperationException("an order by position has no type");
        }

        @Override
        public void render(RenderContext context) {
            context.sql(Integer.toString(number));
        }
    }

    private final Query<?> left;
    private final String operator;
    private final Query<?> right;
    private OrderField[] orderBy;
    private Integer limit;
    private Integer offset;
    private Selection selection;

    Compound(Query<?> left, String operator, Selectable<?> right) {
        super(left.session);
        this.left = left;
        this.operator = operator;
        this.right = (Query<?>) right;
    }

    /** Expressions the left query selects (ascending), or {@link Sql#asc}/{@link Sql#desc} of them. */
    public Compound<T> orderBy(OrderField... fields) {
        this.orderBy = fields;
        return this;
    }

    public Compound<T> limit(int count) {
        this.limit = count;
        return this;
    }

    public Compound<T> offset(int count) {
        this.offset = count;
        return this;
    }

    @Override
    Expression<?>[] fields() {
        return left.fields();
    }

    @Override
    void render(RenderContext context) {
        renderWith(context);
        context.sql('(');
        left.render(context);
        context.sql(')').sql(operator).sql('(');
        right.render(context);
        context.sql(')');
        Expression<?>[] fields = fields();
        if (orderBy != null) {
            context.sql(" order by ");
            for (int i = 0; i < orderBy.length; i++) {
                if (i > 0) {
                    context.sql(", ");
                }
                // A set operation's order by sees only its result columns, not the operands' tables.
                if (orderBy[i] instanceof Ordering ordering) {
                    ordering.on(position(fields, ordering.expression())).render(context);
                } else {
                    position(fields, (Expression<?>) orderBy[i]).render(context);
                }
            }
        }
        context.limitOffset(limit, offset);
        Binder<?>[] binders = new Binder<?>[fields.length];
        for (int i = 0; i < fields.length; i++) {
            binders[i] = context.binder(fields[i]);
        }
        selection = new Selection(fields, binders, List.of());
    }

    private static Position position(Expression<?>[] fields, Expression<?> key) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] == key || fields[i] instanceof Nodes.Aliased<?> aliased && aliased.expression() == key) {
                return new Position(i + 1);
            }
        }
        throw new IllegalArgumentException("A set operation is ordered by the expressions its first query selects; "
                + key + " is not one of them");
    }

    @Override
    Selection selection() {
        return selection;
    }

    @Override
    @SuppressWarnings("unchecked")
    DataType<T> valueType() {
        return (DataType<T>) fields()[0].type();
    }
}
