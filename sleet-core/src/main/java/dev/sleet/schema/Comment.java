package dev.sleet.schema;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A comment ({@code COMMENT ON ... IS '...'}) on an object that takes no {@code .comment(...)} of
 * its own: a schema, an index, a type, a domain, a sequence, a collation, a text search
 * configuration or dictionary, a trigger, a constraint or a policy. Tables, columns, views and
 * routines take theirs with {@code comment(...)}. Declare it as a public static final field, as
 * tables are:
 *
 * <pre>{@code
 * public static final Comment SALES = Comment.onSchema("sales", "Orders and customers");
 * public static final Comment ORDERS_BY_DAY = Comment.onIndex("public", "orders_by_day", "For the daily report");
 * public static final Comment ORDERS_TOTAL = Comment.onConstraint("public", "orders", "orders_total_check", "Never negative");
 * }</pre>
 *
 * <p>The object must be declared too; Sleet sets the comment after making the object, and again
 * whenever it makes the object anew. Removing the declaration removes the comment.
 */
public final class Comment implements SchemaObject {

    /** What a comment is on; {@link #on()} names the table (or view, or domain) of the last four. */
    public enum Kind {
        SCHEMA, INDEX, TYPE, DOMAIN, SEQUENCE, COLLATION, TEXT_SEARCH_CONFIGURATION, TEXT_SEARCH_DICTIONARY,
        TRIGGER, CONSTRAINT, DOMAIN_CONSTRAINT, POLICY;

        /** Whether the object is named within a table, view or domain ({@link Comment#on()}). */
        public boolean withinRelation() {
            return this == TRIGGER || this == CONSTRAINT || this == DOMAIN_CONSTRAINT || this == POLICY;
        }
    }

    private final Kind kind;
    private final String schema;
    private final String on;
    private final String name;
    private final String text;

    private Comment(Kind kind, String schema, String on, String name, String text) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.on = kind.withinRelation() ? Objects.requireNonNull(on, "table") : null;
        this.name = Objects.requireNonNull(name, "name");
        this.text = Objects.requireNonNull(text, "comment");
    }

    /** A comment of the given kind; {@code on} is the table, view or domain for kinds {@link Kind#withinRelation() within one}, else null. */
    public static Comment of(Kind kind, String schema, String on, String name, String text) {
        return new Comment(kind, schema, on, name, text);
    }

    /**
     * On a schema. {@code public} exists without being declared and PostgreSQL gives it the comment
     * {@code standard public schema} in every new database: no {@code Comment} on {@code public} means
     * that one, and {@code onSchema("public", "")} means none (as pull writes it for a database whose
     * {@code public} was dropped and made again).
     */
    public static Comment onSchema(String schema, String text) {
        return new Comment(Kind.SCHEMA, schema, null, schema, text);
    }

    public static Comment onIndex(String schema, String index, String text) {
        return new Comment(Kind.INDEX, schema, null, index, text);
    }

    /** On an enum, composite or range type. */
    public static Comment onType(String schema, String type, String text) {
        return new Comment(Kind.TYPE, schema, null, type, text);
    }

    public static Comment onDomain(String schema, String domain, String text) {
        return new Comment(Kind.DOMAIN, schema, null, domain, text);
    }

    public static Comment onSequence(String schema, String sequence, String text) {
        return new Comment(Kind.SEQUENCE, schema, null, sequence, text);
    }

    public static Comment onCollation(String schema, String collation, String text) {
        return new Comment(Kind.COLLATION, schema, null, collation, text);
    }

    public static Comment onTextSearchConfiguration(String schema, String configuration, String text) {
        return new Comment(Kind.TEXT_SEARCH_CONFIGURATION, schema, null, configuration, text);
    }

    public static Comment onTextSearchDictionary(String schema, String dictionary, String text) {
        return new Comment(Kind.TEXT_SEARCH_DICTIONARY, schema, null, dictionary, text);
    }

    /** On a trigger of a table or view. */
    public static Comment onTrigger(String schema, String table, String trigger, String text) {
        return new Comment(Kind.TRIGGER, schema, table, trigger, text);
    }

    /** On a primary key, unique, check, foreign key or exclusion constraint of a table. */
    public static Comment onConstraint(String schema, String table, String constraint, String text) {
        return new Comment(Kind.CONSTRAINT, schema, table, constraint, text);
    }

    /** On a check constraint of a domain. */
    public static Comment onDomainConstraint(String schema, String domain, String constraint, String text) {
        return new Comment(Kind.DOMAIN_CONSTRAINT, schema, domain, constraint, text);
    }

    public static Comment onPolicy(String schema, String table, String policy, String text) {
        return new Comment(Kind.POLICY, schema, table, policy, text);
    }

    public Kind kind() {
        return kind;
    }

    /** The table, view or domain the object belongs to, for kinds {@link Kind#withinRelation() within one}. */
    public Optional<String> on() {
        return Optional.ofNullable(on);
    }

    public String text() {
        return text;
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
        return "comment on " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + schema + "."
                + (on == null ? "" : on + ".") + name;
    }
}
