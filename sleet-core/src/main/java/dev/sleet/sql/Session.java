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

    public final Insert<Object> insert(Table<?> table) {
        return new Insert<>(this, table);
    }

    public final Update<Object> update(Table<?> table) {
        return new Update<>(this, table);
    }

    public final Delete<Object> delete(Table<?> table) {
        return new Delete<>(this, table);
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
