package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sleet.schema.SequenceOptions;

import java.util.Objects;

/**
 * The identity of a {@code GENERATED ... AS IDENTITY} column: {@code always} or {@code by default},
 * and the options of its sequence with defaults filled in for the column's type. {@code sequenceName} is the
 * sequence's name where it is not the one PostgreSQL chooses ({@code table_column_seq}), absent otherwise.
 */
public record IdentitySnapshot(String generation, long increment, long minValue, long maxValue, long start, long cache,
                               boolean cycle, @JsonInclude(JsonInclude.Include.NON_NULL) String sequenceName) {

    public static final String ALWAYS = "always";
    public static final String BY_DEFAULT = "by default";

    public IdentitySnapshot {
        Objects.requireNonNull(generation);
    }

    /** An identity whose sequence has the name PostgreSQL chooses. */
    public IdentitySnapshot(String generation, long increment, long minValue, long maxValue, long start, long cache, boolean cycle) {
        this(generation, increment, minValue, maxValue, start, cache, cycle, null);
    }

    /** The identity of a column of {@code type} declared with {@code options}. */
    public static IdentitySnapshot of(String generation, String type, SequenceOptions options) {
        SequenceSnapshot sequence = SequenceSnapshot.of("", "", type, options);
        return new IdentitySnapshot(generation, sequence.increment(), sequence.minValue(), sequence.maxValue(),
                sequence.start(), sequence.cache(), sequence.cycle());
    }

    /** The same identity with its sequence named {@code name} (null for PostgreSQL's choice). */
    public IdentitySnapshot withSequenceName(String name) {
        return new IdentitySnapshot(generation, increment, minValue, maxValue, start, cache, cycle, name);
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
