package dev.sleet.kit.property;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The column types the schema generator draws from: every type the DSL has a factory for (see
 * {@link dev.sleet.schema.DataType} and {@code Table}), in Sleet's canonical spelling, plus a few
 * that schema code declares with {@code column(name, new DataType<>(...))}. For each type: Java
 * values for literal defaults (rendered by {@code dialect.literal}), expression defaults in the form
 * {@code pg_get_expr} prints them, the index methods PostgreSQL has a default operator class for
 * (checked against PostgreSQL 15), and the type changes that cast safely.
 *
 * <p>To cover a new type (an enum, say), add a {@link Spec} in {@link #all()}.
 */
final class TypeCatalog {

    enum Method { BTREE, HASH, GIN, GIST, BRIN, SPGIST;

        String sql() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One column type.
     *
     * @param sql the canonical spelling, as snapshots store it
     * @param values a Java value for a literal default (null when the type takes none), given the random source
     *     and the type itself
     * @param expressions expression defaults, in {@code pg_get_expr} form
     * @param methods index methods with a default operator class; btree also means the type can be in
     *     a primary key, unique constraint or foreign key
     * @param serialType true for the integer types a serial column can have
     */
    record Spec(String sql, BiFunction<Random, String, Object> values, List<String> expressions,
                Set<Method> methods, boolean serialType) {

        boolean keyable() {
            return methods.contains(Method.BTREE);
        }

        boolean hasLiterals() {
            return values != null;
        }
    }

    private static final Set<Method> SCALAR = EnumSet.of(Method.BTREE, Method.HASH, Method.BRIN);
    private static final Set<Method> NO_BRIN = EnumSet.of(Method.BTREE, Method.HASH);
    private static final Set<Method> TEXTUAL = EnumSet.of(Method.BTREE, Method.HASH, Method.BRIN, Method.SPGIST);

    private static final List<Spec> ALL = build();

    private TypeCatalog() {}

    static List<Spec> all() {
        return ALL;
    }

    static Spec spec(String sql) {
        for (Spec spec : ALL) {
            if (spec.sql().equals(sql)) {
                return spec;
            }
        }
        throw new IllegalArgumentException("No type spec for " + sql);
    }

    static Spec random(Random random) {
        return ALL.get(random.nextInt(ALL.size()));
    }

    /**
     * Types a column of {@code sql} can change to with a cast that always succeeds on an empty table:
     * within a family, and across families where PostgreSQL has a cast (text to and from anything,
     * a value to a one-element array and back) or none (boolean to jsonb: by way of text), which the
     * kit must spell as {@code USING}.
     */
    static List<String> safeCasts(String sql) {
        List<String> targets = new ArrayList<>(SAFE_CASTS.getOrDefault(sql, List.of()));
        targets.addAll(USING_CASTS.getOrDefault(sql, List.of()));
        targets.removeIf(t -> ALL.stream().noneMatch(s -> s.sql().equals(t)));
        return targets;
    }

    /**
     * Whether a foreign key may be over columns of this type. PostgreSQL 15 cannot check one over
     * varchar arrays: its check query casts both sides to anyarray and fails ("cannot determine
     * element type of anyarray argument").
     */
    static boolean referenceable(String sql) {
        return !(sql.startsWith("varchar") && sql.endsWith("[]"));
    }

    /** True for the built-in types an enum column may change to and from (by way of text). */
    static boolean textual(String sql) {
        return sql.equals("text") || sql.startsWith("varchar");
    }

    private static final Map<String, List<String>> SAFE_CASTS = Map.ofEntries(
            Map.entry("smallint", List.of("integer", "bigint", "numeric")),
            Map.entry("integer", List.of("bigint", "numeric", "numeric(12,0)", "double precision")),
            Map.entry("bigint", List.of("numeric")),
            Map.entry("real", List.of("double precision")),
            Map.entry("numeric(8,2)", List.of("numeric(12,2)", "numeric", "numeric(12,4)")),
            Map.entry("numeric(12,2)", List.of("numeric")),
            Map.entry("varchar(20)", List.of("varchar(200)", "varchar", "text")),
            Map.entry("varchar(200)", List.of("varchar", "text")),
            Map.entry("varchar", List.of("text")),
            Map.entry("text", List.of("varchar")),
            Map.entry("char(3)", List.of("varchar(20)", "char(8)", "text")),
            Map.entry("date", List.of("timestamp", "timestamptz")),
            Map.entry("timestamp", List.of("timestamptz", "timestamp(3)")),
            Map.entry("timestamp(3)", List.of("timestamp", "timestamptz(3)")),
            Map.entry("time(3)", List.of("time")),
            Map.entry("json", List.of("jsonb")),
            Map.entry("uuid", List.of("text")));

    /**
     * Changes that need a cast in USING: across type families, or between a value and an array; to
     * jsonb, PostgreSQL has no cast from boolean or integer.
     */
    private static final Map<String, List<String>> USING_CASTS = Map.ofEntries(
            Map.entry("text", List.of("integer", "bigint", "numeric", "boolean", "date", "timestamptz", "uuid", "jsonb",
                    "interval", "inet", "text[]")),
            Map.entry("varchar(20)", List.of("integer", "uuid", "date")),
            Map.entry("integer", List.of("text", "boolean", "varchar", "smallint", "integer[]", "jsonb")),
            Map.entry("bigint", List.of("text", "integer", "smallint")),
            Map.entry("smallint", List.of("text")),
            Map.entry("boolean", List.of("integer", "text", "jsonb")),
            Map.entry("jsonb", List.of("text", "json")),
            Map.entry("uuid", List.of("varchar")),
            Map.entry("date", List.of("text")),
            Map.entry("timestamptz", List.of("timestamp", "date", "text")),
            Map.entry("numeric", List.of("integer", "text", "double precision")),
            Map.entry("double precision", List.of("numeric", "integer", "real")),
            Map.entry("integer[]", List.of("integer", "text[]", "bigint[]")),
            Map.entry("text[]", List.of("text", "integer[]", "varchar(20)[]")),
            Map.entry("bigint[]", List.of("integer[]", "numeric[]")),
            Map.entry("varchar(20)[]", List.of("text[]")));

    private static List<Spec> build() {
        List<Spec> all = new ArrayList<>();
        List<String> intExpressions = List.of("(1 + 2)", "1 + 2", "COALESCE(NULL::integer, 7)", "abs(-3)");
        all.add(new Spec("smallint", (r, t) -> (short) (int) pick(r, (int) Short.MIN_VALUE, (int) Short.MAX_VALUE, -1, 0, 7,
                r.nextInt(2000) - 1000), intExpressions, SCALAR, true));
        all.add(new Spec("integer", (r, t) -> pick(r, Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 42, r.nextInt()),
                intExpressions, SCALAR, true));
        all.add(new Spec("bigint", (r, t) -> pick(r, Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L, 5_000_000_000L, r.nextLong()),
                intExpressions, SCALAR, true));
        all.add(new Spec("boolean", (r, t) -> r.nextBoolean(), List.of("(1 < 2)", "1 < 2 IS TRUE"), NO_BRIN, false));
        all.add(new Spec("text", (r, t) -> text(r, 30), List.of("CURRENT_USER", "lower('X'::text)",
                "('x'::text || 'y'::text)", "'a' || 'b'", "'x' COLLATE \"C\"", "COALESCE(NULL, 'z')"), TEXTUAL, false));
        all.add(new Spec("varchar", (r, t) -> text(r, 30), List.of("CURRENT_USER"), TEXTUAL, false));
        all.add(new Spec("varchar(20)", (r, t) -> text(r, 20), List.of("CURRENT_USER", "upper('x')"), TEXTUAL, false));
        all.add(new Spec("varchar(200)", (r, t) -> text(r, 200), List.of(), TEXTUAL, false));
        all.add(new Spec("char(3)", (r, t) -> text(r, 3), List.of(), SCALAR, false));
        all.add(new Spec("numeric", (r, t) -> decimal(r, 30, 6), List.of(), SCALAR, false));
        all.add(new Spec("numeric(8,2)", (r, t) -> decimal(r, 6, 2), List.of(), SCALAR, false));
        all.add(new Spec("numeric(12,2)", (r, t) -> decimal(r, 10, 2), List.of(), SCALAR, false));
        all.add(new Spec("real", (r, t) -> pick(r, 1.5f, -0.25f, 0f, Float.NaN, Float.POSITIVE_INFINITY, 1.0e-10f,
                Float.MAX_VALUE, r.nextFloat() * 1000), List.of(), SCALAR, false));
        all.add(new Spec("double precision", (r, t) -> pick(r, -0.5, 1e-300, Double.NEGATIVE_INFINITY, Double.NaN, 1e300,
                r.nextDouble() * 1e6 - 5e5), List.of("(random() * (100)::double precision)"), SCALAR, false));
        all.add(new Spec("date", (r, t) -> date(r), List.of("CURRENT_DATE", "(CURRENT_DATE + 1)"), SCALAR, false));
        all.add(new Spec("time", (r, t) -> time(r, 6), List.of("LOCALTIME"), SCALAR, false));
        all.add(new Spec("time(3)", (r, t) -> time(r, 3), List.of("LOCALTIME"), SCALAR, false));
        all.add(new Spec("timestamp", (r, t) -> LocalDateTime.of(date(r), time(r, 6)),
                List.of("now()", "CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "now() AT TIME ZONE 'utc'"), SCALAR, false));
        all.add(new Spec("timestamp(3)", (r, t) -> LocalDateTime.of(date(r), time(r, 3)), List.of("now()"), SCALAR, false));
        all.add(new Spec("timestamptz", (r, t) -> OffsetDateTime.of(date(r), time(r, 6),
                ZoneOffset.ofHoursMinutes(r.nextInt(25) - 12, 0)), List.of("now()", "CURRENT_TIMESTAMP"), SCALAR, false));
        all.add(new Spec("timestamptz(3)", (r, t) -> OffsetDateTime.of(date(r), time(r, 3), ZoneOffset.UTC),
                List.of("now()"), SCALAR, false));
        // The catalog prints intervals in its own output form: only those round trip as literals.
        all.add(new Spec("interval", (r, t) -> pick(r, "1 day", "2 mons", "1 year 2 mons", "00:00:01",
                "1 day 02:03:04", "-1 days", "3 years"), List.of(), SCALAR, false));
        all.add(new Spec("uuid", (r, t) -> new UUID(r.nextLong(), r.nextLong()), List.of("gen_random_uuid()"), SCALAR, false));
        all.add(new Spec("json", (r, t) -> pick(r, "[]", "{}", "{\"a\":1}", "[1, \"it's\"]", " {\"b\" : true} "),
                List.of(), EnumSet.noneOf(Method.class), false));
        // jsonb prints normalised (key order, spacing): only normalised text round trips as a literal.
        all.add(new Spec("jsonb", (r, t) -> pick(r, "[]", "{}", "{\"a\": 1}", "[1, \"it's\"]", "{\"a\": null, \"b\": [1, 2]}"),
                List.of(), EnumSet.of(Method.BTREE, Method.HASH, Method.GIN), false));
        all.add(new Spec("bytea", (r, t) -> bytes(r), List.of(), SCALAR, false));
        // Types without a factory of their own, declared through column(name, DataType).
        all.add(new Spec("timetz", null, List.of("CURRENT_TIME", "'10:00:00+02'::time with time zone"), SCALAR, false));
        all.add(new Spec("inet", null, List.of("'10.0.0.1'::inet"), EnumSet.of(Method.BTREE, Method.HASH, Method.BRIN,
                Method.SPGIST), false));
        // Arrays: Java arrays (null elements too) as literal defaults where the kit writes them, else
        // expression defaults as pg_get_expr prints them (no length or precision in an array cast).
        Set<Method> arrays = EnumSet.of(Method.BTREE, Method.HASH, Method.GIN);
        all.add(new Spec("smallint[]", (r, t) -> array(r, Short[]::new, () -> (short) (r.nextInt(200) - 100)),
                List.of("'{}'::smallint[]"), arrays, false));
        all.add(new Spec("integer[]", (r, t) -> array(r, Integer[]::new, () -> pick(r, 0, -1, Integer.MAX_VALUE, r.nextInt())),
                List.of("'{1,2}'::integer[]", "'{}'::integer[]", "ARRAY[1, 2]", "ARRAY[1 + 1]"), arrays, false));
        all.add(new Spec("bigint[]", (r, t) -> array(r, Long[]::new, () -> pick(r, 0L, Long.MIN_VALUE, r.nextLong())),
                List.of(), arrays, false));
        all.add(new Spec("boolean[]", (r, t) -> array(r, Boolean[]::new, r::nextBoolean), List.of(), arrays, false));
        all.add(new Spec("numeric[]", (r, t) -> array(r, BigDecimal[]::new, () -> decimal(r, 8, 3)), List.of(), arrays, false));
        all.add(new Spec("text[]", (r, t) -> array(r, String[]::new, () -> arrayText(r, 12)),
                List.of("'{}'::text[]", "ARRAY['a'::text, 'b'::text]"), arrays, false));
        all.add(new Spec("varchar(20)[]", (r, t) -> array(r, String[]::new, () -> arrayText(r, 20)),
                List.of("'{}'::character varying[]", "ARRAY['a', 'b']::varchar(20)[]"), arrays, false));
        all.add(new Spec("uuid[]", (r, t) -> array(r, UUID[]::new, () -> new UUID(r.nextLong(), r.nextLong())),
                List.of(), arrays, false));
        all.add(new Spec("date[]", (r, t) -> array(r, LocalDate[]::new, () -> date(r)), List.of(), arrays, false));
        all.add(new Spec("timestamptz[]", null, List.of("'{}'::timestamp with time zone[]",
                "ARRAY[now()]"), arrays, false));
        all.add(new Spec("jsonb[]", null, List.of("'{}'::jsonb[]"), arrays, false));
        all.add(new Spec("interval[]", null, List.of("'{\"1 day\"}'::interval[]"), arrays, false));
        all.add(new Spec("bytea[]", null, List.of("'{}'::bytea[]"), arrays, false));
        all.add(new Spec("tsvector", null, List.of(), EnumSet.of(Method.BTREE, Method.GIN, Method.GIST), false));
        return List.copyOf(all);
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** Text with the characters that break naive quoting: quotes, backslashes, non-ASCII, newlines. */
    static String text(Random random, int maxLength) {
        String[] pieces = {"a", "Z", "'", "''", "\\", "\"", " ", "é", "日本", "x-1", "\n", "%", "?", "$1", "--", "/*", ";"};
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(Math.min(maxLength, 8) + 1);
        while (text.codePointCount(0, text.length()) < length) {
            String piece = pieces[random.nextInt(pieces.length)];
            if (text.codePointCount(0, text.length()) + piece.codePointCount(0, piece.length()) > maxLength) {
                break;
            }
            text.append(piece);
        }
        return text.toString();
    }

    /** An array of up to four elements, some of them null now and then. */
    static <T> T[] array(Random random, java.util.function.IntFunction<T[]> make, java.util.function.Supplier<T> element) {
        T[] values = make.apply(random.nextInt(5));
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(6) == 0 ? null : element.get();
        }
        return values;
    }

    /** Text for an array element: also what array literals must quote (braces, commas, NULL, nothing at all). */
    private static String arrayText(Random random, int maxLength) {
        return random.nextInt(4) == 0 ? pick(random, "", "NULL", "null", "{a}", "a,b", " x ", "\\", "\"q\"")
                : text(random, maxLength);
    }

    /** A decimal with at most {@code integerDigits} digits before the point and {@code scale} after. */
    static BigDecimal decimal(Random random, int integerDigits, int scale) {
        switch (random.nextInt(5)) {
            case 0: return BigDecimal.ZERO;
            case 1: return new BigDecimal(BigInteger.TEN.pow(integerDigits).subtract(BigInteger.ONE)).negate();
            default:
                BigInteger unscaled = new BigInteger(Math.min(60, (integerDigits + scale) * 3), random);
                int s = random.nextInt(scale + 1);
                BigDecimal value = new BigDecimal(unscaled, s);
                while (value.precision() - value.scale() > integerDigits) {
                    value = value.movePointLeft(1).setScale(s, java.math.RoundingMode.DOWN);
                }
                return random.nextBoolean() ? value : value.negate();
        }
    }

    static LocalDate date(Random random) {
        return LocalDate.of(2 + random.nextInt(9998), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    private static LocalTime time(Random random, int precision) {
        int micros = random.nextInt(1_000_000);
        int keep = (int) Math.pow(10, 6 - precision);
        return LocalTime.of(random.nextInt(24), random.nextInt(60), random.nextInt(60), (micros / keep) * keep * 1000);
    }

    private static byte[] bytes(Random random) {
        byte[] bytes = new byte[random.nextInt(6)];
        random.nextBytes(bytes);
        return bytes;
    }
}
