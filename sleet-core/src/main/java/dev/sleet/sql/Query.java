package dev.sleet.sql;

import dev.sleet.schema.DataType;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A statement that may return rows: a select, or an insert/update/delete with {@code returning}.
 * The terminal methods render it, run it on a borrowed connection (or the transaction's) and read
 * the rows with each column's binder.
 *
 * @param <T> the Java type of a one-column query's values ({@link #fetchValues()}); Object otherwise
 */
public abstract class Query<T> {

    final Session session;
    /** The common table expressions of {@code with ...} before the statement; empty for none. */
    private Cte[] with = NO_CTES;
    private static final Cte[] NO_CTES = new Cte[0];

    Query(Session session) {
        this.session = session;
    }

    /** Attaches {@code with ...}; set by {@link With} as the statement is created. */
    void with(Cte[] ctes) {
        this.with = ctes;
    }

    /** {@code with [recursive] a as (...), b as (...) }: called first by each statement's render. */
    void renderWith(RenderContext context) {
        Cte.renderWith(context, with);
    }

    /** The expressions each result row holds, for a subquery, CTE or set operation over this one. */
    Expression<?>[] fields() {
        throw new IllegalStateException("This statement returns no rows to select from: " + toSql());
    }

    /** Writes the whole statement. */
    abstract void render(RenderContext context);

    /** What the statement returns, known after {@link #render}; null when it returns no rows. */
    abstract Selection selection();

    /** The type of the first selected expression, for scalar subqueries. */
    abstract DataType<T> valueType();

    /** The SQL this statement sends, with {@code ?} for each bound value. */
    public String toSql() {
        RenderContext context = new RenderContext(session.dialect);
        render(context);
        return context.text();
    }

    @Override
    public String toString() {
        return toSql();
    }

    /** Runs the statement; the number of rows it inserted, updated or deleted (or returned). */
    public int execute() {
        return session.update(statement());
    }

    /** The rendered statement with its bound values. */
    Statement statement() {
        RenderContext context = new RenderContext(session.dialect);
        render(context);
        return context.statement();
    }

    /**
     * The rows, read lazily through a server-side cursor {@code fetchSize} rows at a time, so a large
     * result is never held in memory. Close it: {@code try (Stream<Row> rows = query.stream(1000)) {...}}.
     * On a {@link Database} the stream has a connection and transaction of its own until closed
     * (PostgreSQL's driver reads everything at once in autocommit); in a {@link Transaction}, it uses the transaction's.
     */
    public Stream<Row> stream(int fetchSize) {
        return streamWith(fetchSize, Query::rowReader);
    }

    /** The rows as records of {@code type}, streamed like {@link #stream(int)}. */
    public <R> Stream<R> stream(Class<R> type, int fetchSize) {
        return streamWith(fetchSize, selection -> RecordMapping.plan(selection, type));
    }

    /**
     * The rows through a mapper, streamed like {@link #stream(int)}: the mapper reads each row straight
     * from the cursor, so nothing but what it returns is made per row.
     */
    public <R> Stream<R> stream(int fetchSize, RowMapper<R> mapper) {
        return streamWith(fetchSize, selection -> Row.mapping(selection, mapper));
    }

    private <R> Stream<R> streamWith(int fetchSize, ReaderPlan<R> plan) {
        RenderContext context = new RenderContext(session.dialect);
        render(context);
        Selection selection = requireSelection(context);
        return session.stream(context.statement(), fetchSize, plan.reader(selection));
    }

    /** This statement rendered once, to run many times with values for its {@link Sql#placeholder}s. */
    public Prepared<T> prepare() {
        RenderContext context = new RenderContext(session.dialect);
        render(context);
        return new Prepared<>(session, context.statement(), selection());
    }

    private Selection requireSelection(RenderContext context) {
        Selection selection = selection();
        if (selection == null) {
            throw new IllegalStateException("This statement returns no rows; add .returning(...) to fetch: " + context.text());
        }
        return selection;
    }

    /** All rows. */
    public List<Row> fetch() {
        return collect(Integer.MAX_VALUE, Query::rowReader);
    }

    /** All rows as records of {@code type}, matched by component name (see docs/queries.md). */
    public <R> List<R> fetch(Class<R> type) {
        return collect(Integer.MAX_VALUE, selection -> RecordMapping.plan(selection, type));
    }

    /** All rows through a mapper (its row is readable only inside {@code map}: see {@link Row}). */
    public <R> List<R> fetch(RowMapper<R> mapper) {
        return collect(Integer.MAX_VALUE, selection -> Row.mapping(selection, mapper));
    }

    /** The values of a one-column query. */
    public List<T> fetchValues() {
        return collect(Integer.MAX_VALUE, Query::valueReader);
    }

    static RowReader<Row> rowReader(Selection selection) {
        return result -> new Row(selection, selection.read(result));
    }

    @SuppressWarnings("unchecked")
    private static <T> RowReader<T> valueReader(Selection selection) {
        var binder = selection.binders[0];
        return result -> (T) binder.get(result, 1);
    }

    /** The single row; fails when there is none or more than one. */
    public Row fetchOne() {
        return one(fetchAtMostTwo(Query::rowReader));
    }

    /** The single row through a mapper, once the query is known to have returned exactly one (and its connection is back). */
    public <R> R fetchOne(RowMapper<R> mapper) {
        return mapper.map(fetchOne());
    }

    public <R> R fetchOne(Class<R> type) {
        return one(fetchAtMostTwo(selection -> RecordMapping.plan(selection, type)));
    }

    /** The single value of a one-row, one-column query (null when that value is NULL). */
    public T fetchValue() {
        return one(fetchAtMostTwo(Query::valueReader));
    }

    /** The row, if there is one; fails when there are more. */
    public Optional<Row> fetchOptional() {
        return optional(fetchAtMostTwo(Query::rowReader));
    }

    public <R> Optional<R> fetchOptional(Class<R> type) {
        return optional(fetchAtMostTwo(selection -> RecordMapping.plan(selection, type)));
    }

    private <R> List<R> fetchAtMostTwo(ReaderPlan<R> plan) {
        return collect(2, plan);
    }

    private <R> R one(List<R> rows) {
        if (rows.size() != 1) {
            throw new IllegalStateException("Expected exactly one row but the query returned "
                    + (rows.isEmpty() ? "none" : "more than one") + ": " + toSql());
        }
        return rows.get(0);
    }

    private <R> Optional<R> optional(List<R> rows) {
        if (rows.size() > 1) {
            throw new IllegalStateException("Expected at most one row but the query returned more: " + toSql());
        }
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /** How to read rows, decided once the selection is known. */
    @FunctionalInterface
    interface ReaderPlan<R> {
        RowReader<R> reader(Selection selection);
    }

    private <R> List<R> collect(int limit, ReaderPlan<R> plan) {
        RenderContext context = new RenderContext(session.dialect);
        render(context);
        Selection selection = requireSelection(context);
        RowReader<R> reader = plan.reader(selection);
        return session.query(context.statement(), result -> {
            if (limit == 2) {
                return atMostTwo(result, reader);
            }
            List<R> rows = new ArrayList<>(10);
            while (rows.size() < limit && result.next()) {
                rows.add(reader.read(result));
            }
            return rows;
        });
    }

    /** The rows {@code fetchOne} and {@code fetchOptional} look at: none, the one, or two (too many). */
    private static <R> List<R> atMostTwo(ResultSet result, RowReader<R> reader) throws SQLException {
        if (!result.next()) {
            return List.of();
        }
        R first = reader.read(result);
        if (!result.next()) {
            return Collections.singletonList(first);
        }
        List<R> two = new ArrayList<>(2);
        two.add(first);
        two.add(reader.read(result));
        return two;
    }
}
