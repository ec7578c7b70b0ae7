package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sleet.kit.SleetException;
import dev.sleet.schema.SequenceOptions;

import java.util.Objects;

/**
 * A standalone sequence with every option spelled out, as the catalog keeps them: options left
 * to their defaults in code are filled in here by PostgreSQL's rules, so code and catalog compare.
 *
 * <p>A sequence a column owns ({@code OWNED BY}, dropped with its column) is listed here, with {@code ownedBy}, when it is
 * not the one a {@code serial} column would have: another name than {@code table_column_seq}, another type than the
 * column's, other options, or not the column's default. The column then has its {@code nextval(...)} default and is not
 * {@code serial}.
 *
 * @param type {@code smallint}, {@code integer} or {@code bigint}
 * @param ownedBy {@code table.column} (in the sequence's schema) that owns the sequence; absent for none
 */
public record SequenceSnapshot(String schema, String name, String type, long increment, long minValue, long maxValue,
                               long start, long cache, boolean cycle,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String ownedBy)
        implements SchemaObjectSnapshot<SequenceSnapshot> {

    public SequenceSnapshot {
        Objects.requireNonNull(schema);
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
    }

    /** A sequence no column owns. */
    public SequenceSnapshot(String schema, String name, String type, long increment, long minValue, long maxValue,
                            long start, long cache, boolean cycle) {
        this(schema, name, type, increment, minValue, maxValue, start, cache, cycle, null);
    }

    /** The same sequence owned by {@code tableColumn} ({@code table.column}, in the sequence's schema), or by none (null). */
    public SequenceSnapshot withOwnedBy(String tableColumn) {
        return new SequenceSnapshot(schema, name, type, increment, minValue, maxValue, start, cache, cycle, tableColumn);
    }

    /** The table ({@code schema.name}) of the column that owns the sequence, or null. */
    @JsonIgnore
    public String ownerTableKey() {
        return ownedBy == null ? null : Snapshot.key(schema, ownedBy.substring(0, ownedBy.lastIndexOf('.')));
    }

    @JsonIgnore
    @Override
    public String key() {
        return Snapshot.key(schema, name);
    }

    @Override
    public SequenceSnapshot movedTo(String newSchema, String newName) {
        return new SequenceSnapshot(newSchema, newName, type, increment, minValue, maxValue, start, cache, cycle, ownedBy);
    }

    /** The options of a sequence of {@code type} declared with {@code options}, defaults filled in. */
    public static SequenceSnapshot of(String schema, String name, String type, SequenceOptions options) {
        long increment = options.increment() == null ? 1 : options.increment();
        long typeMin;
        long typeMax;
        switch (type) {
            case "smallint" -> { typeMin = Short.MIN_VALUE; typeMax = Short.MAX_VALUE; }
            case "integer" -> { typeMin = Integer.MIN_VALUE; typeMax = Integer.MAX_VALUE; }
            case "bigint" -> { typeMin = Long.MIN_VALUE; typeMax = Long.MAX_VALUE; }
            default -> throw new SleetException("Sequence " + schema + "." + name + " is of type " + type
                    + "; sequences are smallint, integer or bigint");
        }
        long min = options.minValue() != null ? options.minValue() : increment > 0 ? 1 : typeMin;
        long max = options.maxValue() != null ? options.maxValue() : increment > 0 ? typeMax : -1;
        long start = options.start() != null ? options.start() : increment > 0 ? min : max;
        long cache = options.cache() == null ? 1 : options.cache();
        return new SequenceSnapshot(schema, name, type, increment, min, max, start, cache, options.isCycle());
    }

    /** The options that differ from the defaults of a sequence of this type, as code would declare them. */
    public SequenceOptions declaredOptions() {
        SequenceSnapshot defaults = of(schema, name, type, SequenceOptions.defaults().incrementBy(increment));
        SequenceOptions options = SequenceOptions.defaults();
        if (increment != 1) {
            options = options.incrementBy(increment);
        }
        if (minValue != defaults.minValue) {
            options = options.minValue(minValue);
        }
        if (maxValue != defaults.maxValue) {
            options = options.maxValue(maxValue);
        }
        long defaultStart = increment > 0 ? minValue : maxValue;
        if (start != defaultStart) {
            options = options.startWith(start);
        }
        if (cache != 1) {
            options = options.cache(cache);
        }
        return cycle ? options.cycle() : options;
    }
}
