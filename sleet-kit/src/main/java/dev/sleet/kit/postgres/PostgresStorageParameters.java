package dev.sleet.kit.postgres;

import dev.sleet.kit.snapshot.Snapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the storage parameters of tables ({@code CREATE TABLE ... WITH (fillfactor=70)}, kept in
 * {@code pg_class.reloptions} as {@code name=value} strings). Parameters of a table's TOAST table
 * ({@code toast.autovacuum_enabled}) live on that other relation and are not read.
 */
final class PostgresStorageParameters {

    private static final String QUERY = """
            SELECT n.nspname, c.relname, c.reloptions::text[]
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p') AND c.reloptions IS NOT NULL AND n.nspname = ANY (?)
            """;

    private PostgresStorageParameters() {}

    /** By table key ({@code schema.name}): the table's storage parameters, for tables that have some. */
    static Map<String, Map<String, String>> read(Connection connection, List<String> schemas) throws SQLException {
        Map<String, Map<String, String>> parameters = new TreeMap<>();
        try (PreparedStatement st = connection.prepareStatement(QUERY)) {
            st.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String[] options = (String[]) rs.getArray(3).getArray();
                    parameters.put(Snapshot.key(rs.getString(1), rs.getString(2)), ordered(List.of(options)));
                }
            }
        }
        return parameters;
    }

    /** {@code reloptions} entries ({@code fillfactor=70}) by name. */
    static SortedMap<String, String> parse(List<String> options) {
        return new TreeMap<>(ordered(options));
    }

    /** {@code reloptions} entries by name, in the catalog's order (which pg_dump writes). */
    static Map<String, String> ordered(List<String> options) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String option : options) {
            int eq = option.indexOf('=');
            parsed.put(option.substring(0, eq), option.substring(eq + 1));
        }
        return parsed;
    }
}
