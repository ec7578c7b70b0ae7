package dev.sleet.kit.postgres;

import dev.sleet.kit.snapshot.TypeSnapshot;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the composite types ({@code CREATE TYPE ... AS (...)}, not a table's row type) and range
 * types of the chosen schemas, not those of an extension. Types are printed by {@code format_type}
 * under the introspector's search path ({@code public}), so they are qualified where DDL needs it.
 * A range's subtype operator class and multirange name are always read qualified and written out,
 * whether or not they are PostgreSQL's defaults: the type comes back the same either way.
 */
final class PostgresUserTypes {

    /** The element type of {@code %s} (an attribute's or subtype's), when it is a domain, composite or range: a dependency. */
    private static final String USER_TYPE_KEY = """
            (SELECT dn.nspname || '.' || dt.typname
               FROM pg_type xt JOIN pg_type dt ON dt.oid = CASE WHEN xt.typcategory = 'A' AND xt.typelem <> 0 THEN xt.typelem ELSE xt.oid END
               JOIN pg_namespace dn ON dn.oid = dt.typnamespace
              WHERE xt.oid = %s AND (dt.typtype IN ('d', 'r')
                    OR dt.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class k WHERE k.oid = dt.typrelid AND k.relkind = 'c')))
            """;

    private static final String NOT_EXTENSION_MEMBER = """
            NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = 'pg_type'::regclass AND dep.objid = t.oid AND dep.deptype = 'e')
            """;

    private static final String COMPOSITES = """
            SELECT n.nspname, t.typname,
                   ARRAY(SELECT a.attname FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0
                            AND NOT a.attisdropped ORDER BY a.attnum),
                   ARRAY(SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = t.typrelid
                            AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum),
                   ARRAY(SELECT CASE WHEN a.attcollation <> at.typcollation
                                     THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END
                           FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid
                           LEFT JOIN pg_collation co ON co.oid = a.attcollation
                           LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
                          WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum),
                   ARRAY(SELECT %s FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped)
              FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_class c ON c.oid = t.typrelid
             WHERE t.typtype = 'c' AND c.relkind = 'c' AND n.nspname = ANY (?) AND %s
             ORDER BY n.nspname, t.typname
            """.formatted(USER_TYPE_KEY.formatted("a.atttypid"), NOT_EXTENSION_MEMBER);

    private static final String RANGES = """
            SELECT n.nspname, t.typname, format_type(r.rngsubtype, NULL),
                   quote_ident(ocn.nspname) || '.' || quote_ident(oc.opcname),
                   CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation
                        THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END,
                   NULLIF(r.rngcanonical, 0)::regproc::text, NULLIF(r.rngsubdiff, 0)::regproc::text,
                   quote_ident(mn.nspname) || '.' || quote_ident(mt.typname),
                   %s
              FROM pg_range r JOIN pg_type t ON t.oid = r.rngtypid JOIN pg_namespace n ON n.oid = t.typnamespace
              JOIN pg_type st ON st.oid = r.rngsubtype
              JOIN pg_opclass oc ON oc.oid = r.rngsubopc JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace
              LEFT JOIN pg_collation co ON co.oid = r.rngcollation LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
              JOIN pg_type mt ON mt.oid = r.rngmultitypid JOIN pg_namespace mn ON mn.oid = mt.typnamespace
             WHERE n.nspname = ANY (?) AND %s
             ORDER BY n.nspname, t.typname
            """.formatted(USER_TYPE_KEY.formatted("r.rngsubtype"), NOT_EXTENSION_MEMBER);

    private PostgresUserTypes() {}

    /** The composite and range types of {@code schemas}, keyed by {@code schema.name}; inside the introspector's transaction. */
    static SortedMap<String, TypeSnapshot> read(Connection connection, List<String> schemas) throws SQLException {
        SortedMap<String, TypeSnapshot> types = new TreeMap<>();
        try (PreparedStatement st = connection.prepareStatement(COMPOSITES)) {
            st.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    List<String> names = strings(rs.getArray(3));
                    List<String> typeNames = strings(rs.getArray(4));
                    List<String> collations = strings(rs.getArray(5));
                    List<TypeSnapshot.Attribute> attributes = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        attributes.add(new TypeSnapshot.Attribute(names.get(i), typeNames.get(i), collations.get(i)));
                    }
                    TreeSet<String> dependsOn = new TreeSet<>(strings(rs.getArray(6)).stream()
                            .filter(k -> k != null).toList());
                    TypeSnapshot type = new TypeSnapshot(rs.getString(1), rs.getString(2), TypeSnapshot.COMPOSITE,
                            attributes, null, null, null, null, null, null, dependsOn);
                    types.put(type.key(), type);
                }
            }
        }
        try (PreparedStatement st = connection.prepareStatement(RANGES)) {
            st.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    TreeSet<String> dependsOn = new TreeSet<>();
                    if (rs.getString(9) != null) {
                        dependsOn.add(rs.getString(9));
                    }
                    TypeSnapshot type = new TypeSnapshot(rs.getString(1), rs.getString(2), TypeSnapshot.RANGE, List.of(),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), dependsOn);
                    types.put(type.key(), type);
                }
            }
        }
        return types;
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(o -> o == null ? null : o.toString()).toList();
    }
}
