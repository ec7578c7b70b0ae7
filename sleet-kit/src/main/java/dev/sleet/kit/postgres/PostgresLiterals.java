package dev.sleet.kit.postgres;

import dev.sleet.kit.SleetException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java values as SQL literals, spelled exactly as {@code pg_get_expr} prints a default that was
 * declared with that literal ({@code 5}, {@code '-1'::integer}, {@code 'x'::character varying}).
 * Writing the catalog's spelling into snapshots and DDL makes code and database compare equal, and
 * the database then prints back the very text it was given.
 */
final class PostgresLiterals {

    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true)
            .toFormatter();
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd ").append(TIME).toFormatter();
    private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'::(.+)", Pattern.DOTALL);
    private static final Pattern UNSIGNED_INTEGER = Pattern.compile("\\d+");
    private static final Pattern UNSIGNED_DECIMAL = Pattern.compile("\\d+\\.\\d+");

    private PostgresLiterals() {}

    static String literal(Object value, String type) {
        String base = PostgresTypes.base(type);
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof Short || value instanceof Integer || value instanceof Long) {
            return integer(((Number) value).longValue());
        }
        if (value instanceof Float || value instanceof Double || value instanceof BigDecimal) {
            if (value instanceof Double d && (d.isNaN() || d.isInfinite())
                    || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
                return quoted(value.toString(), base);
            }
            BigDecimal decimal = value instanceof BigDecimal bd ? bd : new BigDecimal(value.toString());
            String plain = decimal.toPlainString();
            if (!plain.contains(".")) {
                // An integer literal beyond bigint is a numeric constant, which the catalog prints quoted.
                return plain.length() <= 20 && fitsInLong(decimal) ? integer(decimal.longValueExact())
                        : "'" + plain + "'::numeric";
            }
            return decimal.signum() < 0 ? "'" + plain + "'::numeric" : plain;
        }
        if (value instanceof String s) {
            return quoted(s, base);
        }
        if (value instanceof UUID uuid) {
            return quoted(uuid.toString(), "uuid");
        }
        if (value instanceof LocalDate date) {
            return quoted(date.toString(), "date");
        }
        if (value instanceof LocalTime time) {
            return quoted(TIME.format(time), "time");
        }
        if (value instanceof LocalDateTime dateTime) {
            return quoted(TIMESTAMP.format(dateTime), "timestamp");
        }
        if (value instanceof OffsetDateTime dateTime) {
            // Introspection reads with TimeZone=UTC, so the catalog prints the UTC instant with +00.
            return quoted(TIMESTAMP.format(dateTime.withOffsetSameInstant(ZoneOffset.UTC)) + "+00", "timestamptz");
        }
        if (value instanceof byte[] bytes) {
            return quoted("\\x" + HexFormat.of().formatHex(bytes), "bytea");
        }
        throw new SleetException("Cannot write a default of Java type " + value.getClass().getName()
                + " for a column of type " + type + ": use defaultSql(\"...\") instead");
    }

    private static boolean fitsInLong(BigDecimal integral) {
        try {
            integral.longValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static String integer(long value) {
        if (value >= 0 && value <= Integer.MAX_VALUE) {
            return Long.toString(value);
        }
        boolean fitsInt = value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
        return "'" + value + "'::" + (fitsInt ? "integer" : "bigint");
    }

    private static String quoted(String text, String base) {
        return "'" + text.replace("'", "''") + "'::" + castName(base);
    }

    /** The type name the catalog prints in a cast, which is not always the name it was declared with. */
    private static String castName(String base) {
        switch (base) {
            case "varchar": return "character varying";
            case "char": return "bpchar";
            case "time": return "time without time zone";
            case "timetz": return "time with time zone";
            case "timestamp": return "timestamp without time zone";
            case "timestamptz": return "timestamp with time zone";
            default: return base;
        }
    }

    /** The value behind a plain literal default, or empty for expressions and unfamiliar forms. */
    static Optional<Object> parse(String expression, String type) {
        String base = PostgresTypes.base(type);
        try {
            Object value = parseOrNull(expression, base);
            return Optional.ofNullable(value);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Object parseOrNull(String expression, String base) {
        Matcher quoted = QUOTED.matcher(expression);
        String text = quoted.matches() ? quoted.group(1).replace("''", "'") : null;
        String unsigned = UNSIGNED_INTEGER.matcher(expression).matches()
                || UNSIGNED_DECIMAL.matcher(expression).matches() ? expression : null;
        String number = unsigned != null ? unsigned
                : text != null && quoted.group(2).matches("integer|bigint|numeric") ? text : null;
        switch (base) {
            case "smallint": return number == null ? null : Short.valueOf(number);
            case "integer": return number == null ? null : Integer.valueOf(number);
            case "bigint": return number == null ? null : Long.valueOf(number);
            case "numeric": return number == null ? null : new BigDecimal(number);
            case "real": return number == null ? null : Float.valueOf(number);
            case "double precision": return number == null ? null : Double.valueOf(number);
            case "boolean": return "true".equals(expression) ? Boolean.TRUE : "false".equals(expression) ? Boolean.FALSE : null;
            case "text": case "varchar": case "char": case "json": case "jsonb": case "interval":
                return text;
            case "uuid": return text == null ? null : UUID.fromString(text);
            case "date": return text == null ? null : LocalDate.parse(text);
            case "time": return text == null ? null : LocalTime.parse(text);
            case "timestamp": return text == null ? null : LocalDateTime.parse(text.replace(' ', 'T'));
            default: return null;
        }
    }
}
