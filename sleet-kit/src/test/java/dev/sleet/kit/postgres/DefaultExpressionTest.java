package dev.sleet.kit.postgres;

import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import static dev.sleet.kit.postgres.Live.OPTIONS;
import static dev.sleet.kit.postgres.Live.PG;
import static dev.sleet.kit.postgres.Live.apply;
import static dev.sleet.kit.postgres.Live.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defaults as code declares them ({@code defaultSql}): a column definition's {@code DEFAULT} takes
 * only a restricted expression, so some must be written in parentheses. Before, {@code AT TIME ZONE}
 * was a syntax error and {@code COLLATE} quietly became the column's collation.
 */
@ExtendWith(PostgresExtension.class)
class DefaultExpressionTest {

    private static Snapshot table(Map<String, ColumnSnapshot> columns) {
        return Snapshot.empty(PG.name()).withTables(new TreeMap<>(Map.of("public.t",
                new TableSnapshot("public", "t", columns, null, null, null, null))));
    }

    private static Map<String, ColumnSnapshot> columns(boolean withLater) {
        Map<String, ColumnSnapshot> columns = new LinkedHashMap<>();
        columns.put("at", new ColumnSnapshot("at", "timestamp", false, false, "now() AT TIME ZONE 'utc'"));
        columns.put("label", new ColumnSnapshot("label", "text", false, false, "'a'::text COLLATE \"C\""));
        columns.put("flag", new ColumnSnapshot("flag", "boolean", false, false, "1 < 2 IS TRUE"));
        if (withLater) {
            columns.put("later", new ColumnSnapshot("later", "text", false, false, "'b' COLLATE \"C\""));
        }
        return columns;
    }

    @Test
    void defaultsThatAreNotOneTermAreWrittenInParentheses(TestDatabase db) throws SQLException {
        Snapshot first = table(columns(false));
        apply(db, Differ.diff(Snapshot.empty(PG.name()), first));
        Snapshot second = table(columns(true));
        apply(db, Differ.diff(first, second));

        // The columns keep the database's default collation; COLLATE belonged to the default.
        assertThat(rows(db, "SELECT attname || ' ' || attcollation FROM pg_attribute WHERE attrelid = 't'::regclass"
                + " AND attname IN ('label', 'later') ORDER BY attname")).containsExactly("label 100", "later 100");
        try (Connection c = db.connect()) {
            assertThat(Differ.diff(second, PG.introspect(c, OPTIONS, second).snapshot())).isEmpty();
        }
    }

    @Test
    void oneTermStaysBare() {
        for (String bare : new String[] {"'x'::text", "'1'::character varying", "nextval('s'::regclass)", "-1", "(1 + 2)",
                "'2020-01-01 00:00:00'::timestamp without time zone", "'{a}'::text[]", "'a b'::\"public\".\"mood\"", "now()"}) {
            assertThat(PostgresDdl.defaultExpression(bare)).as(bare).isEqualTo(bare);
        }
        for (String wrapped : new String[] {"now() AT TIME ZONE 'utc'", "'a'::text COLLATE \"C\"", "1 + 2", "(1) + (2)",
                "'a'COLLATE\"C\"", "x IS NULL"}) {
            assertThat(PostgresDdl.defaultExpression(wrapped)).as(wrapped).isEqualTo("(" + wrapped + ")");
        }
    }
}
