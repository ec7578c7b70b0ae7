package dev.sleet.kit.postgres;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.snapshot.ColumnSnapshot;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.sleet.kit.postgres.PostgresNames.quote;

/**
 * How PostgreSQL converts a column's values from one type to another, in one place: the USING
 * clause of the ALTER, whether the conversion may lose values (and what), and the rows whose value
 * would not survive it. {@code generate} asks about a lossy change, its guard and {@code push}'s
 * row counts select the same rows, and the DDL writes the same conversion, so the three never
 * disagree.
 *
 * <p>A conversion keeps a value when, converted and converted back, it is the same value. A pair of
 * types is lossy unless every value of the old type survives; pairs this class does not know are
 * lossy. Conversions that refuse a value (text that is not a number, a label the enum type does not
 * have) lose nothing: the ALTER fails.
 */
final class PostgresTypeChange {

    /**
     * Settings that change how values convert (time zones, date and interval text, float and bytea
     * text). The guard pins them for the rest of its transaction, so the ALTER after it converts as
     * the guard counted, and alike on every database.
     */
    static final Map<String, String> PINNED_SETTINGS = pinned();

    static final String UNKNOWN = "Sleet cannot tell that every value converts back unchanged";

    private static final Pattern TYPE = Pattern.compile("([a-z][a-z0-9 ]*?)\\s*(?:\\((\\d+)(?:\\s*,\\s*(\\d+))?\\))?");
    private static final Map<String, Integer> INTEGER_RANK = Map.of("smallint", 1, "integer", 2, "bigint", 3);
    private static final Map<String, String> INTEGER_RANGE = Map.of(
            "smallint", "-32768 AND 32767",
            "integer", "-2147483648 AND 2147483647",
            "bigint", "-9223372036854775808 AND 9223372036854775807");
    private static final Map<String, Integer> INTEGER_DIGITS = Map.of("smallint", 5, "integer", 10, "bigint", 19);
    /** The longest text of a value of these types ({@code -2147483648}, {@code false}, a uuid). */
    private static final Map<String, Integer> TEXT_LENGTH = Map.of("smallint", 6, "integer", 11, "bigint", 20, "boolean", 5,
            "uuid", 36);
    private static final Set<String> FLOATS = Set.of("real", "double precision");
    /** Types whose text is the same under any setting and reads back as the same value. */
    private static final Set<String> EXACT_TEXT = Set.of("smallint", "integer", "bigint", "numeric", "boolean", "uuid", "json",
            "jsonb", "xml", "inet", "cidr", "macaddr", "macaddr8", "bit", "bit varying");
    /** Types whose text depends on a pinned setting. */
    private static final Set<String> SETTINGS_TEXT = Set.of("real", "double precision", "date", "timestamp", "timestamptz",
            "time", "timetz", "interval", "bytea");
    /** Types without a proper equality: their values are compared as text. */
    private static final Set<String> COMPARED_AS_TEXT = Set.of("json", "xml", "point", "line", "lseg", "box", "path", "polygon",
            "circle");

    /**
     * The casts PostgreSQL 15 has between different built-in types (pg_cast), besides those to and
     * from text, which every type has. Between two of these types without a cast here (boolean to
     * jsonb, say), a value converts by way of its text; types not listed keep their direct cast.
     */
    private static final Map<String, Set<String>> CASTS = casts();

    private final ColumnSnapshot from;
    private final ColumnSnapshot to;
    private final String loss;
    /** The domain the converted values end up in (a column moving to a recreated domain), or null. */
    private final String domain;

    private PostgresTypeChange(ColumnSnapshot from, ColumnSnapshot to, String domain) {
        this.from = from;
        this.to = to;
        this.domain = domain;
        this.loss = from.type().equals(to.type()) && Objects.equals(from.typeSchema(), to.typeSchema())
                ? null : loss(from, to);
    }

    static PostgresTypeChange of(ColumnSnapshot from, ColumnSnapshot to) {
        return new PostgresTypeChange(from, to, null);
    }

    /**
     * The conversion a change makes: for a column moving to a recreated domain, its values convert
     * from the old domain's base type to the new one's (which is what may lose them), then into the domain.
     */
    static PostgresTypeChange of(Change.ColumnConversion change) {
        return change instanceof Change.ConvertDomainColumn c
                ? new PostgresTypeChange(c.valuesFrom(), c.valuesTo(), PostgresDdl.typeSql(c.to()))
                : of(change.from(), change.to());
    }

    /** What the change may lose, e.g. "values longer than 10 characters are cut"; null when every value survives. */
    String loss() {
        return loss;
    }

    boolean lossy() {
        return loss != null;
    }

    /**
     * The USING clause the ALTER needs, or "" when none: none within one family ({@code varchar(10)}
     * to {@code varchar(20)}, text to {@code varchar(10)}), a cast otherwise (by way of text to or
     * from an enum type and where PostgreSQL has no cast; a value becomes a one-element array, an
     * array its first element). PostgreSQL cuts a value to a shorter length only in an explicit cast,
     * and refuses it otherwise: so the conversion casts to the type without its length, unless the
     * loss is accepted.
     */
    String using(String column, boolean lossAccepted) {
        if (domain != null) {
            // By way of the base type: an explicit cast straight to a domain over varchar(n) would cut longer values unasked.
            String target = lossAccepted || !lossy() ? PostgresDdl.typeSql(to) : withoutLength(to);
            return " USING (" + convert(column, from, to, target) + ")::" + domain;
        }
        boolean sameFamily = from.typeSchema() == null && to.typeSchema() == null && from.isArray() == to.isArray()
                && (base(from).equals(base(to)) || textual(base(from)) && textual(base(to)));
        if (sameFamily) {
            return lossAccepted && lossy() ? " USING " + convert(column, from, to) : "";
        }
        // Where nothing is lost the cast cannot cut a value either; where something may be, only an accepted loss cuts.
        String target = lossAccepted || !lossy() ? PostgresDdl.typeSql(to) : withoutLength(to);
        return " USING " + convert(column, from, to, target);
    }

    /**
     * A condition that holds for the rows whose value of {@code column} would not survive: converted
     * (as an accepted loss converts it) and back, it differs. Values a conversion would refuse with
     * an error count where the error can be foreseen (out of an integer's or a numeric's range);
     * others raise the error when the condition is evaluated.
     */
    String changedRows(String column) {
        if (domain != null) {
            // Read as the old base type: an array of a domain has no = with an array of its base type.
            column = "(" + column + ")::" + PostgresDdl.typeSql(from);
        }
        String back = convert("(" + convert(column, from, to) + ")", to, from);
        String differs = COMPARED_AS_TEXT.contains(base(from))
                ? "(" + back + ")::text IS DISTINCT FROM (" + column + ")::text"
                : "(" + back + ") IS DISTINCT FROM " + column;
        String fits = fits(column);
        return column + " IS NOT NULL AND " + (fits == null ? "(" + differs + ")" : "CASE WHEN " + fits + " THEN " + differs
                + " ELSE true END");
    }

    /**
     * The guard that runs before a lossy ALTER in its transaction: it locks the table, pins the
     * settings, counts the values that would not survive and, if there are any, fails naming the
     * column, the count and what to do. Names go into the body as quoted identifiers and escaped
     * literals, under a dollar-quote tag that does not occur in the body.
     */
    String guard(String schema, String table, String column) {
        String relation = quote(schema) + "." + quote(table);
        String subject = schema + "." + table + "." + column;
        StringBuilder body = new StringBuilder("\nDECLARE\n    changed bigint;\nBEGIN\n")
                .append("    LOCK TABLE ").append(relation).append(" IN ACCESS EXCLUSIVE MODE;\n");
        PINNED_SETTINGS.forEach((name, value) -> body.append("    SET LOCAL ").append(name).append(" = ").append(value).append(";\n"));
        String names = literal(subject) + ", " + literal(from.type()) + ", " + literal(to.type());
        body.append("    BEGIN\n        SELECT count(*) INTO changed FROM ").append(relation).append(" WHERE ")
                .append(changedRows(quote(column))).append(";\n")
                .append("    EXCEPTION WHEN data_exception THEN\n")
                .append("        RAISE EXCEPTION 'Sleet guard: values of % do not convert from % to % (%). Nothing was changed.', ")
                .append(names).append(", SQLERRM;\n")
                .append("    END;\n")
                .append("    IF changed > 0 THEN\n")
                .append("        RAISE EXCEPTION 'Sleet guard: changing % from % to % would change the values of % (%). "
                        + "Nothing was changed. Make those values fit and run migrate again, or, if the loss is intended "
                        + "and this migration has run nowhere yet, replace it: sleet drop, then sleet generate --accept-loss %.', ")
                .append(names).append(", changed || CASE WHEN changed = 1 THEN ' row' ELSE ' rows' END, ")
                .append(literal(loss)).append(", ").append(literal(subject)).append(";\n")
                .append("    END IF;\nEND\n");
        String tag = "$sleet_guard$";
        for (int i = 1; body.indexOf(tag) >= 0; i++) {
            tag = "$sleet_guard" + i + "$";
        }
        return "DO " + tag + body + tag + ";";
    }

    /** The comment an accepted loss is written under: what is lost, and that nothing guards it. */
    String acceptedComment(String schema, String table, String column) {
        return "-- Loss accepted: " + oneLine(schema + "." + table + "." + column + ": " + from.type() + " -> " + to.type() + ", " + loss)
                + ".\n-- Written with no guard: values that do not survive the conversion change.\n";
    }

    // ---- classification -----------------------------------------------------------------------

    private static String loss(ColumnSnapshot from, ColumnSnapshot to) {
        Type f = Type.parse(from.elementType());
        Type t = Type.parse(to.elementType());
        if (from.typeSchema() != null || to.typeSchema() != null) {
            // By way of text: a label or text either converts exactly or is refused.
            if (to.typeSchema() != null) {
                return from.typeSchema() != null || f != null && textual(f.base()) ? null : UNKNOWN;
            }
            return t == null || !textual(t.base()) ? UNKNOWN : t.length() == null ? null
                    : "labels longer than " + t.length() + " characters are cut";
        }
        if (from.isArray() && !to.isArray()) {
            return "only the first element of each array is kept";
        }
        if (f == null || t == null) {
            return UNKNOWN;
        }
        String loss = scalarLoss(f, t);
        return loss == null || !to.isArray() ? loss : "in each array, " + loss;
    }

    /** What converting a value of {@code f} to {@code t} may lose; null when nothing. */
    private static String scalarLoss(Type f, Type t) {
        String fb = f.base();
        String tb = t.base();
        if (f.equals(t)) {
            return null;
        }
        if (textual(tb)) {
            return toTextLoss(f, t);
        }
        if (textual(fb)) {
            return "text is read as " + t.spelling() + ": a value that does not read back the same (spacing, case, format) changes";
        }
        if (INTEGER_RANK.containsKey(fb)) {
            if (INTEGER_RANK.containsKey(tb)) {
                return INTEGER_RANK.get(tb) >= INTEGER_RANK.get(fb) ? null : "values outside the range of " + tb + " do not fit";
            }
            if (tb.equals("numeric")) {
                return t.first() == null || t.first() - t.scale() >= INTEGER_DIGITS.get(fb) ? null
                        : "values of " + (t.first() - t.scale() + 1) + " or more digits do not fit";
            }
            if (tb.equals("double precision")) {
                return fb.equals("bigint") ? "values beyond 2^53 are rounded" : null;
            }
            if (tb.equals("real")) {
                return fb.equals("smallint") ? null : "values beyond 2^24 are rounded";
            }
            return tb.equals("boolean") ? "every value but 0 becomes true" : UNKNOWN;
        }
        if (fb.equals("numeric") || FLOATS.contains(fb)) {
            if (INTEGER_RANK.containsKey(tb)) {
                return "fractions are rounded away, and values outside the range of " + tb + " do not fit";
            }
            if (tb.equals("numeric")) {
                return fb.equals("numeric") ? numericLoss(f, t) : "values are rounded to 15 significant digits"
                        + (t.first() == null ? "" : ", and " + numericLoss(new Type("numeric", null, null), t));
            }
            if (FLOATS.contains(tb)) {
                return fb.equals("real") ? null : "values are rounded to the precision of " + tb;
            }
            return UNKNOWN;
        }
        if (fb.equals("boolean") && INTEGER_RANK.containsKey(tb)) {
            return null;
        }
        if (fb.equals("date")) {
            return tb.equals("timestamp") || tb.equals("timestamptz") ? null : UNKNOWN;
        }
        return fb.startsWith("time") || fb.equals("interval") ? temporalLoss(f, t)
                : fb.equals("json") && tb.equals("jsonb") ? "white space, key order and duplicate keys are not kept"
                : fb.equals("jsonb") && tb.equals("json") || fb.equals("cidr") && tb.equals("inet") ? null
                : UNKNOWN;
    }

    private static String toTextLoss(Type f, Type t) {
        Integer length = t.length();
        if (textual(f.base())) {
            String cut = length == null || f.length() != null && f.length() <= length ? null
                    : "values longer than " + length + " characters are cut";
            // char(n) pads with spaces and drops them again: text with trailing spaces loses them.
            boolean trimmed = t.base().equals("char") && !f.base().equals("char");
            return trimmed ? "trailing spaces are dropped" + (cut == null ? "" : ", and " + cut) : cut;
        }
        if (EXACT_TEXT.contains(f.base())) {
            return length == null || length >= TEXT_LENGTH.getOrDefault(f.base(), Integer.MAX_VALUE) ? null
                    : "values longer than " + length + " characters are cut";
        }
        return SETTINGS_TEXT.contains(f.base())
                ? "the text depends on settings (DateStyle, TimeZone, IntervalStyle, extra_float_digits, bytea_output)"
                + (length == null ? "" : ", and values longer than " + length + " characters are cut")
                : UNKNOWN;
    }

    private static String numericLoss(Type f, Type t) {
        if (t.first() == null) {
            return null;
        }
        boolean rounded = f.first() == null || f.scale() > t.scale();
        boolean overflows = f.first() == null || f.first() - f.scale() > t.first() - t.scale();
        String round = "values are rounded to " + (t.scale() == 0 ? "whole numbers" : t.scale() == 1 ? "1 decimal place"
                : t.scale() + " decimal places");
        String fit = "values of " + (t.first() - t.scale() + 1) + " or more digits before the point do not fit";
        return rounded && overflows ? round + ", and " + fit : rounded ? round : overflows ? fit : null;
    }

    private static String temporalLoss(Type f, Type t) {
        String fb = f.base();
        String tb = t.base();
        String precision = t.precision() >= f.precision() ? null : t.precision() == 0 ? "fractional seconds are rounded away"
                : "fractional seconds are rounded to " + t.precision() + (t.precision() == 1 ? " digit" : " digits");
        if (fb.equals(tb) || fb.equals("timestamp") && tb.equals("timestamptz") || fb.equals("time") && tb.equals("timetz")) {
            return precision;
        }
        if (fb.equals("timestamptz") && tb.equals("timestamp")) {
            return "the time zone is dropped" + (precision == null ? "" : ", and " + precision);
        }
        if (fb.startsWith("timestamp") && tb.equals("date")) {
            return fb.equals("timestamptz") ? "the time of day and the time zone are dropped" : "the time of day is dropped";
        }
        if (fb.startsWith("timestamp") && tb.startsWith("time") && !tb.startsWith("timestamp")) {
            return "the date is dropped";
        }
        if (fb.equals("timetz") && tb.equals("time")) {
            return "the time zone offset is dropped" + (precision == null ? "" : ", and " + precision);
        }
        return fb.equals("time") && tb.equals("interval") ? null : UNKNOWN;
    }

    /** A condition under which converting {@code column} raises no foreseeable error; null when none is known. */
    private String fits(String column) {
        if (from.isArray() || to.isArray() || from.typeSchema() != null || to.typeSchema() != null) {
            return null;
        }
        Type f = Type.parse(from.type());
        Type t = Type.parse(to.type());
        if (f == null || t == null || !(INTEGER_RANK.containsKey(f.base()) || f.base().equals("numeric") || FLOATS.contains(f.base()))) {
            return null;
        }
        if (INTEGER_RANK.containsKey(t.base())) {
            return column + " BETWEEN " + INTEGER_RANGE.get(t.base());
        }
        if (t.base().equals("numeric") && t.first() != null) {
            return "abs(round((" + column + ")::numeric, " + t.scale() + ")) < 10::numeric ^ " + (t.first() - t.scale());
        }
        if (t.base().equals("real") && f.base().equals("double precision")) {
            return "(" + column + " = 0 OR " + column + " = 'NaN' OR abs(" + column + ") = 'Infinity' OR abs(" + column
                    + ") BETWEEN 1.401298464324817e-45 AND 3.4028234663852886e38)";
        }
        return null;
    }

    // ---- conversions --------------------------------------------------------------------------

    /** {@code value} (of {@code source}'s type) converted to {@code target}'s type, as USING writes it. */
    private static String convert(String value, ColumnSnapshot source, ColumnSnapshot target) {
        return convert(value, source, target, PostgresDdl.typeSql(target));
    }

    private static String convert(String value, ColumnSnapshot source, ColumnSnapshot target, String targetSql) {
        String byText = byText(source, target) ? "::text" : "";
        if (!source.isArray() && target.isArray()) {
            return "ARRAY[" + value + byText + "]::" + targetSql;
        }
        if (source.isArray() && !target.isArray()) {
            return value + "[1]" + byText + "::" + targetSql;
        }
        return value + byText + (source.isArray() && !byText.isEmpty() ? "[]" : "") + "::" + targetSql;
    }

    /**
     * Whether values go by way of text: to and from an enum type, and between built-in types
     * PostgreSQL has no cast between (every type reads and writes text).
     */
    private static boolean byText(ColumnSnapshot source, ColumnSnapshot target) {
        if (source.typeSchema() != null || target.typeSchema() != null) {
            return true;
        }
        String s = base(source);
        String t = base(target);
        return !s.equals(t) && !textual(s) && !textual(t) && CASTS.containsKey(s) && CASTS.containsKey(t)
                && !CASTS.get(s).contains(t);
    }

    /** The column's type without a length, so that an assignment, not the cast, checks the length. */
    private static String withoutLength(ColumnSnapshot column) {
        Type t = column.typeSchema() == null ? Type.parse(column.elementType()) : null;
        if (t == null || t.length() == null) {
            return PostgresDdl.typeSql(column);
        }
        return (t.base().equals("char") ? "bpchar" : t.base()) + (column.isArray() ? "[]" : "");
    }

    private static String base(ColumnSnapshot column) {
        return PostgresTypes.base(column.type());
    }

    private static boolean textual(String base) {
        return base.equals("text") || base.equals("varchar") || base.equals("char");
    }

    /** A string literal that reads the same whatever {@code standard_conforming_strings} says. */
    private static String literal(String text) {
        return "E'" + text.replace("\\", "\\\\").replace("'", "''").replace("\n", "\\n").replace("\r", "\\r") + "'";
    }

    /** Text for a {@code --} comment: a line break would end the comment and start SQL. */
    private static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}", " ");
    }

    private static Map<String, Set<String>> casts() {
        Set<String> numbers = Set.of("smallint", "integer", "bigint", "real", "double precision", "numeric");
        return Map.ofEntries(
                Map.entry("smallint", numbers),
                Map.entry("integer", union(numbers, Set.of("boolean", "bit", "money"))),
                Map.entry("bigint", union(numbers, Set.of("bit", "money"))),
                Map.entry("real", numbers),
                Map.entry("double precision", numbers),
                Map.entry("numeric", union(numbers, Set.of("money"))),
                Map.entry("money", Set.of("numeric")),
                Map.entry("boolean", Set.of("integer")),
                Map.entry("bit", Set.of("integer", "bigint", "bit varying")),
                Map.entry("bit varying", Set.of("bit")),
                Map.entry("date", Set.of("timestamp", "timestamptz")),
                Map.entry("time", Set.of("timetz", "interval")),
                Map.entry("timetz", Set.of("time")),
                Map.entry("timestamp", Set.of("date", "time", "timestamptz")),
                Map.entry("timestamptz", Set.of("date", "time", "timetz", "timestamp")),
                Map.entry("interval", Set.of("time")),
                Map.entry("json", Set.of("jsonb")),
                Map.entry("jsonb", union(numbers, Set.of("json", "boolean"))),
                Map.entry("inet", Set.of("cidr")),
                Map.entry("cidr", Set.of("inet")),
                Map.entry("macaddr", Set.of("macaddr8")),
                Map.entry("macaddr8", Set.of("macaddr")),
                Map.entry("uuid", Set.of()),
                Map.entry("bytea", Set.of()),
                Map.entry("xml", Set.of()),
                Map.entry("tsvector", Set.of()));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static Map<String, String> pinned() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("TimeZone", "'UTC'");
        settings.put("DateStyle", "'ISO, MDY'");
        settings.put("IntervalStyle", "'postgres'");
        settings.put("extra_float_digits", "3");
        settings.put("bytea_output", "'hex'");
        return Collections.unmodifiableMap(settings);
    }

    /** A built-in type in Sleet's spelling, split into its name and up to two modifiers. */
    record Type(String base, Integer first, Integer second) {

        static Type parse(String type) {
            Matcher m = TYPE.matcher(type.trim());
            if (!m.matches()) {
                return null;
            }
            return new Type(m.group(1).trim(), m.group(2) == null ? null : Integer.valueOf(m.group(2)),
                    m.group(3) == null ? null : Integer.valueOf(m.group(3)));
        }

        /** The length of varchar(n) or char(n) (char alone is char(1)); null for an unbounded or non-textual type. */
        Integer length() {
            if (base.equals("char")) {
                return first == null ? Integer.valueOf(1) : first;
            }
            return base.equals("varchar") ? first : null;
        }

        /** A numeric's scale. */
        int scale() {
            return second == null ? 0 : second;
        }

        /** Fractional digits of a second (6 when not given). */
        int precision() {
            return first == null ? 6 : first;
        }

        String spelling() {
            return base + (first == null ? "" : "(" + first + (second == null ? "" : "," + second) + ")");
        }
    }
}
