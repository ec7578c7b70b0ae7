package dev.sleet.sql;

import java.sql.Connection;
import java.util.Objects;

/** Isolation level and access mode of a transaction: {@code TransactionOptions.of(SERIALIZABLE).readOnly()}. */
public record TransactionOptions(Isolation isolation, boolean isReadOnly) {

    public enum Isolation {
        READ_UNCOMMITTED(Connection.TRANSACTION_READ_UNCOMMITTED),
        READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
        REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
        SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE);

        final int jdbc;

        Isolation(int jdbc) {
            this.jdbc = jdbc;
        }
    }

    /** The database's default isolation, read-write. */
    public static final TransactionOptions DEFAULT = new TransactionOptions(null, false);

    public static TransactionOptions of(Isolation isolation) {
        return new TransactionOptions(Objects.requireNonNull(isolation), false);
    }

    /** These options for a read-only transaction. */
    public TransactionOptions readOnly() {
        return new TransactionOptions(isolation, true);
    }
}
