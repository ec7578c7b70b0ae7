package dev.sleet.schema;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A function, procedure or aggregate, declared as a public static final field of a schema class
 * by its whole definition:
 *
 * <pre>{@code
 * public static final Routine ADD = Routine.of("""
 *     CREATE OR REPLACE FUNCTION public.add(a integer, b integer)
 *      RETURNS integer
 *      LANGUAGE sql
 *      IMMUTABLE
 *     AS $function$select a + b$function$
 *     """);
 * public static final Routine TASK_LABEL = Routine.of("""...RETURNS text...""").dependsOn(TASKS);
 * }</pre>
 *
 * The definition is compared as PostgreSQL prints it ({@code pg_get_functiondef}; for an aggregate,
 * {@code CREATE AGGREGATE name(arguments) (SFUNC = ..., STYPE = ...)} with the options in the order
 * {@code sleet pull} writes them), so a changed body is a change: write it in that form, or let
 * {@code sleet pull} write it. Overloads (one name, other argument types) are separate routines. A
 * routine whose result type, kind or argument names change is dropped and created again, with the
 * triggers, views and aggregates that use it; otherwise it is replaced in place.
 *
 * <p>Routines are created before tables, with function bodies unchecked (as {@code pg_dump} does), so
 * a body may name tables created later. A routine that needs a table or view to exist first (a
 * table's row type as an argument or result, a {@code BEGIN ATOMIC} body) says so with
 * {@link #dependsOn}; argument and result types naming a table or view are found without it.
 * Immutable: each method returns a new routine.
 */
public final class Routine implements SchemaObject {

    private final String definition;
    private final RoutineHeader header;
    private final SortedSet<String> dependsOn;
    private final String comment;

    private Routine(String definition, RoutineHeader header, SortedSet<String> dependsOn, String comment) {
        this.definition = definition;
        this.header = header;
        this.dependsOn = Collections.unmodifiableSortedSet(new TreeSet<>(dependsOn));
        this.comment = comment;
    }

    /**
     * A routine by its definition ({@code CREATE [OR REPLACE] FUNCTION | PROCEDURE | AGGREGATE ...}).
     *
     * @throws IllegalArgumentException when the definition does not start like one
     */
    public static Routine of(String definition) {
        Objects.requireNonNull(definition, "routine definition");
        return new Routine(definition, RoutineHeader.parse(definition), new TreeSet<>(), null);
    }

    /**
     * Declares that the routine must be created after these tables, views or routines (a body that
     * PostgreSQL checks at creation, a row type it uses).
     */
    public Routine dependsOn(Object... objects) {
        SortedSet<String> keys = new TreeSet<>(dependsOn);
        for (Object object : objects) {
            keys.add(keyOf(Objects.requireNonNull(object,
                    "dependency (declare it before the routine that depends on it)")));
        }
        return new Routine(definition, header, keys, comment);
    }

    /** Declares dependencies by key: {@code schema.name} for a table or view, {@link #key()} for a routine. */
    public Routine dependsOnKeys(List<String> keys) {
        SortedSet<String> all = new TreeSet<>(dependsOn);
        all.addAll(keys);
        return new Routine(definition, header, all, comment);
    }

    /** {@code COMMENT ON FUNCTION | PROCEDURE | AGGREGATE}. */
    public Routine comment(String text) {
        return new Routine(definition, header, dependsOn, Objects.requireNonNull(text, "comment"));
    }

    /** The comment, or null. */
    public String comment() {
        return comment;
    }

    private static String keyOf(Object object) {
        if (object instanceof Table<?> table) {
            return table.schemaName() + "." + table.tableName();
        }
        if (object instanceof Routine routine) {
            return routine.key();
        }
        if (object instanceof SchemaObject other) {
            return other.schemaName() + "." + other.objectName();
        }
        throw new IllegalArgumentException("A routine depends on tables, views and routines, not on " + object);
    }

    @Override
    public String schemaName() {
        return header.schema();
    }

    @Override
    public String objectName() {
        return header.name();
    }

    public String definition() {
        return definition;
    }

    public RoutineHeader header() {
        return header;
    }

    /** {@code schema.name(arguments)}, which tells overloads apart. */
    public String key() {
        return header.key();
    }

    /** The keys of the tables, views and routines it was declared to depend on. */
    public SortedSet<String> dependsOn() {
        return dependsOn;
    }

    @Override
    public String toString() {
        return header.kind() + " " + key();
    }
}
