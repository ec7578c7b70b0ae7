package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/**
 * A rule on the table or view {@code schema.table}. {@code definition} is the {@code CREATE RULE}
 * statement as {@code pg_get_ruledef} prints it (with the search path set to {@code public}); a
 * view's {@code _RETURN} rule is the view, never one of these. The key is {@code schema.table.name}:
 * rule names are unique per relation.
 */
public record RuleSnapshot(String schema, String table, String name, String definition,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String comment) {

    public RuleSnapshot {
        Objects.requireNonNull(schema);
        Objects.requireNonNull(table);
        Objects.requireNonNull(name);
        Objects.requireNonNull(definition);
        // COMMENT ON ... IS '' removes a comment: the catalog never holds an empty one.
        comment = comment == null || comment.isEmpty() ? null : comment;
    }

    @JsonIgnore
    public String key() {
        return Snapshot.key(schema, table) + "." + name;
    }

    /** The key of the table or view the rule is on. */
    @JsonIgnore
    public String relationKey() {
        return Snapshot.key(schema, table);
    }

    /** The same rule in everything but its comment. */
    public boolean sameRuleAs(RuleSnapshot other) {
        return other != null && withComment(null).equals(other.withComment(null));
    }

    public RuleSnapshot withComment(String text) {
        return new RuleSnapshot(schema, table, name, definition, text);
    }

    /** The same rule on the relation {@code newSchema.newTable}. */
    public RuleSnapshot on(String newSchema, String newTable) {
        return new RuleSnapshot(newSchema, newTable, name, definition, comment);
    }
}
