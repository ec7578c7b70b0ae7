package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/**
 * One column. {@code type} is Sleet's canonical spelling ({@code varchar(50)}, {@code timestamptz(3)});
 * {@code serial} marks an integer column whose default draws from a sequence the column owns (such
 * sequences are part of the column, never objects of their own); {@code defaultValue} is in the form
 * PostgreSQL's {@code pg_get_expr} prints ({@code 'anonymous'::text}), so code and catalog compare.
 *
 * <p>A column of a user-defined type (an enum) has the type's plain name in {@code type}, with
 * {@code []} for an array of it, and the type's schema in {@code typeSchema}; {@code typeSchema}
 * is absent for built-in types. Arrays of any type end in one {@code []}.
 *
 * <p>{@code identity} is set for a {@code GENERATED ... AS IDENTITY} column (which is NOT NULL
 * and has no default); {@code generated} holds the expression of a stored generated column in
 * {@code pg_get_expr} form (such a column has no default either); {@code comment} is the column's
 * {@code COMMENT ON COLUMN}; {@code collation} its {@code COLLATE} where it is not its type's, with
 * {@code collationSchema} for a collation outside {@code pg_catalog}. Each is absent when not set.
 *
 * <p>{@code inherited} marks, in a table that inherits from others ({@code INHERITS}), a column that
 * is not the table's own ({@code pg_attribute.attislocal} false) but carries something of its own:
 * {@code notNull} that no parent has, a {@code defaultValue} other than its parent's ({@code NULL}
 * when the parent has one and it has none), or a {@code comment}. Only those are set on it (with its
 * type); an inherited column that carries nothing of its own is not listed at all.
 */
public record ColumnSnapshot(String name, String type, boolean serial, boolean notNull,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String defaultValue,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String typeSchema,
                             @JsonInclude(JsonInclude.Include.NON_NULL) IdentitySnapshot identity,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String generated,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String comment,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String collation,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String collationSchema,
                             @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean inherited) {

    public ColumnSnapshot {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        // COMMENT ON ... IS '' removes a comment: the catalog never holds an empty one.
        comment = comment == null || comment.isEmpty() ? null : comment;
    }

    /** A column of the table's own. */
    public ColumnSnapshot(String name, String type, boolean serial, boolean notNull, String defaultValue, String typeSchema,
                          IdentitySnapshot identity, String generated, String comment, String collation, String collationSchema) {
        this(name, type, serial, notNull, defaultValue, typeSchema, identity, generated, comment, collation, collationSchema,
                false);
    }

    /**
     * What an inherited column of a child table carries of its own: {@code notNull} no parent has, a
     * default other than the parent's, a comment; null when it carries nothing.
     */
    public static ColumnSnapshot inheritedPart(String name, String type, String typeSchema, boolean notNull,
                                               String defaultValue, String comment) {
        ColumnSnapshot part = new ColumnSnapshot(name, type, false, notNull, defaultValue, typeSchema, null, null, comment,
                null, null, true);
        return notNull || defaultValue != null || part.comment() != null ? part : null;
    }

    /** A column without a collation of its own. */
    public ColumnSnapshot(String name, String type, boolean serial, boolean notNull, String defaultValue, String typeSchema,
                          IdentitySnapshot identity, String generated, String comment) {
        this(name, type, serial, notNull, defaultValue, typeSchema, identity, generated, comment, null, null);
    }

    /** A plain column of a built-in type. */
    public ColumnSnapshot(String name, String type, boolean serial, boolean notNull, String defaultValue) {
        this(name, type, serial, notNull, defaultValue, null);
    }

    /** A plain column, of an enum type when {@code typeSchema} is set. */
    public ColumnSnapshot(String name, String type, boolean serial, boolean notNull, String defaultValue, String typeSchema) {
        this(name, type, serial, notNull, defaultValue, typeSchema, null, null, null);
    }

    /** The same column under another name. */
    public ColumnSnapshot withName(String newName) {
        return new ColumnSnapshot(newName, type, serial, notNull, defaultValue, typeSchema, identity, generated, comment, collation, collationSchema, inherited);
    }

    /** The same column of another type ({@code typeSchema} null for a built-in one) with another default. */
    public ColumnSnapshot withType(String newType, String newTypeSchema, String newDefault) {
        return new ColumnSnapshot(name, newType, serial, notNull, newDefault, newTypeSchema, identity, generated, comment,
                collation, collationSchema, inherited);
    }

    /** The same column with another default (null for none). */
    public ColumnSnapshot withDefault(String newDefault) {
        return new ColumnSnapshot(name, type, serial, notNull, newDefault, typeSchema, identity, generated, comment,
                collation, collationSchema, inherited);
    }

    /** The same column with another comment (null for none). */
    public ColumnSnapshot withComment(String newComment) {
        return new ColumnSnapshot(name, type, serial, notNull, defaultValue, typeSchema, identity, generated, newComment,
                collation, collationSchema, inherited);
    }

    /** The same column with another identity (null for none). */
    public ColumnSnapshot withIdentity(IdentitySnapshot newIdentity) {
        return new ColumnSnapshot(name, type, serial, notNull, defaultValue, typeSchema, newIdentity, generated, comment,
                collation, collationSchema);
    }

    /** The same column, serial or not. */
    public ColumnSnapshot withSerial(boolean newSerial) {
        return new ColumnSnapshot(name, type, newSerial, notNull, defaultValue, typeSchema, identity, generated, comment,
                collation, collationSchema);
    }

    /** True for an array column. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isArray() {
        return type.endsWith("[]");
    }

    /** The type without the array brackets. */
    public String elementType() {
        return isArray() ? type.substring(0, type.length() - 2) : type;
    }

    /** The key ({@code schema.name}) of the user-defined type (enum) the column or its elements are of, or null. */
    public String userTypeKey() {
        return typeSchema == null ? null : Snapshot.key(typeSchema, elementType());
    }
}
