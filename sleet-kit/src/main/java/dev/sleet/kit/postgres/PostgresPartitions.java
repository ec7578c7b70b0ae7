package dev.sleet.kit.postgres;

import dev.sleet.kit.snapshot.PartitionKeySnapshot;
import dev.sleet.kit.snapshot.PartitionSnapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads partitioned tables and partitions: each table's partition strategy and keys
 * ({@code pg_partitioned_table}, keys in order, expressions as {@code pg_get_partkeydef} prints
 * them) and each partition's parent and bound ({@code pg_get_expr(relpartbound)}).
 */
final class PostgresPartitions {

    private static final String QUERY = """
            SELECT n.nspname, c.relname, pt.partstrat, pt.partattrs::int2[] AS attrs,
                   ARRAY(SELECT a.attname FROM unnest(pt.partattrs::int2[]) WITH ORDINALITY k(num, ord)
                           LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.num ORDER BY k.ord) AS cols,
                   CASE WHEN pt.partrelid IS NOT NULL THEN pg_get_partkeydef(c.oid) END AS keydef,
                   pn.nspname AS parent_schema, p.relname AS parent, pg_get_expr(c.relpartbound, c.oid) AS bound
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_partitioned_table pt ON pt.partrelid = c.oid
              LEFT JOIN pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
              LEFT JOIN pg_class p ON p.oid = i.inhparent
              LEFT JOIN pg_namespace pn ON pn.oid = p.relnamespace
             WHERE c.relkind IN ('r', 'p') AND (c.relkind = 'p' OR c.relispartition)
               AND n.nspname = ANY (?)
             ORDER BY n.nspname, c.relname
            """;

    private PostgresPartitions() {}

    /** By table key ({@code schema.name}): how each table of the chosen schemas takes part in partitioning. */
    static Map<String, PartitionSnapshot> read(Connection connection, List<String> schemas) throws SQLException {
        Map<String, PartitionSnapshot> result = new TreeMap<>();
        try (PreparedStatement st = connection.prepareStatement(QUERY)) {
            st.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String strategy = rs.getString(3);
                    List<PartitionKeySnapshot> keys = new ArrayList<>();
                    if (strategy != null) {
                        Object[] attrs = (Object[]) rs.getArray(4).getArray();
                        String[] columns = (String[]) rs.getArray(5).getArray();
                        List<String> printed = keyTexts(rs.getString(6));
                        for (int i = 0; i < attrs.length; i++) {
                            int attnum = ((Number) attrs[i]).intValue();
                            String text = i < printed.size() ? printed.get(i) : null;
                            // A column with a non-default operator class or collation prints more than its name.
                            if (attnum != 0 && text != null && (text.equals(columns[i]) || text.equals(PostgresNames.quote(columns[i])))) {
                                keys.add(new PartitionKeySnapshot(columns[i], null));
                            } else {
                                keys.add(new PartitionKeySnapshot(null, text));
                            }
                        }
                        strategy = switch (strategy) {
                            case "r" -> "range";
                            case "l" -> "list";
                            default -> "hash";
                        };
                    }
                    result.put(rs.getString(1) + "." + rs.getString(2),
                            new PartitionSnapshot(strategy, keys, rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
        }
        return result;
    }

    /** {@code RANGE (a, lower(b))} into its keys as printed: {@code a}, {@code lower(b)}. */
    static List<String> keyTexts(String keydef) {
        List<String> keys = new ArrayList<>();
        if (keydef == null) {
            return keys;
        }
        int open = keydef.indexOf('(');
        String inner = keydef.substring(open + 1, keydef.lastIndexOf(')'));
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                keys.add(inner.substring(start, i).trim());
                start = i + 1;
            }
        }
        keys.add(inner.substring(start).trim());
        return keys;
    }
}
