package dev.sleet.kit.postgres;

import dev.sleet.kit.dialect.Unmanaged;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The kinds of PostgreSQL objects Sleet does not manage: neither pull, generate nor migrate carry
 * them, so a database rebuilt from the migrations lacks them. Each kind has its name in plain words
 * and the catalog query that lists its objects' names (those of an extension left out: the
 * extension brings them, and so are the parts PostgreSQL makes itself, such as a range type's
 * cast to its multirange). Kinds that live in a schema are read from the chosen schemas only; the
 * others (event triggers, foreign servers ...) belong to the whole database. Casts are listed only
 * where pull does not carry them (outside the chosen schemas), and so are foreign servers and tables
 * ({@link PostgresForeign}); user mappings always, by user and server alone: their options hold
 * passwords and are never read.
 */
enum UnmanagedKind {

    EVENT_TRIGGER("event trigger", "event triggers", false, """
            SELECT e.evtname FROM pg_event_trigger e WHERE NOT %s ORDER BY 1
            """.formatted(inExtension("pg_event_trigger", "e.oid"))),
    FOREIGN_TABLE("foreign table", "foreign tables", true, """
            SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind = 'f' AND n.nspname = ANY (?) AND NOT %s AND NOT %s ORDER BY 1
            """.formatted(inExtension("pg_class", "c.oid"), PostgresForeign.CARRIED_TABLE)),
    FOREIGN_SERVER("foreign server", "foreign servers", false, """
            SELECT s.srvname FROM pg_foreign_server s WHERE NOT %s AND NOT %s ORDER BY 1
            """.formatted(inExtension("pg_foreign_server", "s.oid"), PostgresForeign.CARRIED_SERVER)),
    FOREIGN_DATA_WRAPPER("foreign-data wrapper", "foreign-data wrappers", false, """
            SELECT w.fdwname FROM pg_foreign_data_wrapper w WHERE NOT %s ORDER BY 1
            """.formatted(inExtension("pg_foreign_data_wrapper", "w.oid"))),
    USER_MAPPING("user mapping", "user mappings", false, """
            SELECT m.usename || ' on ' || m.srvname FROM pg_user_mappings m ORDER BY 1
            """),
    OPERATOR("operator", "operators", true, """
            SELECT n.nspname || '.' || o.oprname || ' (' || COALESCE(format_type(o.oprleft, NULL), 'NONE') || ', '
                   || COALESCE(format_type(o.oprright, NULL), 'NONE') || ')'
              FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace
             WHERE n.nspname = ANY (?) AND NOT %s ORDER BY 1
            """.formatted(inExtension("pg_operator", "o.oid"))),
    OPERATOR_CLASS("operator class", "operator classes", true, """
            SELECT n.nspname || '.' || oc.opcname || ' (' || am.amname || ')'
              FROM pg_opclass oc JOIN pg_namespace n ON n.oid = oc.opcnamespace JOIN pg_am am ON am.oid = oc.opcmethod
             WHERE n.nspname = ANY (?) AND NOT %s ORDER BY 1
            """.formatted(inExtension("pg_opclass", "oc.oid"))),
    OPERATOR_FAMILY("operator family", "operator families", true, """
            SELECT n.nspname || '.' || f.opfname || ' (' || am.amname || ')'
              FROM pg_opfamily f JOIN pg_namespace n ON n.oid = f.opfnamespace JOIN pg_am am ON am.oid = f.opfmethod
             WHERE n.nspname = ANY (?) AND NOT %s
               AND NOT EXISTS (SELECT 1 FROM pg_opclass oc WHERE oc.opcfamily = f.oid) ORDER BY 1
            """.formatted(inExtension("pg_opfamily", "f.oid"))),
    // Casts of the chosen schemas' types or functions are managed (PostgresCasts); the others stay the database's.
    CAST("cast", "casts", true, PostgresCasts.numbered("""
            SELECT format_type(c.castsource, NULL) || ' AS ' || format_type(c.casttarget, NULL)
              FROM pg_cast c WHERE %s AND NOT %s ORDER BY 1
            """.formatted(PostgresCasts.USER_CAST, PostgresCasts.IN_SCHEMAS))),
    BASE_TYPE("base type", "base types", true, """
            SELECT n.nspname || '.' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
             WHERE t.typtype = 'b' AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid)
               AND n.nspname = ANY (?) AND NOT %s ORDER BY 1
            """.formatted(inExtension("pg_type", "t.oid"))),
    CONVERSION("conversion", "conversions", true, """
            SELECT n.nspname || '.' || c.conname FROM pg_conversion c JOIN pg_namespace n ON n.oid = c.connamespace
             WHERE n.nspname = ANY (?) AND NOT %s ORDER BY 1
            """.formatted(inExtension("pg_conversion", "c.oid"))),
    STATISTICS("extended statistics object", "extended statistics objects", true, """
            SELECT n.nspname || '.' || s.stxname FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace
             WHERE n.nspname = ANY (?) AND NOT %s ORDER BY 1
            """.formatted(inExtension("pg_statistic_ext", "s.oid"))),
    PUBLICATION("publication", "publications", false, """
            SELECT p.pubname FROM pg_publication p ORDER BY 1
            """),
    SUBSCRIPTION("subscription", "subscriptions", false, """
            SELECT s.subname FROM pg_subscription s
             WHERE s.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY 1
            """),
    LANGUAGE("procedural language", "procedural languages", false, """
            SELECT l.lanname FROM pg_language l WHERE l.oid >= 16384 AND NOT %s ORDER BY 1
            """.formatted(inExtension("pg_language", "l.oid"))),
    ACCESS_METHOD("access method", "access methods", false, """
            SELECT a.amname FROM pg_am a WHERE a.oid >= 16384 AND NOT %s ORDER BY 1
            """.formatted(inExtension("pg_am", "a.oid")));

    private final String singular;
    private final String plural;
    private final boolean inSchemas;
    private final String query;

    UnmanagedKind(String singular, String plural, boolean inSchemas, String query) {
        this.singular = singular;
        this.plural = plural;
        this.inSchemas = inSchemas;
        this.query = query;
    }

    String singular() {
        return singular;
    }

    String plural() {
        return plural;
    }

    /** The names of this kind's objects in the database (in {@code schemas}, for kinds that live in a schema). */
    List<String> names(Connection connection, List<String> schemas) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(query)) {
            if (inSchemas) {
                st.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            }
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }
    }

    /** Every kind's objects, read on {@code connection} (in the caller's transaction). */
    static Unmanaged read(Connection connection, List<String> schemas) throws SQLException {
        List<Unmanaged.Group> groups = new ArrayList<>();
        for (UnmanagedKind kind : values()) {
            groups.add(new Unmanaged.Group(kind.singular, kind.plural, kind.names(connection, schemas)));
        }
        return new Unmanaged(groups);
    }

    private static String inExtension(String catalog, String oid) {
        return "EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '" + catalog + "'::regclass AND d.objid = " + oid
                + " AND d.deptype = 'e')";
    }
}
