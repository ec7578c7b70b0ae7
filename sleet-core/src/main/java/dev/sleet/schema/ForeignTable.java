package dev.sleet.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A foreign table ({@code CREATE FOREIGN TABLE}) on a {@link ForeignServer}: its columns in order,
 * its options and comment. Types, defaults and collations are SQL as PostgreSQL prints them
 * ({@code format_type}, {@code pg_get_expr}), as pull writes them.
 *
 * <pre>{@code
 * public static final ForeignTable PROJECTS_DUMP = ForeignTable.of("projects_dump", IMPORT_CSV)
 *         .column("id", "integer")
 *         .column(ForeignTable.Column.of("name", "text").notNull().comment("Shown to users"))
 *         .option("filename", "/tmp/projects_dump.csv").option("format", "csv")
 *         .comment("A dump of the projects");
 * }</pre>
 *
 * A foreign table holds no rows of its own: one whose columns or server change is dropped and
 * created again; options and comments change in place.
 */
public final class ForeignTable implements SchemaObject {

    /**
     * A column: its type, {@code NOT NULL}, a default, a collation (qualified and quoted, where not
     * its type's), its options in order ({@code OPTIONS (column_name 'id')}) and its comment.
     * Immutable: each method returns a new column.
     */
    public static final class Column {
        private final String name;
        private final String type;
        private final boolean notNull;
        private final String defaultSql;
        private final String collation;
        private final Map<String, String> options;
        private final String comment;

        private Column(String name, String type, boolean notNull, String defaultSql, String collation,
                       Map<String, String> options, String comment) {
            this.name = Objects.requireNonNull(name, "column name");
            this.type = Objects.requireNonNull(type, "column type");
            this.notNull = notNull;
            this.defaultSql = defaultSql;
            this.collation = collation;
            this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
            this.comment = comment;
        }

        /** A nullable column of the type (as {@code format_type} prints it), without default or options. */
        public static Column of(String name, String type) {
            return new Column(name, type, false, null, null, Map.of(), null);
        }

        public Column notNull() {
            return new Column(name, type, true, defaultSql, collation, options, comment);
        }

        public Column defaultSql(String expression) {
            return new Column(name, type, notNull, Objects.requireNonNull(expression), collation, options, comment);
        }

        public Column collate(String qualifiedCollation) {
            return new Column(name, type, notNull, defaultSql, Objects.requireNonNull(qualifiedCollation), options, comment);
        }

        /** A column option, after those already declared. */
        public Column option(String optionName, String value) {
            Map<String, String> next = new LinkedHashMap<>(options);
            next.put(Objects.requireNonNull(optionName), Objects.requireNonNull(value));
            return new Column(name, type, notNull, defaultSql, collation, next, comment);
        }

        /** {@code COMMENT ON COLUMN}. */
        public Column comment(String text) {
            return new Column(name, type, notNull, defaultSql, collation, options, Objects.requireNonNull(text));
        }

        public String name() {
            return name;
        }

        public String type() {
            return type;
        }

        public boolean isNotNull() {
            return notNull;
        }

        /** The default, or null. */
        public String defaultSql() {
            return defaultSql;
        }

        /** The collation, or null. */
        public String collation() {
            return collation;
        }

        public Map<String, String> options() {
            return options;
        }

        /** The comment, or null. */
        public String comment() {
            return comment;
        }
    }

    private final String schema;
    private final String name;
    private final String server;
    private final List<Column> columns;
    private final Map<String, String> options;
    private final String comment;

    private ForeignTable(String schema, String name, String server, List<Column> columns, Map<String, String> options,
                         String comment) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.name = Objects.requireNonNull(name, "foreign table name");
        this.server = Objects.requireNonNull(server, "server");
        this.columns = List.copyOf(columns);
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        this.comment = comment;
    }

    /** A foreign table in the {@code public} schema on the server, without columns yet. */
    public static ForeignTable of(String name, ForeignServer server) {
        return new ForeignTable("public", name, server.objectName(), List.of(), Map.of(), null);
    }

    public ForeignTable inSchema(String schemaName) {
        return new ForeignTable(schemaName, name, server, columns, options, comment);
    }

    /** A column of the type, nullable, without default or options, after those already declared. */
    public ForeignTable column(String columnName, String type) {
        return column(Column.of(columnName, type));
    }

    /** A column, after those already declared. */
    public ForeignTable column(Column column) {
        List<Column> next = new ArrayList<>(columns);
        next.add(Objects.requireNonNull(column));
        return new ForeignTable(schema, name, server, next, options, comment);
    }

    /** A table option ({@code OPTIONS (filename '...')}), after those already declared. */
    public ForeignTable option(String optionName, String value) {
        Map<String, String> next = new LinkedHashMap<>(options);
        next.put(Objects.requireNonNull(optionName), Objects.requireNonNull(value));
        return new ForeignTable(schema, name, server, columns, next, comment);
    }

    /** {@code COMMENT ON FOREIGN TABLE}. */
    public ForeignTable comment(String text) {
        return new ForeignTable(schema, name, server, columns, options, Objects.requireNonNull(text));
    }

    @Override
    public String schemaName() {
        return schema;
    }

    @Override
    public String objectName() {
        return name;
    }

    /** The server's name. */
    public String server() {
        return server;
    }

    public List<Column> columns() {
        return columns;
    }

    public Map<String, String> options() {
        return options;
    }

    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    @Override
    public String toString() {
        return "foreign table " + schema + "." + name;
    }
}
