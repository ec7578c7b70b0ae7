package dev.sleet.sql;

import dev.sleet.schema.Table;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A relational query, drizzle's {@code db.query.tasks.findMany({ with: { user: true } })}:
 * {@code db.query(JIRA, TASKS).findMany(Task.class).with("user").fetch()}. It runs one statement
 * for the top level and one per relation loaded, whatever the number of rows; each nested level is
 * filtered by the keys of the level above, passed as one array parameter; or, with
 * {@link #singleStatement()}, one statement that aggregates nested levels into JSON. Single use.
 *
 * @param <R> the record each top-level row becomes
 */
public final class FindMany<R> extends Level<FindMany<R>> {

    private final Session session;
    private final Relational relations;
    private final Table<?> table;
    private final Class<R> type;
    private Strategy strategy = Strategy.PER_LEVEL;

    /** How the rows of nested levels are fetched; the records are the same either way. */
    public enum Strategy {
        /**
         * The default: one statement per level, each nested level filtered by the keys of the level
         * above (one array parameter). Fastest where the database is near (fewer bytes, no JSON).
         */
        PER_LEVEL,
        /**
         * One statement for the whole tree: each nested level is a lateral subquery that aggregates
         * its rows into JSON ({@code json_agg(json_build_array(...))}), read back per column type.
         * One round trip, for links where latency dominates.
         */
        SINGLE_STATEMENT
    }

    FindMany(Session session, Relational relations, Table<?> table, Class<R> type) {
        this.session = session;
        this.relations = relations;
        this.table = table;
        this.type = type;
    }

    /** Fetch the rows with this strategy ({@link Strategy#PER_LEVEL} unless told). */
    public FindMany<R> strategy(Strategy strategy) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        return this;
    }

    /** {@code strategy(Strategy.SINGLE_STATEMENT)}: the whole tree in one statement, one round trip. */
    public FindMany<R> singleStatement() {
        return strategy(Strategy.SINGLE_STATEMENT);
    }

    /** Every row, with the relations asked for. */
    public List<R> fetch() {
        return new RelationalFetch(session, relations).fetch(table, this, type, strategy);
    }

    /** drizzle's {@code findFirst}: the first row (after {@code orderBy}), if any. */
    public Optional<R> fetchFirst() {
        limit(1);
        List<R> rows = fetch();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
}
