package dev.sleet.kit.postgres;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.push.DataLoss;
import dev.sleet.kit.push.DataLossCheck;
import dev.sleet.kit.push.LiveNames;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.sleet.kit.postgres.PostgresNames.quote;

/**
 * Counts, with real queries, the rows each risky change touches on PostgreSQL: rows of dropped
 * tables, values of dropped columns, values that do not fit a narrower type (longer than the new
 * length, out of the new integer range, more digits than the new precision, or, for other
 * conversions, values that change or fail when cast), NULLs under a new NOT NULL, and rows of a
 * table that gets a NOT NULL column without a default.
 */
public final class PostgresDataLoss implements DataLossCheck {

    private static final Pattern TYPE = Pattern.compile("([a-z ]+?)\\s*(?:\\((\\d+)(?:\\s*,\\s*(\\d+))?\\))?(\\[\\])?");
    private static final Map<String, Integer> INTEGER_RANK = Map.of("smallint", 1, "integer", 2, "bigint", 3);
    private static final Map<String, String> INTEGER_RANGE = Map.of(
            "smallint", "-32768 AND 32767",
            "integer", "-2147483648 AND 2147483647",
            "bigint", "-9223372036854775808 AND 9223372036854775807");
    private static final Map<String, Integer> INTEGER_DIGITS = Map.of("smallint", 5, "integer", 10, "bigint", 19);
    private static final Set<String> STRINGS = Set.of("text", "varchar", "char");
    private static final Set<String> FLOATS = Set.of("real", "double precision");
    private static final Set<String> TEMPORAL = Set.of("timestamp", "timestamptz", "time", "timetz", "interval");

    @Override
    public List<DataLoss> check(Connection connection, Snapshot live, List<Change> changes, LiveNames names) throws SQLException {
        List<DataLoss> losses = new ArrayList<>();
        for (Change change : changes) {
            if (change instanceof Change.DropTable c) {
                String table = relation(names, c.schema(), c.table());
                long rows = count(connection, "SELECT count(*) FROM " + table);
                if (rows > 0) {
                    losses.add(new DataLoss(c.subject(), "drops table " + c.subject() + " and its " + rows(rows), rows));
                }
            } else if (change instanceof Change.DropColumn c) {
                String table = relation(names, c.schema(), c.table());
                String column = quote(names.column(c.schema(), c.table(), c.column()));
                long rows = count(connection, "SELECT count(" + column + ") FROM " + table);
                if (rows > 0) {
                    losses.add(new DataLoss(c.subject(), "drops column " + c.subject() + ", which holds values in "
                            + rows(rows), rows));
                }
            } else if (change instanceof Change.DropSchema c) {
                String schema = names.schema(c.schema());
                long rows = 0;
                int tables = 0;
                for (TableSnapshot table : live.tables().values()) {
                    if (table.schema().equals(schema)) {
                        tables++;
                        rows += count(connection, "SELECT count(*) FROM " + quote(schema) + "." + quote(table.name()));
                    }
                }
                if (rows > 0) {
                    losses.add(new DataLoss(c.subject(), "drops schema " + c.subject() + ", whose " + tables
                            + (tables == 1 ? " table holds " : " tables hold ") + rows(rows), rows));
                }
            } else if (change instanceof Change.AlterColumn c) {
                alterColumn(connection, c, names, losses);
            } else if (change instanceof Change.AddColumn c) {
                ColumnSnapshot column = c.column();
                String liveKey = names.schema(c.schema()) + "." + names.table(c.schema(), c.table());
                if (column.notNull() && column.defaultValue() == null && !column.serial() && live.tables().containsKey(liveKey)) {
                    long rows = count(connection, "SELECT count(*) FROM " + relation(names, c.schema(), c.table()));
                    if (rows > 0) {
                        losses.add(new DataLoss(c.subject(), "adds column " + c.subject() + " NOT NULL without a default to a table with "
                                + rows(rows) + " (the push fails unless the column gets a default or the rows are removed)", rows));
                    }
                }
            }
        }
        return losses;
    }

    private static void alterColumn(Connection connection, Change.AlterColumn c, LiveNames names, List<DataLoss> losses)
            throws SQLException {
        String table = relation(names, c.schema(), c.table());
        String column = quote(names.column(c.schema(), c.table(), c.to().name()));
        String from = c.from().type();
        String to = c.to().type();
        if (!from.equals(to)) {
            Narrowing narrowing = narrowing(from, to, column);
            if (narrowing != null) {
                long rows;
                String what = narrowing.what();
                try {
                    rows = count(connection, "SELECT count(*) FROM " + table + " WHERE " + narrowing.predicate());
                } catch (SQLException e) {
                    // A value that does not convert fails the cast in the count as well: report the values there are.
                    rows = count(connection, "SELECT count(" + column + ") FROM " + table);
                    what = "values, and some do not convert (" + firstLine(e.getMessage()) + ")";
                }
                if (rows > 0) {
                    losses.add(new DataLoss(c.subject(), "changes the type of " + c.subject() + " from " + from + " to " + to
                            + ": " + rows(rows) + (rows == 1 ? " holds " : " hold ") + what, rows));
                }
            }
        }
        if (!c.from().notNull() && c.to().notNull()) {
            long rows = count(connection, "SELECT count(*) FROM " + table + " WHERE " + column + " IS NULL");
            if (rows > 0) {
                losses.add(new DataLoss(c.subject(), "sets " + c.subject() + " NOT NULL, but " + rows(rows)
                        + (rows == 1 ? " holds" : " hold") + " NULL there (the push fails unless they are filled in first)", rows));
            }
        }
    }

    /** A predicate selecting the rows whose value does not survive the type change, and what it means. */
    record Narrowing(String predicate, String what) {}

    /** Null when every value of {@code from} fits {@code to} unchanged. */
    static Narrowing narrowing(String from, String to, String column) {
        Type f = Type.parse(from);
        Type t = Type.parse(to);
        String roundTrip = "(" + column + ")::" + to + "::" + from + "::text IS DISTINCT FROM (" + column + ")::text";
        Narrowing changed = new Narrowing(roundTrip, "values that change or do not convert when cast to " + to);
        if (f == null || t == null || f.array() || t.array()) {
            return f != null && t != null && f.array() == t.array() && f.base().equals(t.base()) && t.first() == null ? null : changed;
        }
        if (t.base().equals("text") || t.base().equals("varchar") && t.first() == null) {
            return null;
        }
        if (t.base().equals("varchar") || t.base().equals("char")) {
            int length = t.first() == null ? 1 : t.first();
            if (STRINGS.contains(f.base())) {
                Integer fromLength = f.base().equals("text") || f.base().equals("varchar") && f.first() == null ? null
                        : f.first() == null ? 1 : f.first();
                if (fromLength != null && fromLength <= length) {
                    return null;
                }
                return new Narrowing("length(" + column + ") > " + length, "values longer than " + length + " characters");
            }
            return new Narrowing("length((" + column + ")::text) > " + length, "values longer than " + length + " characters");
        }
        if (INTEGER_RANK.containsKey(t.base())) {
            String outOfRange = column + " NOT BETWEEN " + INTEGER_RANGE.get(t.base());
            if (INTEGER_RANK.containsKey(f.base())) {
                return INTEGER_RANK.get(f.base()) <= INTEGER_RANK.get(t.base()) ? null
                        : new Narrowing(outOfRange, "values outside the range of " + t.base());
            }
            if (f.base().equals("numeric") || FLOATS.contains(f.base())) {
                return new Narrowing("(" + outOfRange + " OR " + column + " <> trunc(" + column + "))",
                        "values outside the range of " + t.base() + " or with a fraction");
            }
            return changed;
        }
        if (t.base().equals("numeric")) {
            if (t.first() == null) {
                return INTEGER_RANK.containsKey(f.base()) || f.base().equals("numeric") || FLOATS.contains(f.base()) ? null : changed;
            }
            int scale = t.second() == null ? 0 : t.second();
            int integerDigits = t.first() - scale;
            if (INTEGER_RANK.containsKey(f.base())) {
                return integerDigits >= INTEGER_DIGITS.get(f.base()) ? null
                        : new Narrowing("abs((" + column + ")::numeric) >= 10::numeric ^ " + integerDigits,
                        "values with more than " + integerDigits + " digits before the point");
            }
            if (f.base().equals("numeric") || FLOATS.contains(f.base())) {
                if (f.base().equals("numeric") && f.first() != null) {
                    int fromScale = f.second() == null ? 0 : f.second();
                    if (fromScale <= scale && f.first() - fromScale <= integerDigits) {
                        return null;
                    }
                }
                String value = "(" + column + ")::numeric";
                return new Narrowing("(abs(" + value + ") >= 10::numeric ^ " + integerDigits + " OR " + value + " <> round(" + value + ", " + scale + "))",
                        "values with more than " + integerDigits + " digits before the point or " + scale + " after it");
            }
            return changed;
        }
        if (t.base().equals("double precision") && Set.of("real", "smallint", "integer").contains(f.base())) {
            return null;
        }
        if (t.base().equals("real") && f.base().equals("smallint")) {
            return null;
        }
        if (TEMPORAL.contains(t.base()) && t.base().equals(f.base())) {
            int fromPrecision = f.first() == null ? 6 : f.first();
            if (t.first() == null || t.first() >= fromPrecision) {
                return null;
            }
            return new Narrowing(roundTrip, "values with more than " + t.first() + " fractional digits of a second");
        }
        return changed;
    }

    /** A canonical type split into base name, up to two modifiers and an array marker. */
    record Type(String base, Integer first, Integer second, boolean array) {
        static Type parse(String type) {
            Matcher m = TYPE.matcher(type.trim());
            if (!m.matches()) {
                return null;
            }
            return new Type(m.group(1).trim(), m.group(2) == null ? null : Integer.valueOf(m.group(2)),
                    m.group(3) == null ? null : Integer.valueOf(m.group(3)), m.group(4) != null);
        }
    }

    private static String relation(LiveNames names, String schema, String table) {
        return quote(names.schema(schema)) + "." + quote(names.table(schema, table));
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String rows(long rows) {
        return rows + (rows == 1 ? " row" : " rows");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "the database refused the conversion";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
