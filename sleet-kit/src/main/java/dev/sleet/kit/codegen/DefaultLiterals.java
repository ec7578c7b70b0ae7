package dev.sleet.kit.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.sleet.kit.dialect.Dialect;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Column defaults as Java code: {@code .defaultValue(5)} when the default is a plain literal the
 * dialect reads back to exactly the same text, {@code .defaultSql("now()")} otherwise.
 */
final class DefaultLiterals {

    private DefaultLiterals() {}

    /** The modifier for a default expression, e.g. {@code .defaultValue(5L)} or {@code .defaultSql("now()")}. */
    static CodeBlock modifier(String expression, String type, Class<?> javaType, Dialect dialect) {
        return modifier(expression, type, null, javaType, dialect);
    }

    /** As {@link #modifier(String, String, Class, Dialect)} for a column whose type may be user-defined (an enum). */
    static CodeBlock modifier(String expression, String type, String typeSchema, Class<?> javaType, Dialect dialect) {
        return javaValue(expression, type, typeSchema, javaType, dialect)
                .map(value -> CodeBlock.of(".defaultValue($L)", value))
                .orElseGet(() -> CodeBlock.of(".defaultSql($S)", expression));
    }

    private static Optional<CodeBlock> javaValue(String expression, String type, String typeSchema, Class<?> javaType,
                                                 Dialect dialect) {
        Optional<Object> parsed = dialect.parseLiteral(expression, type, typeSchema);
        if (parsed.isEmpty() || !javaType.isInstance(parsed.get())) {
            return Optional.empty();
        }
        Object value = parsed.get();
        String written;
        try {
            written = dialect.literal(value, type, typeSchema);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return expression.equals(written) ? literal(value) : Optional.empty();
    }

    /** Java source for a value, such that evaluating it gives an equal value. */
    static Optional<CodeBlock> literal(Object value) {
        if (value instanceof Object[] values) {
            java.util.List<CodeBlock> elements = new java.util.ArrayList<>();
            for (Object element : values) {
                if (element == null) {
                    elements.add(CodeBlock.of("null"));
                    continue;
                }
                Optional<CodeBlock> code = literal(element);
                if (code.isEmpty()) {
                    return Optional.empty();
                }
                elements.add(code.get());
            }
            return Optional.of(CodeBlock.of("new $T[] {$L}", values.getClass().getComponentType(),
                    CodeBlock.join(elements, ", ")));
        }
        if (value instanceof Boolean || value instanceof Integer) {
            return Optional.of(CodeBlock.of("$L", value));
        }
        if (value instanceof Long l) {
            return Optional.of(CodeBlock.of("$LL", l));
        }
        if (value instanceof Short s) {
            return Optional.of(CodeBlock.of("(short) $L", s));
        }
        if (value instanceof Float f) {
            if (f.isNaN()) {
                return Optional.of(CodeBlock.of("$T.NaN", Float.class));
            }
            if (f.isInfinite()) {
                return Optional.of(CodeBlock.of("$T.$L", Float.class, f > 0 ? "POSITIVE_INFINITY" : "NEGATIVE_INFINITY"));
            }
            return Optional.of(CodeBlock.of("$Lf", Float.toString(f)));
        }
        if (value instanceof Double d) {
            if (d.isNaN()) {
                return Optional.of(CodeBlock.of("$T.NaN", Double.class));
            }
            if (d.isInfinite()) {
                return Optional.of(CodeBlock.of("$T.$L", Double.class, d > 0 ? "POSITIVE_INFINITY" : "NEGATIVE_INFINITY"));
            }
            return Optional.of(CodeBlock.of("$L", Double.toString(d)));
        }
        if (value instanceof BigDecimal decimal) {
            return Optional.of(CodeBlock.of("new $T($S)", BigDecimal.class, decimal.toString()));
        }
        if (value instanceof String text) {
            return Optional.of(CodeBlock.of("$S", text));
        }
        if (value instanceof UUID uuid) {
            return Optional.of(CodeBlock.of("$T.fromString($S)", UUID.class, uuid.toString()));
        }
        if (value instanceof LocalDate || value instanceof LocalTime || value instanceof LocalDateTime
                || value instanceof OffsetDateTime) {
            return Optional.of(CodeBlock.of("$T.parse($S)", ClassName.get(value.getClass()), value.toString()));
        }
        if (value instanceof byte[] bytes) {
            return Optional.of(CodeBlock.of("$T.of().parseHex($S)", HexFormat.class, HexFormat.of().formatHex(bytes)));
        }
        return Optional.empty();
    }
}
