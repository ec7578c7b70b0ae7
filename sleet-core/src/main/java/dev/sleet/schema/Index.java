package dev.sleet.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An index declared on a table: {@code index("idx_tasks_epic").on(epicId)}. Keys may be columns,
 * ordered columns or expressions ({@link IndexKey}); an index may be partial ({@link #where}), use
 * another access method ({@link #using}) and storage parameters ({@link #with}), and be built
 * {@link #concurrently()}. Immutable: each modifier returns a new index and puts it in the place
 * of the old one on its table.
 */
public final class Index {

    private final Table<?> table;
    private final String name;
    private final boolean unique;
    private List<IndexKey> keys;
    private IndexMethod method;
    private String where;
    private SortedMap<String, String> with;
    private boolean nullsNotDistinct;
    private boolean concurrently;
    private List<String> include = List.of();

    /** A btree index without keys yet. */
    Index(Table<?> table, String name, boolean unique) {
        this.table = table;
        this.name = Objects.requireNonNull(name, "index name");
        this.unique = unique;
        this.keys = List.of();
        this.method = IndexMethod.BTREE;
        this.with = Collections.emptySortedMap();
    }

    private Index copy() {
        Index copy = new Index(table, name, unique);
        copy.method = method;
        copy.keys = keys;
        copy.where = where;
        copy.with = with;
        copy.nullsNotDistinct = nullsNotDistinct;
        copy.concurrently = concurrently;
        copy.include = include;
        return copy;
    }

    /**
     * An index on a materialized view, for {@link View#index(Index)}: a view has no column objects,
     * so its keys name columns with {@link IndexKey#column(String)}.
     */
    public static Index forView(String name) {
        return new Index(null, name, false);
    }

    /** A unique index on a materialized view (see {@link #forView}). */
    public static Index uniqueForView(String name) {
        return new Index(null, name, true);
    }

    /** The indexed columns, ascending. */
    public Index on(Column<?>... indexed) {
        List<IndexKey> next = new ArrayList<>();
        for (Column<?> column : indexed) {
            next.add(IndexKey.of(column));
        }
        return on(next.toArray(IndexKey[]::new));
    }

    /** The keys: columns with an order ({@code createdAt.desc()}) or expressions ({@link IndexKey#expression}). */
    public Index on(IndexKey... indexed) {
        Index next = copy();
        next.keys = List.of(indexed);
        return replaceWith(next);
    }

    public Index using(IndexMethod indexMethod) {
        Index next = copy();
        next.method = Objects.requireNonNull(indexMethod);
        return replaceWith(next);
    }

    /**
     * A partial index over the rows the predicate holds for; write it as PostgreSQL prints it back
     * ({@code (deleted_at IS NULL)}).
     */
    public Index where(String predicate) {
        Index next = copy();
        next.where = Objects.requireNonNull(predicate);
        return replaceWith(next);
    }

    /** A storage parameter: {@code .with("fillfactor", "70")}. */
    public Index with(String parameter, String value) {
        Index next = copy();
        SortedMap<String, String> params = new TreeMap<>(with);
        params.put(Objects.requireNonNull(parameter), Objects.requireNonNull(value));
        next.with = Collections.unmodifiableSortedMap(params);
        return replaceWith(next);
    }

    /** A unique index under which NULLs are equal (PostgreSQL 15). */
    public Index nullsNotDistinct() {
        if (!unique) {
            throw new IllegalStateException("Index " + name + " is not unique: only a unique index can be NULLS NOT DISTINCT");
        }
        Index next = copy();
        next.nullsNotDistinct = true;
        return replaceWith(next);
    }

    /**
     * Builds the index with {@code CREATE INDEX CONCURRENTLY} on an existing table, which does not
     * lock out writes but cannot run in a transaction: the migration puts it in a file of its own
     * that runs outside one. It changes how the index is built, not what it is.
     */
    public Index concurrently() {
        Index next = copy();
        next.concurrently = true;
        return replaceWith(next);
    }

    /**
     * Non-key columns stored in the index ({@code INCLUDE}), so that an index-only scan can return
     * them; they take no part in ordering or uniqueness.
     */
    public Index include(Column<?>... columns) {
        Index next = copy();
        next.include = Table.names(columns);
        return replaceWith(next);
    }

    /** {@code INCLUDE} columns by SQL name, for an index of a materialized view. */
    public Index include(String... columns) {
        Index next = copy();
        next.include = List.of(columns);
        return replaceWith(next);
    }

    private Index replaceWith(Index next) {
        // An index of a view stands alone: the view takes the finished index.
        if (table != null) {
            table.replace(this, next);
        }
        return next;
    }

    /** The {@code INCLUDE} columns, in order. */
    public List<String> include() {
        return include;
    }

    public String name() {
        return name;
    }

    public boolean isUnique() {
        return unique;
    }

    /** The keys in order. */
    public List<IndexKey> keys() {
        return keys;
    }

    /** The names of the keys that are columns, in order (expressions left out). */
    public List<String> columns() {
        List<String> columns = new ArrayList<>();
        for (IndexKey key : keys) {
            if (key.column() != null) {
                columns.add(key.column());
            }
        }
        return columns;
    }

    public IndexMethod method() {
        return method;
    }

    /** The predicate of a partial index, or null. */
    public String where() {
        return where;
    }

    /** Storage parameters, sorted by name. */
    public SortedMap<String, String> with() {
        return with;
    }

    public boolean isNullsNotDistinct() {
        return nullsNotDistinct;
    }

    public boolean isConcurrently() {
        return concurrently;
    }
}
