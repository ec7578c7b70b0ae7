package dev.sleet.kit.postgres;

import dev.sleet.kit.dialect.IntrospectOptions;
import dev.sleet.kit.snapshot.CollationSnapshot;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.DomainSnapshot;
import dev.sleet.kit.snapshot.ExtensionSnapshot;
import dev.sleet.kit.snapshot.ForeignServerSnapshot;
import dev.sleet.kit.snapshot.ForeignTableSnapshot;
import dev.sleet.kit.snapshot.IndexKeySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.TextSearchSnapshot;
import dev.sleet.kit.snapshot.TypeSnapshot;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads extensions, collations, domains, text search objects and foreign servers and tables
 * ({@link PostgresForeign}), and the collations of columns
 * and index keys, in the introspector's read-only transaction ({@code search_path = public}, so
 * that names print as the snapshot keeps them). Objects that belong to an extension are left out:
 * the extension brings them.
 */
final class PostgresObjects {

    /**
     * Extensions of the chosen schemas, those of other schemas whose types the chosen tables'
     * columns or the chosen schemas' domains use, and those owning an operator class, operator or
     * function that the chosen tables' indexes or constraints use (a gin_trgm_ops index needs
     * pg_trgm, wherever it was installed), and those bringing the foreign-data wrapper of a carried
     * foreign server: the pulled history could not rebuild them otherwise; plpgsql comes with every
     * database and is never Sleet's to create or drop.
     */
    private static final String EXTENSIONS = "WITH t AS (" + PostgresIntrospector.TABLES + ")" + """
            SELECT e.extname, n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
             WHERE e.extname <> 'plpgsql' AND (n.nspname = ANY (?) OR e.oid IN (
                   SELECT dep.refobjid FROM pg_depend dep
                    WHERE dep.classid = 'pg_type'::regclass AND dep.refclassid = 'pg_extension'::regclass AND dep.deptype = 'e'
                      AND dep.objid IN (
                          SELECT CASE WHEN c.typcategory = 'A' AND c.typelem <> 0 THEN c.typelem ELSE c.oid END
                            FROM t JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
                            JOIN pg_type c ON c.oid = a.atttypid
                          UNION
                          SELECT CASE WHEN b.typcategory = 'A' AND b.typelem <> 0 THEN b.typelem ELSE b.oid END
                            FROM pg_type dt JOIN pg_namespace dn ON dn.oid = dt.typnamespace
                            JOIN pg_type b ON b.oid = dt.typbasetype
                           WHERE dt.typtype = 'd' AND dn.nspname = ANY (?)))
                OR e.oid IN (
                   SELECT member.refobjid FROM pg_depend used
                     JOIN pg_depend member ON member.classid = used.refclassid AND member.objid = used.refobjid
                                          AND member.refclassid = 'pg_extension'::regclass AND member.deptype = 'e'
                    WHERE (used.classid = 'pg_class'::regclass
                           AND used.objid IN (SELECT i.indexrelid FROM pg_index i JOIN t ON t.oid = i.indrelid))
                       OR (used.classid = 'pg_constraint'::regclass
                           AND used.objid IN (SELECT k.oid FROM pg_constraint k JOIN t ON t.oid = k.conrelid)))
                OR e.oid IN (
                   SELECT w.refobjid FROM pg_depend w JOIN pg_foreign_server s ON s.srvfdw = w.objid
                    WHERE w.classid = 'pg_foreign_data_wrapper'::regclass AND w.refclassid = 'pg_extension'::regclass
                      AND w.deptype = 'e' AND $CARRIED_SERVER))
             ORDER BY e.extname
            """.replace("$CARRIED_SERVER", PostgresForeign.CARRIED_SERVER);

    private static final String NOT_EXTENSION_MEMBER = """
             NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = '%s'::regclass AND dep.objid = %s AND dep.deptype = 'e')
            """;

    /** Collations made by CREATE COLLATION in the chosen schemas; the locale column is PostgreSQL 15's. */
    private static final String COLLATIONS = """
            SELECT n.nspname, c.collname, c.collprovider, COALESCE(c.collcollate, $LOCALE), COALESCE(c.collctype, $LOCALE),
                   c.collisdeterministic
              FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace
             WHERE n.nspname = ANY (?) AND c.collprovider IN ('i', 'c') AND
            """ + NOT_EXTENSION_MEMBER.formatted("pg_collation", "c.oid") + " ORDER BY n.nspname, c.collname";

    /**
     * Domains of the chosen schemas and those columns of the chosen tables use; an enum type or
     * domain as the base type is named by schema and plain name, as columns of one are.
     */
    private static final String DOMAINS = "WITH t AS (" + PostgresIntrospector.TABLES + ")" + """
            SELECT n.nspname, ty.typname, format_type(ty.typbasetype, ty.typtypmod) AS base,
                   CASE WHEN et.typtype IN ('e', 'd') AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                                                                    AND d.objid = et.oid AND d.deptype = 'e')
                        THEN en.nspname END AS base_schema, et.typname AS base_name,
                   bt.typcategory = 'A' AND bt.typelem <> 0 AS base_array,
                   ty.typnotnull, pg_get_expr(ty.typdefaultbin, 0) AS default_expr,
                   ARRAY(SELECT con.conname FROM pg_constraint con WHERE con.contypid = ty.oid AND con.contype = 'c'
                          ORDER BY con.conname) AS check_names,
                   ARRAY(SELECT pg_get_expr(con.conbin, 0) FROM pg_constraint con WHERE con.contypid = ty.oid AND con.contype = 'c'
                          ORDER BY con.conname) AS check_exprs,
                   CASE WHEN ty.typcollation <> bt.typcollation THEN co.collname END,
                   CASE WHEN ty.typcollation <> bt.typcollation AND con_n.nspname <> 'pg_catalog' THEN con_n.nspname END
              FROM pg_type ty JOIN pg_namespace n ON n.oid = ty.typnamespace
              JOIN pg_type bt ON bt.oid = ty.typbasetype
              JOIN pg_type et ON et.oid = CASE WHEN bt.typcategory = 'A' AND bt.typelem <> 0 THEN bt.typelem ELSE bt.oid END
              JOIN pg_namespace en ON en.oid = et.typnamespace
              LEFT JOIN pg_collation co ON co.oid = ty.typcollation
              LEFT JOIN pg_namespace con_n ON con_n.oid = co.collnamespace
             WHERE ty.typtype = 'd'
               AND (n.nspname = ANY (?) OR ty.oid IN (
                    SELECT CASE WHEN c.typcategory = 'A' AND c.typelem <> 0 THEN c.typelem ELSE c.oid END
                      FROM t JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
                      JOIN pg_type c ON c.oid = a.atttypid))
               AND""" + NOT_EXTENSION_MEMBER.formatted("pg_type", "ty.oid") + " ORDER BY n.nspname, ty.typname";

    /** Columns whose collation is not their type's. */
    private static final String COLUMN_COLLATIONS = "WITH t AS (" + PostgresIntrospector.TABLES + ")" + """
            SELECT t.nspname, t.relname, a.attname, co.collname, CASE WHEN cn.nspname <> 'pg_catalog' THEN cn.nspname END
              FROM t JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
              JOIN pg_type ty ON ty.oid = a.atttypid
              JOIN pg_collation co ON co.oid = a.attcollation
              JOIN pg_namespace cn ON cn.oid = co.collnamespace
             WHERE a.attcollation <> ty.typcollation
            """;

    /**
     * Index keys whose collation is not their column's, or (for an expression) one the definition
     * names after the expression, as {@code pg_get_indexdef} prints it when it differs from the
     * expression's own.
     */
    private static final String INDEX_COLLATIONS = "WITH t AS (" + PostgresIntrospector.TABLES + ")" + """
            SELECT t.nspname, t.relname, i.relname, k.ord, co.collname, CASE WHEN cn.nspname <> 'pg_catalog' THEN cn.nspname END
              FROM t JOIN pg_index ix ON ix.indrelid = t.oid
              JOIN pg_class i ON i.oid = ix.indexrelid
              CROSS JOIN LATERAL unnest(ix.indkey::int2[], ix.indcollation::oid[]) WITH ORDINALITY k(num, coll, ord)
              JOIN pg_collation co ON co.oid = k.coll
              JOIN pg_namespace cn ON cn.oid = co.collnamespace
              LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.num AND k.num <> 0
             WHERE k.ord <= ix.indnkeyatts AND k.coll <> 0
               AND (k.num <> 0 AND k.coll <> a.attcollation
                    OR k.num = 0 AND position(pg_get_indexdef(ix.indexrelid, k.ord::int, false) || ' COLLATE '
                         || CASE WHEN pg_collation_is_visible(co.oid) THEN quote_ident(co.collname)
                                 ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END
                         in pg_get_indexdef(ix.indexrelid)) > 0)
            """;

    private static final String TS_CONFIGURATIONS = """
            SELECT n.nspname, c.cfgname,
                   CASE WHEN p.prsname = 'default' AND pn.nspname = 'pg_catalog' THEN NULL
                        WHEN pg_ts_parser_is_visible(p.oid) THEN quote_ident(p.prsname)
                        ELSE quote_ident(pn.nspname) || '.' || quote_ident(p.prsname) END,
                   ARRAY(SELECT tt.alias FROM pg_ts_config_map m JOIN ts_token_type(c.cfgparser) tt ON tt.tokid = m.maptokentype
                          WHERE m.mapcfg = c.oid ORDER BY tt.alias, m.mapseqno) AS tokens,
                   ARRAY(SELECT m.mapdict::regdictionary::text FROM pg_ts_config_map m
                          JOIN ts_token_type(c.cfgparser) tt ON tt.tokid = m.maptokentype
                          WHERE m.mapcfg = c.oid ORDER BY tt.alias, m.mapseqno) AS dictionaries
              FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace
              JOIN pg_ts_parser p ON p.oid = c.cfgparser JOIN pg_namespace pn ON pn.oid = p.prsnamespace
             WHERE n.nspname = ANY (?) AND""" + NOT_EXTENSION_MEMBER.formatted("pg_ts_config", "c.oid")
            + " ORDER BY n.nspname, c.cfgname";

    private static final String TS_DICTIONARIES = """
            SELECT n.nspname, d.dictname,
                   CASE WHEN pg_ts_template_is_visible(tm.oid) THEN quote_ident(tm.tmplname)
                        ELSE quote_ident(tn.nspname) || '.' || quote_ident(tm.tmplname) END,
                   d.dictinitoption
              FROM pg_ts_dict d JOIN pg_namespace n ON n.oid = d.dictnamespace
              JOIN pg_ts_template tm ON tm.oid = d.dicttemplate JOIN pg_namespace tn ON tn.oid = tm.tmplnamespace
             WHERE n.nspname = ANY (?) AND""" + NOT_EXTENSION_MEMBER.formatted("pg_ts_dict", "d.oid")
            + " ORDER BY n.nspname, d.dictname";

    private final Connection connection;
    private final IntrospectOptions options;
    private final SortedMap<String, ExtensionSnapshot> extensions = new TreeMap<>();
    private final SortedMap<String, CollationSnapshot> collations = new TreeMap<>();
    private final SortedMap<String, DomainSnapshot> domains = new TreeMap<>();
    private final SortedMap<String, TextSearchSnapshot> textSearch = new TreeMap<>();
    private SortedMap<String, TypeSnapshot> types = new TreeMap<>();
    private SortedMap<String, ForeignServerSnapshot> foreignServers = new TreeMap<>();
    private SortedMap<String, ForeignTableSnapshot> foreignTables = new TreeMap<>();
    /** {@code schema.table} to column to {collation, schema}. */
    private final Map<String, Map<String, String[]>> columnCollations = new HashMap<>();
    /** {@code schema.table} to index to key position (from 1) to {collation, schema}. */
    private final Map<String, Map<String, Map<Integer, String[]>>> keyCollations = new HashMap<>();

    private PostgresObjects(Connection connection, IntrospectOptions options) {
        this.connection = connection;
        this.options = options;
    }

    /** Reads everything; call inside the introspector's transaction. */
    static PostgresObjects read(Connection connection, IntrospectOptions options) throws SQLException {
        PostgresObjects objects = new PostgresObjects(connection, options);
        objects.readExtensions();
        objects.readCollations();
        objects.readDomains();
        objects.readTextSearch();
        objects.readColumnCollations();
        objects.readIndexCollations();
        objects.types = PostgresUserTypes.read(connection, options.schemas());
        objects.foreignServers = PostgresForeign.servers(connection);
        objects.foreignTables = PostgresForeign.tables(connection, options.schemas());
        return objects;
    }

    /** {@code snapshot} with the objects read, the collations of its columns and index keys, and their schemas. */
    Snapshot applyTo(Snapshot snapshot) {
        SortedMap<String, TableSnapshot> tables = new TreeMap<>();
        for (TableSnapshot table : snapshot.tables().values()) {
            tables.put(table.key(), withCollations(table));
        }
        SortedSet<String> schemas = new TreeSet<>(snapshot.schemas());
        List<String> used = new ArrayList<>();
        extensions.values().forEach(e -> used.add(e.schema()));
        collations.values().forEach(c -> used.add(c.schema()));
        domains.values().forEach(d -> used.add(d.schema()));
        textSearch.values().forEach(t -> used.add(t.schema()));
        types.values().forEach(t -> used.add(t.schema()));
        foreignTables.values().forEach(t -> used.add(t.schema()));
        used.stream().filter(s -> !s.equals("public") && !s.startsWith("pg_")).forEach(schemas::add);
        return snapshot.withTables(tables).withSchemas(schemas).withExtensions(extensions).withCollations(collations)
                .withDomains(domains).withTextSearch(textSearch).withTypes(types).withForeign(foreignServers, foreignTables);
    }

    private TableSnapshot withCollations(TableSnapshot table) {
        Map<String, String[]> columns = columnCollations.getOrDefault(table.key(), Map.of());
        Map<String, Map<Integer, String[]>> indexes = keyCollations.getOrDefault(table.key(), Map.of());
        if (columns.isEmpty() && indexes.isEmpty()) {
            return table;
        }
        Map<String, ColumnSnapshot> newColumns = new LinkedHashMap<>();
        for (ColumnSnapshot c : table.columns().values()) {
            String[] collation = columns.get(c.name());
            newColumns.put(c.name(), collation == null ? c : new ColumnSnapshot(c.name(), c.type(), c.serial(), c.notNull(),
                    c.defaultValue(), c.typeSchema(), c.identity(), c.generated(), c.comment(), collation[0], collation[1]));
        }
        SortedMap<String, IndexSnapshot> newIndexes = new TreeMap<>();
        for (IndexSnapshot index : table.indexes().values()) {
            Map<Integer, String[]> keys = indexes.get(index.name());
            if (keys == null) {
                newIndexes.put(index.name(), index);
                continue;
            }
            List<IndexKeySnapshot> all = new ArrayList<>();
            for (int i = 0; i < index.allKeys().size(); i++) {
                IndexKeySnapshot k = index.allKeys().get(i);
                String[] collation = keys.get(i + 1);
                all.add(collation == null ? k : new IndexKeySnapshot(k.column(), k.expression(), k.opclass(), k.descending(),
                        k.nulls(), collation[0], collation[1]));
            }
            newIndexes.put(index.name(), new IndexSnapshot(index.name(), List.of(), index.unique(), index.method(), all,
                    index.where(), index.with(), index.nullsNotDistinct(), index.concurrently()));
        }
        return table.withParts(newColumns, table.primaryKey(), table.uniqueConstraints(), table.foreignKeys(), newIndexes);
    }

    private PreparedStatement schemasOnly(String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setArray(1, connection.createArrayOf("text", options.schemas().toArray()));
        return statement;
    }

    private PreparedStatement withTables(String sql) throws SQLException {
        return PostgresIntrospector.prepare(connection, options, sql);
    }

    private void readExtensions() throws SQLException {
        try (PreparedStatement st = withTables(EXTENSIONS)) {
            st.setArray(5, connection.createArrayOf("text", options.schemas().toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    extensions.put(rs.getString(1), new ExtensionSnapshot(rs.getString(1), rs.getString(2)));
                }
            }
        }
    }

    private void readCollations() throws SQLException {
        int major = connection.getMetaData().getDatabaseMajorVersion();
        String locale = major >= 17 ? "c.colllocale" : major >= 15 ? "c.colliculocale" : "NULL";
        try (PreparedStatement st = schemasOnly(COLLATIONS.replace("$LOCALE", locale)); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                CollationSnapshot c = new CollationSnapshot(rs.getString(1), rs.getString(2),
                        rs.getString(3).equals("i") ? "icu" : "libc", rs.getString(4), rs.getString(5), rs.getBoolean(6));
                collations.put(c.key(), c);
            }
        }
    }

    private void readDomains() throws SQLException {
        try (PreparedStatement st = withTables(DOMAINS); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String baseSchema = rs.getString(4);
                String base = baseSchema != null ? rs.getString(5) + (rs.getBoolean(6) ? "[]" : "")
                        : PostgresTypes.canonical(rs.getString(3));
                List<String> names = strings(rs.getArray(9));
                List<String> expressions = strings(rs.getArray(10));
                SortedMap<String, String> checks = new TreeMap<>();
                for (int i = 0; i < names.size(); i++) {
                    checks.put(names.get(i), expressions.get(i));
                }
                DomainSnapshot d = new DomainSnapshot(rs.getString(1), rs.getString(2), base, baseSchema, rs.getBoolean(7),
                        rs.getString(8), checks, rs.getString(11), rs.getString(12));
                domains.put(d.key(), d);
            }
        }
    }

    private void readTextSearch() throws SQLException {
        try (PreparedStatement st = schemasOnly(TS_CONFIGURATIONS); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                List<String> tokens = strings(rs.getArray(4));
                List<String> dictionaries = strings(rs.getArray(5));
                Map<String, List<String>> mappings = new LinkedHashMap<>();
                for (int i = 0; i < tokens.size(); i++) {
                    mappings.computeIfAbsent(tokens.get(i), k -> new ArrayList<>()).add(dictionaries.get(i));
                }
                TextSearchSnapshot t = TextSearchSnapshot.configuration(rs.getString(1), rs.getString(2), rs.getString(3), mappings);
                textSearch.put(t.key(), t);
            }
        }
        try (PreparedStatement st = schemasOnly(TS_DICTIONARIES); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                TextSearchSnapshot t = TextSearchSnapshot.dictionary(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4));
                textSearch.put(t.key(), t);
            }
        }
    }

    private void readColumnCollations() throws SQLException {
        try (PreparedStatement st = withTables(COLUMN_COLLATIONS); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                columnCollations.computeIfAbsent(Snapshot.key(rs.getString(1), rs.getString(2)), k -> new HashMap<>())
                        .put(rs.getString(3), new String[] {rs.getString(4), rs.getString(5)});
            }
        }
    }

    private void readIndexCollations() throws SQLException {
        try (PreparedStatement st = withTables(INDEX_COLLATIONS); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                keyCollations.computeIfAbsent(Snapshot.key(rs.getString(1), rs.getString(2)), k -> new HashMap<>())
                        .computeIfAbsent(rs.getString(3), k -> new HashMap<>())
                        .put(rs.getInt(4), new String[] {rs.getString(5), rs.getString(6)});
            }
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
