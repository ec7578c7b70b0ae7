package dev.sleet.kit.postgres;

import dev.sleet.kit.snapshot.ParentSnapshot;
import dev.sleet.kit.snapshot.Snapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads table inheritance ({@code CREATE TABLE ... INHERITS}): each table's parents in order
 * ({@code pg_inherits.inhseqno}). Partitions, which PostgreSQL also records in {@code pg_inherits},
 * are {@link PostgresPartitions}'.
 */
final class PostgresInheritance {

    private static final String QUERY = """
            SELECT n.nspname, c.relname, pn.nspname, p.relname
              FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace
             WHERE NOT c.relispartition AND c.relkind = 'r' AND p.relkind = 'r' AND n.nspname = ANY (?)
             ORDER BY n.nspname, c.relname, i.inhseqno
            """;

    private PostgresInheritance() {}

    /** By table key ({@code schema.name}): the tables it inherits from, in order. */
    static Map<String, List<ParentSnapshot>> read(Connection connection, List<String> schemas) throws SQLException {
        Map<String, List<ParentSnapshot>> parents = new TreeMap<>();
        try (PreparedStatement st = connection.prepareStatement(QUERY)) {
            st.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    parents.computeIfAbsent(Snapshot.key(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                            .add(new ParentSnapshot(rs.getString(3), rs.getString(4)));
                }
            }
        }
        return parents;
    }
}
