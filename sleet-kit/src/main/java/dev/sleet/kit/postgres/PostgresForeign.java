package dev.sleet.kit.postgres;

import dev.sleet.kit.snapshot.ForeignServerSnapshot;
import dev.sleet.kit.snapshot.ForeignTableSnapshot;
import dev.sleet.schema.ForeignOptions;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads foreign servers and foreign tables, and says which ones Sleet carries: a server whose
 * foreign-data wrapper an extension brings (the extension is carried with it) and whose options
 * name no credential, and the foreign tables of the chosen schemas on such a server that inherit
 * nothing and have no constraints or triggers. The others are reported as unmanaged
 * ({@link UnmanagedKind}), by name only; user mappings never leave the catalog, nor do the options
 * of a server left out.
 */
final class PostgresForeign {

    /**
     * Whether the server {@code s} is carried. An option named like a credential (as
     * {@link ForeignOptions} tells) keeps the whole server out, so that no value of it is printed.
     */
    static final String CARRIED_SERVER = """
            (EXISTS (SELECT 1 FROM pg_depend w WHERE w.classid = 'pg_foreign_data_wrapper'::regclass AND w.objid = s.srvfdw
                        AND w.refclassid = 'pg_extension'::regclass AND w.deptype = 'e')
             AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_foreign_server'::regclass AND e.objid = s.oid
                                AND e.deptype = 'e')
             AND NOT EXISTS (SELECT 1 FROM unnest(s.srvoptions) o WHERE split_part(o, '=', 1) ~* '%s'))
            """.formatted(ForeignOptions.credentialPattern());

    /** Whether the foreign table {@code c} (of the chosen schemas) is carried. */
    static final String CARRIED_TABLE = """
            (EXISTS (SELECT 1 FROM pg_foreign_table f JOIN pg_foreign_server s ON s.oid = f.ftserver
                      WHERE f.ftrelid = c.oid AND %s)
             AND NOT c.relispartition
             AND NOT EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid OR i.inhparent = c.oid)
             AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid)
             AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid))
            """.formatted(CARRIED_SERVER);

    private static final String SERVERS = """
            SELECT s.srvname, w.fdwname, s.srvtype, s.srvversion, s.srvoptions
              FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw
             WHERE %s ORDER BY s.srvname
            """.formatted(CARRIED_SERVER);

    /** One row per column (one with null column for a table without columns), in column order. */
    private static final String TABLES = """
            SELECT n.nspname, c.relname, s.srvname, f.ftoptions, obj_description(c.oid, 'pg_class'),
                   a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(ad.adbin, ad.adrelid),
                   CASE WHEN a.attcollation <> ty.typcollation THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END,
                   a.attfdwoptions, col_description(c.oid, a.attnum)
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_foreign_table f ON f.ftrelid = c.oid JOIN pg_foreign_server s ON s.oid = f.ftserver
              LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
              LEFT JOIN pg_type ty ON ty.oid = a.atttypid
              LEFT JOIN pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
              LEFT JOIN pg_collation co ON co.oid = a.attcollation
              LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
             WHERE c.relkind = 'f' AND n.nspname = ANY (?) AND %s
               AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                  AND d.deptype = 'e')
             ORDER BY n.nspname, c.relname, a.attnum
            """.formatted(CARRIED_TABLE);

    private PostgresForeign() {}

    /** The carried servers, by name. */
    static SortedMap<String, ForeignServerSnapshot> servers(Connection connection) throws SQLException {
        SortedMap<String, ForeignServerSnapshot> servers = new TreeMap<>();
        try (PreparedStatement st = connection.prepareStatement(SERVERS); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                servers.put(rs.getString(1), new ForeignServerSnapshot(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), options(rs.getArray(5))));
            }
        }
        return servers;
    }

    /** The carried foreign tables of the schemas, by {@code schema.name}. */
    static SortedMap<String, ForeignTableSnapshot> tables(Connection connection, List<String> schemas) throws SQLException {
        Map<String, ForeignTableSnapshot> tables = new LinkedHashMap<>();
        Map<String, List<ForeignTableSnapshot.Column>> columns = new LinkedHashMap<>();
        try (PreparedStatement st = connection.prepareStatement(TABLES)) {
            st.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ForeignTableSnapshot table = new ForeignTableSnapshot(rs.getString(1), rs.getString(2), rs.getString(3),
                            List.of(), options(rs.getArray(4)), rs.getString(5));
                    tables.putIfAbsent(table.key(), table);
                    List<ForeignTableSnapshot.Column> own = columns.computeIfAbsent(table.key(), k -> new ArrayList<>());
                    if (rs.getString(6) != null) {
                        own.add(new ForeignTableSnapshot.Column(rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getString(9),
                                rs.getString(10), options(rs.getArray(11)), rs.getString(12)));
                    }
                }
            }
        }
        SortedMap<String, ForeignTableSnapshot> result = new TreeMap<>();
        tables.forEach((key, t) -> result.put(key, new ForeignTableSnapshot(t.schema(), t.name(), t.server(), columns.get(key),
                t.options(), t.comment())));
        return result;
    }

    /** Generic options as the catalog keeps them ({@code name=value}, the value may hold {@code =}), in order. */
    private static Map<String, String> options(Array array) throws SQLException {
        Map<String, String> options = new LinkedHashMap<>();
        if (array != null) {
            for (String option : (String[]) array.getArray()) {
                int eq = option.indexOf('=');
                options.put(option.substring(0, eq), option.substring(eq + 1));
            }
        }
        return options;
    }
}
