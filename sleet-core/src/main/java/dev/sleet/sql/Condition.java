package dev.sleet.sql;

/** A boolean expression for {@code where}, {@code on} and {@code having}. */
public interface Condition extends Expression<Boolean> {

    default Condition and(Condition other) {
        return Sql.and(this, other);
    }

    default Condition or(Condition other) {
        return Sql.or(this, other);
    }
}
