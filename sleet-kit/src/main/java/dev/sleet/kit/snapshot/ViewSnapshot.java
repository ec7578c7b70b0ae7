package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A view or materialized view. {@code definition} is in {@code pg_get_viewdef} form with white
 * space normalised ({@link SqlDefinitions}); {@code with} holds its options (or a materialized
 * view's storage parameters) as the catalog keeps them. {@code withNoData} says how code wants a
 * materialized view created; like an index's {@code concurrently} it is left out of comparisons
 * ({@link #sameViewAs}) and never read from a database.
 */
public record ViewSnapshot(String schema, String name, String definition,
                           @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean materialized,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, String> with,
                           @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean withNoData,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String comment,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, TriggerSnapshot> triggers)
        implements SchemaObjectSnapshot<ViewSnapshot> {

    public ViewSnapshot {
        Objects.requireNonNull(schema);
        Objects.requireNonNull(name);
        definition = SqlDefinitions.normalize(Objects.requireNonNull(definition));
        with = new TreeMap<>(with == null ? Map.of() : with);
        // COMMENT ON ... IS '' removes a comment: the catalog never holds an empty one.
        comment = comment == null || comment.isEmpty() ? null : comment;
        triggers = new TreeMap<>(triggers == null ? Map.of() : triggers);
    }

    /** A view without triggers. */
    public ViewSnapshot(String schema, String name, String definition, boolean materialized, SortedMap<String, String> with,
                        boolean withNoData, String comment) {
        this(schema, name, definition, materialized, with, withNoData, comment, null);
    }

    /** The same view with other triggers ({@code INSTEAD OF} and statement triggers), everything else kept. */
    public ViewSnapshot withTriggers(SortedMap<String, TriggerSnapshot> newTriggers) {
        return new ViewSnapshot(schema, name, definition, materialized, with, withNoData, comment, newTriggers);
    }

    @JsonIgnore
    @Override
    public String key() {
        return Snapshot.key(schema, name);
    }

    @Override
    public ViewSnapshot movedTo(String newSchema, String newName) {
        return new ViewSnapshot(newSchema, newName, definition, materialized, with, withNoData, comment, triggers);
    }

    /** True when both define the same view (same definition and options), however it is created, commented and triggered. */
    public boolean sameViewAs(ViewSnapshot other) {
        return other != null && schema.equals(other.schema) && name.equals(other.name) && definition.equals(other.definition)
                && materialized == other.materialized && with.equals(other.with);
    }
}
