package dev.sleet.kit.postgres;

import dev.sleet.kit.dialect.IntrospectOptions;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotJson;
import dev.sleet.testing.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helper: introspect real databases, apply changes to them, read rows back. */
final class Live {

    static final PostgresDialect PG = PostgresDialect.INSTANCE;
    static final IntrospectOptions OPTIONS = new IntrospectOptions(List.of("public", "audit"), "sleet", "__sleet_migrations");

    private Live() {}

    static Snapshot introspect(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return PG.introspect(c, OPTIONS).snapshot();
        }
    }

    /** Runs the changes' SQL on {@code db} in one transaction. */
    static List<String> apply(TestDatabase db, List<Change> changes) throws SQLException {
        List<String> sql = PG.sql(changes);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (String statement : sql) {
                st.execute(statement);
            }
            c.commit();
        }
        return sql;
    }

    /**
     * Sets up {@code db} with {@code before} and {@code target} with {@code after}, migrates
     * {@code db} with the differ's changes and asserts it then reads back as {@code target} (columns
     * added anew may come in another order, which the comparison ignores). Returns the statements run.
     */
    static List<String> migrate(TestDatabase db, String before, TestDatabase target, String after) throws SQLException {
        db.execute(before);
        target.execute(after);
        Snapshot wanted = introspect(target);
        List<Change> changes = Differ.diff(introspect(db), wanted);
        List<String> sql;
        try {
            sql = apply(db, changes);
        } catch (SQLException e) {
            // The statements Sleet wrote, beside PostgreSQL's reason: what a failing test needs to be read.
            throw new AssertionError("PostgreSQL refused the migration: " + e.getMessage() + "\n"
                    + String.join("\n", PG.sql(changes)), e);
        }
        Snapshot live = introspect(db);
        assertThat(live.sameSchemaAs(wanted)).as("after running:\n" + String.join("\n", sql) + "\nthe database reads\n"
                + SnapshotJson.toJson(live) + "\ninstead of\n" + SnapshotJson.toJson(wanted)).isTrue();
        assertThat(Differ.diff(live, wanted)).isEmpty();
        return sql;
    }

    static List<String> rows(TestDatabase db, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
