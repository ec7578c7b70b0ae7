package dev.sleet.dialect;

import dev.sleet.schema.Column;
import dev.sleet.schema.Converter;
import dev.sleet.schema.DataType;
import dev.sleet.schema.EnumType;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The JDBC binders a dialect hands out, one per Java type, cached per column and per type. Text
 * the database stores in a type of its own (json, jsonb, interval, inet, cidr, enum labels ...) is
 * bound untyped ({@code Types.OTHER}) so that the server casts it to the column's type, as it does
 * for a literal.
 */
final class Binders {

    /** Types a Java String binds to as text; "unknown" is a value with no column to take a type from. */
    private static final Set<String> TEXT_TYPES = Set.of("text", "varchar", "char", "bpchar", "character varying",
            "character", "name", "citext", "unknown");

    /** pgjdbc's milliseconds for infinity and -infinity in a java.sql date or timestamp (PGStatement.DATE_*_INFINITY). */
    private static final long POSITIVE_INFINITY = 9223372036825200000L;
    private static final long NEGATIVE_INFINITY = -9223372036832400000L;

    private final Dialect dialect;
    private final Map<Column<?>, Binder<?>> byColumn = new ConcurrentHashMap<>();
    private final Map<DataType<?>, Binder<?>> byType = new ConcurrentHashMap<>();

    Binders(Dialect dialect) {
        this.dialect = dialect;
    }

    @SuppressWarnings("unchecked")
    <T> Binder<T> of(Column<T> column) {
        Binder<?> binder = byColumn.get(column);
        if (binder == null) {
            binder = create(column);
            byColumn.put(column, binder);
        }
        return (Binder<T>) binder;
    }

    @SuppressWarnings("unchecked")
    <T> Binder<T> of(DataType<T> type) {
        Binder<?> binder = byType.get(type);
        if (binder == null) {
            binder = scalar(type.sql(), type.javaType());
            byType.put(type, binder);
        }
        return (Binder<T>) binder;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Binder<?> create(Column<?> column) {
        if (column.converter().isPresent()) {
            Converter converter = column.converter().get();
            Binder base = of(new DataType<>(column.type().sql(), converter.databaseType()));
            return new Converted(base, converter);
        }
        if (column.enumType().isPresent()) {
            EnumType<?> enumType = column.enumType().get();
            Enums enums = new Enums(enumType);
            if (column.isArray()) {
                return new ArrayBinder(dialect.quote(enumType.schemaName()) + "." + dialect.quote(enumType.objectName()),
                        column.type().javaType().getComponentType(), enums::label, enums::value);
            }
            return new Binder<Object>() {
                @Override
                public void set(PreparedStatement statement, int index, Object value) throws SQLException {
                    statement.setObject(index, value == null ? null : enums.label(value), Types.OTHER);
                }

                @Override
                public Object get(ResultSet result, int index) throws SQLException {
                    String label = result.getString(index);
                    return label == null ? null : enums.value(label);
                }
            };
        }
        return of(column.type());
    }

    private Binder<?> scalar(String sql, Class<?> type) {
        if (type.isArray() && type != byte[].class) {
            Class<?> element = type.getComponentType();
            return new ArrayBinder(dialect.arrayElementType(sql), element, IDENTITY,
                    value -> elementValue(value, element));
        }
        if (type == String.class) {
            String base = sql.indexOf('(') < 0 ? sql : sql.substring(0, sql.indexOf('('));
            return TEXT_TYPES.contains(base) ? STRING : UNTYPED_STRING;
        }
        if (type == Integer.class) return INTEGER;
        if (type == Long.class) return LONG;
        if (type == Short.class) return SHORT;
        if (type == Boolean.class) return BOOLEAN;
        if (type == Double.class) return DOUBLE;
        if (type == Float.class) return FLOAT;
        if (type == BigDecimal.class) return DECIMAL;
        if (type == byte[].class) return BYTES;
        if (type == LocalDate.class) return new ObjectBinder<>(LocalDate.class, Types.DATE);
        if (type == LocalTime.class) return new ObjectBinder<>(LocalTime.class, Types.TIME);
        if (type == LocalDateTime.class) return new ObjectBinder<>(LocalDateTime.class, Types.TIMESTAMP);
        if (type == OffsetDateTime.class) return new ObjectBinder<>(OffsetDateTime.class, Types.TIMESTAMP_WITH_TIMEZONE);
        if (type == UUID.class) return new ObjectBinder<>(UUID.class, Types.OTHER);
        if (type.isEnum()) return javaEnum(type);
        return new ObjectBinder<>(type, Types.OTHER);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Binder<?> javaEnum(Class<?> type) {
        // An enum value without a declared EnumType (a raw expression, a cast): its name is the label.
        return new Binder<Enum>() {
            @Override
            public void set(PreparedStatement statement, int index, Enum value) throws SQLException {
                statement.setObject(index, value == null ? null : value.name(), Types.OTHER);
            }

            @Override
            public Enum get(ResultSet result, int index) throws SQLException {
                String label = result.getString(index);
                return label == null ? null : Enum.valueOf((Class) type, label);
            }
        };
    }

    /** A database array element as the Java element type (pgjdbc gives java.sql dates and times). */
    private static Object elementValue(Object value, Class<?> element) {
        if (value == null || element.isInstance(value)) {
            return value;
        }
        if (value instanceof java.util.Date date && (date.getTime() == POSITIVE_INFINITY
                || date.getTime() == NEGATIVE_INFINITY)) {
            // pgjdbc's infinity in an array element; a scalar column reads as the type's MAX/MIN, so elements do too
            return infinity(element, date.getTime() == POSITIVE_INFINITY);
        }
        if (value instanceof Date date && element == LocalDate.class) {
            return date.toLocalDate();
        }
        if (value instanceof Time time && element == LocalTime.class) {
            return time.toLocalTime();
        }
        if (value instanceof Timestamp ts && element == LocalDateTime.class) {
            return ts.toLocalDateTime();
        }
        if (value instanceof Timestamp ts && element == OffsetDateTime.class) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof String text && element == UUID.class) {
            return UUID.fromString(text);
        }
        if (value instanceof Number n && element == Short.class) {
            return n.shortValue();
        }
        if (value instanceof Number n && element == Float.class) {
            return n.floatValue();
        }
        if (value instanceof String text && element == BigDecimal.class) {
            return new BigDecimal(text);
        }
        throw new IllegalStateException("Cannot read an array element " + value.getClass().getName()
                + " as " + element.getName());
    }

    private static Object infinity(Class<?> element, boolean positive) {
        if (element == LocalDate.class) {
            return positive ? LocalDate.MAX : LocalDate.MIN;
        }
        if (element == LocalDateTime.class) {
            return positive ? LocalDateTime.MAX : LocalDateTime.MIN;
        }
        if (element == OffsetDateTime.class) {
            return positive ? OffsetDateTime.MAX : OffsetDateTime.MIN;
        }
        throw new IllegalStateException("Cannot read infinity as " + element.getName());
    }

    /** Labels to Java values and back, for an enum type declared in the schema. */
    private static final class Enums {
        private final EnumType<?> type;
        private final Map<String, Object> values = new HashMap<>();

        Enums(EnumType<?> type) {
            this.type = type;
            Object[] constants = type.javaType().getEnumConstants();
            if (constants == null) {
                type.labels().forEach(label -> values.put(label, label));
            } else {
                for (Object constant : constants) {
                    values.put(type.labelOf(constant), constant);
                }
            }
        }

        Object label(Object value) {
            return type.labelOf(value);
        }

        Object value(Object label) {
            Object value = values.get((String) label);
            if (value == null) {
                throw new IllegalStateException("The database returned label '" + label + "' of enum type "
                        + type.objectName() + ", which " + type.javaType().getSimpleName() + " does not declare");
            }
            return value;
        }
    }

    private record Converted<D, U>(Binder<D> base, Converter<D, U> converter) implements Binder<U> {
        @Override
        public void set(PreparedStatement statement, int index, U value) throws SQLException {
            base.set(statement, index, value == null ? null : converter.to().apply(value));
        }

        @Override
        public U get(ResultSet result, int index) throws SQLException {
            D value = base.get(result, index);
            return value == null ? null : converter.from().apply(value);
        }
    }

    /** The mapping of elements that need none: told apart by identity, so their array is handed over as it is. */
    private static final Function<Object, Object> IDENTITY = value -> value;

    private record ArrayBinder(String elementType, Class<?> element, Function<Object, Object> toDatabase,
                               Function<Object, Object> fromDatabase) implements Binder<Object> {
        @Override
        public void set(PreparedStatement statement, int index, Object value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.ARRAY);
                return;
            }
            Object[] values;
            if (value instanceof Object[] objects) {
                // A reflective read per element costs more than the driver's encoding of it: keys of a
                // findMany level are thousands of elements. The driver only reads the array it is given.
                values = toDatabase == IDENTITY ? objects : new Object[objects.length];
                if (values != objects) {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = objects[i] == null ? null : toDatabase.apply(objects[i]);
                    }
                }
            } else {
                values = new Object[Array.getLength(value)];
                for (int i = 0; i < values.length; i++) {
                    values[i] = toDatabase.apply(Array.get(value, i));
                }
            }
            statement.setArray(index, statement.getConnection().createArrayOf(elementType, values));
        }

        @Override
        public Object get(ResultSet result, int index) throws SQLException {
            java.sql.Array array = result.getArray(index);
            if (array == null) {
                return null;
            }
            Object[] values = (Object[]) array.getArray();
            Object typed = Array.newInstance(element, values.length);
            if (typed instanceof Object[] objects) {
                for (int i = 0; i < values.length; i++) {
                    objects[i] = values[i] == null ? null : fromDatabase.apply(values[i]);
                }
            } else {
                for (int i = 0; i < values.length; i++) {
                    Array.set(typed, i, values[i] == null ? null : fromDatabase.apply(values[i]));
                }
            }
            array.free();
            return typed;
        }
    }

    private record ObjectBinder<T>(Class<T> type, int sqlType) implements Binder<T> {
        @Override
        public void set(PreparedStatement statement, int index, T value) throws SQLException {
            if (value == null) {
                statement.setNull(index, sqlType);
            } else if (sqlType == Types.OTHER && !(value instanceof UUID)) {
                statement.setObject(index, value.toString(), Types.OTHER);
            } else {
                statement.setObject(index, value);
            }
        }

        @Override
        public T get(ResultSet result, int index) throws SQLException {
            return type == Object.class ? type.cast(result.getObject(index)) : result.getObject(index, type);
        }
    }

    private static final Binder<String> STRING = new Binder<>() {
        @Override
        public void set(PreparedStatement statement, int index, String value) throws SQLException {
            statement.setString(index, value);
        }

        @Override
        public String get(ResultSet result, int index) throws SQLException {
            return result.getString(index);
        }
    };

    private static final Binder<String> UNTYPED_STRING = new Binder<>() {
        @Override
        public void set(PreparedStatement statement, int index, String value) throws SQLException {
            statement.setObject(index, value, Types.OTHER);
        }

        @Override
        public String get(ResultSet result, int index) throws SQLException {
            return result.getString(index);
        }
    };

    private static final Binder<Integer> INTEGER = new Binder<>() {
        @Override
        public void set(PreparedStatement statement, int index, Integer value) throws SQLException {
            if (value == null) statement.setNull(index, Types.INTEGER); else statement.setInt(index, value);
        }

        @Override
        public Integer get(ResultSet result, int index) throws SQLException {
            int value = result.getInt(index);
            return value == 0 && result.wasNull() ? null : value;
        }

        @Override
        public int getInt(ResultSet result, int index) throws SQLException {
            return result.getInt(index);
        }
    };

    private static final Binder<Long> LONG = new Binder<>() {
        @Override
        public void set(PreparedStatement statement, int index, Long value) throws SQLException {
            if (value == null) statement.setNull(index, Types.BIGINT); else statement.setLong(index, value);
        }

        @Override
        public Long get(ResultSet result, int index) throws SQLException {
            long value = result.getLong(index);
            return value == 0 && result.wasNull() ? null : value;
        }

        @Override
        public long getLong(ResultSet result, int index) throws SQLException {
            return result.getLong(index);
        }
    };

    private static final Binder<Short> SHORT = new Binder<>() {
        @Override
        public void set(PreparedStatement statement, int index, Short value) throws SQLException {
            if (value == null) statement.setNull(index, Types.SMALLINT); else statement.setShort(index, value);
        }

        @Override
        public Short get(ResultSet result, int index) throws SQLException {
            short value = result.getShort(index);
            return value == 0 && result.wasNull() ? null : value;
        }
    };

    private static final Binder<Boolean> BOOLEAN = new Binder<>() {
        @Override
        public void set(PreparedStatement statement, int index, Boolean value) throws SQLException {
            if (value == null) statement.setNull(index, Types.BOOLEAN); else statement.setBoolean(index, value);
        }

        @Override
        public Boolean get(ResultSet result, int index) throws SQLException {
            boolean value = result.getBoolean(index);
            return !value && result.wasNull() ? null : value;
        }
    };

    private static final Binder<Double> DOUBLE = new Binder<>() {
        @Override
        public void set(PreparedStatement statement, int index, Double value) throws SQLException {
            if (value == null) statement.setNull(index, Types.DOUBLE); else statement.setDouble(index, value);
        }

        @Override
        public Double get(ResultSet result, int index) throws SQLException {
            double value = result.getDouble(index);
            return value == 0 && result.wasNull() ? null : value;
        }
    };

    private static final Binder<Float> FLOAT = new Binder<>() {
        @Override
        public void set(PreparedStatement statement, int index, Float value) throws SQLException {
            if (value == null) statement.setNull(index, Types.REAL); else statement.setFloat(index, value);
        }

        @Override
        public Float get(ResultSet result, int index) throws SQLException {
            float value = result.getFloat(index);
            return value == 0 && result.wasNull() ? null : value;
        }
    };

    private static final Binder<BigDecimal> DECIMAL = new Binder<>() {
        @Override
        public void set(PreparedStatement statement, int index, BigDecimal value) throws SQLException {
            if (value == null) statement.setNull(index, Types.NUMERIC); else statement.setBigDecimal(index, value);
        }

        @Override
        public BigDecimal get(ResultSet result, int index) throws SQLException {
            return result.getBigDecimal(index);
        }
    };

    private static final Binder<byte[]> BYTES = new Binder<>() {
        @Override
        public void set(PreparedStatement statement, int index, byte[] value) throws SQLException {
            if (value == null) statement.setNull(index, Types.BINARY); else statement.setBytes(index, value);
        }

        @Override
        public byte[] get(ResultSet result, int index) throws SQLException {
            return result.getBytes(index);
        }
    };
}
