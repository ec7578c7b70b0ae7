package dev.sleet.sql;

import dev.sleet.dialect.ErrorKind;

import java.util.List;
import java.util.Optional;

/**
 * A statement failed. Carries the SQL text, the SQLState and its {@link ErrorKind} (unique,
 * foreign key, not null, check violations ... told apart without parsing messages). Bound values
 * are left out of the message and of {@link #values()} unless the database was built with
 * {@code withValuesInErrors(true)}: they may be personal data.
 */
public final class DataAccessException extends RuntimeException {

    private final String sql;
    private final String sqlState;
    private final ErrorKind kind;
    private final List<Object> values;

    DataAccessException(String message, String sql, String sqlState, ErrorKind kind, List<Object> values, Throwable cause) {
        super(message, cause);
        this.sql = sql;
        this.sqlState = sqlState;
        this.kind = kind;
        this.values = values;
    }

    /** The SQL text of the failed statement, with {@code ?} for each value. */
    public String sql() {
        return sql;
    }

    /** The SQLState the database reported; null when the failure did not come from the database. */
    public String sqlState() {
        return sqlState;
    }

    public ErrorKind kind() {
        return kind;
    }

    /** The bound values, when the database was asked to keep them in errors. */
    public Optional<List<Object>> values() {
        return Optional.ofNullable(values);
    }
}
