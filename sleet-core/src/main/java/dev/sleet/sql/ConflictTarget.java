package dev.sleet.sql;

import dev.sleet.dialect.Feature;
import dev.sleet.schema.Column;

import java.util.List;

/** What {@code ON CONFLICT} watches: columns ({@link Sql#target}) or a named constraint ({@link Sql#onConstraint}). */
public final class ConflictTarget implements QueryPart {

    private final List<Column<?>> columns;
    private final String constraint;

    ConflictTarget(List<Column<?>> columns, String constraint) {
        this.columns = columns;
        this.constraint = constraint;
    }

    @Override
    public void render(RenderContext context) {
        if (constraint != null) {
            context.require(Feature.ON_CONFLICT_ON_CONSTRAINT);
            context.sql(" on constraint ").quote(constraint);
            return;
        }
        context.sql(" (");
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                context.sql(", ");
            }
            context.bareColumn(columns.get(i));
        }
        context.sql(')');
    }
}
