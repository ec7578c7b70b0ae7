package dev.sleet.sql;

/**
 * A query that set operations combine: a {@link Select} or a {@link Compound} of them.
 * {@code a.union(b).intersect(c)} is {@code ((a) union (b)) intersect (c)}: each operation writes its
 * operands in parentheses, so each keeps its own order/limit and nesting is exactly as built.
 */
public sealed interface Selectable<T> permits Select, Compound {

    /** {@code union}: the rows of both, duplicates removed. */
    default Compound<T> union(Selectable<?> other) {
        return new Compound<>((Query<?>) this, " union ", other);
    }

    /** {@code union all}: the rows of both. */
    default Compound<T> unionAll(Selectable<?> other) {
        return new Compound<>((Query<?>) this, " union all ", other);
    }

    /** {@code intersect}: the rows in both. */
    default Compound<T> intersect(Selectable<?> other) {
        return new Compound<>((Query<?>) this, " intersect ", other);
    }

    /** {@code except}: the rows of this one that the other lacks. */
    default Compound<T> except(Selectable<?> other) {
        return new Compound<>((Query<?>) this, " except ", other);
    }
}
