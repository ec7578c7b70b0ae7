package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sleet.schema.RoutineHeader;

import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A function, procedure or aggregate ({@code kind}). {@code definition} is the whole
 * {@code CREATE OR REPLACE FUNCTION | PROCEDURE} statement as {@code pg_get_functiondef} prints it
 * (body included, so a changed body is a change), or for an aggregate the {@code CREATE AGGREGATE}
 * statement Sleet builds from {@code pg_aggregate}. {@code arguments} and {@code result} are read
 * from its head ({@link RoutineHeader}); the key is {@code schema.name(arguments without defaults)},
 * which tells overloads apart.
 *
 * <p>{@code dependsOn} lists the tables, views and routines (by key) that must exist before the
 * routine is created: the edges pull found in {@code pg_depend} or code declared. It decides the
 * order of creation only and is left out of comparisons ({@link #sameRoutineAs}). {@code comment} is
 * its {@code COMMENT ON}, set on its own when only it changes.
 */
public record RoutineSnapshot(String schema, String name, String kind, String arguments,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String result,
                              String definition,
                              @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedSet<String> dependsOn,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String comment) {

    public RoutineSnapshot {
        Objects.requireNonNull(schema);
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(arguments);
        Objects.requireNonNull(definition);
        dependsOn = new TreeSet<>(dependsOn == null ? new TreeSet<>() : dependsOn);
        // COMMENT ON ... IS '' removes a comment: the catalog never holds an empty one.
        comment = comment == null || comment.isEmpty() ? null : comment;
    }

    /** A routine by its definition, its head read from the text. */
    public static RoutineSnapshot of(String definition, SortedSet<String> dependsOn) {
        RoutineHeader header = RoutineHeader.parse(definition);
        return new RoutineSnapshot(header.schema(), header.name(), header.kind(), header.arguments(), header.result(),
                definition, dependsOn, null);
    }

    @JsonIgnore
    public RoutineHeader header() {
        return new RoutineHeader(kind, schema, name, arguments, result);
    }

    @JsonIgnore
    public String key() {
        return header().key();
    }

    @JsonIgnore
    public boolean isAggregate() {
        return kind.equals(RoutineHeader.AGGREGATE);
    }

    /** True when both define the same routine, whatever either says it depends on and however it is commented. */
    public boolean sameRoutineAs(RoutineSnapshot other) {
        return other != null && schema.equals(other.schema) && name.equals(other.name) && kind.equals(other.kind)
                && arguments.equals(other.arguments) && Objects.equals(result, other.result)
                && definition.equals(other.definition);
    }

    /**
     * Whether the routine can take {@code next}'s definition with {@code CREATE OR REPLACE}: the same
     * kind (not an aggregate), arguments and result. PostgreSQL refuses to change the others in place.
     */
    public boolean replaceableBy(RoutineSnapshot next) {
        return !isAggregate() && kind.equals(next.kind) && arguments.equals(next.arguments)
                && Objects.equals(result, next.result);
    }

    public RoutineSnapshot withDependsOn(SortedSet<String> keys) {
        return new RoutineSnapshot(schema, name, kind, arguments, result, definition, keys, comment);
    }

    /** The same routine with another comment (or none). */
    public RoutineSnapshot withComment(String text) {
        return new RoutineSnapshot(schema, name, kind, arguments, result, definition, dependsOn, text);
    }
}
