package dev.sleet.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * A cast ({@code CREATE CAST}) between two types, declared as a public static final field of a
 * schema class:
 *
 * <pre>{@code
 * public static final Cast COLOR_AS_JSON = Cast.of("\"public\".\"color\"", "json")
 *         .withFunction("public", "json", "\"public\".\"color\"").asImplicit();
 * public static final Cast TEXT_AS_TAG = Cast.of("text", "\"public\".\"tag\"").withInout().asAssignment();
 * }</pre>
 *
 * Types are SQL as {@code sleet pull} writes them: a built-in type as PostgreSQL prints it
 * ({@code json}, {@code character varying}, {@code integer[]}), any other by its schema and name,
 * both quoted ({@code "public"."color"}). Without {@link #withFunction} or {@link #withInout} the
 * cast is {@code WITHOUT FUNCTION} (binary coercible); without {@link #asAssignment} or
 * {@link #asImplicit} it is explicit only. A cast that changes in any way is dropped and created
 * again, after the types and the function it uses. Immutable: each method returns a new cast.
 */
public final class Cast implements SchemaObject {

    /** How the cast converts: {@code WITH FUNCTION}, {@code WITH INOUT} or {@code WITHOUT FUNCTION}. */
    public enum Method { FUNCTION, INOUT, BINARY }

    /** Where PostgreSQL applies it: only when written ({@code ::}), also in assignments, or anywhere. */
    public enum Context { EXPLICIT, ASSIGNMENT, IMPLICIT }

    private final String source;
    private final String target;
    private final Method method;
    private final String functionSchema;
    private final String function;
    private final String functionArguments;
    private final Context context;
    private final String comment;

    private Cast(String source, String target, Method method, String functionSchema, String function,
                 String functionArguments, Context context, String comment) {
        this.source = Objects.requireNonNull(source, "source type");
        this.target = Objects.requireNonNull(target, "target type");
        this.method = method;
        this.functionSchema = functionSchema;
        this.function = function;
        this.functionArguments = functionArguments;
        this.context = context;
        this.comment = comment;
    }

    /** An explicit binary-coercible cast ({@code WITHOUT FUNCTION}) from {@code source} to {@code target}. */
    public static Cast of(String source, String target) {
        return new Cast(source, target, Method.BINARY, null, null, null, Context.EXPLICIT, null);
    }

    /**
     * {@code WITH FUNCTION schema.name(argumentTypes)}: {@code argumentTypes} spelled as the types
     * are (comma and space between them).
     */
    public Cast withFunction(String schema, String name, String argumentTypes) {
        return new Cast(source, target, Method.FUNCTION, Objects.requireNonNull(schema, "function schema"),
                Objects.requireNonNull(name, "function name"), Objects.requireNonNull(argumentTypes, "argument types"),
                context, comment);
    }

    /** {@code WITH INOUT}: through the types' text output and input functions. */
    public Cast withInout() {
        return new Cast(source, target, Method.INOUT, null, null, null, context, comment);
    }

    /** {@code AS ASSIGNMENT}. */
    public Cast asAssignment() {
        return new Cast(source, target, method, functionSchema, function, functionArguments, Context.ASSIGNMENT, comment);
    }

    /** {@code AS IMPLICIT}. */
    public Cast asImplicit() {
        return new Cast(source, target, method, functionSchema, function, functionArguments, Context.IMPLICIT, comment);
    }

    /** {@code COMMENT ON CAST}. */
    public Cast comment(String text) {
        return new Cast(source, target, method, functionSchema, function, functionArguments, context,
                Objects.requireNonNull(text, "comment"));
    }

    public String source() {
        return source;
    }

    public String target() {
        return target;
    }

    public Method method() {
        return method;
    }

    /** The function's schema, name and argument types, for {@link Method#FUNCTION}. */
    public Optional<String> functionSchema() {
        return Optional.ofNullable(functionSchema);
    }

    public Optional<String> function() {
        return Optional.ofNullable(function);
    }

    public Optional<String> functionArguments() {
        return Optional.ofNullable(functionArguments);
    }

    public Context context() {
        return context;
    }

    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    /** Casts belong to the database, not to a schema. */
    @Override
    public String schemaName() {
        return "";
    }

    /** {@code source AS target}, which names a cast. */
    @Override
    public String objectName() {
        return source + " AS " + target;
    }

    @Override
    public String toString() {
        return "cast (" + objectName() + ")";
    }
}
