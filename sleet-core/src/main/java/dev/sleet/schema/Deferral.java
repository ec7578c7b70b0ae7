package dev.sleet.schema;

/**
 * When PostgreSQL checks a primary key, unique, exclusion or foreign key constraint: after each
 * statement ({@code NOT_DEFERRABLE}, the default), at the end of each statement unless a
 * transaction says {@code SET CONSTRAINTS ... DEFERRED} ({@code DEFERRABLE_IMMEDIATE}), or at
 * commit ({@code DEFERRABLE_DEFERRED}).
 */
public enum Deferral {
    NOT_DEFERRABLE(""),
    DEFERRABLE_IMMEDIATE(" DEFERRABLE"),
    DEFERRABLE_DEFERRED(" DEFERRABLE INITIALLY DEFERRED");

    private final String sql;

    Deferral(String sql) {
        this.sql = sql;
    }

    /** The clause as it follows a constraint, with its leading space; empty for {@code NOT_DEFERRABLE}. */
    public String sql() {
        return sql;
    }

    /** From the catalog's {@code condeferrable} and {@code condeferred}. */
    public static Deferral of(boolean deferrable, boolean initiallyDeferred) {
        return !deferrable ? NOT_DEFERRABLE : initiallyDeferred ? DEFERRABLE_DEFERRED : DEFERRABLE_IMMEDIATE;
    }
}
