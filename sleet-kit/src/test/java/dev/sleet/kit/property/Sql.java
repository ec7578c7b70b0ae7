package dev.sleet.kit.property;

import java.util.Set;

/**
 * PostgreSQL's printed spelling of names and strings, for the generator's expressions and view
 * definitions, which snapshots hold as the catalog prints them. Written here rather than taken
 * from the kit, so that a mistake in the kit's own quoting shows up as a difference.
 */
final class Sql {

    /** Every keyword PostgreSQL 15 quotes in its output: {@code SELECT word FROM pg_get_keywords() WHERE catcode <> 'U'}. */
    private static final Set<String> QUOTED_KEYWORDS = Set.of(("all analyse analyze and any array as asc asymmetric "
            + "authorization between bigint binary bit boolean both case cast char character check coalesce collate "
            + "collation column concurrently constraint create cross current_catalog current_date current_role "
            + "current_schema current_time current_timestamp current_user dec decimal default deferrable desc distinct "
            + "do else end except exists extract false fetch float for foreign freeze from full grant greatest group "
            + "grouping having ilike in initially inner inout int integer intersect interval into is isnull join lateral "
            + "leading least left like limit localtime localtimestamp national natural nchar none normalize not notnull "
            + "null nullif numeric offset on only or order out outer overlaps overlay placing position precision primary "
            + "real references returning right row select session_user setof similar smallint some substring symmetric "
            + "table tablesample then time timestamp to trailing treat trim true union unique user using values varchar "
            + "variadic verbose when where window with xmlattributes xmlconcat xmlelement xmlexists xmlforest "
            + "xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable").split(" "));

    /**
     * pg_catalog's types but arrays and catalog rows ({@code SELECT typname FROM pg_type WHERE typnamespace
     * = 'pg_catalog'::regnamespace}), which the search path sees before any other schema.
     */
    private static final Set<String> CATALOG_TYPES = Set.of(("aclitem any anyarray anycompatible anycompatiblearray "
            + "anycompatiblemultirange anycompatiblenonarray anycompatiblerange anyelement anyenum anymultirange "
            + "anynonarray anyrange bit bool box bpchar bytea char cid cidr circle cstring date datemultirange daterange "
            + "event_trigger fdw_handler float4 float8 gtsvector index_am_handler inet int2 int2vector int4 int4multirange "
            + "int4range int8 int8multirange int8range internal interval json jsonb jsonpath language_handler line lseg "
            + "macaddr macaddr8 money name numeric nummultirange numrange oid oidvector path point polygon record "
            + "refcursor regclass regcollation regconfig regdictionary regnamespace regoper regoperator regproc "
            + "regprocedure regrole regtype table_am_handler text tid time timestamp timestamptz timetz trigger "
            + "tsm_handler tsmultirange tsquery tsrange tstzmultirange tstzrange tsvector txid_snapshot unknown uuid "
            + "varbit varchar void xid xid8 xml").split(" "));

    private Sql() {}

    /** A type as format_type prints it with {@code search_path = public}: qualified outside public, or when pg_catalog hides it. */
    static String type(String schema, String name) {
        return schema.equals(SchemaDraft.PUBLIC) && !CATALOG_TYPES.contains(name) ? ident(name)
                : ident(schema) + "." + ident(name);
    }

    /** An identifier as {@code quote_identifier} prints it: bare when lower case ASCII and no keyword. */
    static String ident(String name) {
        boolean bare = !name.isEmpty() && (name.charAt(0) >= 'a' && name.charAt(0) <= 'z' || name.charAt(0) == '_');
        for (int i = 0; bare && i < name.length(); i++) {
            char c = name.charAt(i);
            bare = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
        }
        return bare && !QUOTED_KEYWORDS.contains(name) ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A relation or type as printed with {@code search_path = public}: qualified outside public. */
    static String qualified(String schema, String name) {
        return schema.equals(SchemaDraft.PUBLIC) ? ident(name) : ident(schema) + "." + ident(name);
    }

    /** A string constant. */
    static String string(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
