package dev.sleet.kit.postgres;

import dev.sleet.kit.dialect.IntrospectOptions;
import dev.sleet.kit.dialect.Introspection;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.KeySnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads tables, columns, keys and indexes from {@code pg_catalog} with a fixed number of
 * set-based queries, whatever the number of tables. {@code information_schema} is not used: it
 * hides objects the user holds no privilege on. Objects that belong to extensions are left out,
 * and so is Sleet's own tracking table.
 */
final class PostgresIntrospector {

    /** Tables of the chosen schemas that are not members of an extension and not the tracking table. */
    private static final String TABLES = """
            SELECT c.oid, n.nspname, c.relname
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
               AND n.nspname = ANY (?)
               AND NOT (n.nspname = ? AND c.relname = ?)
               AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
            """;

    private static final String COLUMNS = "WITH t AS (" + TABLES + ")" + """
            SELECT t.nspname, t.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type,
                   a.attnotnull, pg_get_expr(ad.adbin, ad.adrelid) AS default_expr, a.attidentity, a.attgenerated,
                   EXISTS (SELECT 1 FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
                            WHERE d.classid = 'pg_class'::regclass AND d.refobjid = t.oid
                              AND d.refobjsubid = a.attnum AND d.deptype = 'a') AS owns_sequence
              FROM t LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
              LEFT JOIN pg_attrdef ad ON ad.adrelid = t.oid AND ad.adnum = a.attnum
             ORDER BY t.nspname, t.relname, a.attnum
            """;

    private static final String CONSTRAINTS = "WITH t AS (" + TABLES + ")" + """
            SELECT t.nspname, t.relname, con.conname, con.contype,
                   ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                           JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord) AS cols,
                   fn.nspname AS ref_schema, fc.relname AS ref_table,
                   ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                           JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord) AS ref_cols,
                   con.confdeltype, con.confupdtype
              FROM t JOIN pg_constraint con ON con.conrelid = t.oid
              LEFT JOIN pg_class fc ON fc.oid = con.confrelid
              LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
             ORDER BY t.nspname, t.relname, con.conname
            """;

    /** Indexes that do not back a primary key, unique or exclusion constraint. */
    private static final String INDEXES = "WITH t AS (" + TABLES + ")" + """
            SELECT t.nspname, t.relname, i.relname AS index_name, ix.indisunique, am.amname,
                   ARRAY(SELECT a.attname FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(num, ord)
                           JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.num ORDER BY k.ord) AS cols,
                   ix.indexprs IS NOT NULL OR ix.indpred IS NOT NULL
                     OR EXISTS (SELECT 1 FROM unnest(ix.indoption) o WHERE o <> 0) AS advanced,
                   pg_get_indexdef(ix.indexrelid) AS definition
              FROM t JOIN pg_index ix ON ix.indrelid = t.oid
              JOIN pg_class i ON i.oid = ix.indexrelid
              JOIN pg_am am ON am.oid = i.relam
             WHERE NOT EXISTS (SELECT 1 FROM pg_constraint con
                                WHERE con.conindid = ix.indexrelid AND con.conrelid = ix.indrelid
                                  AND con.contype IN ('p', 'u', 'x'))
             ORDER BY t.nspname, t.relname, i.relname
            """;

    private final Connection connection;
    private final IntrospectOptions options;
    private final Map<String, TableBuilder> tables = new TreeMap<>();
    private final List<String> warnings = new ArrayList<>();

    PostgresIntrospector(Connection connection, IntrospectOptions options) {
        this.connection = connection;
        this.options = options;
    }

    Introspection read() throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (Statement st = connection.createStatement()) {
                // Defaults print their timestamps in the session's zone and their names relative to
                // the search path: fix both so that the same database always reads the same.
                st.execute("SET TRANSACTION READ ONLY");
                st.execute("SET LOCAL TimeZone = 'UTC'");
                st.execute("SET LOCAL search_path = public");
            }
            readColumns();
            readConstraints();
            readIndexes();
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        SortedMap<String, TableSnapshot> result = new TreeMap<>();
        TreeSet<String> schemas = new TreeSet<>();
        for (TableBuilder table : tables.values()) {
            TableSnapshot snapshot = table.build();
            result.put(snapshot.key(), snapshot);
            if (!snapshot.schema().equals("public")) {
                schemas.add(snapshot.schema());
            }
        }
        Snapshot snapshot = new Snapshot(Snapshot.CURRENT_VERSION, "postgresql", Snapshot.NO_PARENT, "", schemas, result);
        return new Introspection(snapshot, warnings);
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setArray(1, connection.createArrayOf("text", options.schemas().toArray()));
        statement.setString(2, options.trackingSchema());
        statement.setString(3, options.trackingTable());
        return statement;
    }

    private void readColumns() throws SQLException {
        try (PreparedStatement st = prepare(COLUMNS); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                TableBuilder table = table(rs.getString(1), rs.getString(2));
                String name = rs.getString(3);
                if (name == null) {
                    continue; // a table without columns, which PostgreSQL allows
                }
                String type = PostgresTypes.canonical(rs.getString(4));
                String defaultExpr = rs.getString(6);
                String where = table.schema + "." + table.name + "." + name;
                if (!rs.getString(7).isEmpty()) {
                    warnings.add("Column " + where + " is an identity column, which this version reads as a plain column");
                }
                if (!rs.getString(8).isEmpty()) {
                    warnings.add("Column " + where + " is a generated column, which this version reads as a plain column");
                    defaultExpr = null;
                }
                boolean serial = rs.getBoolean(9) && defaultExpr != null && defaultExpr.startsWith("nextval(")
                        && (type.equals("integer") || type.equals("bigint") || type.equals("smallint"));
                table.columns.put(name, new ColumnSnapshot(name, type, serial, rs.getBoolean(5), serial ? null : defaultExpr));
            }
        }
    }

    private void readConstraints() throws SQLException {
        try (PreparedStatement st = prepare(CONSTRAINTS); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                TableBuilder table = table(rs.getString(1), rs.getString(2));
                String name = rs.getString(3);
                List<String> columns = strings(rs.getArray(5));
                switch (rs.getString(4)) {
                    case "p" -> table.primaryKey = new KeySnapshot(name, columns);
                    case "u" -> table.uniques.put(name, new KeySnapshot(name, columns));
                    case "f" -> table.foreignKeys.put(name, new ForeignKeySnapshot(name, columns, rs.getString(6),
                            rs.getString(7), strings(rs.getArray(8)), action(rs.getString(9)), action(rs.getString(10))));
                    case "c" -> warnings.add("Check constraint " + table.schema + "." + table.name + "." + name
                            + " is not supported by this version and was left out");
                    default -> warnings.add("Constraint " + table.schema + "." + table.name + "." + name
                            + " of kind '" + rs.getString(4) + "' is not supported by this version and was left out");
                }
            }
        }
    }

    private void readIndexes() throws SQLException {
        try (PreparedStatement st = prepare(INDEXES); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                TableBuilder table = table(rs.getString(1), rs.getString(2));
                String name = rs.getString(3);
                if (rs.getBoolean(7)) {
                    warnings.add("Index " + table.schema + "." + name + " uses expressions, a WHERE clause or ordering"
                            + " options, which this version does not support; it was left out: " + rs.getString(8));
                    continue;
                }
                table.indexes.put(name, new IndexSnapshot(name, strings(rs.getArray(6)), rs.getBoolean(4), rs.getString(5)));
            }
        }
    }

    private TableBuilder table(String schema, String name) {
        return tables.computeIfAbsent(schema + "." + name, k -> new TableBuilder(schema, name));
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }

    private static String action(String code) {
        switch (code) {
            case "r": return "restrict";
            case "c": return "cascade";
            case "n": return "set null";
            case "d": return "set default";
            default: return "no action";
        }
    }

    private static final class TableBuilder {
        final String schema;
        final String name;
        final Map<String, ColumnSnapshot> columns = new LinkedHashMap<>();
        KeySnapshot primaryKey;
        final Map<String, KeySnapshot> uniques = new TreeMap<>();
        final Map<String, ForeignKeySnapshot> foreignKeys = new TreeMap<>();
        final Map<String, IndexSnapshot> indexes = new TreeMap<>();

        TableBuilder(String schema, String name) {
            this.schema = schema;
            this.name = name;
        }

        TableSnapshot build() {
            return new TableSnapshot(schema, name, columns, primaryKey, new TreeMap<>(uniques),
                    new TreeMap<>(foreignKeys), new TreeMap<>(indexes));
        }
    }
}
