package dev.sleet.dialect;

/** What a failed statement ran into, told by SQLState so that callers need not parse messages. */
public enum ErrorKind {
    UNIQUE_VIOLATION,
    FOREIGN_KEY_VIOLATION,
    NOT_NULL_VIOLATION,
    CHECK_VIOLATION,
    EXCLUSION_VIOLATION,
    SERIALIZATION_FAILURE,
    DEADLOCK,
    /** A lock held elsewhere, not waited for: NOWAIT, or lock_timeout ran out. Retry later or take another row. */
    LOCK_NOT_AVAILABLE,
    CONNECTION,
    OTHER;

    /** True for the integrity-constraint kinds (SQLState class 23). */
    public boolean isConstraintViolation() {
        return this == UNIQUE_VIOLATION || this == FOREIGN_KEY_VIOLATION || this == NOT_NULL_VIOLATION
                || this == CHECK_VIOLATION || this == EXCLUSION_VIOLATION;
    }
}
