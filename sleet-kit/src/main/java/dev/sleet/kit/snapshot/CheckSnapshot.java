package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/**
 * A check constraint: its name and its expression in the form PostgreSQL prints it back
 * ({@code pg_get_expr} of the constraint, which is what {@code pg_get_constraintdef} puts in
 * {@code CHECK (...)}): {@code (price > (0)::numeric)}. {@code notValid} ({@code NOT VALID}: rows
 * already there were not checked) is written only when true, and so is {@code noInherit}
 * ({@code NO INHERIT}: tables that inherit from this one do not get the check).
 */
public record CheckSnapshot(String name, String expression,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean notValid,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean noInherit) {

    public CheckSnapshot {
        Objects.requireNonNull(name);
        Objects.requireNonNull(expression);
    }

    public CheckSnapshot(String name, String expression, boolean notValid) {
        this(name, expression, notValid, false);
    }

    public CheckSnapshot(String name, String expression) {
        this(name, expression, false);
    }

    /** The same check, valid or not. */
    public CheckSnapshot withNotValid(boolean value) {
        return new CheckSnapshot(name, expression, value, noInherit);
    }
}
