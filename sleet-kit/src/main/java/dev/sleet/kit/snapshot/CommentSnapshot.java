package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sleet.schema.Comment;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A comment on an object that keeps none in its own snapshot (see {@link Comment.Kind}): a schema,
 * an index, a type, a domain, a sequence, a collation, a text search object, or a trigger,
 * constraint or policy of the table, view or domain {@code on}. Tables, columns, views and
 * routines keep theirs in their own snapshots.
 */
public record CommentSnapshot(Comment.Kind kind, String schema,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String on,
                              String name, String comment) {

    /**
     * The schema every PostgreSQL database starts with. It is never in {@link Snapshot#schemas()}
     * (nothing creates it), yet it has a comment like any schema.
     */
    public static final String PUBLIC = "public";
    /**
     * The comment PostgreSQL gives {@code public} in a new database. A snapshot without a comment on
     * {@code public} means this one, as pg_dump takes it: the comment is carried only where it is
     * another text, or none at all (an empty comment, as {@code COMMENT ON ... IS ''} removes one), for
     * a database whose {@code public} was dropped and made again.
     */
    public static final String PUBLIC_DEFAULT = "standard public schema";

    public CommentSnapshot {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(schema);
        Objects.requireNonNull(name);
        Objects.requireNonNull(comment);
        on = kind.withinRelation() ? Objects.requireNonNull(on, "on") : null;
    }

    /** {@code KIND schema.name}, or {@code KIND schema.on.name}; a schema's is {@code SCHEMA name}. */
    @JsonIgnore
    public String key() {
        return key(kind, schema, on, name);
    }

    public static String key(Comment.Kind kind, String schema, String on, String name) {
        return kind + " " + (kind == Comment.Kind.SCHEMA ? name : schema + "." + (on == null ? "" : on + ".") + name);
    }

    /** The object in words: {@code index public.orders_by_day}, {@code constraint public.orders.total_check}. */
    @JsonIgnore
    public String object() {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + key().substring(kind.name().length());
    }

    /** The same comment on the object under another schema, table (or view, or domain) and name. */
    public CommentSnapshot movedTo(String newSchema, String newOn, String newName) {
        return new CommentSnapshot(kind, newSchema, newOn, newName, comment);
    }

    /** {@code snapshot} with those of {@code comments} whose objects it holds as its comments. */
    public static Snapshot keptOn(Snapshot snapshot, Collection<CommentSnapshot> comments) {
        SortedMap<String, CommentSnapshot> kept = new TreeMap<>();
        comments.stream().filter(c -> c.targetIn(snapshot)).forEach(c -> kept.put(c.key(), c));
        return snapshot.withComments(kept);
    }

    /** Whether this is the comment on schema {@code public}, which an empty comment leaves without one. */
    @JsonIgnore
    public boolean onPublicSchema() {
        return kind == Comment.Kind.SCHEMA && name.equals(PUBLIC);
    }

    /** Whether the object the comment is on is part of {@code snapshot}. */
    public boolean targetIn(Snapshot snapshot) {
        String key = Snapshot.key(schema, name);
        return switch (kind) {
            case SCHEMA -> snapshot.schemas().contains(name) || name.equals(PUBLIC);
            case INDEX -> snapshot.tables().values().stream().anyMatch(t -> t.schema().equals(schema)
                    && (t.indexes().containsKey(name) || t.uniqueConstraints().containsKey(name)
                            || t.exclusions().containsKey(name) || t.primaryKey() != null && t.primaryKey().name().equals(name)))
                    || snapshot.views().values().stream().anyMatch(v -> v.schema().equals(schema) && v.indexes().containsKey(name));
            case TYPE -> snapshot.enums().containsKey(key) || snapshot.types().containsKey(key);
            case DOMAIN -> snapshot.domains().containsKey(key);
            case SEQUENCE -> snapshot.sequences().containsKey(key);
            case COLLATION -> snapshot.collations().containsKey(key);
            case TEXT_SEARCH_CONFIGURATION -> snapshot.textSearch().containsKey(TextSearchSnapshot.CONFIGURATION + " " + key);
            case TEXT_SEARCH_DICTIONARY -> snapshot.textSearch().containsKey(TextSearchSnapshot.DICTIONARY + " " + key);
            case TRIGGER -> {
                TableSnapshot table = snapshot.tables().get(Snapshot.key(schema, on));
                ViewSnapshot view = snapshot.views().get(Snapshot.key(schema, on));
                yield table != null && table.triggers().containsKey(name) || view != null && view.triggers().containsKey(name);
            }
            case CONSTRAINT -> {
                TableSnapshot t = snapshot.tables().get(Snapshot.key(schema, on));
                yield t != null && (t.primaryKey() != null && t.primaryKey().name().equals(name)
                        || t.uniqueConstraints().containsKey(name) || t.foreignKeys().containsKey(name)
                        || t.checkConstraints().containsKey(name) || t.exclusions().containsKey(name));
            }
            case DOMAIN_CONSTRAINT -> {
                DomainSnapshot domain = snapshot.domains().get(Snapshot.key(schema, on));
                yield domain != null && domain.checks().containsKey(name);
            }
            case POLICY -> {
                TableSnapshot table = snapshot.tables().get(Snapshot.key(schema, on));
                yield table != null && table.policies().containsKey(name);
            }
        };
    }
}
