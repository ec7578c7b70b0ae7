package dev.sleet.sql;

import dev.sleet.schema.Table;

import java.util.List;
import java.util.Optional;

/**
 * A relational query, drizzle's {@code db.query.tasks.findMany({ with: { user: true } })}:
 * {@code db.query(JIRA, TASKS).findMany(Task.class).with("user").fetch()}. It runs one statement
 * for the top level and one per relation loaded, whatever the number of rows; each nested level is
 * filtered by the keys of the level above, passed as one array parameter. Single use.
 *
 * @param <R> the record each top-level row becomes
 */
public final class FindMany<R> extends Level<FindMany<R>> {

    private final Session session;
    private final Relational relations;
    private final Table<?> table;
    private final Class<R> type;

    FindMany(Session session, Relational relations, Table<?> table, Class<R> type) {
        this.session = session;
        this.relations = relations;
        this.table = table;
        this.type = type;
    }

    /** Every row, with the relations asked for. */
    public List<R> fetch() {
        return new RelationalFetch(session, relations).fetch(table, this, type);
    }

    /** drizzle's {@code findFirst}: the first row (after {@code orderBy}), if any. */
    public Optional<R> fetchFirst() {
        limit(1);
        List<R> rows = fetch();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
}
