package dev.sleet.schema;

import java.util.Optional;

/**
 * Something a schema declares besides tables: an enum type, a sequence, a view, a role. Declare it
 * as a public static final field of a top-level schema class, as tables are, and Sleet creates,
 * alters and drops it with the schema.
 */
public interface SchemaObject {

    /** The SQL schema the object lives in; empty for objects outside any schema (roles). */
    String schemaName();

    /** The object's SQL name. */
    String objectName();

    /**
     * The name the object had before (in the same schema), when declared with {@code renamedFrom}
     * by the kinds that can be renamed: enum types, sequences and views.
     */
    default Optional<String> previousName() {
        return Optional.empty();
    }
}
