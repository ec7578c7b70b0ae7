package dev.sleet.schema;

import java.util.Objects;

/**
 * A check constraint: {@code check("items_price_check", "(price > (0)::numeric)")}. The expression
 * is compared as PostgreSQL prints it back ({@code pg_get_constraintdef}: parenthesised, with its
 * casts spelled out), so write it in that form, or let {@code sleet pull} write it for you.
 * A {@code notValid} check binds new and changed rows only: rows already there are not checked
 * ({@code NOT VALID}); making it valid in code validates it in place ({@code VALIDATE CONSTRAINT}).
 * A {@code noInherit} check binds this table only: tables that inherit from it do not get it
 * ({@code NO INHERIT}).
 */
public record Check(String name, String expression, boolean notValid, boolean noInherit) {

    public Check {
        Objects.requireNonNull(name, "check constraint name");
        Objects.requireNonNull(expression, "check expression");
    }

    public Check(String name, String expression, boolean notValid) {
        this(name, expression, notValid, false);
    }

    public Check(String name, String expression) {
        this(name, expression, false);
    }
}
