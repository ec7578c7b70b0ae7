package dev.sleet.schema;

import java.util.Objects;

/**
 * An extension ({@code CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public}). Its version is
 * not part of the schema: a database gets the version its server offers. What the extension
 * creates (types, functions, operators) belongs to it and is never declared in schema code.
 *
 * <pre>{@code
 * public static final Extension CITEXT = Extension.of("citext");
 * public static final Extension TRGM = Extension.of("pg_trgm").inSchema("extensions");
 * }</pre>
 */
public final class Extension implements SchemaObject {

    private final String schema;
    private final String name;

    private Extension(String schema, String name) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.name = Objects.requireNonNull(name, "extension name");
    }

    /** The extension, created in the {@code public} schema. */
    public static Extension of(String name) {
        return new Extension("public", name);
    }

    /** The same extension, created in another schema (its objects live there). */
    public Extension inSchema(String schemaName) {
        return new Extension(schemaName, name);
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
        return "extension " + name + " in " + schema;
    }
}
