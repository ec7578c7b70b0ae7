package dev.sleet.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A row-level security policy on a table:
 *
 * <pre>{@code
 * public final Policy ownRows = policy("own_rows").to("app_user").using("(owner = CURRENT_USER)");
 * public final Policy noDeletes = policy("no_deletes").restrictive().forCommand(Policy.Command.DELETE).using("false");
 * }</pre>
 *
 * A policy is permissive, for all commands and to {@code public} unless said otherwise. Expressions
 * are compared as PostgreSQL prints them back ({@code pg_get_expr}); name roles by name
 * ({@code CURRENT_USER} in {@code TO} is resolved when the policy is created). A policy only
 * restricts rows once the table enables row-level security ({@code enableRowLevelSecurity()} in
 * the table's constructor). Immutable: each modifier returns a new policy and puts it in the place
 * of the old one on its table.
 */
public final class Policy {

    /** The commands a policy applies to. */
    public enum Command {
        ALL, SELECT, INSERT, UPDATE, DELETE;

        public String sql() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Table<?> table;
    private final String name;
    private boolean restrictive;
    private Command command = Command.ALL;
    private List<String> roles = List.of();
    private String using;
    private String withCheck;

    Policy(Table<?> table, String name) {
        this.table = table;
        this.name = Objects.requireNonNull(name, "policy name");
    }

    private Policy copy() {
        Policy copy = new Policy(table, name);
        copy.restrictive = restrictive;
        copy.command = command;
        copy.roles = roles;
        copy.using = using;
        copy.withCheck = withCheck;
        return copy;
    }

    /** {@code AS RESTRICTIVE}: rows must pass this policy as well as a permissive one. */
    public Policy restrictive() {
        Policy next = copy();
        next.restrictive = true;
        return replaceWith(next);
    }

    /** {@code FOR SELECT | INSERT | UPDATE | DELETE}; {@code ALL} by default. */
    public Policy forCommand(Command forCommand) {
        Policy next = copy();
        next.command = Objects.requireNonNull(forCommand);
        return replaceWith(next);
    }

    /** {@code TO role, ...}: the roles by name; {@code public} (everyone) by default. */
    public Policy to(String... roleNames) {
        Policy next = copy();
        next.roles = List.of(roleNames);
        return replaceWith(next);
    }

    /** {@code TO role, ...} with roles the schema declares. */
    public Policy to(Role... declared) {
        List<String> names = new ArrayList<>();
        for (Role role : declared) {
            names.add(Objects.requireNonNull(role, "role (declare roles before the tables that use them)").objectName());
        }
        return to(names.toArray(String[]::new));
    }

    /** {@code USING (expression)}: which existing rows the policy lets through. */
    public Policy using(String expression) {
        Policy next = copy();
        next.using = Objects.requireNonNull(expression);
        return replaceWith(next);
    }

    /** {@code WITH CHECK (expression)}: which new rows the policy lets in. */
    public Policy withCheck(String expression) {
        Policy next = copy();
        next.withCheck = Objects.requireNonNull(expression);
        return replaceWith(next);
    }

    private Policy replaceWith(Policy next) {
        table.replace(this, next);
        return next;
    }

    public String name() {
        return name;
    }

    public boolean isRestrictive() {
        return restrictive;
    }

    public Command command() {
        return command;
    }

    /** The role names; empty for {@code public}. */
    public List<String> roles() {
        return roles;
    }

    /** The USING expression, or null. */
    public String using() {
        return using;
    }

    /** The WITH CHECK expression, or null. */
    public String withCheck() {
        return withCheck;
    }
}
