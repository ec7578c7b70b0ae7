package dev.sleet.kit.postgres;

import dev.sleet.dialect.Dialect;
import dev.sleet.kit.snapshot.ObjectNames;
import dev.sleet.kit.snapshot.SqlDefinitions;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL's rules for the names it gives unnamed constraints ({@code users_pkey},
 * {@code tasks_user_id_fkey}): both parts are shortened, the longer first, until the whole fits
 * in 63 bytes. Sleet uses the same rule so that a key declared without a name in code compares
 * equal to the one the catalog reports.
 */
final class PostgresNames {

    /** The runtime dialect the kit's PostgreSQL DDL builds on: quoting and literal spelling live there. */
    static final Dialect RUNTIME = Dialect.postgresql();

    static final int MAX_IDENTIFIER_BYTES = 63;

    private PostgresNames() {}

    static String defaultName(String table, List<String> columns, String suffix) {
        String columnPart = "pkey".equals(suffix) || columns.isEmpty() ? null : String.join("_", columns);
        return makeObjectName(table, columnPart, suffix);
    }

    /** The algorithm of PostgreSQL's makeObjectName (src/backend/commands/indexcmds.c). */
    static String makeObjectName(String name1, String name2, String label) {
        return ObjectNames.make(name1, name2, label);
    }

    /**
     * The types of pg_catalog (PostgreSQL 15, leaving out array types and the catalogs' row types),
     * which the search path always sees first: a type of the same name elsewhere is printed qualified.
     */
    private static final Set<String> CATALOG_TYPES = Set.of((
            "aclitem any anyarray anycompatible anycompatiblearray anycompatiblemultirange anycompatiblenonarray "
            + "anycompatiblerange anyelement anyenum anymultirange anynonarray anyrange bit bool box bpchar bytea "
            + "char cid cidr circle cstring date datemultirange daterange event_trigger fdw_handler float4 float8 "
            + "gtsvector index_am_handler inet int2 int2vector int4 int4multirange int4range int8 int8multirange "
            + "int8range internal interval json jsonb jsonpath language_handler line lseg macaddr macaddr8 money "
            + "name numeric nummultirange numrange oid oidvector path point polygon record refcursor regclass "
            + "regcollation regconfig regdictionary regnamespace regoper regoperator regproc regprocedure regrole "
            + "regtype table_am_handler text tid time timestamp timestamptz timetz trigger tsm_handler "
            + "tsmultirange tsquery tsrange tstzmultirange tstzrange tsvector txid_snapshot unknown uuid varbit "
            + "varchar void xid xid8 xml").split(" "));

    /** Whether a user-defined type of this name is hidden by a pg_catalog type, whatever the search path. */
    static boolean shadowedType(String name) {
        return CATALOG_TYPES.contains(name.startsWith("_") ? name.substring(1) : name);
    }

    /**
     * An identifier as PostgreSQL's {@code quote_identifier} prints it (in {@code format_type} and
     * {@code pg_get_expr} output): bare when it is lower case, digits and underscores and not a
     * keyword, else double-quoted.
     */
    static String quoteIdent(String identifier) {
        boolean safe = !identifier.isEmpty()
                && (identifier.charAt(0) >= 'a' && identifier.charAt(0) <= 'z' || identifier.charAt(0) == '_');
        for (int i = 0; safe && i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            safe = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
        }
        return safe && !SqlDefinitions.isKeyword(identifier) ? identifier : quote(identifier);
    }

    /**
     * How the catalog prints an object's name ({@code format_type}, {@code regclass}) with
     * {@code search_path = public}: bare in {@code public}, schema-qualified elsewhere.
     */
    static String printed(String schema, String name) {
        return schema.equals("public") ? quoteIdent(name) : quoteIdent(schema) + "." + quoteIdent(name);
    }

    static String quote(String identifier) {
        return RUNTIME.quote(identifier);
    }

    /** Text as a string literal ({@code 'it''s'}). */
    static String stringLiteral(String text) {
        return RUNTIME.stringLiteral(text);
    }
}
