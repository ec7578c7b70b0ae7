package dev.sleet.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * A rule ({@code CREATE RULE}) on a table or view, declared as a public static final field of a
 * schema class by its table's schema and name, its own name, and its definition as PostgreSQL
 * prints it ({@code pg_get_ruledef}, with the search path {@code public}):
 *
 * <pre>{@code
 * public static final Rule ARCHIVE = Rule.of("public", "tasks", "tasks_archive", """
 *     CREATE RULE tasks_archive AS
 *         ON DELETE TO tasks DO INSTEAD  UPDATE tasks SET archived = true
 *       WHERE (tasks.id = old.id);""");
 * public static final Rule QUIET = Rule.of("public", "tasks", "tasks_quiet",
 *     "CREATE RULE tasks_quiet AS\n    ON UPDATE TO tasks DO INSTEAD NOTHING;").disabled();
 * }</pre>
 *
 * The definition is compared as PostgreSQL prints it, so write it in that form or let
 * {@code sleet pull} write it. Rules are created after the tables, views and routines their actions
 * may name; a rule whose definition changes is dropped and created again, and so is one whose table
 * or view, or an object its actions name, is made anew. The {@code _RETURN} rule of a view is the
 * view itself, never a {@code Rule}. Its enabled state ({@link Switchable}) is set with
 * {@code ALTER TABLE ... ENABLE/DISABLE RULE}, on its own when only it changes. Immutable: each
 * method returns a new rule.
 */
public final class Rule implements SchemaObject, Switchable<Rule> {

    private final String schema;
    private final String table;
    private final String name;
    private final String definition;
    private final String comment;
    private final Enabled enabled;

    private Rule(String schema, String table, String name, String definition, String comment, Enabled enabled) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.table = Objects.requireNonNull(table, "table or view");
        this.name = Objects.requireNonNull(name, "rule name");
        this.definition = Objects.requireNonNull(definition, "rule definition");
        this.comment = comment;
        this.enabled = Objects.requireNonNull(enabled, "enabled");
    }

    /** The rule {@code name} on the table or view {@code schema.table}, by its definition. */
    public static Rule of(String schema, String table, String name, String definition) {
        return new Rule(schema, table, name, definition, null, Enabled.ORIGIN);
    }

    /** {@code COMMENT ON RULE}. */
    public Rule comment(String text) {
        return new Rule(schema, table, name, definition, Objects.requireNonNull(text, "comment"), enabled);
    }

    @Override
    public Rule enabled(Enabled state) {
        return new Rule(schema, table, name, definition, comment, state);
    }

    /** The table or view the rule is on, in {@link #schemaName()}. */
    public String table() {
        return table;
    }

    public String definition() {
        return definition;
    }

    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    @Override
    public Enabled enabled() {
        return enabled;
    }

    @Override
    public String schemaName() {
        return schema;
    }

    @Override
    public String objectName() {
        return name;
    }

    @Override
    public String toString() {
        return "rule " + name + " on " + schema + "." + table;
    }
}
