package dev.sleet.kit.postgres;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sleet.kit.SleetException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON text as {@code jsonb_out} prints it. A jsonb default is stored as a parsed value, so the
 * catalog prints {@code '{"b":1,"a":2}'::jsonb} back as {@code '{"a": 2, "b": 1}'::jsonb}; writing
 * the printed form into snapshots and DDL is what lets code and database compare equal. The rules
 * followed: object keys sorted by length, then by their UTF-8 bytes; the last of duplicate keys
 * wins; {@code ": "} and {@code ", "} between parts; numbers as {@code numeric_out} writes them.
 */
final class PostgresJsonb {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // numeric keeps a number's scale: 2.50 stays 2.50.
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private PostgresJsonb() {}

    /** The printed form of {@code text}; a clear error when it is not one JSON value. */
    static String canonical(String text) {
        JsonNode value;
        try (JsonParser parser = JSON.createParser(text)) {
            value = JSON.readTree(parser);
            if (value == null || parser.nextToken() != null) {
                throw new SleetException("A jsonb default must be one JSON value: " + abbreviate(text));
            }
        } catch (JsonProcessingException e) {
            throw new SleetException("A jsonb default is not valid JSON (" + e.getOriginalMessage() + "): " + abbreviate(text));
        } catch (IOException e) {
            throw new SleetException("A jsonb default is not valid JSON: " + abbreviate(text));
        }
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(JsonNode value, StringBuilder out) {
        if (value.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                fields.add(it.next());
            }
            fields.sort((a, b) -> compareKeys(a.getKey(), b.getKey()));
            out.append('{');
            for (int i = 0; i < fields.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                string(fields.get(i).getKey(), out);
                out.append(": ");
                write(fields.get(i).getValue(), out);
            }
            out.append('}');
        } else if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                write(value.get(i), out);
            }
            out.append(']');
        } else if (value.isTextual()) {
            string(value.textValue(), out);
        } else if (value.isBigDecimal()) {
            // numeric_out never writes an exponent (and BigDecimal, like numeric, has no negative zero).
            out.append(value.decimalValue().toPlainString());
        } else {
            out.append(value.asText());
        }
    }

    /** jsonb orders keys by length first; equal lengths compare as bytes. */
    private static int compareKeys(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return x.length != y.length ? Integer.compare(x.length, y.length) : Arrays.compareUnsigned(x, y);
    }

    /** A string as {@code escape_json} writes it. */
    private static void string(String text, StringBuilder out) {
        if (text.indexOf('\0') >= 0) {
            throw new SleetException("A jsonb default cannot hold the character \\u0000 (PostgreSQL text cannot)");
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
