package dev.sleet.sql;

import dev.sleet.schema.DataType;

/** A boolean expression for {@code where}, {@code on} and {@code having}. */
public interface Condition extends Expression<Boolean> {

    @Override
    default DataType<Boolean> type() {
        return DataType.BOOLEAN;
    }

    default Condition and(Condition other) {
        return Sql.and(this, other);
    }

    default Condition or(Condition other) {
        return Sql.or(this, other);
    }
}
