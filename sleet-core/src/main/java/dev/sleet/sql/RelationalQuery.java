package dev.sleet.sql;

import dev.sleet.schema.Table;

/** {@code db.query(JIRA, TASKS)}: relational queries on one table. */
public final class RelationalQuery {

    private final Session session;
    private final Relational relations;
    private final Table<?> table;

    RelationalQuery(Session session, Relational relations, Table<?> table) {
        this.session = session;
        this.relations = relations;
        this.table = table;
    }

    /** Rows of the table as records of {@code type}; components name columns, extras and relations. */
    public <R> FindMany<R> findMany(Class<R> type) {
        return new FindMany<>(session, relations, table, type);
    }

    /** The first row, built like {@link #findMany}: {@code findFirst(Task.class).where(...).fetchFirst()}. */
    public <R> FindMany<R> findFirst(Class<R> type) {
        return new FindMany<>(session, relations, table, type).limit(1);
    }
}
