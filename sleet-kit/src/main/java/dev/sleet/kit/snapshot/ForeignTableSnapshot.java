package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A foreign table on a carried server, keyed by {@code schema.name}: its columns in order, its
 * options in the catalog's order and its comment. Types are {@code format_type}'s, defaults
 * {@code pg_get_expr}'s, collations qualified and quoted (only where not the type's), all read
 * with {@code search_path = public}. Only one that inherits nothing and has no constraints or
 * triggers is carried.
 */
public record ForeignTableSnapshot(String schema, String name, String server, List<Column> columns,
                                   @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> options,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) String comment) {

    /** A column of a foreign table. */
    public record Column(String name, String type,
                         @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean notNull,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String defaultValue,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String collation,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> options,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String comment) {
        public Column {
            Objects.requireNonNull(name);
            Objects.requireNonNull(type);
            options = new LinkedHashMap<>(options == null ? Map.of() : options);
            // COMMENT ON ... IS '' removes a comment: the catalog never holds an empty one.
            comment = comment == null || comment.isEmpty() ? null : comment;
        }

        /** The same column with another comment. */
        public Column withComment(String newComment) {
            return new Column(name, type, notNull, defaultValue, collation, options, newComment);
        }

        /** The same column with other options. */
        public Column withOptions(Map<String, String> newOptions) {
            return new Column(name, type, notNull, defaultValue, collation, newOptions, comment);
        }
    }

    public ForeignTableSnapshot {
        Objects.requireNonNull(schema);
        Objects.requireNonNull(name);
        Objects.requireNonNull(server);
        columns = List.copyOf(columns == null ? List.of() : columns);
        options = new LinkedHashMap<>(options == null ? Map.of() : options);
        comment = comment == null || comment.isEmpty() ? null : comment;
    }

    @JsonIgnore
    public String key() {
        return Snapshot.key(schema, name);
    }

    /**
     * Whether {@code other} is the same table up to what changes in place: options and comments,
     * its own and its columns'. Anything else (a column, a type, the server) makes it anew.
     */
    public boolean sameShapeAs(ForeignTableSnapshot other) {
        return schema.equals(other.schema) && name.equals(other.name) && server.equals(other.server)
                && plain(columns).equals(plain(other.columns));
    }

    private static List<Column> plain(List<Column> columns) {
        return columns.stream().map(c -> c.withComment(null).withOptions(null)).toList();
    }
}
