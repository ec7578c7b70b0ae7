package dev.sleet.kit.postgres;

import dev.sleet.kit.snapshot.Snapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the index each table is clustered on ({@code pg_index.indisclustered}, set by
 * {@code ALTER TABLE ... CLUSTER ON} or by {@code CLUSTER ... USING}); pg_dump writes it, so a
 * rebuilt database without it would differ. A key constraint's index has the constraint's name.
 * Materialized views are read too (their indexes may be clustered as a table's).
 */
final class PostgresClusters {

    private static final String QUERY = """
            SELECT n.nspname, c.relname, ic.relname
              FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_class ic ON ic.oid = i.indexrelid
             WHERE i.indisclustered AND c.relkind IN ('r', 'p', 'm') AND n.nspname = ANY (?)
            """;

    private PostgresClusters() {}

    /** By table key ({@code schema.name}): the name of the index the table is clustered on. */
    static Map<String, String> read(Connection connection, List<String> schemas) throws SQLException {
        Map<String, String> clusters = new TreeMap<>();
        try (PreparedStatement st = connection.prepareStatement(QUERY)) {
            st.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    clusters.put(Snapshot.key(rs.getString(1), rs.getString(2)), rs.getString(3));
                }
            }
        }
        return clusters;
    }
}
