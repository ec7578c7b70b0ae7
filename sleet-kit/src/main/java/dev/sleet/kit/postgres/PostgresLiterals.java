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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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

    /**
     * A value of a column's type; {@code typeSchema} is the schema of a user-defined (enum) type,
     * null for built-in types. Arrays ({@code Object[]}) become array literals in
     * {@code array_out}'s spelling: {@code '{a,"b c"}'::text[]}.
     */
    static String literal(Object value, String type, String typeSchema) {
        boolean array = type.endsWith("[]");
        String element = array ? type.substring(0, type.length() - 2) : type;
        if (array) {
            if (!(value instanceof Object[] values)) {
                throw new SleetException("A default for a column of type " + type + " must be a Java array, not "
                        + value.getClass().getName());
            }
            String cast = typeSchema != null ? enumCastName(typeSchema, element) : castName(PostgresTypes.base(element));
            return PostgresNames.stringLiteral(arrayText(values)) + "::" + cast + "[]";
        }
        if (typeSchema != null) {
            if (!(value instanceof String label)) {
                throw new SleetException("A default for a column of enum type " + type + " must be a label");
            }
            return PostgresNames.stringLiteral(label) + "::" + enumCastName(typeSchema, type);
        }
        return literal(value, type);
    }

    /**
     * How {@code format_type} names an enum type with {@code search_path = public}: bare in public,
     * unless a pg_catalog type of that name hides it.
     */
    static String enumCastName(String schema, String name) {
        return PostgresNames.shadowedType(name) ? PostgresNames.quoteIdent(schema) + "." + PostgresNames.quoteIdent(name)
                : PostgresNames.printed(schema, name);
    }

    /** A default that draws from a standalone sequence, as {@code pg_get_expr} prints it with {@code search_path = public}. */
    static String nextValue(String schema, String sequence) {
        return "nextval(" + PostgresNames.stringLiteral(PostgresNames.printed(schema, sequence)) + "::regclass)";
    }

    /** An array's text as {@code array_out} writes it. */
    private static String arrayText(Object[] values) {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(arrayElement(values[i]));
        }
        return text.append('}').toString();
    }

    private static String arrayElement(Object value) {
        if (value == null) {
            return "NULL";
        }
        String text;
        if (value instanceof String || value instanceof UUID || value instanceof LocalDate
                || value instanceof Short || value instanceof Integer || value instanceof Long) {
            text = value.toString();
        } else if (value instanceof BigDecimal decimal) {
            text = decimal.toPlainString();
        } else if (value instanceof Boolean b) {
            text = b ? "t" : "f";
        } else {
            throw new SleetException("Cannot write an array default with elements of Java type " + value.getClass().getName()
                    + ": use defaultSql(\"...\") instead");
        }
        boolean quote = text.isEmpty() || text.equalsIgnoreCase("NULL");
        for (int i = 0; !quote && i < text.length(); i++) {
            char c = text.charAt(i);
            quote = c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || c == ' ' || c == '\t' || c == '\n'
                    || c == '\r' || c == '\f' || c == 0x0B;
        }
        if (!quote) {
            return text;
        }
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static String literal(Object value, String type) {
        String base = PostgresTypes.base(type);
        if (type.endsWith("[]")) {
            // An array's text as written ({1,2}) or as a Java array: either way the cast names the array type.
            return value instanceof String text ? PostgresNames.stringLiteral(text) + "::" + castName(base) + "[]"
                    : literal(value, type, null);
        }
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
            if (base.equals("jsonb")) {
                return quoted(PostgresJsonb.canonical(s), base);
            }
            if (base.equals("interval")) {
                return quoted(PostgresIntervals.canonical(s).orElse(s), base);
            }
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
        return PostgresNames.stringLiteral(text) + "::" + castName(base);
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

    /**
     * The value behind a plain literal default of a column's type, or empty for expressions and
     * unfamiliar forms: an enum label as a String, an array as a Java array ({@code String[]},
     * {@code Integer[]}, ...) when its elements can be read.
     */
    static Optional<Object> parse(String expression, String type, String typeSchema) {
        boolean array = type.endsWith("[]");
        String element = array ? type.substring(0, type.length() - 2) : type;
        Matcher quoted = QUOTED.matcher(expression);
        if (typeSchema == null && !array) {
            return parse(expression, type);
        }
        if (!quoted.matches()) {
            return Optional.empty();
        }
        String text = quoted.group(1).replace("''", "'");
        if (!array) {
            return Optional.of(text);
        }
        try {
            List<String> items = parseArray(text);
            if (items == null) {
                return Optional.empty();
            }
            String base = typeSchema != null ? "text" : PostgresTypes.base(element);
            Class<?> elementClass = arrayElementClass(base);
            if (elementClass == null) {
                return Optional.empty();
            }
            Object[] values = (Object[]) java.lang.reflect.Array.newInstance(elementClass, items.size());
            for (int i = 0; i < values.length; i++) {
                String item = items.get(i);
                values[i] = item == null ? null : arrayElementValue(item, base);
            }
            return Optional.of(values);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Class<?> arrayElementClass(String base) {
        switch (base) {
            case "text": case "varchar": case "char": return String.class;
            case "smallint": return Short.class;
            case "integer": return Integer.class;
            case "bigint": return Long.class;
            case "numeric": return BigDecimal.class;
            case "boolean": return Boolean.class;
            case "uuid": return UUID.class;
            case "date": return LocalDate.class;
            default: return null;
        }
    }

    private static Object arrayElementValue(String item, String base) {
        switch (base) {
            case "smallint": return Short.valueOf(item);
            case "integer": return Integer.valueOf(item);
            case "bigint": return Long.valueOf(item);
            case "numeric": return new BigDecimal(item);
            case "boolean":
                if (!item.equals("t") && !item.equals("f")) {
                    throw new IllegalArgumentException(item);
                }
                return item.equals("t");
            case "uuid": return UUID.fromString(item);
            case "date": return LocalDate.parse(item);
            default: return item;
        }
    }

    /**
     * The elements of a one-dimensional array's text ({@code {a,"b c",NULL}}), null elements as
     * null; null for text that is not such an array.
     */
    private static List<String> parseArray(String text) {
        if (text.length() < 2 || text.charAt(0) != '{' || text.charAt(text.length() - 1) != '}') {
            return null;
        }
        List<String> items = new ArrayList<>();
        String body = text.substring(1, text.length() - 1);
        if (body.isEmpty()) {
            return items;
        }
        int i = 0;
        while (true) {
            if (i < body.length() && body.charAt(i) == '"') {
                StringBuilder item = new StringBuilder();
                i++;
                while (i < body.length() && body.charAt(i) != '"') {
                    if (body.charAt(i) == '\\') {
                        i++;
                    }
                    item.append(body.charAt(i));
                    i++;
                }
                items.add(item.toString());
                i++;
            } else {
                int end = body.indexOf(',', i);
                String item = body.substring(i, end < 0 ? body.length() : end);
                if (item.contains("{") || item.contains("\"") || item.contains("\\")) {
                    return null;
                }
                items.add(item.equals("NULL") ? null : item);
                i = end < 0 ? body.length() : end;
            }
            if (i >= body.length()) {
                return items;
            }
            if (body.charAt(i) != ',') {
                return null;
            }
            i++;
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
