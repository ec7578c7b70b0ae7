package dev.sleet.kit.postgres;

import dev.sleet.kit.snapshot.CastSnapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the casts Sleet manages: those whose source or target type (or its element type) or
 * function lives in one of the chosen schemas. The others (between types of other schemas, such as
 * an extension's, with no function of ours) stay the database's own and are reported as unmanaged
 * ({@link UnmanagedKind#CAST}). Casts of an extension, and those PostgreSQL makes itself (a range
 * type's to its multirange), are never read.
 */
final class PostgresCasts {

    /** Casts users made: not built in, not an extension's, not made along with a type. */
    static final String USER_CAST = """
            c.oid >= 16384
               AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_cast'::regclass AND d.objid = c.oid
                                  AND d.deptype IN ('e', 'i'))""";

    /** Whether the cast {@code c} is in the chosen schemas (the one parameter): its types' or function's schema. */
    static final String IN_SCHEMAS = """
            EXISTS (SELECT 1 FROM pg_type t JOIN pg_type et
                           ON et.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE t.oid END
                      JOIN pg_namespace en ON en.oid = et.typnamespace
                     WHERE t.oid IN (c.castsource, c.casttarget) AND en.nspname = ANY (?1)
                    UNION ALL
                    SELECT 1 FROM pg_proc p JOIN pg_namespace pn ON pn.oid = p.pronamespace
                     WHERE p.oid = c.castfunc AND pn.nspname = ANY (?1))""";

    private static final String CASTS = """
            SELECT %s, %s, c.castmethod, pn.nspname, p.proname,
                   array_to_string(ARRAY(SELECT %s FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY a(oid, n) ORDER BY a.n), ', '),
                   c.castcontext, obj_description(c.oid, 'pg_cast')
              FROM pg_cast c LEFT JOIN pg_proc p ON p.oid = c.castfunc LEFT JOIN pg_namespace pn ON pn.oid = p.pronamespace
             WHERE %s AND %s
            """.formatted(typeName("c.castsource"), typeName("c.casttarget"), typeName("a.oid"), USER_CAST, IN_SCHEMAS);

    private PostgresCasts() {}

    static SortedMap<String, CastSnapshot> read(Connection connection, List<String> schemas) throws SQLException {
        SortedMap<String, CastSnapshot> casts = new TreeMap<>();
        try (PreparedStatement st = connection.prepareStatement(numbered(CASTS))) {
            st.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String method = switch (rs.getString(3)) {
                        case "f" -> CastSnapshot.FUNCTION;
                        case "i" -> CastSnapshot.INOUT;
                        default -> CastSnapshot.BINARY;
                    };
                    String context = switch (rs.getString(7)) {
                        case "a" -> "assignment";
                        case "i" -> "implicit";
                        default -> CastSnapshot.EXPLICIT;
                    };
                    CastSnapshot cast = new CastSnapshot(rs.getString(1), rs.getString(2), method, rs.getString(4),
                            rs.getString(5), rs.getString(6), context, rs.getString(8));
                    casts.put(cast.key(), cast);
                }
            }
        }
        return casts;
    }

    /**
     * The SQL of the type {@code oid} as a cast snapshot spells it ({@link CastSnapshot#typeName}): a
     * built-in one as {@code format_type} prints it, any other quoted and qualified (its element's
     * name, then {@code []}, for an array).
     */
    private static String typeName(String oid) {
        return """
                (SELECT CASE WHEN en.nspname = 'pg_catalog' THEN format_type(t.oid, NULL)
                             ELSE '"' || replace(en.nspname, '"', '""') || '"."' || replace(et.typname, '"', '""') || '"'
                                  || CASE WHEN et.oid <> t.oid THEN '[]' ELSE '' END END
                   FROM pg_type t JOIN pg_type et
                        ON et.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE t.oid END
                   JOIN pg_namespace en ON en.oid = et.typnamespace WHERE t.oid = %s)""".formatted(oid);
    }

    /** JDBC has no numbered parameters: {@code ?1} (the chosen schemas, named twice) becomes an array literal bound once. */
    static String numbered(String sql) {
        return "WITH chosen AS (SELECT ?::text[] AS schemas) " + sql.replace("ANY (?1)", "ANY ((SELECT schemas FROM chosen)::text[])");
    }
}
