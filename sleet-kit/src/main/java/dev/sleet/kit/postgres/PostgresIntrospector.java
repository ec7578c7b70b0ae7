package dev.sleet.kit.postgres;

import dev.sleet.kit.Output;
import dev.sleet.kit.dialect.IntrospectOptions;
import dev.sleet.kit.dialect.Introspection;
import dev.sleet.kit.dialect.Unmanaged;
import dev.sleet.kit.snapshot.CheckSnapshot;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.CastSnapshot;
import dev.sleet.kit.snapshot.CommentSnapshot;
import dev.sleet.kit.snapshot.EnumSnapshot;
import dev.sleet.kit.snapshot.ExclusionSnapshot;
import dev.sleet.schema.Deferral;
import dev.sleet.kit.snapshot.IdentitySnapshot;
import dev.sleet.kit.snapshot.IndexKeySnapshot;
import dev.sleet.kit.snapshot.SequenceSnapshot;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.KeySnapshot;
import dev.sleet.kit.snapshot.ParentSnapshot;
import dev.sleet.kit.snapshot.PartitionSnapshot;
import dev.sleet.kit.snapshot.PolicySnapshot;
import dev.sleet.kit.snapshot.RoleSnapshot;
import dev.sleet.kit.snapshot.RoutineSnapshot;
import dev.sleet.kit.snapshot.RuleSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.TypeSnapshot;
import dev.sleet.kit.snapshot.ViewColumnSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
    static final String TABLES = """
            SELECT c.oid, n.nspname, c.relname, c.relrowsecurity, c.relforcerowsecurity
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p')
               AND n.nspname = ANY (?)
               AND NOT (n.nspname = ? AND c.relname = ?)
               AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
            """;

    /**
     * Columns; for a column of an enum type or domain (or an array of one) also the type's schema and name,
     * since {@code format_type} qualifies and quotes them as the search path has it. An enum that
     * belongs to an extension is not Sleet's to manage: its columns read like those of any other
     * type an extension brings ({@code citext}, {@code geometry}), by name.
     */
    private static final String COLUMNS = "WITH t AS (" + TABLES + ")" + """
            SELECT t.nspname, t.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type,
                   a.attnotnull, pg_get_expr(ad.adbin, ad.adrelid) AS default_expr, a.attidentity, a.attgenerated,
                   EXISTS (SELECT 1 FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
                            WHERE d.classid = 'pg_class'::regclass AND d.refobjid = t.oid
                              AND d.refobjsubid = a.attnum AND d.deptype = 'a') AS owns_sequence,
                   CASE WHEN et.typtype IN ('e', 'd') AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                                                               AND d.objid = et.oid AND d.deptype = 'e')
                        THEN en.nspname END AS enum_schema, et.typname AS element_name,
                   ty.typcategory = 'A' AND ty.typelem <> 0 AS is_array,
                   sq.seqincrement, sq.seqmin, sq.seqmax, sq.seqstart, sq.seqcache, sq.seqcycle,
                   dc.description AS column_comment, dt.description AS table_comment,
                   t.relrowsecurity, t.relforcerowsecurity,
                   -- what an inherited column (INHERITS, not a partition's) takes from its parents
                   a.attinhcount > 0 AND NOT a.attislocal
                       AND NOT (SELECT c.relispartition FROM pg_class c WHERE c.oid = t.oid) AS inherited_only,
                   (SELECT bool_or(pa.attnotnull) FROM pg_inherits i
                      JOIN pg_attribute pa ON pa.attrelid = i.inhparent AND pa.attname = a.attname
                     WHERE i.inhrelid = t.oid) AS parent_not_null,
                   (SELECT pg_get_expr(pd.adbin, pd.adrelid) FROM pg_inherits i
                      JOIN pg_attribute pa ON pa.attrelid = i.inhparent AND pa.attname = a.attname
                      JOIN pg_attrdef pd ON pd.adrelid = pa.attrelid AND pd.adnum = pa.attnum
                     WHERE i.inhrelid = t.oid ORDER BY i.inhseqno LIMIT 1) AS parent_default
              FROM t LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
              LEFT JOIN pg_type ty ON ty.oid = a.atttypid
              LEFT JOIN pg_type et ON et.oid = CASE WHEN ty.typcategory = 'A' AND ty.typelem <> 0 THEN ty.typelem ELSE ty.oid END
              LEFT JOIN pg_namespace en ON en.oid = et.typnamespace
              LEFT JOIN pg_attrdef ad ON ad.adrelid = t.oid AND ad.adnum = a.attnum
              LEFT JOIN pg_description dc ON dc.objoid = t.oid AND dc.classoid = 'pg_class'::regclass AND dc.objsubid = a.attnum
              LEFT JOIN pg_description dt ON dt.objoid = t.oid AND dt.classoid = 'pg_class'::regclass AND dt.objsubid = 0
              LEFT JOIN pg_depend idd ON a.attidentity <> '' AND idd.classid = 'pg_class'::regclass
                    AND idd.refclassid = 'pg_class'::regclass AND idd.refobjid = t.oid
                    AND idd.refobjsubid = a.attnum AND idd.deptype = 'i'
              LEFT JOIN pg_sequence sq ON sq.seqrelid = idd.objid
             ORDER BY t.nspname, t.relname, a.attnum
            """;

    /** Row-level security policies of the chosen tables; role 0 is {@code public}. */
    private static final String POLICIES = "WITH t AS (" + TABLES + ")" + """
            SELECT t.nspname, t.relname, p.polname, p.polpermissive, p.polcmd,
                   ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_get_userbyid(r.oid) END
                           FROM unnest(p.polroles) r(oid) ORDER BY 1) AS roles,
                   pg_get_expr(p.polqual, p.polrelid) AS using_expr, pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr
              FROM t JOIN pg_policy p ON p.polrelid = t.oid
             ORDER BY t.nspname, t.relname, p.polname
            """;

    /** The named roles (never all of them: roles belong to the whole cluster). */
    private static final String ROLES = """
            SELECT rolname, rolcanlogin, rolcreatedb, rolcreaterole, rolinherit, rolbypassrls, rolreplication, rolconnlimit
              FROM pg_roles WHERE rolname = ANY (?) ORDER BY rolname
            """;

    /**
     * Views and materialized views of the chosen schemas, not those of an extension; for a view that
     * reads itself (its {@code _RETURN} rule depends on its own columns), the names, types and
     * collations (where not their type's) of its columns, in order: its stand-in.
     */
    private static final String VIEWS = """
            SELECT n.nspname, c.relname, c.relkind = 'm' AS materialized, pg_get_viewdef(c.oid) AS definition,
                   c.reloptions, obj_description(c.oid, 'pg_class') AS comment,
                   ARRAY(SELECT a.attname::text FROM pg_attribute a
                          WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND %1$s ORDER BY a.attnum),
                   ARRAY(SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
                          WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND %1$s ORDER BY a.attnum),
                   ARRAY(SELECT CASE WHEN a.attcollation <> ty.typcollation
                                     THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END
                           FROM pg_attribute a JOIN pg_type ty ON ty.oid = a.atttypid
                           LEFT JOIN pg_collation co ON co.oid = a.attcollation
                           LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
                          WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND %1$s ORDER BY a.attnum)
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY (?)
               AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
             ORDER BY n.nspname, c.relname
            """.formatted(readsItself("c.oid"));

    /**
     * Whether the view {@code oid} reads itself, so that it cannot be made from its definition alone:
     * its {@code _RETURN} rule depends on its own columns ({@code ... FROM v}), on its own row type
     * ({@code ROW(...)::v}), or on a function whose signature names that row type (the view calls
     * {@code f(v)}, which needs the view to exist).
     */
    private static String readsItself(String oid) {
        String rowType = "(SELECT x.reltype FROM pg_class x WHERE x.oid = " + oid + ")";
        return "EXISTS (SELECT 1 FROM pg_rewrite r JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid"
                + " WHERE r.ev_class = " + oid + " AND r.rulename = '_RETURN' AND d.deptype = 'n'"
                + " AND (d.refclassid = 'pg_class'::regclass AND d.refobjid = " + oid + " AND d.refobjsubid > 0"
                + " OR d.refclassid = 'pg_type'::regclass AND d.refobjid = " + rowType
                + " OR d.refclassid = 'pg_proc'::regclass AND EXISTS (SELECT 1 FROM pg_depend p"
                + " WHERE p.classid = 'pg_proc'::regclass AND p.objid = d.refobjid AND p.refclassid = 'pg_type'::regclass"
                + " AND p.refobjid = " + rowType + ")))";
    }

    /**
     * The defaults and comments of views' columns (of the chosen schemas; kept only for the views
     * {@link #VIEWS} reads), in column order.
     */
    private static final String VIEW_COLUMNS = """
            SELECT n.nspname, c.relname, a.attname, pg_get_expr(ad.adbin, ad.adrelid), col_description(c.oid, a.attnum)
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
              LEFT JOIN pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
             WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY (?)
               AND (ad.oid IS NOT NULL OR col_description(c.oid, a.attnum) IS NOT NULL)
             ORDER BY n.nspname, c.relname, a.attnum
            """;

    /**
     * Standalone sequences: not those a column owns (serial, {@code OWNED BY}) or that back an
     * identity column, and not those of an extension.
     */
    private static final String SEQUENCES = """
            SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqincrement, s.seqmin, s.seqmax,
                   s.seqstart, s.seqcache, s.seqcycle
              FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = ANY (?)
               AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
             ORDER BY n.nspname, c.relname
            """;

    /**
     * Enum types of the chosen schemas, and those of other schemas that columns of the chosen
     * tables use, with their labels in order; not those that belong to an extension.
     */
    private static final String ENUMS = "WITH t AS (" + TABLES + ")" + """
            SELECT n.nspname, ty.typname,
                   ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = ty.oid ORDER BY e.enumsortorder) AS labels
              FROM pg_type ty JOIN pg_namespace n ON n.oid = ty.typnamespace
             WHERE ty.typtype = 'e'
               AND (n.nspname = ANY (?) OR ty.oid IN (
                    SELECT CASE WHEN c.typcategory = 'A' THEN c.typelem ELSE c.oid END
                      FROM t JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
                      JOIN pg_type c ON c.oid = a.atttypid))
               AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                WHERE d.classid = 'pg_type'::regclass AND d.objid = ty.oid AND d.deptype = 'e')
             ORDER BY n.nspname, ty.typname
            """;

    private static final String CONSTRAINTS = "WITH t AS (" + TABLES + ")" + """
            SELECT t.nspname, t.relname, con.conname, con.contype,
                   ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                           JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord) AS cols,
                   fn.nspname AS ref_schema, fc.relname AS ref_table,
                   ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                           JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord) AS ref_cols,
                   con.confdeltype, con.confupdtype, pg_get_expr(con.conbin, con.conrelid) AS check_expr,
                   COALESCE($NULLS_NOT_DISTINCT, false) AS nulls_not_distinct,
                   (SELECT e.extname FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
                     WHERE d.classid = 'pg_class'::regclass AND d.objid = con.confrelid AND d.deptype = 'e') AS ref_extension,
                   con.condeferrable, con.condeferred, con.convalidated, con.connoinherit
              FROM t JOIN pg_constraint con ON con.conrelid = t.oid
                   -- copies a partition inherits from its parent are PostgreSQL's to make
                   AND con.conparentid = 0 AND (con.contype <> 'c' OR con.conislocal)
              LEFT JOIN pg_index ix ON ix.indexrelid = con.conindid AND con.contype = 'u'
              LEFT JOIN pg_class fc ON fc.oid = con.confrelid
              LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
             ORDER BY t.nspname, t.relname, con.conname
            """;

    /**
     * Indexes that do not back a primary key or unique constraint, key by key: the column (or
     * null), the expression as {@code pg_get_indexdef} prints it (or null), the operator class
     * where it is not the default, the ordering options, and the {@code INCLUDE} columns. An index
     * that backs an exclusion constraint comes with the constraint's operators and deferral. Key
     * collations are read with the other objects ({@code PostgresObjects}). Read for the relations of
     * {@code t}: the tables, or the materialized views.
     */
    private static final String INDEX_BODY = """
            SELECT t.nspname, t.relname, i.relname AS index_name, ix.indisunique, am.amname,
                   ARRAY(SELECT CASE WHEN k.num <> 0 THEN a.attname END
                           FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(num, ord)
                           LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.num
                          WHERE k.ord <= ix.indnkeyatts ORDER BY k.ord) AS cols,
                   ARRAY(SELECT CASE WHEN k.num = 0 THEN pg_get_indexdef(ix.indexrelid, k.ord::int, false) END
                           FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(num, ord)
                          WHERE k.ord <= ix.indnkeyatts ORDER BY k.ord) AS exprs,
                   ARRAY(SELECT CASE WHEN oc.opcdefault THEN NULL
                                     WHEN ocn.nspname IN ('pg_catalog', 'public') THEN oc.opcname
                                     ELSE ocn.nspname || '.' || oc.opcname END
                           FROM unnest(ix.indclass::oid[]) WITH ORDINALITY c(oid, ord)
                           JOIN pg_opclass oc ON oc.oid = c.oid JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace
                          ORDER BY c.ord) AS opclasses,
                   ix.indoption::int2[] AS options,
                   pg_get_expr(ix.indpred, ix.indrelid) AS predicate,
                   i.reloptions,
                   COALESCE($NULLS_NOT_DISTINCT, false) AS nulls_not_distinct,
                   ARRAY(SELECT a.attname FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(num, ord)
                           JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.num
                          WHERE k.ord > ix.indnkeyatts ORDER BY k.ord) AS include_cols,
                   NULL AS unused,
                   xc.conname AS exclusion,
                   ARRAY(SELECT op.oprname FROM unnest(xc.conexclop) WITH ORDINALITY o(oid, ord)
                           JOIN pg_operator op ON op.oid = o.oid ORDER BY o.ord) AS exclusion_ops,
                   xc.condeferrable, xc.condeferred
              FROM t JOIN pg_index ix ON ix.indrelid = t.oid
              JOIN pg_class i ON i.oid = ix.indexrelid
              JOIN pg_am am ON am.oid = i.relam
              LEFT JOIN pg_constraint xc ON xc.conindid = ix.indexrelid AND xc.conrelid = ix.indrelid AND xc.contype = 'x'
             WHERE NOT EXISTS (SELECT 1 FROM pg_constraint con
                                WHERE con.conindid = ix.indexrelid AND con.conrelid = ix.indrelid
                                  AND con.contype IN ('p', 'u'))
               -- a partition's copy of its parent's index is PostgreSQL's to make
               AND NOT EXISTS (SELECT 1 FROM pg_inherits inh WHERE inh.inhrelid = ix.indexrelid)
             ORDER BY t.nspname, t.relname, i.relname
            """;

    private static final String INDEXES = "WITH t AS (" + TABLES + ")" + INDEX_BODY;

    /** Materialized views of the chosen schemas, as {@link #TABLES} has tables (same parameters). */
    private static final String MATERIALIZED_VIEWS = """
            SELECT c.oid, n.nspname, c.relname
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind = 'm' AND n.nspname = ANY (?)
               AND NOT (n.nspname = ? AND c.relname = ?)
               AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
            """;

    private static final String VIEW_INDEXES = "WITH t AS (" + MATERIALIZED_VIEWS + ")" + INDEX_BODY;

    private final Connection connection;
    private final IntrospectOptions options;
    private final Map<String, TableBuilder> tables = new TreeMap<>();
    private final SortedMap<String, EnumSnapshot> enums = new TreeMap<>();
    private final SortedMap<String, SequenceSnapshot> sequences = new TreeMap<>();
    private final SortedMap<String, ViewSnapshot> views = new TreeMap<>();
    private final SortedMap<String, RoleSnapshot> roles = new TreeMap<>();
    private final List<String> warnings = new ArrayList<>();
    private Unmanaged unmanaged = Unmanaged.NONE;
    private Map<String, PartitionSnapshot> partitions = Map.of();
    private Map<String, List<ParentSnapshot>> parents = Map.of();
    private PostgresRoutines.Result routines;
    private SortedMap<String, CastSnapshot> casts;
    private SortedMap<String, RuleSnapshot> rules;
    private Map<String, String> clusters = Map.of();
    private Map<String, Map<String, String>> storageParameters = Map.of();
    private PostgresOwnedSequences ownedSequences;

    PostgresIntrospector(Connection connection, IntrospectOptions options) {
        this.connection = connection;
        this.options = options;
    }

    Introspection read() throws SQLException {
        PostgresObjects objects;
        List<CommentSnapshot> comments;
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (Statement st = connection.createStatement()) {
                // Defaults print their values in the session's styles (time zone, date, interval and
                // bytea output, float digits) and their names relative to the search path: fix them
                // all, for this transaction only, so that the same database always reads the same.
                st.execute("SET TRANSACTION READ ONLY");
                st.execute(PostgresExpressions.SETTINGS);
            }
            readColumns();
            readConstraints();
            readIndexes();
            readEnums();
            readSequences();
            readViews();
            readViewColumns();
            readViewIndexes();
            readPolicies();
            readRoles();
            unmanaged = UnmanagedKind.read(connection, options.schemas());
            partitions = PostgresPartitions.read(connection, options.schemas());
            parents = PostgresInheritance.read(connection, options.schemas());
            clusters = PostgresClusters.read(connection, options.schemas());
            storageParameters = PostgresStorageParameters.read(connection, options.schemas());
            ownedSequences = PostgresOwnedSequences.read(connection, options.schemas());
            objects = PostgresObjects.read(connection, options);
            Set<String> relations = new HashSet<>(tables.keySet());
            relations.addAll(views.keySet());
            routines = PostgresRoutines.read(connection, options.schemas(), relations, warnings);
            casts = PostgresCasts.read(connection, options.schemas());
            rules = PostgresRules.read(connection, options.schemas(), relations, warnings);
            comments = PostgresComments.read(connection, options.schemas());
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        SortedMap<String, TableSnapshot> result = new TreeMap<>();
        TreeSet<String> schemas = new TreeSet<>();
        for (TableBuilder table : tables.values()) {
            TableSnapshot snapshot = table.build();
            PartitionSnapshot partitioning = partitions.get(snapshot.key());
            if (partitioning != null) {
                // A partition's columns are its parent's.
                snapshot = (partitioning.isPartition() ? snapshot.withParts(Map.of(), snapshot.primaryKey(),
                        snapshot.uniqueConstraints(), snapshot.foreignKeys(), snapshot.indexes()) : snapshot)
                        .withPartitioning(partitioning);
            }
            snapshot = snapshot.withTriggers(routines.triggers().getOrDefault(snapshot.key(), new TreeMap<>()))
                    .withClusterOn(clusters.get(snapshot.key())).withInherits(parents.get(snapshot.key()))
                    .withStorageParameters(storageParameters.get(snapshot.key()));
            result.put(snapshot.key(), snapshot);
            if (!snapshot.schema().equals("public")) {
                schemas.add(snapshot.schema());
            }
        }
        result = new TreeMap<>(ownedSequences.applyTo(result, sequences));
        for (EnumSnapshot type : enums.values()) {
            if (!type.schema().equals("public")) {
                schemas.add(type.schema());
            }
        }
        for (SequenceSnapshot sequence : sequences.values()) {
            if (!sequence.schema().equals("public")) {
                schemas.add(sequence.schema());
            }
        }
        for (ViewSnapshot view : List.copyOf(views.values())) {
            views.put(view.key(), view.withTriggers(routines.triggers().getOrDefault(view.key(), new TreeMap<>()))
                    .withClusterOn(clusters.get(view.key())));
            if (!view.schema().equals("public")) {
                schemas.add(view.schema());
            }
        }
        for (RoutineSnapshot routine : routines.routines().values()) {
            if (!routine.schema().equals("public")) {
                schemas.add(routine.schema());
            }
        }
        Snapshot snapshot = new Snapshot(Snapshot.CURRENT_VERSION, "postgresql", Snapshot.NO_PARENT, "", schemas, result,
                enums, sequences, views, roles).withRoutines(routines.routines()).withCasts(casts).withRules(rules);
        return new Introspection(CommentSnapshot.keptOn(objects.applyTo(snapshot), comments), warnings, unmanaged);
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        return prepare(connection, options, sql);
    }

    /**
     * A catalog query over the chosen schemas: the schemas, the tracking table's schema and name, and
     * the schemas again where the query names them a second time.
     */
    static PreparedStatement prepare(Connection connection, IntrospectOptions options, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setArray(1, connection.createArrayOf("text", options.schemas().toArray()));
        statement.setString(2, options.trackingSchema());
        statement.setString(3, options.trackingTable());
        // Queries that name the chosen schemas a second time take them as a fourth parameter.
        if (sql.chars().filter(c -> c == '?').count() > 3) {
            statement.setArray(4, connection.createArrayOf("text", options.schemas().toArray()));
        }
        return statement;
    }

    private void readPolicies() throws SQLException {
        try (PreparedStatement st = prepare(POLICIES); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                TableBuilder table = table(rs.getString(1), rs.getString(2));
                String command = switch (rs.getString(5)) {
                    case "r" -> "select";
                    case "a" -> "insert";
                    case "w" -> "update";
                    case "d" -> "delete";
                    default -> "all";
                };
                PolicySnapshot policy = new PolicySnapshot(rs.getString(3),
                        rs.getBoolean(4) ? PolicySnapshot.PERMISSIVE : PolicySnapshot.RESTRICTIVE, command,
                        strings(rs.getArray(6)), rs.getString(7), rs.getString(8));
                table.policies.put(policy.name(), policy);
            }
        }
    }

    private void readRoles() throws SQLException {
        if (options.roles().isEmpty()) {
            return;
        }
        try (PreparedStatement st = connection.prepareStatement(ROLES)) {
            st.setArray(1, connection.createArrayOf("text", options.roles().toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    RoleSnapshot role = new RoleSnapshot(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
                            rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), rs.getInt(8));
                    roles.put(role.name(), role);
                }
            }
        }
    }

    private void readViews() throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(VIEWS)) {
            st.setArray(1, connection.createArrayOf("text", options.schemas().toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    SortedMap<String, String> with = PostgresStorageParameters.parse(strings(rs.getArray(5)));
                    List<String> names = strings(rs.getArray(7));
                    List<String> types = strings(rs.getArray(8));
                    List<String> collations = strings(rs.getArray(9));
                    List<TypeSnapshot.Attribute> standIn = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        standIn.add(new TypeSnapshot.Attribute(names.get(i), types.get(i), collations.get(i)));
                    }
                    ViewSnapshot view = new ViewSnapshot(rs.getString(1), rs.getString(2), rs.getString(4), rs.getBoolean(3),
                            with, false, rs.getString(6)).withStandIn(standIn);
                    views.put(view.key(), view);
                }
            }
        }
    }

    private void readViewColumns() throws SQLException {
        Map<String, SortedMap<String, ViewColumnSnapshot>> columns = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement(VIEW_COLUMNS)) {
            st.setArray(1, connection.createArrayOf("text", options.schemas().toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String key = Snapshot.key(rs.getString(1), rs.getString(2));
                    if (views.containsKey(key)) {
                        columns.computeIfAbsent(key, k -> new TreeMap<>()).put(rs.getString(3),
                                new ViewColumnSnapshot(rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
            }
        }
        columns.forEach((key, carried) -> views.put(key, views.get(key).withColumns(carried)));
    }

    private void readSequences() throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(SEQUENCES)) {
            st.setArray(1, connection.createArrayOf("text", options.schemas().toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    SequenceSnapshot sequence = new SequenceSnapshot(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getBoolean(9));
                    sequences.put(sequence.key(), sequence);
                }
            }
        }
    }

    private void readEnums() throws SQLException {
        try (PreparedStatement st = prepare(ENUMS); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                EnumSnapshot type = new EnumSnapshot(rs.getString(1), rs.getString(2), strings(rs.getArray(3)));
                enums.put(type.key(), type);
            }
        }
    }

    private void readColumns() throws SQLException {
        try (PreparedStatement st = prepare(COLUMNS); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                TableBuilder table = table(rs.getString(1), rs.getString(2));
                // Before the columns: a table without columns (which PostgreSQL allows) has them too.
                table.comment = rs.getString(20);
                table.rowLevelSecurity = rs.getBoolean(21);
                table.forceRowLevelSecurity = rs.getBoolean(22);
                String name = rs.getString(3);
                if (name == null) {
                    continue;
                }
                String type = PostgresTypes.canonical(rs.getString(4));
                String typeSchema = rs.getString(10);
                if (typeSchema != null) {
                    type = rs.getString(11) + (rs.getBoolean(12) ? "[]" : "");
                }
                String defaultExpr = rs.getString(6);
                String where = table.schema + "." + table.name + "." + name;
                IdentitySnapshot identity = null;
                String identityKind = rs.getString(7);
                if (!identityKind.isEmpty()) {
                    identity = new IdentitySnapshot(identityKind.equals("a") ? IdentitySnapshot.ALWAYS : IdentitySnapshot.BY_DEFAULT,
                            rs.getLong(13), rs.getLong(14), rs.getLong(15), rs.getLong(16), rs.getLong(17), rs.getBoolean(18));
                }
                String generated = null;
                if (rs.getString(8).equals("s")) {
                    generated = defaultExpr;
                    defaultExpr = null;
                } else if (!rs.getString(8).isEmpty()) {
                    warnings.add("Column " + where + " is a generated column of kind '" + rs.getString(8)
                            + "', which this version reads as a plain column");
                    defaultExpr = null;
                }
                if (rs.getBoolean(23)) {
                    // Inherited: only what the column carries of its own (as pg_dump writes it apart) is the table's.
                    String parentDefault = rs.getString(25);
                    String ownDefault = generated != null || Objects.equals(defaultExpr, parentDefault) ? null
                            : defaultExpr == null ? "NULL" : defaultExpr;
                    ColumnSnapshot part = ColumnSnapshot.inheritedPart(name, type, typeSchema,
                            rs.getBoolean(5) && !rs.getBoolean(24), ownDefault, rs.getString(19));
                    if (part != null) {
                        table.columns.put(name, part);
                    }
                    continue;
                }
                if (defaultExpr == null && generated == null && identity == null && rs.getString(25) != null) {
                    // Its own column, merged with a parent's that has a default: CREATE TABLE would take the parent's.
                    defaultExpr = "NULL";
                }
                boolean serial = rs.getBoolean(9) && defaultExpr != null && defaultExpr.startsWith("nextval(")
                        && (type.equals("integer") || type.equals("bigint") || type.equals("smallint"));
                table.columns.put(name, new ColumnSnapshot(name, type, serial, rs.getBoolean(5), serial ? null : defaultExpr,
                        typeSchema, identity, generated, rs.getString(19)));
            }
        }
    }

    private void readConstraints() throws SQLException {
        // NULLS NOT DISTINCT is new in PostgreSQL 15.
        String nullsNotDistinct = connection.getMetaData().getDatabaseMajorVersion() >= 15 ? "ix.indnullsnotdistinct" : "NULL::boolean";
        Map<String, List<String>> leftOut = new TreeMap<>();
        try (PreparedStatement st = prepare(CONSTRAINTS.replace("$NULLS_NOT_DISTINCT", nullsNotDistinct));
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                TableBuilder table = table(rs.getString(1), rs.getString(2));
                String name = rs.getString(3);
                List<String> columns = strings(rs.getArray(5));
                Deferral deferral = Deferral.of(rs.getBoolean(14), rs.getBoolean(15));
                boolean notValid = !rs.getBoolean(16);
                switch (rs.getString(4)) {
                    case "p" -> table.primaryKey = new KeySnapshot(name, columns, false, deferral);
                    case "u" -> table.uniques.put(name, new KeySnapshot(name, columns, rs.getBoolean(12), deferral));
                    // Read with the indexes: an exclusion constraint is its index and operators.
                    case "x" -> { }
                    case "f" -> {
                        if (rs.getString(13) != null) {
                            warnings.add("Foreign key " + table.schema + "." + table.name + "." + name + " references "
                                    + rs.getString(6) + "." + rs.getString(7) + ", which belongs to extension "
                                    + rs.getString(13) + "; Sleet leaves extension objects alone and cannot declare a"
                                    + " foreign key to one yet, so it was left out (the database keeps it)");
                        } else {
                            table.foreignKeys.put(name, new ForeignKeySnapshot(name, columns, rs.getString(6),
                                    rs.getString(7), strings(rs.getArray(8)), action(rs.getString(9)), action(rs.getString(10)),
                                    deferral, notValid));
                        }
                    }
                    case "c" -> table.checks.put(name, new CheckSnapshot(name, rs.getString(11), notValid, rs.getBoolean(17)));
                    case "t" -> { } // a constraint trigger: read with the triggers (PostgresRoutines)
                    default -> leftOut.computeIfAbsent(constraintKind(rs.getString(4)), k -> new ArrayList<>())
                            .add(table.schema + "." + table.name + "." + name);
                }
            }
        }
        // One warning per kind, in words, however many there are.
        leftOut.forEach((kind, names) -> warnings.add(names.size() + " " + kind + (names.size() == 1 ? " was" : "s were")
                + " left out (this version does not read them): " + Output.names(names)));
    }

    /** A kind of constraint ({@code pg_constraint.contype}) in words. */
    static String constraintKind(String contype) {
        return switch (contype) {
            case "c" -> "check constraint";
            case "f" -> "foreign key";
            case "p" -> "primary key";
            case "u" -> "unique constraint";
            case "t" -> "constraint trigger";
            case "x" -> "exclusion constraint";
            default -> "constraint of kind '" + contype + "'";
        };
    }

    private void readIndexes() throws SQLException {
        String nullsNotDistinct = connection.getMetaData().getDatabaseMajorVersion() >= 15 ? "ix.indnullsnotdistinct" : "NULL::boolean";
        try (PreparedStatement st = prepare(INDEXES.replace("$NULLS_NOT_DISTINCT", nullsNotDistinct));
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                TableBuilder table = table(rs.getString(1), rs.getString(2));
                if (rs.getString(15) != null) {
                    ExclusionSnapshot exclusion = exclusion(rs);
                    if (exclusion != null) {
                        table.exclusions.put(exclusion.name(), exclusion);
                    }
                    continue;
                }
                IndexSnapshot index = index(rs);
                if (index != null) {
                    table.indexes.put(index.name(), index);
                }
            }
        }
    }

    /** Indexes on materialized views, kept with their views. */
    private void readViewIndexes() throws SQLException {
        String nullsNotDistinct = connection.getMetaData().getDatabaseMajorVersion() >= 15 ? "ix.indnullsnotdistinct" : "NULL::boolean";
        try (PreparedStatement st = prepare(VIEW_INDEXES.replace("$NULLS_NOT_DISTINCT", nullsNotDistinct));
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String key = Snapshot.key(rs.getString(1), rs.getString(2));
                ViewSnapshot view = views.get(key);
                IndexSnapshot index = view == null ? null : index(rs);
                if (index != null) {
                    SortedMap<String, IndexSnapshot> indexes = new TreeMap<>(view.indexes());
                    indexes.put(index.name(), index);
                    views.put(key, view.withIndexes(indexes));
                }
            }
        }
    }

    /** The index of the current row of an {@link #INDEX_BODY} query. */
    private IndexSnapshot index(ResultSet rs) throws SQLException {
        String name = rs.getString(3);
        SortedMap<String, String> with = PostgresStorageParameters.parse(strings(rs.getArray(11)));
        return new IndexSnapshot(name, List.of(), rs.getBoolean(4), rs.getString(5), indexKeys(rs),
                rs.getString(10), with, rs.getBoolean(12), false, strings(rs.getArray(13)));
    }

    private ExclusionSnapshot exclusion(ResultSet rs) throws SQLException {
        return new ExclusionSnapshot(rs.getString(15), rs.getString(5), indexKeys(rs), strings(rs.getArray(16)),
                rs.getString(10), Deferral.of(rs.getBoolean(17), rs.getBoolean(18)));
    }

    private static List<IndexKeySnapshot> indexKeys(ResultSet rs) throws SQLException {
        List<String> columns = strings(rs.getArray(6));
        List<String> expressions = strings(rs.getArray(7));
        List<String> opclasses = strings(rs.getArray(8));
        Object[] options = (Object[]) rs.getArray(9).getArray();
        List<IndexKeySnapshot> keys = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            int option = ((Number) options[i]).intValue();
            boolean descending = (option & 1) != 0;
            boolean nullsFirst = (option & 2) != 0;
            keys.add(new IndexKeySnapshot(columns.get(i), columns.get(i) == null ? expressions.get(i) : null,
                    opclasses.get(i), descending, nullsFirst ? IndexKeySnapshot.FIRST : IndexKeySnapshot.LAST));
        }
        return keys;
    }

    private TableBuilder table(String schema, String name) {
        return tables.computeIfAbsent(schema + "." + name, k -> new TableBuilder(schema, name));
    }

    /** The elements of a text array, nulls kept. */
    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return java.util.Arrays.asList((String[]) array.getArray());
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
        final Map<String, CheckSnapshot> checks = new TreeMap<>();
        final Map<String, PolicySnapshot> policies = new TreeMap<>();
        final Map<String, ExclusionSnapshot> exclusions = new TreeMap<>();
        String comment;
        boolean rowLevelSecurity;
        boolean forceRowLevelSecurity;

        TableBuilder(String schema, String name) {
            this.schema = schema;
            this.name = name;
        }

        TableSnapshot build() {
            return new TableSnapshot(schema, name, columns, primaryKey, new TreeMap<>(uniques),
                    new TreeMap<>(foreignKeys), new TreeMap<>(indexes), new TreeMap<>(checks), comment, new TreeMap<>(policies),
                    rowLevelSecurity, forceRowLevelSecurity, null, null, new TreeMap<>(exclusions));
        }
    }
}
