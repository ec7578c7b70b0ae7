package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.sleet.schema.SequenceOptions;

import java.util.Objects;

/**
 * The identity of a {@code GENERATED ... AS IDENTITY} column: {@code always} or {@code by default},
 * and the options of its sequence with defaults filled in for the column's type (the sequence's
 * name is left out: it follows the table and column by PostgreSQL's rules).
 */
public record IdentitySnapshot(String generation, long increment, long minValue, long maxValue, long start, long cache,
                               boolean cycle) {

    public static final String ALWAYS = "always";
    public static final String BY_DEFAULT = "by default";

    public IdentitySnapshot {
        Objects.requireNonNull(generation);
    }

    /** The identity of a column of {@code type} declared with {@code options}. */
    public static IdentitySnapshot of(String generation, String type, SequenceOptions options) {
        SequenceSnapshot sequence = SequenceSnapshot.of("", "", type, options);
        return new IdentitySnapshot(generation, sequence.increment(), sequence.minValue(), sequence.maxValue(),
                sequence.start(), sequence.cache(), sequence.cycle());
    }

    /** The identity's sequence as a sequence of {@code type}, to compare options. */
    public SequenceSnapshot asSequence(String type) {
        return new SequenceSnapshot("", "", type, increment, minValue, maxValue, start, cache, cycle);
    }

    @JsonIgnore
    public boolean isAlways() {
        return ALWAYS.equals(generation);
    }
}
