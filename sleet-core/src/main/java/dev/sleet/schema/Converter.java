package dev.sleet.schema;

import java.util.Objects;
import java.util.function.Function;

/**
 * Turns a column's database value ({@code D}, as the column's SQL type reads) into the Java value an
 * application works with ({@code U}) and back, like jOOQ's converters and drizzle's custom types.
 * Attach one with {@link Column#convert(Converter)}; the column's SQL type is unchanged, so the
 * schema and its migrations do not notice. Neither function sees {@code null}: NULL stays NULL.
 *
 * <pre>{@code public final Column<Email> email = text("email").convert(Converter.of(String.class, Email.class, Email::new, Email::value));}</pre>
 */
public record Converter<D, U>(Class<D> databaseType, Class<U> userType,
                              Function<? super D, ? extends U> from, Function<? super U, ? extends D> to) {

    public Converter {
        Objects.requireNonNull(databaseType, "databaseType");
        Objects.requireNonNull(userType, "userType");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public static <D, U> Converter<D, U> of(Class<D> databaseType, Class<U> userType,
                                            Function<? super D, ? extends U> from, Function<? super U, ? extends D> to) {
        return new Converter<>(databaseType, userType, from, to);
    }
}
