package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/**
 * A cast ({@code CREATE CAST}). {@code source} and {@code target} are SQL types: a built-in one as
 * {@code format_type} prints it, any other by its schema and name, both quoted
 * ({@link #typeName}), so that a type compares equal however the search path stood. {@code method}
 * is {@code function} (with {@code functionSchema}, {@code function} and {@code functionArguments},
 * the argument types spelled as the cast's types are), {@code inout} or {@code binary}
 * ({@code WITHOUT FUNCTION}); {@code context} is {@code explicit}, {@code assignment} or
 * {@code implicit}. The key is {@code source AS target}: PostgreSQL has one cast per pair.
 */
public record CastSnapshot(String source, String target, String method,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String functionSchema,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String function,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String functionArguments,
                           String context,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String comment) {

    public static final String FUNCTION = "function";
    public static final String INOUT = "inout";
    public static final String BINARY = "binary";
    public static final String EXPLICIT = "explicit";

    public CastSnapshot {
        Objects.requireNonNull(source);
        Objects.requireNonNull(target);
        method = method == null ? BINARY : method;
        context = context == null ? EXPLICIT : context;
        if (method.equals(FUNCTION)) {
            Objects.requireNonNull(functionSchema, "functionSchema");
            Objects.requireNonNull(function, "function");
            functionArguments = functionArguments == null ? "" : functionArguments;
        } else {
            functionSchema = null;
            function = null;
            functionArguments = null;
        }
        // COMMENT ON ... IS '' removes a comment: the catalog never holds an empty one.
        comment = comment == null || comment.isEmpty() ? null : comment;
    }

    @JsonIgnore
    public String key() {
        return key(source, target);
    }

    public static String key(String source, String target) {
        return source + " AS " + target;
    }

    /** {@code "schema"."name"}: how a cast names a type outside {@code pg_catalog}. */
    public static String typeName(String schema, String name) {
        return quoted(schema) + "." + quoted(name);
    }

    /** Whether the cast converts from or to the type {@code schema.name} (or an array of it), or its function's arguments name it. */
    public boolean usesType(String schema, String name) {
        String type = typeName(schema, name);
        return isType(source, type) || isType(target, type)
                || functionArguments != null && functionArguments.contains(type);
    }

    /** Whether the cast executes a function called {@code schema.name} (any overload: errs towards yes). */
    public boolean usesFunction(String schema, String name) {
        return method.equals(FUNCTION) && functionSchema.equals(schema) && function.equals(name);
    }

    /** The same cast in everything but its comment. */
    public boolean sameCastAs(CastSnapshot other) {
        return other != null && withComment(null).equals(other.withComment(null));
    }

    public CastSnapshot withComment(String text) {
        return new CastSnapshot(source, target, method, functionSchema, function, functionArguments, context, text);
    }

    private static boolean isType(String spelled, String type) {
        return spelled.equals(type) || spelled.equals(type + "[]");
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
