package dev.sleet.schema;

/**
 * The options of a sequence, or of the sequence behind an identity column; an option left unset
 * takes PostgreSQL's default (increment 1; from 1 to the type's maximum counting up, from the
 * type's minimum to -1 counting down; starting at the end it counts from; cache 1; no cycle).
 * Immutable: each method returns new options.
 *
 * <pre>{@code integer("id").generatedAlwaysAsIdentity(s -> s.startWith(1000).incrementBy(10))}</pre>
 */
public final class SequenceOptions {

    private static final SequenceOptions DEFAULTS = new SequenceOptions(null, null, null, null, null, false);

    private final Long increment;
    private final Long minValue;
    private final Long maxValue;
    private final Long start;
    private final Long cache;
    private final boolean cycle;

    private SequenceOptions(Long increment, Long minValue, Long maxValue, Long start, Long cache, boolean cycle) {
        if (increment != null && increment == 0) {
            throw new IllegalArgumentException("A sequence's increment cannot be 0");
        }
        if (cache != null && cache < 1) {
            throw new IllegalArgumentException("A sequence's cache must be at least 1, was " + cache);
        }
        this.increment = increment;
        this.minValue = minValue;
        this.maxValue = maxValue;
        this.start = start;
        this.cache = cache;
        this.cycle = cycle;
    }

    /** The increment, or null for the default (1). */
    public Long increment() {
        return increment;
    }

    /** The minimum, or null for the default. */
    public Long minValue() {
        return minValue;
    }

    /** The maximum, or null for the default. */
    public Long maxValue() {
        return maxValue;
    }

    /** The first value, or null for the default. */
    public Long start() {
        return start;
    }

    /** How many values are handed out at a time, or null for the default (1). */
    public Long cache() {
        return cache;
    }

    public boolean isCycle() {
        return cycle;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SequenceOptions other && java.util.Objects.equals(increment, other.increment)
                && java.util.Objects.equals(minValue, other.minValue) && java.util.Objects.equals(maxValue, other.maxValue)
                && java.util.Objects.equals(start, other.start) && java.util.Objects.equals(cache, other.cache)
                && cycle == other.cycle;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(increment, minValue, maxValue, start, cache, cycle);
    }

    /** Every option at PostgreSQL's default. */
    public static SequenceOptions defaults() {
        return DEFAULTS;
    }

    public SequenceOptions incrementBy(long value) {
        return new SequenceOptions(value, minValue, maxValue, start, cache, cycle);
    }

    public SequenceOptions minValue(long value) {
        return new SequenceOptions(increment, value, maxValue, start, cache, cycle);
    }

    public SequenceOptions maxValue(long value) {
        return new SequenceOptions(increment, minValue, value, start, cache, cycle);
    }

    public SequenceOptions startWith(long value) {
        return new SequenceOptions(increment, minValue, maxValue, value, cache, cycle);
    }

    public SequenceOptions cache(long value) {
        return new SequenceOptions(increment, minValue, maxValue, start, value, cycle);
    }

    /** Wraps around at the end instead of failing. */
    public SequenceOptions cycle() {
        return new SequenceOptions(increment, minValue, maxValue, start, cache, true);
    }
}
