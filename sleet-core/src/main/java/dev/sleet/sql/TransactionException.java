package dev.sleet.sql;

/** A transaction's work threw a checked exception; the transaction was rolled back and this carries it as its cause. */
public final class TransactionException extends RuntimeException {

    TransactionException(Throwable cause) {
        super("The transaction was rolled back: " + cause, cause);
    }
}
