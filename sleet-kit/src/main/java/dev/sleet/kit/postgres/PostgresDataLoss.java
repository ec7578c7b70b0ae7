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

import static dev.sleet.kit.postgres.PostgresNames.quote;

/**
 * Counts, with real queries, the rows each risky change touches on PostgreSQL: rows of dropped
 * tables, values of dropped columns, values a type change would not keep (the rows
 * {@link PostgresTypeChange} selects, the same a migration's guard counts), NULLs under a new NOT
 * NULL, and rows of a table that gets a NOT NULL column without a default.
 */
public final class PostgresDataLoss implements DataLossCheck {


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
            } else if (change instanceof Change.ColumnConversion c) {
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

    private static void alterColumn(Connection connection, Change.ColumnConversion c, LiveNames names, List<DataLoss> losses)
            throws SQLException {
        String table = relation(names, c.schema(), c.table());
        String column = quote(names.column(c.schema(), c.table(), c.to().name()));
        PostgresTypeChange conversion = PostgresTypeChange.of(c);
        if (conversion.lossy()) {
            long rows;
            String what;
            try {
                rows = countConverted(connection, "SELECT count(*) FROM " + table + " WHERE " + conversion.changedRows(column));
                what = " would change (" + conversion.loss() + ")";
            } catch (SQLException e) {
                // A value that does not convert fails the cast in the count as well: report the values there are.
                rows = count(connection, "SELECT count(" + column + ") FROM " + table);
                what = (rows == 1 ? " holds a value" : " hold values") + ", and some do not convert (" + firstLine(e.getMessage()) + ")";
            }
            if (rows > 0) {
                losses.add(new DataLoss(c.subject(), "changes the type of " + c.subject() + " from " + c.valuesFrom().type() + " to "
                        + c.valuesTo().type() + ": " + rows(rows) + what, rows, true));
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

    /** A count under the settings a guard pins, so that it counts what the guarded change would convert. */
    private static long countConverted(Connection connection, String sql) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            for (Map.Entry<String, String> setting : PostgresTypeChange.PINNED_SETTINGS.entrySet()) {
                st.execute("SET LOCAL " + setting.getKey() + " = " + setting.getValue());
            }
            return count(connection, sql);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
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
