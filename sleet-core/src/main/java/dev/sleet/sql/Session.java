package dev.sleet.sql;

import dev.sleet.dialect.Binder;
import dev.sleet.dialect.Dialect;
import dev.sleet.dialect.ErrorKind;
import dev.sleet.schema.Table;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Where statements start: a {@link Database} (each statement borrows a connection and returns it)
 * or a {@link Transaction} (every statement on the transaction's connection). The builders it hands
 * out are single-use and belong to one thread; the session itself may be shared.
 */
public abstract sealed class Session permits Database, Transaction {

    private static final Logger LOG = System.getLogger("dev.sleet.sql");

    final Dialect dialect;
    final Settings settings;

    /** How errors and logs treat bound values. */
    record Settings(boolean valuesInErrors, boolean logValues) {
    }

    Session(Dialect dialect, Settings settings) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.settings = settings;
    }

    /** The database's dialect. */
    public final Dialect dialect() {
        return dialect;
    }

    // ---- statements -------------------------------------------------------------------------

    /** {@code select expr}: one expression, so that {@link Query#fetchValues()} gives {@code List<T>}. */
    public final <T> Select<T> select(Expression<T> expression) {
        return new Select<>(this, false, new Expression<?>[] {expression});
    }

    /** {@code select a, b, ...}; with no arguments, every column of every table in {@code from} and the joins. */
    public final Select<Object> select(Expression<?>... expressions) {
        return new Select<>(this, false, expressions);
    }

    public final <T> Select<T> selectDistinct(Expression<T> expression) {
        return new Select<>(this, true, new Expression<?>[] {expression});
    }

    public final Select<Object> selectDistinct(Expression<?>... expressions) {
        return new Select<>(this, true, expressions);
    }

    /** {@code with a as (...), ... <statement>}: the CTEs the next select, insert, update or delete reads. */
    public final With with(Cte... ctes) {
        return new With(this, ctes);
    }

    /** {@code merge into target using source on ...}: see {@link Merge}. */
    public final Merge mergeInto(Table<?> target) {
        return new Merge(this, target);
    }

    /**
     * Runs insert, update and delete statements (and merges) in as few round trips as the driver
     * allows: consecutive statements of the same SQL go as one JDBC batch. The rows each touched, in order.
     */
    public final int[] batch(List<? extends Query<?>> statements) {
        List<Statement> rendered = new ArrayList<>(statements.size());
        for (Query<?> query : statements) {
            if (query.session != this) {
                throw new IllegalArgumentException("batch() runs statements built by the same database or transaction");
            }
            rendered.add(query.statement());
        }
        return runBatch(rendered);
    }

    public final Insert<Object> insert(Table<?> table) {
        return new Insert<>(this, table);
    }

    public final Update<Object> update(Table<?> table) {
        return new Update<>(this, table);
    }

    public final Delete<Object> delete(Table<?> table) {
        return new Delete<>(this, table);
    }

    /** Relational queries on a table over declared relations: {@code db.query(JIRA, TASKS).findMany(Task.class).with("user")}. */
    public final RelationalQuery query(Relational relations, Table<?> table) {
        return new RelationalQuery(this, relations, table);
    }

    /** Runs a raw statement ({@link Sql#sql}); the number of rows it touched. */
    public final int execute(SqlTemplate<?> statement) {
        RenderContext context = new RenderContext(dialect);
        statement.render(context);
        return update(context.statement());
    }

    /** Runs a raw query; its rows, with values as the driver reads them ({@code getObject}). */
    public final List<Row> fetch(SqlTemplate<?> query) {
        RenderContext context = new RenderContext(dialect);
        query.render(context);
        return query(context.statement(), result -> {
            ResultSetMetaData metaData = result.getMetaData();
            Expression<?>[] columns = new Expression<?>[metaData.getColumnCount()];
            Binder<?>[] binders = new Binder<?>[columns.length];
            for (int i = 0; i < columns.length; i++) {
                String label = metaData.getColumnLabel(i + 1);
                columns[i] = Sql.sql("{}", Sql.identifier(label)).as(label);
                binders[i] = dialect.binder(columns[i].type());
            }
            Selection selection = new Selection(columns, binders, List.of());
            List<Row> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(new Row(selection, selection.read(result)));
            }
            return rows;
        });
    }

    /** Runs a raw query into records of {@code type}, matching components to result column labels. */
    public final <R> List<R> fetch(SqlTemplate<?> query, Class<R> type) {
        RenderContext context = new RenderContext(dialect);
        query.render(context);
        return query(context.statement(), result -> {
            RowReader<R> reader = RecordMapping.planByLabels(result.getMetaData(), dialect, type);
            List<R> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(reader.read(result));
            }
            return rows;
        });
    }

    // ---- transactions -----------------------------------------------------------------------

    /**
     * Runs {@code work} in a transaction and returns its result; any exception rolls back. Inside a
     * transaction this makes a savepoint: an exception rolls back to it and propagates.
     */
    public final <R> R transaction(TransactionWork<R> work) {
        return transaction(TransactionOptions.DEFAULT, work);
    }

    public abstract <R> R transaction(TransactionOptions options, TransactionWork<R> work);

    // ---- execution --------------------------------------------------------------------------

    /** Borrows a connection (or uses the transaction's) for one unit of work. */
    abstract <R> R withConnection(ConnectionWork<R> work) throws SQLException;

    @FunctionalInterface
    interface ConnectionWork<R> {
        R run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    interface ResultHandler<R> {
        R handle(ResultSet result) throws SQLException;
    }

    final <R> R query(Statement statement, ResultHandler<R> handler) {
        log(statement);
        try {
            return withConnection(connection -> {
                try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
                    statement.bind(prepared);
                    try (ResultSet result = prepared.executeQuery()) {
                        return handler.handle(result);
                    }
                }
            });
        } catch (SQLException e) {
            throw failure(statement, e);
        }
    }

    final int update(Statement statement) {
        log(statement);
        try {
            return withConnection(connection -> {
                try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
                    statement.bind(prepared);
                    return prepared.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw failure(statement, e);
        }
    }

    /** A connection to stream on: a transaction's own, or a borrowed one with autocommit off (a cursor needs a transaction). */
    abstract Connection openStream() throws SQLException;

    /** Gives back what {@link #openStream} gave: a borrowed connection ends its transaction and returns to the pool. */
    abstract void closeStream(Connection connection) throws SQLException;

    /**
     * Rows read lazily through a server-side cursor, {@code fetchSize} at a time; closing the stream
     * closes the cursor (use try-with-resources).
     */
    final <R> Stream<R> stream(Statement statement, int fetchSize, RowReader<R> reader) {
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetchSize must be at least 1: " + fetchSize);
        }
        log(statement);
        Connection connection = null;
        PreparedStatement prepared = null;
        try {
            connection = openStream();
            prepared = connection.prepareStatement(statement.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            prepared.setFetchSize(fetchSize);
            statement.bind(prepared);
            ResultSet result = prepared.executeQuery();
            Cursor<R> cursor = new Cursor<>(this, statement, connection, prepared, result, reader);
            return StreamSupport.stream(cursor, false).onClose(cursor::close);
        } catch (SQLException e) {
            DataAccessException failure = failure(statement, e);
            closeQuietly(connection, prepared, failure);
            throw failure;
        }
    }

    /** A result set read one row per {@code tryAdvance}. */
    private static final class Cursor<R> extends Spliterators.AbstractSpliterator<R> {
        private final Session session;
        private final Statement statement;
        private final Connection connection;
        private final PreparedStatement prepared;
        private final ResultSet result;
        private final RowReader<R> reader;
        private boolean closed;

        Cursor(Session session, Statement statement, Connection connection, PreparedStatement prepared,
               ResultSet result, RowReader<R> reader) {
            super(Long.MAX_VALUE, ORDERED | NONNULL);
            this.session = session;
            this.statement = statement;
            this.connection = connection;
            this.prepared = prepared;
            this.result = result;
            this.reader = reader;
        }

        @Override
        public boolean tryAdvance(Consumer<? super R> action) {
            if (closed) {
                return false;
            }
            try {
                if (!result.next()) {
                    return false;
                }
                action.accept(reader.read(result));
                return true;
            } catch (SQLException e) {
                throw session.failure(statement, e);
            }
        }

        /** The rest in one loop (a terminal operation such as sum or collect calls this, not tryAdvance per row). */
        @Override
        public void forEachRemaining(Consumer<? super R> action) {
            if (closed) {
                return;
            }
            try {
                while (result.next()) {
                    action.accept(reader.read(result));
                }
            } catch (SQLException e) {
                throw session.failure(statement, e);
            }
        }

        void close() {
            if (!closed) {
                closed = true;
                DataAccessException failure = session.closeQuietly(connection, prepared, null);
                if (failure != null) {
                    throw failure;
                }
            }
        }
    }

    /** Closes a stream's statement and gives back its connection; the first failure, added to {@code pending} if given. */
    private DataAccessException closeQuietly(Connection connection, PreparedStatement prepared, DataAccessException pending) {
        DataAccessException failure = pending;
        try {
            if (prepared != null) {
                prepared.close();
            }
        } catch (SQLException e) {
            failure = record(failure, e);
        }
        try {
            if (connection != null) {
                closeStream(connection);
            }
        } catch (SQLException e) {
            failure = record(failure, e);
        }
        return failure == pending ? null : failure;
    }

    private DataAccessException record(DataAccessException failure, SQLException e) {
        if (failure == null) {
            return failure(null, e);
        }
        failure.addSuppressed(e);
        return failure;
    }

    /**
     * Runs statements as JDBC batches, one round trip per run of statements with the same SQL
     * (a batch of inserts of one shape is one round trip); the rows each statement touched, in order.
     */
    final int[] runBatch(List<Statement> statements) {
        int[] counts = new int[statements.size()];
        try {
            return withConnection(connection -> {
                int start = 0;
                while (start < statements.size()) {
                    String sql = statements.get(start).sql();
                    int end = start;
                    while (end < statements.size() && statements.get(end).sql().equals(sql)) {
                        end++;
                    }
                    log(statements.get(start));
                    try (PreparedStatement prepared = connection.prepareStatement(sql)) {
                        for (int i = start; i < end; i++) {
                            statements.get(i).bind(prepared);
                            prepared.addBatch();
                        }
                        int[] run = prepared.executeBatch();
                        System.arraycopy(run, 0, counts, start, run.length);
                    } catch (SQLException e) {
                        throw failure(statements.get(start), e.getNextException() != null ? e.getNextException() : e);
                    }
                    start = end;
                }
                return counts;
            });
        } catch (SQLException e) {
            throw failure(null, e);
        }
    }

    private void log(Statement statement) {
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, settings.logValues ? statement.sql() + " " + statement.valueList() : statement.sql());
        }
    }

    /**
     * The driver's message is cut to its first line: PostgreSQL's detail lines quote the values of
     * the failing row (Key (email)=(...) already exists), which are kept out unless asked for.
     */
    final DataAccessException failure(Statement statement, SQLException e) {
        String state = e.getSQLState();
        ErrorKind kind = dialect.errorKind(state);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (!settings.valuesInErrors && message.indexOf('\n') >= 0) {
            message = message.substring(0, message.indexOf('\n'));
        }
        String sql = statement == null ? null : statement.sql();
        String text = message + " [SQLState " + state + ", " + kind + "]" + (sql == null ? "" : "\n  in: " + sql)
                + (settings.valuesInErrors && statement != null ? "\n  values: " + statement.valueList() : "");
        return new DataAccessException(text, sql, state, kind,
                settings.valuesInErrors && statement != null ? statement.valueList() : null, e);
    }
}
