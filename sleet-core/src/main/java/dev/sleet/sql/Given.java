package dev.sleet.sql;

import java.util.Objects;
import java.util.function.Function;

/**
 * A value that may be left out: {@link Absent} (the column is not written, so an insert takes its
 * default and an update leaves it alone) or {@link Value} (written; a null value is SQL NULL). A
 * nullable {@code T} alone cannot tell "NULL" from "default", which is why the generated insert and
 * patch records ({@code NewTask}, {@code TaskPatch} in {@code Rows.java}) hold their optional
 * columns as {@code Given<T>}.
 */
public sealed interface Given<T> permits Given.Absent, Given.Value {

    /** Not given: the statement does not mention the column. */
    record Absent<T>() implements Given<T> {
        @Override
        public String toString() {
            return "absent";
        }
    }

    /** Given, possibly as null (SQL NULL). */
    record Value<T>(T value) implements Given<T> {
        @Override
        public String toString() {
            return String.valueOf(value);
        }
    }

    /** Not given: an insert writes the column's default, an update leaves the column as it is. */
    static <T> Given<T> absent() {
        return new Absent<>();
    }

    /** Given as {@code value}; null is SQL NULL (see also {@link #ofNull()}). */
    static <T> Given<T> of(T value) {
        return new Value<>(value);
    }

    /** Given as SQL NULL, explicitly (not the column's default). */
    static <T> Given<T> ofNull() {
        return new Value<>(null);
    }

    /** True unless {@link Absent}. */
    default boolean isGiven() {
        return this instanceof Value;
    }

    /** The value given (null for SQL NULL), or {@code other} when absent. */
    default T orElse(T other) {
        return this instanceof Value<T> value ? value.value() : other;
    }

    /** The given value mapped (null stays null); absent stays absent. */
    default <U> Given<U> map(Function<? super T, ? extends U> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        if (this instanceof Value<T> value) {
            return new Value<>(value.value() == null ? null : mapper.apply(value.value()));
        }
        return absent();
    }
}
