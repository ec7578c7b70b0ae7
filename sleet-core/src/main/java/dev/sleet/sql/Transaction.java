package dev.sleet.sql;

import dev.sleet.dialect.Dialect;
import dev.sleet.dialect.Feature;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * A running transaction: the same statements as {@link Database}, all on the transaction's one
 * connection. It is valid only inside the {@code transaction(...)} call that made it.
 */
public final class Transaction extends Session {

    private final Connection connection;
    private boolean closed;

    Transaction(Connection connection, Dialect dialect, Settings settings) {
        super(dialect, settings);
        this.connection = connection;
    }

    @Override
    <R> R withConnection(ConnectionWork<R> work) throws SQLException {
        if (closed) {
            throw new IllegalStateException("This transaction has ended; use it only inside its transaction(...) call");
        }
        return work.run(connection);
    }

    @Override
    Connection openStream() throws SQLException {
        return withConnection(connection -> connection);
    }

    /** The connection stays the transaction's; only the statement closes. */
    @Override
    void closeStream(Connection connection) {
    }

    /** A nested transaction: a savepoint, released on success and rolled back to on any exception. */
    @Override
    public <R> R transaction(TransactionOptions options, TransactionWork<R> work) {
        dialect.require(Feature.SAVEPOINTS);
        if (options.isolation() != null || options.isReadOnly()) {
            throw new IllegalArgumentException("A nested transaction is a savepoint and takes the outer transaction's "
                    + "isolation and access mode");
        }
        Savepoint savepoint;
        try {
            savepoint = withConnection(Connection::setSavepoint);
        } catch (SQLException e) {
            throw failure(null, e);
        }
        R result;
        try {
            result = run(work);
        } catch (Throwable e) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw unchecked(e);
        }
        try {
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw failure(null, e);
        }
        return result;
    }

    <R> R run(TransactionWork<R> work) throws Exception {
        return work.run(this);
    }

    void close() {
        closed = true;
    }

    static RuntimeException unchecked(Throwable e) {
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        return new TransactionException(e);
    }
}
