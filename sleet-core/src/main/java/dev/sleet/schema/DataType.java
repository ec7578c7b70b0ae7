package dev.sleet.schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A column's SQL type together with the Java type its values map to.
 *
 * <p>{@code sql} is the canonical spelling Sleet writes into snapshots and DDL (for example
 * {@code varchar(50)}, {@code timestamptz(3)}); introspection normalises the catalog's spelling to
 * the same form, so a type read back from the database compares equal to the one declared in code.
 */
public record DataType<T>(String sql, Class<T> javaType) {

    public static final DataType<Short> SMALLINT = new DataType<>("smallint", Short.class);
    public static final DataType<Integer> INTEGER = new DataType<>("integer", Integer.class);
    public static final DataType<Long> BIGINT = new DataType<>("bigint", Long.class);
    public static final DataType<Boolean> BOOLEAN = new DataType<>("boolean", Boolean.class);
    public static final DataType<String> TEXT = new DataType<>("text", String.class);
    public static final DataType<Float> REAL = new DataType<>("real", Float.class);
    public static final DataType<Double> DOUBLE_PRECISION = new DataType<>("double precision", Double.class);
    public static final DataType<LocalDate> DATE = new DataType<>("date", LocalDate.class);
    public static final DataType<String> INTERVAL = new DataType<>("interval", String.class);
    public static final DataType<UUID> UUID_TYPE = new DataType<>("uuid", UUID.class);
    public static final DataType<String> JSON = new DataType<>("json", String.class);
    public static final DataType<String> JSONB = new DataType<>("jsonb", String.class);
    public static final DataType<byte[]> BYTEA = new DataType<>("bytea", byte[].class);

    public static DataType<String> varchar(Integer length) {
        return new DataType<>(length == null ? "varchar" : "varchar(" + length + ")", String.class);
    }

    public static DataType<String> character(Integer length) {
        return new DataType<>(length == null ? "char(1)" : "char(" + length + ")", String.class);
    }

    public static DataType<BigDecimal> numeric(Integer precision, Integer scale) {
        String sql = precision == null ? "numeric"
                : scale == null ? "numeric(" + precision + ",0)" : "numeric(" + precision + "," + scale + ")";
        return new DataType<>(sql, BigDecimal.class);
    }

    public static DataType<LocalTime> time(Integer precision) {
        return new DataType<>(withPrecision("time", precision), LocalTime.class);
    }

    public static DataType<LocalDateTime> timestamp(Integer precision) {
        return new DataType<>(withPrecision("timestamp", precision), LocalDateTime.class);
    }

    public static DataType<OffsetDateTime> timestamptz(Integer precision) {
        return new DataType<>(withPrecision("timestamptz", precision), OffsetDateTime.class);
    }

    private static String withPrecision(String base, Integer precision) {
        return precision == null ? base : base + "(" + precision + ")";
    }
}
