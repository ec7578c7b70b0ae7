package dev.sleet.schema;

import java.util.List;
import java.util.Objects;

/** An index declared on a table: {@code index("idx_tasks_epic").on(epicId)}. */
public final class Index {

    private final Table<?> table;
    private final String name;
    private final boolean unique;
    private final List<String> columns;
    private final IndexMethod method;

    Index(Table<?> table, String name, boolean unique, List<String> columns, IndexMethod method) {
        this.table = table;
        this.name = Objects.requireNonNull(name, "index name");
        this.unique = unique;
        this.columns = List.copyOf(columns);
        this.method = Objects.requireNonNull(method);
    }

    public Index on(Column<?>... indexed) {
        return replaceWith(new Index(table, name, unique, Table.names(indexed), method));
    }

    public Index using(IndexMethod indexMethod) {
        return replaceWith(new Index(table, name, unique, columns, indexMethod));
    }

    private Index replaceWith(Index next) {
        table.replace(this, next);
        return next;
    }

    public String name() {
        return name;
    }

    public boolean isUnique() {
        return unique;
    }

    public List<String> columns() {
        return columns;
    }

    public IndexMethod method() {
        return method;
    }
}
