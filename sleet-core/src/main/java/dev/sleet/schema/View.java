package dev.sleet.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A view or materialized view, declared as a public static final field of a schema class:
 *
 * <pre>{@code
 * public static final View ACTIVE_USERS = View.of("active_users",
 *         "SELECT users.id, users.name FROM users WHERE users.active").with("security_barrier", "true");
 * public static final View DAILY_TOTALS = View.materialized("daily_totals", "SELECT ...").withNoData();
 * }</pre>
 *
 * The definition is compared as {@code pg_get_viewdef} prints it, with runs of white space outside
 * literals taken as one space: write it in that form (columns qualified by their table,
 * parenthesised conditions and casts spelled out), or let {@code sleet pull} write it for you. A
 * view whose definition or options change is dropped and created again. Immutable: each method
 * returns a new view.
 */
public final class View implements SchemaObject {

    private final String schema;
    private final String name;
    private final String definition;
    private final boolean materialized;
    private final SortedMap<String, String> with;
    private final boolean withNoData;
    private final String comment;
    private final String previousName;
    private final SortedMap<String, ViewTrigger> triggers;
    private final List<Index> indexes;
    private final String clusterIndex;
    private final SortedMap<String, ViewColumn> columns;
    private final List<CompositeType.Attribute> standIn;

    /**
     * A trigger on a view ({@code INSTEAD OF}, or a statement trigger), by its definition as
     * {@code pg_get_triggerdef} prints it; see {@link Trigger}.
     */
    public record ViewTrigger(String name, String definition) {
        public ViewTrigger {
            Objects.requireNonNull(name, "trigger name");
            Objects.requireNonNull(definition, "trigger definition");
        }
    }

    /**
     * What a column of the view carries of its own: a default ({@code ALTER VIEW ... ALTER COLUMN ...
     * SET DEFAULT}, an SQL expression as {@code pg_get_expr} prints it, used by inserts through the
     * view) and a comment ({@code COMMENT ON COLUMN}); either may be null.
     */
    public record ViewColumn(String name, String defaultSql, String comment) {
        public ViewColumn {
            Objects.requireNonNull(name, "column name");
        }
    }

    private View(String schema, String name, String definition, boolean materialized, SortedMap<String, String> with,
                 boolean withNoData, String comment, String previousName) {
        this(schema, name, definition, materialized, with, withNoData, comment, previousName, new TreeMap<>(), List.of(), null,
                new TreeMap<>(), List.of());
    }

    private View(String schema, String name, String definition, boolean materialized, SortedMap<String, String> with,
                 boolean withNoData, String comment, String previousName, SortedMap<String, ViewTrigger> triggers,
                 List<Index> indexes, String clusterIndex, SortedMap<String, ViewColumn> columns,
                 List<CompositeType.Attribute> standIn) {
        this.standIn = List.copyOf(standIn);
        this.columns = Collections.unmodifiableSortedMap(new TreeMap<>(columns));
        this.indexes = List.copyOf(indexes);
        this.clusterIndex = clusterIndex;
        this.schema = Objects.requireNonNull(schema, "schema");
        this.name = Objects.requireNonNull(name, "view name");
        this.definition = Objects.requireNonNull(definition, "view definition");
        this.materialized = materialized;
        this.with = Collections.unmodifiableSortedMap(new TreeMap<>(with));
        this.withNoData = withNoData;
        this.comment = comment;
        this.previousName = previousName;
        this.triggers = Collections.unmodifiableSortedMap(new TreeMap<>(triggers));
    }

    /** A view in the {@code public} schema. */
    public static View of(String name, String definition) {
        return new View("public", name, definition, false, new TreeMap<>(), false, null, null);
    }

    /** A materialized view in the {@code public} schema. */
    public static View materialized(String name, String definition) {
        return new View("public", name, definition, true, new TreeMap<>(), false, null, null);
    }

    public View inSchema(String schemaName) {
        return new View(schemaName, name, definition, materialized, with, withNoData, comment, previousName, triggers, indexes,
                clusterIndex, columns, standIn);
    }

    /** An option ({@code security_barrier}, {@code check_option}) or, for a materialized view, a storage parameter. */
    public View with(String option, String value) {
        SortedMap<String, String> options = new TreeMap<>(with);
        options.put(Objects.requireNonNull(option), Objects.requireNonNull(value));
        return new View(schema, name, definition, materialized, options, withNoData, comment, previousName, triggers, indexes,
                clusterIndex, columns, standIn);
    }

    /**
     * Creates a materialized view {@code WITH NO DATA} (empty until refreshed). It changes how the
     * view is created, not what it is, so it is not compared.
     */
    public View withNoData() {
        if (!materialized) {
            throw new IllegalStateException("View " + name + " is not materialized: only a materialized view has WITH NO DATA");
        }
        return new View(schema, name, definition, materialized, with, true, comment, previousName, triggers, indexes,
                clusterIndex, columns, standIn);
    }

    /** {@code COMMENT ON VIEW}. */
    public View comment(String text) {
        return new View(schema, name, definition, materialized, with, withNoData, Objects.requireNonNull(text), previousName,
                triggers, indexes, clusterIndex, columns, standIn);
    }

    /**
     * {@code ALTER VIEW ... ALTER COLUMN column SET DEFAULT expression}: the value an insert through
     * the view gives the column when it names none (a view's columns have no default otherwise).
     * Written as {@code pg_get_expr} prints it ({@code 'new'::text}), as pull writes it. A view made
     * anew gets it again.
     */
    public View columnDefault(String column, String expression) {
        if (materialized) {
            throw new IllegalStateException("View " + name + " is materialized: only a plain view's columns have defaults");
        }
        return withColumn(new ViewColumn(column, Objects.requireNonNull(expression, "expression"), carried(column).comment()));
    }

    /** {@code COMMENT ON COLUMN} of one of the view's columns. A view made anew gets it again. */
    public View columnComment(String column, String text) {
        return withColumn(new ViewColumn(column, carried(column).defaultSql(), Objects.requireNonNull(text, "comment")));
    }

    /** What {@code column} carries so far: a default and a comment are declared one at a time. */
    private ViewColumn carried(String column) {
        return columns.getOrDefault(Objects.requireNonNull(column, "column"), new ViewColumn(column, null, null));
    }

    private View withColumn(ViewColumn column) {
        SortedMap<String, ViewColumn> next = new TreeMap<>(columns);
        next.put(column.name(), column);
        return new View(schema, name, definition, materialized, with, withNoData, comment, previousName, triggers, indexes,
                clusterIndex, next, standIn);
    }

    /** The columns that carry a default or a comment, by name. */
    public SortedMap<String, ViewColumn> columns() {
        return columns;
    }

    /**
     * A column of this view's stand-in, in column order: a view that reads itself ({@code CREATE OR
     * REPLACE VIEW v AS ... FROM v}) cannot be made from its definition, so it is first made as
     * {@code SELECT NULL::type AS column, ...} and then replaced by its definition, as {@code pg_dump}
     * does. List every column of the view with its type as {@code format_type} prints it; pull
     * writes them. It says how the view is made, not what it is, so it is not compared.
     */
    public View standIn(String column, String type) {
        return withStandIn(new CompositeType.Attribute(column, type, Optional.empty()));
    }

    /** A column of the stand-in with {@code COLLATE collation} (qualified and quoted), where it is not its type's. */
    public View standIn(String column, String type, String collation) {
        return withStandIn(new CompositeType.Attribute(column, type, Optional.of(collation)));
    }

    private View withStandIn(CompositeType.Attribute column) {
        if (materialized) {
            throw new IllegalStateException("View " + name + " is materialized: only a plain view can read itself");
        }
        List<CompositeType.Attribute> next = new ArrayList<>(standIn);
        next.add(column);
        return new View(schema, name, definition, materialized, with, withNoData, comment, previousName, triggers, indexes,
                clusterIndex, columns, next);
    }

    /** The columns of the stand-in the view is first made as; empty for a view made from its definition alone. */
    public List<CompositeType.Attribute> standIn() {
        return standIn;
    }

    /**
     * Declares that this view was called {@code previousName} (in the same schema) before, so that
     * {@code sleet generate} and {@code sleet push} rename it (a materialized view keeps its rows) instead of asking whether it is new.
     * Once the rename has been generated the declaration is harmless and may be removed.
     */
    public View renamedFrom(String previousName) {
        return new View(schema, name, definition, materialized, with, withNoData, comment,
                Objects.requireNonNull(previousName, "previousName"), triggers, indexes, clusterIndex, columns, standIn);
    }

    /**
     * A trigger on the view: {@code INSTEAD OF} row triggers, or {@code BEFORE}/{@code AFTER} statement
     * triggers, by the definition {@code pg_get_triggerdef} prints. A view that is recreated gets its
     * triggers again.
     */
    public View trigger(String triggerName, String triggerDefinition) {
        SortedMap<String, ViewTrigger> next = new TreeMap<>(triggers);
        next.put(triggerName, new ViewTrigger(triggerName, triggerDefinition));
        return new View(schema, name, definition, materialized, with, withNoData, comment, previousName, next, indexes,
                clusterIndex, columns, standIn);
    }

    /** The triggers by name. */
    public SortedMap<String, ViewTrigger> triggers() {
        return triggers;
    }

    /**
     * An index on this materialized view: {@code .index(Index.uniqueForView("daily_totals_day").on(IndexKey.column("day")))}.
     * A unique one lets {@code REFRESH MATERIALIZED VIEW CONCURRENTLY} run.
     */
    public View index(Index index) {
        if (!materialized) {
            throw new IllegalStateException("View " + name + " is not materialized: only a materialized view has indexes");
        }
        List<Index> next = new ArrayList<>(indexes);
        next.add(Objects.requireNonNull(index, "index"));
        return new View(schema, name, definition, materialized, with, withNoData, comment, previousName, triggers, next,
                clusterIndex, columns, standIn);
    }

    /**
     * {@code ALTER TABLE ... CLUSTER ON index}: the index of this materialized view (by name) that
     * {@code CLUSTER} orders it by.
     */
    public View clusterOn(String indexName) {
        if (!materialized) {
            throw new IllegalStateException("View " + name + " is not materialized: only a materialized view is clustered");
        }
        return new View(schema, name, definition, materialized, with, withNoData, comment, previousName, triggers, indexes,
                Objects.requireNonNull(indexName, "indexName"), columns, standIn);
    }

    /** The index this materialized view is clustered on; empty when none. */
    public Optional<String> clusteredOn() {
        return Optional.ofNullable(clusterIndex);
    }

    /** The indexes of a materialized view, in declaration order. */
    public List<Index> indexes() {
        return indexes;
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
    public Optional<String> previousName() {
        return Optional.ofNullable(previousName);
    }

    public String definition() {
        return definition;
    }

    public boolean isMaterialized() {
        return materialized;
    }

    public SortedMap<String, String> with() {
        return with;
    }

    public boolean isWithNoData() {
        return withNoData;
    }

    /** The comment, or null. */
    public String comment() {
        return comment;
    }

    @Override
    public String toString() {
        return (materialized ? "materialized view " : "view ") + schema + "." + name;
    }
}
