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
 * }</pre>
 *
 * The definition is compared as PostgreSQL prints it, so write it in that form or let
 * {@code sleet pull} write it. Rules are created after the tables, views and routines their actions
 * may name; a rule whose definition changes is dropped and created again, and so is one whose table
 * or view, or an object its actions name, is made anew. The {@code _RETURN} rule of a view is the
 * view itself, never a {@code Rule}. Immutable: each method returns a new rule.
 */
public final class Rule implements SchemaObject {

    private final String schema;
    private final String table;
    private final String name;
    private final String definition;
    private final String comment;

    private Rule(String schema, String table, String name, String definition, String comment) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.table = Objects.requireNonNull(table, "table or view");
        this.name = Objects.requireNonNull(name, "rule name");
        this.definition = Objects.requireNonNull(definition, "rule definition");
        this.comment = comment;
    }

    /** The rule {@code name} on the table or view {@code schema.table}, by its definition. */
    public static Rule of(String schema, String table, String name, String definition) {
        return new Rule(schema, table, name, definition, null);
    }

    /** {@code COMMENT ON RULE}. */
    public Rule comment(String text) {
        return new Rule(schema, table, name, definition, Objects.requireNonNull(text, "comment"));
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
