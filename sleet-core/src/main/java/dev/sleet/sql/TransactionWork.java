package dev.sleet.sql;

/** The body of a transaction; its result is the transaction's. Any exception rolls the transaction back. */
@FunctionalInterface
public interface TransactionWork<R> {

    R run(Transaction tx) throws Exception;
}
