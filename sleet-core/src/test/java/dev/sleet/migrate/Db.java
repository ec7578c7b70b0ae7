package dev.sleet.migrate;

import dev.sleet.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Small read helpers over a real test database. */
final class Db {

    private Db() {
    }

    /** First column of every row, as strings. */
    static List<String> column(TestDatabase db, String sql, Object... params) {
        try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(TestDatabase db, String sql, Object... params) {
        return Long.parseLong(column(db, sql, params).get(0));
    }

    /** Tags in the default tracking table, sorted. */
    static List<String> trackedTags(TestDatabase db) {
        return column(db, "SELECT tag FROM sleet.__sleet_migrations ORDER BY tag");
    }

    static String mode(TestDatabase db, String tag) {
        return column(db, "SELECT mode FROM sleet.__sleet_migrations WHERE tag = ?", tag).get(0);
    }

    static boolean tableExists(TestDatabase db, String schema, String table) {
        return count(db, "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = ? AND tablename = ?",
                schema, table) == 1;
    }

    static boolean tableExists(TestDatabase db, String table) {
        return tableExists(db, "public", table);
    }
}
