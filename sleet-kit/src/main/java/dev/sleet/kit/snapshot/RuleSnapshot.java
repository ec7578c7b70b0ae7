package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sleet.schema.Enabled;

import java.util.Objects;

/**
 * A rule on the table or view {@code schema.table}. {@code definition} is the {@code CREATE RULE}
 * statement as {@code pg_get_ruledef} prints it (with the search path set to {@code public}); a
 * view's {@code _RETURN} rule is the view, never one of these. {@code enabled} is the catalog's
 * letter ({@code ev_enabled}), as a trigger's is: {@code O} enabled (the default), {@code D},
 * {@code R} or {@code A}. Unlike a trigger's, it is left out of the JSON when {@code O}: rules were
 * written without it before, and so such a snapshot reads as enabled and writes back unchanged
 * ({@code sleet up} rewrites a file whose JSON changes). The key is {@code schema.table.name}: rule
 * names are unique per relation.
 */
public record RuleSnapshot(String schema, String table, String name, String definition,
                           @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Origin.class) String enabled,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String comment) {

    public RuleSnapshot {
        Objects.requireNonNull(schema);
        Objects.requireNonNull(table);
        Objects.requireNonNull(name);
        Objects.requireNonNull(definition);
        enabled = enabled == null ? Enabled.ORIGIN.code() : enabled;
        // COMMENT ON ... IS '' removes a comment: the catalog never holds an empty one.
        comment = comment == null || comment.isEmpty() ? null : comment;
    }

    /** Jackson's filter for {@code enabled}: a value it equals is left out. */
    private static final class Origin {
        @Override
        public boolean equals(Object value) {
            return Enabled.ORIGIN.code().equals(value);
        }

        @Override
        public int hashCode() {
            return 0;
        }
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

    /** The same rule in everything but its comment and enabled state, which are set on a rule that stays. */
    public boolean sameRuleAs(RuleSnapshot other) {
        return other != null && withComment(null).withEnabled(null).equals(other.withComment(null).withEnabled(null));
    }

    public RuleSnapshot withComment(String text) {
        return new RuleSnapshot(schema, table, name, definition, enabled, text);
    }

    /** The same rule, enabled as {@code state} says (null: the default). */
    public RuleSnapshot withEnabled(String state) {
        return new RuleSnapshot(schema, table, name, definition, state, comment);
    }

    /** The same rule on the relation {@code newSchema.newTable}. */
    public RuleSnapshot on(String newSchema, String newTable) {
        return new RuleSnapshot(newSchema, newTable, name, definition, enabled, comment);
    }
}
