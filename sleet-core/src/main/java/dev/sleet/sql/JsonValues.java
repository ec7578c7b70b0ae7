package dev.sleet.sql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.sleet.schema.Column;
import dev.sleet.schema.Converter;
import dev.sleet.schema.DataType;
import dev.sleet.schema.EnumType;

import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Values of the single-statement relational strategy: how each selected expression is written into
 * {@code json_build_array(...)}, and how PostgreSQL's JSON form of it ({@code to_json}) is read back
 * into the Java type the same expression has when read from a result set (so both strategies return
 * equal records). Keyed by the expression: a column's converter, then its enum type, then its Java
 * type. Forms read back exactly: numbers from their digits (numeric keeps its scale, never via
 * double), timestamps with zone at their instant (in UTC, as pgjdbc gives them), dates before year 1
 * ({@code BC}) and after 9999, {@code infinity}, {@code 24:00}, bytea hex, uuid, enum labels,
 * one-dimensional arrays of any of these; json and jsonb travel as their text.
 */
final class JsonValues {

    /** No limits on a value's length: a text or numeric value may be as long as PostgreSQL allows. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE).maxNestingDepth(Integer.MAX_VALUE).build())
            .build();

    /** Reads the value the parser stands on (its current token) as one Java value. */
    interface Reader {
        Object read(JsonParser parser) throws IOException;
    }

    private JsonValues() {
    }

    /** The expression as an argument of json_build_array: json and jsonb as text, so that their text comes back unchanged. */
    static void render(RenderContext context, Expression<?> expression) {
        Expression<?> inner = expression instanceof Nodes.Aliased<?> aliased ? aliased.expression() : expression;
        String sql = inner.type().sql();
        context.expression(inner);
        if (sql.equals("json") || sql.equals("jsonb")) {
            context.sql("::text");
        } else if (sql.equals("json[]") || sql.equals("jsonb[]")) {
            context.sql("::text[]");
        }
    }

    /** The reader for an expression's values. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Reader reader(Expression<?> expression) {
        Expression<?> inner = expression instanceof Nodes.Aliased<?> aliased ? aliased.expression() : expression;
        if (inner instanceof Column<?> column) {
            if (column.converter().isPresent()) {
                Converter converter = column.converter().get();
                Reader base = reader(new DataType<>(column.type().sql(), converter.databaseType()));
                return parser -> {
                    Object value = base.read(parser);
                    return value == null ? null : converter.from().apply(value);
                };
            }
            if (column.enumType().isPresent()) {
                Reader labels = enumReader(column.enumType().get());
                return column.isArray() ? array(column.type().javaType().getComponentType(), labels) : labels;
            }
        }
        return reader(inner.type());
    }

    private static Reader reader(DataType<?> type) {
        Class<?> java = type.javaType();
        if (java.isArray() && java != byte[].class) {
            String sql = type.sql();
            String element = sql.endsWith("[]") ? sql.substring(0, sql.length() - 2) : sql;
            return array(java.getComponentType(), reader(new DataType<>(element, java.getComponentType())));
        }
        return scalar(java);
    }

    private static Reader scalar(Class<?> java) {
        if (java == String.class) return text(value -> value);
        if (java == Integer.class) return number(JsonParser::getIntValue);
        if (java == Long.class) return number(JsonParser::getLongValue);
        if (java == Short.class) return number(JsonParser::getShortValue);
        if (java == BigDecimal.class) return number(JsonParser::getDecimalValue);
        // Floats: "NaN" and "Infinity" come as strings; digits are parsed as the type itself (no double rounding for real).
        if (java == Double.class) return text(Double::parseDouble);
        if (java == Float.class) return text(Float::parseFloat);
        if (java == Boolean.class) return parser -> parser.currentToken() == JsonToken.VALUE_NULL ? null : parser.getBooleanValue();
        if (java == byte[].class) return text(JsonValues::bytes);
        if (java == UUID.class) return text(UUID::fromString);
        if (java == LocalDate.class) return text(JsonValues::date);
        if (java == LocalTime.class) return text(JsonValues::time);
        if (java == LocalDateTime.class) return text(JsonValues::timestamp);
        if (java == OffsetDateTime.class) return text(JsonValues::timestamptz);
        if (java.isEnum()) return javaEnum(java);
        if (java == Object.class) return JsonValues::any;
        throw new IllegalArgumentException("The single-statement strategy cannot read a value of type "
                + java.getName() + " back from JSON; use the default strategy for this query");
    }

    private interface NumberRead {
        Object read(JsonParser parser) throws IOException;
    }

    private static Reader number(NumberRead read) {
        return parser -> switch (parser.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> read.read(parser);
            default -> throw new IllegalStateException("Expected a number in the relational JSON, got " + parser.getText());
        };
    }

    /** A value from its text: a JSON string's content, or a number's digits. */
    private static Reader text(Function<String, Object> parse) {
        return parser -> parser.currentToken() == JsonToken.VALUE_NULL ? null : parse.apply(parser.getText());
    }

    private static Reader array(Class<?> element, Reader elements) {
        return parser -> {
            if (parser.currentToken() == JsonToken.VALUE_NULL) {
                return null;
            }
            List<Object> values = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() == JsonToken.START_ARRAY) {
                    throw new IllegalStateException("A multi-dimensional array cannot be read into " + element.getSimpleName()
                            + "[]; use the default strategy for this query");
                }
                values.add(elements.read(parser));
            }
            Object typed = Array.newInstance(element, values.size());
            for (int i = 0; i < values.size(); i++) {
                Array.set(typed, i, values.get(i));
            }
            return typed;
        };
    }

    private static Reader enumReader(EnumType<?> type) {
        Map<String, Object> values = new HashMap<>();
        Object[] constants = type.javaType().getEnumConstants();
        if (constants == null) {
            type.labels().forEach(label -> values.put(label, label));
        } else {
            for (Object constant : constants) {
                values.put(type.labelOf(constant), constant);
            }
        }
        return text(label -> {
            Object value = values.get(label);
            if (value == null) {
                throw new IllegalStateException("The database returned label '" + label + "' of enum type "
                        + type.objectName() + ", which " + type.javaType().getSimpleName() + " does not declare");
            }
            return value;
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Reader javaEnum(Class<?> type) {
        return text(label -> Enum.valueOf((Class) type, label));
    }

    /** An expression typed Object (a raw template): text as String, numbers as BigDecimal, booleans, nested JSON as its text. */
    private static Object any(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE, VALUE_FALSE -> parser.getBooleanValue();
            default -> {
                StringBuilder text = new StringBuilder();
                copy(parser, text);
                yield text.toString();
            }
        };
    }

    private static void copy(JsonParser parser, StringBuilder text) throws IOException {
        int depth = 0;
        do {
            JsonToken token = parser.currentToken();
            switch (token) {
                case START_ARRAY, START_OBJECT -> depth++;
                case END_ARRAY, END_OBJECT -> depth--;
                default -> {
                }
            }
            text.append(token == JsonToken.VALUE_STRING ? '"' + parser.getText() + '"'
                    : token == JsonToken.FIELD_NAME ? '"' + parser.getText() + "\":" : parser.getText());
        } while (depth > 0 && parser.nextToken() != null);
    }

    /** bytea as byteaout writes it: hex ({@code \x0102}, the default) or the escape form. */
    static byte[] bytes(String text) {
        if (text.startsWith("\\x")) {
            return HexFormat.of().parseHex(text, 2, text.length());
        }
        byte[] out = new byte[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\\') {
                out[n++] = '\\';
                i++;
            } else if (c == '\\' && i + 3 < text.length()) {
                out[n++] = (byte) Integer.parseInt(text.substring(i + 1, i + 4), 8);
                i += 3;
            } else {
                out[n++] = (byte) c;
            }
        }
        return Arrays.copyOf(out, n);
    }

    // Dates and times in PostgreSQL's JSON (XSD) form: ISO 8601, a year after 9999 without '+', " BC" after a year before 1.

    static LocalDate date(String text) {
        return switch (text) {
            case "infinity" -> LocalDate.MAX;
            case "-infinity" -> LocalDate.MIN;
            default -> {
                boolean bc = text.endsWith(" BC");
                LocalDate date = LocalDate.parse(iso(text, bc));
                yield bc ? date.withYear(1 - date.getYear()) : date;
            }
        };
    }

    static LocalDateTime timestamp(String text) {
        return switch (text) {
            case "infinity" -> LocalDateTime.MAX;
            case "-infinity" -> LocalDateTime.MIN;
            default -> {
                boolean bc = text.endsWith(" BC");
                LocalDateTime value = LocalDateTime.parse(iso(text, bc));
                yield bc ? value.withYear(1 - value.getYear()) : value;
            }
        };
    }

    static OffsetDateTime timestamptz(String text) {
        return switch (text) {
            case "infinity" -> OffsetDateTime.MAX;
            case "-infinity" -> OffsetDateTime.MIN;
            default -> {
                boolean bc = text.endsWith(" BC");
                OffsetDateTime value = OffsetDateTime.parse(iso(text, bc));
                if (bc) {
                    value = value.withYear(1 - value.getYear());
                }
                yield value.withOffsetSameInstant(ZoneOffset.UTC);
            }
        };
    }

    static LocalTime time(String text) {
        return text.startsWith("24:") ? LocalTime.MAX : LocalTime.parse(text);
    }

    /** The text without " BC", and with '+' before a year of more than four digits, as java.time parses it. */
    private static String iso(String text, boolean bc) {
        String value = bc ? text.substring(0, text.length() - 3) : text;
        int dash = value.indexOf('-');
        return dash > 4 ? "+" + value : value;
    }
}
