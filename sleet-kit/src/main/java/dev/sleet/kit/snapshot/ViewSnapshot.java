package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A view or materialized view. {@code definition} is in {@code pg_get_viewdef} form with white
 * space normalised ({@link SqlDefinitions}); {@code with} holds its options (or a materialized
 * view's storage parameters) as the catalog keeps them. {@code withNoData} says how code wants a
 * materialized view created; like an index's {@code concurrently} it is left out of comparisons
 * ({@link #sameViewAs}) and never read from a database. {@code triggers} are its {@code INSTEAD OF}
 * and statement triggers; {@code indexes} a materialized view's indexes, by name. Both are written
 * only when there are some, and change without the view being made anew; so does {@code clusterOn},
 * the index a materialized view is clustered on ({@code ALTER TABLE ... CLUSTER ON}), and so do
 * {@code columns}, the defaults and comments of its columns, by column name (only columns that
 * carry one; see {@link ViewColumnSnapshot}). {@code standIn} lists, for a view that reads itself
 * ({@code CREATE OR REPLACE VIEW v AS ... FROM v}), its columns with their types (and collations
 * where not their type's): such a view cannot be made from its definition, so it is first made as
 * a stand-in selecting a typed {@code NULL} per column, then replaced by its definition, as
 * {@code pg_dump} does. Like {@code withNoData} it says how the view is made, not what it is, and is
 * left out of {@link #sameViewAs}.
 */
public record ViewSnapshot(String schema, String name, String definition,
                           @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean materialized,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, String> with,
                           @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean withNoData,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String comment,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, TriggerSnapshot> triggers,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, IndexSnapshot> indexes,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String clusterOn,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, ViewColumnSnapshot> columns,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TypeSnapshot.Attribute> standIn)
        implements SchemaObjectSnapshot<ViewSnapshot> {

    public ViewSnapshot {
        Objects.requireNonNull(schema);
        Objects.requireNonNull(name);
        definition = SqlDefinitions.normalize(Objects.requireNonNull(definition));
        with = new TreeMap<>(with == null ? Map.of() : with);
        // COMMENT ON ... IS '' removes a comment: the catalog never holds an empty one.
        comment = comment == null || comment.isEmpty() ? null : comment;
        triggers = new TreeMap<>(triggers == null ? Map.of() : triggers);
        indexes = new TreeMap<>(indexes == null ? Map.of() : indexes);
        SortedMap<String, ViewColumnSnapshot> carrying = new TreeMap<>();
        (columns == null ? Map.<String, ViewColumnSnapshot>of() : columns).forEach((column, carried) -> {
            if (!carried.isEmpty()) {
                carrying.put(column, carried);
            }
        });
        columns = carrying;
        standIn = standIn == null ? List.of() : List.copyOf(standIn);
    }

    /** A view that does not read itself. */
    public ViewSnapshot(String schema, String name, String definition, boolean materialized, SortedMap<String, String> with,
                        boolean withNoData, String comment, SortedMap<String, TriggerSnapshot> triggers,
                        SortedMap<String, IndexSnapshot> indexes, String clusterOn, SortedMap<String, ViewColumnSnapshot> columns) {
        this(schema, name, definition, materialized, with, withNoData, comment, triggers, indexes, clusterOn, columns, null);
    }

    /** A view whose columns carry no defaults or comments. */
    public ViewSnapshot(String schema, String name, String definition, boolean materialized, SortedMap<String, String> with,
                        boolean withNoData, String comment, SortedMap<String, TriggerSnapshot> triggers,
                        SortedMap<String, IndexSnapshot> indexes, String clusterOn) {
        this(schema, name, definition, materialized, with, withNoData, comment, triggers, indexes, clusterOn, null);
    }

    /** A view not clustered on any index. */
    public ViewSnapshot(String schema, String name, String definition, boolean materialized, SortedMap<String, String> with,
                        boolean withNoData, String comment, SortedMap<String, TriggerSnapshot> triggers,
                        SortedMap<String, IndexSnapshot> indexes) {
        this(schema, name, definition, materialized, with, withNoData, comment, triggers, indexes, null);
    }

    /** A view without triggers or indexes. */
    public ViewSnapshot(String schema, String name, String definition, boolean materialized, SortedMap<String, String> with,
                        boolean withNoData, String comment) {
        this(schema, name, definition, materialized, with, withNoData, comment, null, null);
    }

    /** A view with triggers and without indexes. */
    public ViewSnapshot(String schema, String name, String definition, boolean materialized, SortedMap<String, String> with,
                        boolean withNoData, String comment, SortedMap<String, TriggerSnapshot> triggers) {
        this(schema, name, definition, materialized, with, withNoData, comment, triggers, null);
    }

    /** The same view with other triggers ({@code INSTEAD OF} and statement triggers), everything else kept. */
    public ViewSnapshot withTriggers(SortedMap<String, TriggerSnapshot> newTriggers) {
        return new ViewSnapshot(schema, name, definition, materialized, with, withNoData, comment, newTriggers, indexes, clusterOn,
                columns, standIn);
    }

    /** The same view with other indexes, everything else kept. */
    public ViewSnapshot withIndexes(SortedMap<String, IndexSnapshot> newIndexes) {
        return new ViewSnapshot(schema, name, definition, materialized, with, withNoData, comment, triggers, newIndexes, clusterOn,
                columns, standIn);
    }

    /** The same view created with or without data, everything else kept. */
    public ViewSnapshot withNoData(boolean value) {
        return new ViewSnapshot(schema, name, definition, materialized, with, value, comment, triggers, indexes, clusterOn,
                columns, standIn);
    }

    /** The same materialized view clustered on another of its indexes (null for none), everything else kept. */
    public ViewSnapshot withClusterOn(String newClusterOn) {
        return new ViewSnapshot(schema, name, definition, materialized, with, withNoData, comment, triggers, indexes, newClusterOn,
                columns, standIn);
    }

    /** The same view with other column defaults and comments, everything else kept. */
    public ViewSnapshot withColumns(SortedMap<String, ViewColumnSnapshot> newColumns) {
        return new ViewSnapshot(schema, name, definition, materialized, with, withNoData, comment, triggers, indexes, clusterOn,
                newColumns, standIn);
    }

    /** The same view made first as a stand-in with these columns (none: made from its definition alone), everything else kept. */
    public ViewSnapshot withStandIn(List<TypeSnapshot.Attribute> newStandIn) {
        return new ViewSnapshot(schema, name, definition, materialized, with, withNoData, comment, triggers, indexes, clusterOn,
                columns, newStandIn);
    }

    /** The same view under another spelling of its definition, everything else kept. */
    public ViewSnapshot withDefinition(String newDefinition) {
        return new ViewSnapshot(schema, name, newDefinition, materialized, with, withNoData, comment, triggers, indexes, clusterOn,
                columns, standIn);
    }

    @JsonIgnore
    @Override
    public String key() {
        return Snapshot.key(schema, name);
    }

    @Override
    public ViewSnapshot movedTo(String newSchema, String newName) {
        return new ViewSnapshot(newSchema, newName, definition, materialized, with, withNoData, comment, triggers, indexes, clusterOn,
                columns, standIn);
    }

    /** True when both define the same view (same definition and options), however it is created (with or without data or a stand-in), commented, triggered and indexed and whatever its columns carry. */
    public boolean sameViewAs(ViewSnapshot other) {
        return other != null && schema.equals(other.schema) && name.equals(other.name) && definition.equals(other.definition)
                && materialized == other.materialized && with.equals(other.with);
    }
}
