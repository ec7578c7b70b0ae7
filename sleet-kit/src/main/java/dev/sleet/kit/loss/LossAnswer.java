package dev.sleet.kit.loss;

/** The answer to a {@link LossyChange}. */
public enum LossAnswer {

    /** Write the change with a guard: the migration stops, changing nothing, where a value would not survive. */
    GUARD,

    /** Write the change without a guard: the values that do not survive are lost, and the file says so. */
    ACCEPT,

    /** No answer from this source. */
    UNANSWERED
}
