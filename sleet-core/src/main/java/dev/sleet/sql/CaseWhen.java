package dev.sleet.sql;

import dev.sleet.schema.DataType;

import java.util.ArrayList;
import java.util.List;

/** {@code case when ... then ... [else ...] end}, built with {@link Sql#caseWhen}; without {@code otherwise} it is NULL when nothing matches. */
public final class CaseWhen<T> implements Expression<T>, QueryPart {

    private final List<Expression<Boolean>> conditions = new ArrayList<>();
    private final List<Object> results = new ArrayList<>();
    private DataType<T> type;
    private Object otherwise;

    CaseWhen(DataType<T> type) {
        this.type = type;
    }

    public CaseWhen<T> when(Expression<Boolean> condition, T result) {
        conditions.add(condition);
        results.add(valueOf(result));
        return this;
    }

    public CaseWhen<T> when(Expression<Boolean> condition, Expression<T> result) {
        conditions.add(condition);
        results.add(result);
        if (type == null) {
            type = result.type();
        }
        return this;
    }

    public CaseWhen<T> otherwise(T result) {
        otherwise = valueOf(result);
        return this;
    }

    public CaseWhen<T> otherwise(Expression<T> result) {
        otherwise = result;
        return this;
    }

    @SuppressWarnings("unchecked")
    private Expression<T> valueOf(T result) {
        if (type == null) {
            type = new DataType<>("unknown", (Class<T>) result.getClass());
        }
        return Sql.value(result, type);
    }

    @Override
    public DataType<T> type() {
        return type;
    }

    @Override
    public void render(RenderContext context) {
        context.sql("case");
        for (int i = 0; i < conditions.size(); i++) {
            context.sql(" when ");
            context.expression(conditions.get(i));
            context.sql(" then ");
            context.part(results.get(i));
        }
        if (otherwise != null) {
            context.sql(" else ");
            context.part(otherwise);
        }
        context.sql(" end");
    }
}
