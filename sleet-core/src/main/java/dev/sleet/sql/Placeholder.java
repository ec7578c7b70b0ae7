package dev.sleet.sql;

import dev.sleet.schema.DataType;

import java.util.Objects;

/**
 * A named value given when a {@link Prepared} statement runs: {@code eq(USERS.id, placeholder("id", USERS.id))}.
 * It binds with the binder of the expression it stands beside (a column's enum type or converter), or of its type.
 */
record Placeholder<T>(String name, Expression<T> like, DataType<T> type) implements Expression<T>, QueryPart {

    Placeholder {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public DataType<T> type() {
        return like != null ? like.type() : type;
    }

    @Override
    public void render(RenderContext context) {
        // The placeholder itself marks the slot; Prepared puts the value there on each run.
        context.bindSlot(this, context.binder(like, type));
    }
}
