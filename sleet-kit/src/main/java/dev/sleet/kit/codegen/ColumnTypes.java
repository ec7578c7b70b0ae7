package dev.sleet.kit.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.sleet.schema.DataType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a canonical snapshot type to the {@code Table} factory that declares it. Every mapping is
 * checked against {@link DataType}'s own spelling, so a factory is only chosen when the declared
 * column reads back as exactly the same type; anything else becomes
 * {@code column("x", new DataType<>("type", Object.class))}.
 */
final class ColumnTypes {

    private static final Pattern ONE_ARG = Pattern.compile("([a-z]+)\\((\\d{1,9})\\)");
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d{1,9}),(\\d{1,9})\\)");

    /**
     * A factory call such as {@code varchar("name", 50)}, the column's value type, its Java class, and
     * whether it declares a serial column (which implies NOT NULL).
     */
    record Factory(CodeBlock call, TypeName valueType, Class<?> javaType, boolean serial) {

        Factory(CodeBlock call, TypeName valueType, Class<?> javaType) {
            this(call, valueType, javaType, false);
        }
    }

    private ColumnTypes() {}

    static Factory factory(String column, String type, boolean serial) {
        if (type.endsWith("[]") && !serial) {
            Factory element = factory(column, type.substring(0, type.length() - 2), false);
            Class<?> arrayClass = java.lang.reflect.Array.newInstance(element.javaType(), 0).getClass();
            return new Factory(CodeBlock.of("$L.array()", element.call()), ArrayTypeName.of(element.valueType()), arrayClass);
        }
        if (serial) {
            switch (type) {
                case "integer": return serial("serial", column, Integer.class);
                case "bigint": return serial("bigserial", column, Long.class);
                case "smallint": return serial("smallserial", column, Short.class);
                default: break; // a serial of another type cannot be declared; keep the type
            }
        }
        switch (type) {
            case "smallint": return simple("smallint", column, Short.class);
            case "integer": return simple("integer", column, Integer.class);
            case "bigint": return simple("bigint", column, Long.class);
            case "boolean": return simple("bool", column, Boolean.class);
            case "text": return simple("text", column, String.class);
            case "varchar": return simple("varchar", column, String.class);
            case "numeric": return simple("numeric", column, BigDecimal.class);
            case "real": return simple("real", column, Float.class);
            case "double precision": return simple("doublePrecision", column, Double.class);
            case "date": return simple("date", column, LocalDate.class);
            case "time": return simple("time", column, LocalTime.class);
            case "timestamp": return simple("timestamp", column, LocalDateTime.class);
            case "timestamptz": return simple("timestamptz", column, OffsetDateTime.class);
            case "interval": return simple("interval", column, String.class);
            case "uuid": return simple("uuid", column, UUID.class);
            case "json": return simple("json", column, String.class);
            case "jsonb": return simple("jsonb", column, String.class);
            case "bytea":
                return new Factory(CodeBlock.of("bytea($S)", column), ArrayTypeName.of(TypeName.BYTE), byte[].class);
            default: break;
        }
        Matcher numeric = NUMERIC.matcher(type);
        if (numeric.matches()) {
            int precision = Integer.parseInt(numeric.group(1));
            int scale = Integer.parseInt(numeric.group(2));
            if (DataType.numeric(precision, scale).sql().equals(type)) {
                return new Factory(CodeBlock.of("numeric($S, $L, $L)", column, precision, scale),
                        ClassName.get(BigDecimal.class), BigDecimal.class);
            }
        }
        Matcher oneArg = ONE_ARG.matcher(type);
        if (oneArg.matches()) {
            int n = Integer.parseInt(oneArg.group(2));
            Factory sized = sized(oneArg.group(1), column, n);
            if (sized != null && sqlOf(oneArg.group(1), n).equals(type)) {
                return sized;
            }
        }
        return new Factory(CodeBlock.of("column($S, new $T<>($S, $T.class))", column, ClassName.get(DataType.class),
                type, ClassName.OBJECT), ClassName.OBJECT, Object.class);
    }

    private static Factory sized(String base, String column, int n) {
        switch (base) {
            case "varchar": return new Factory(CodeBlock.of("varchar($S, $L)", column, n), ClassName.get(String.class), String.class);
            case "char": return new Factory(CodeBlock.of("character($S, $L)", column, n), ClassName.get(String.class), String.class);
            case "time": return new Factory(CodeBlock.of("time($S, $L)", column, n), ClassName.get(LocalTime.class), LocalTime.class);
            case "timestamp": return new Factory(CodeBlock.of("timestamp($S, $L)", column, n),
                    ClassName.get(LocalDateTime.class), LocalDateTime.class);
            case "timestamptz": return new Factory(CodeBlock.of("timestamptz($S, $L)", column, n),
                    ClassName.get(OffsetDateTime.class), OffsetDateTime.class);
            default: return null;
        }
    }

    /** The type {@link DataType} spells for a sized factory, to check the round trip. */
    private static String sqlOf(String base, int n) {
        switch (base) {
            case "varchar": return DataType.varchar(n).sql();
            case "char": return DataType.character(n).sql();
            case "time": return DataType.time(n).sql();
            case "timestamp": return DataType.timestamp(n).sql();
            case "timestamptz": return DataType.timestamptz(n).sql();
            default: return "";
        }
    }

    private static Factory serial(String method, String column, Class<?> javaType) {
        return new Factory(CodeBlock.of("$L($S)", method, column), ClassName.get(javaType), javaType, true);
    }

    private static Factory simple(String method, String column, Class<?> javaType) {
        return new Factory(CodeBlock.of("$L($S)", method, column), ClassName.get(javaType), javaType);
    }
}
