package dev.sleet.kit.snapshot;

import java.util.Objects;

/**
 * A check constraint: its name and its expression in the form PostgreSQL prints it back
 * ({@code pg_get_expr} of the constraint, which is what {@code pg_get_constraintdef} puts in
 * {@code CHECK (...)}): {@code (price > (0)::numeric)}.
 */
public record CheckSnapshot(String name, String expression) {

    public CheckSnapshot {
        Objects.requireNonNull(name);
        Objects.requireNonNull(expression);
    }
}
