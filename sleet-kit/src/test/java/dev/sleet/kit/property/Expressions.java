package dev.sleet.kit.property;

import java.util.ArrayList;
import java.util.List;

/**
 * Expressions over a column, per column type. The first of each list are written exactly as
 * PostgreSQL 15 prints them back ({@code pg_get_expr} for checks, generated columns, policies and
 * index predicates; {@code pg_get_indexdef} for index expressions; {@code pg_get_viewdef} for view
 * predicates, where columns are qualified). Those appended later are shapes PostgreSQL prints
 * differently: as a person writes them ({@code IN} lists, {@code ANY} over arrays, casts,
 * {@code COALESCE}, calls), or as PostgreSQL prints a varchar {@code IN} list, which it prints
 * another way once that text is applied. The round trips read the database against the expected
 * snapshot, so these compare in PostgreSQL's fixed-point form ({@code ExpressionForm}). New
 * variants go at the end of a list, so that the variant numbers of the found cases keep their
 * meaning.
 *
 * <p>Each kind is a list of variants; a draft keeps a variant number and renders it for the
 * column's type at the time, so that a type change or a rename gives the text PostgreSQL would then
 * print. A variant number picks {@code number % size}, so every number is valid for every type.
 */
final class Expressions {

    /**
     * A column's type as expressions need it: the snapshot's type, and for an enum column the type as
     * a cast names it and its labels.
     */
    record ColumnType(String type, String enumCast, List<String> labels) {

        static ColumnType builtIn(String type) {
            return new ColumnType(type, null, List.of());
        }

        boolean isEnum() {
            return enumCast != null;
        }

        boolean isArray() {
            return type.endsWith("[]");
        }

        /** The type without size, precision or brackets; {@code enum} for enum types. */
        String base() {
            if (isEnum() && !isArray()) {
                return "enum";
            }
            if (isArray()) {
                return "array";
            }
            int paren = type.indexOf('(');
            return paren < 0 ? type : type.substring(0, paren);
        }
    }

    /** A generated column's expression and the type of its result. */
    record Generated(String expression, String type) {}

    /** An index expression and the (built-in) type of its result. */
    record IndexExpression(String expression, String type) {}

    private Expressions() {}

    /** Boolean expressions over {@code ref} (a column, perhaps qualified). */
    static List<String> predicates(ColumnType t, String ref) {
        List<String> all = new ArrayList<>();
        all.add("(" + ref + " IS NOT NULL)");
        switch (t.base()) {
            case "smallint", "integer", "bigint" -> {
                all.add("(" + ref + " > 0)");
                all.add("((" + ref + " >= 1) AND (" + ref + " <= 5))");
                all.add(ref + " IN (1, 2, 3)");
                all.add("COALESCE(" + ref + ", 0) >= 0");
                all.add(ref + "::bigint = ANY (ARRAY[1, 2])");
                all.add("abs(" + ref + ") < 100");
            }
            case "numeric" -> {
                all.add("(" + ref + " >= (0)::numeric)");
                all.add(ref + " IN (1.5, 2)");
                all.add("round(" + ref + ") >= 0");
            }
            case "real", "double precision" -> all.add("(" + ref + " > (0)::double precision)");
            case "text" -> {
                all.add("(" + ref + " <> ''::text)");
                all.add("(length(" + ref + ") < 100)");
                all.add("(" + ref + " ~~ 'a%'::text)");
                all.add(ref + " IN ('a', 'b')");
                all.add(ref + " = ANY (ARRAY['a', 'b'])");
                all.add("COALESCE(" + ref + ", '') <> 'x'");
            }
            case "varchar" -> {
                all.add("((" + ref + ")::text <> ''::text)");
                all.add("(length((" + ref + ")::text) < 100)");
                // As PostgreSQL prints "IN ('a', 'b')" on a varchar, and prints differently once that is applied.
                all.add("((" + ref + ")::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))");
                all.add(ref + " IN ('a', 'b')");
                all.add("COALESCE(" + ref + ", 'x') <> ''");
            }
            case "char" -> {
                all.add("(" + ref + " <> 'abc'::bpchar)");
                all.add(ref + " IN ('abc', 'def')");
            }
            case "boolean" -> {
                all.add(ref);
                all.add("(NOT " + ref + ")");
            }
            case "date" -> all.add("(" + ref + " > '2000-01-01'::date)");
            case "time" -> all.add("(" + ref + " > '01:00:00'::time without time zone)");
            case "timestamp" -> all.add("(" + ref + " > '2000-01-01 00:00:00'::timestamp without time zone)");
            // Printed in the session's zone: introspection reads in UTC.
            case "timestamptz" -> all.add("(" + ref + " > '2000-01-01 00:00:00+00'::timestamp with time zone)");
            case "interval" -> all.add("(" + ref + " > '00:00:00'::interval)");
            case "uuid" -> all.add("(" + ref + " <> '00000000-0000-0000-0000-000000000000'::uuid)");
            case "jsonb" -> {
                all.add("(" + ref + " <> 'null'::jsonb)");
                all.add("(jsonb_typeof(" + ref + ") <> 'null'::text)");
            }
            case "json" -> all.add("(json_typeof(" + ref + ") <> 'null'::text)");
            case "bytea" -> all.add("(octet_length(" + ref + ") < 100)");
            case "inet" -> all.add("(" + ref + " << '10.0.0.0/8'::inet)");
            case "array" -> {
                all.add("(cardinality(" + ref + ") < 10)");
                all.add("cardinality(" + ref + ") IN (1, 2)");
            }
            case "enum" -> {
                if (!t.labels().isEmpty()) {
                    all.add("(" + ref + " <> " + Sql.string(t.labels().get(0)) + "::" + t.enumCast() + ")");
                    all.add(ref + " IN (" + String.join(", ", t.labels().stream().limit(2).map(Sql::string).toList()) + ")");
                }
            }
            default -> { }
        }
        return all;
    }

    /** The variant-th predicate; for two columns, both joined by {@code OR} (as PostgreSQL parenthesises it). */
    static String predicate(List<ColumnType> types, List<String> refs, int variant) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            List<String> all = predicates(types.get(i), refs.get(i));
            parts.add(all.get(Math.floorMod(variant + i, all.size())));
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" OR ", parts) + ")";
    }

    /**
     * Stored generated columns over {@code ref}: immutable expressions (enum output is not, so enum
     * columns have only the type-independent one), each with the type it gives; the generated
     * column is declared with that type, which PostgreSQL then prints without a cast.
     */
    static List<Generated> generated(ColumnType t, String ref) {
        List<Generated> all = new ArrayList<>();
        all.add(new Generated("(" + ref + " IS NULL)", "boolean"));
        switch (t.base()) {
            case "smallint", "integer" -> {
                all.add(new Generated("(" + ref + " * 2)", "integer"));
                all.add(new Generated("(" + ref + " + 1)", "integer"));
                all.add(new Generated("COALESCE(" + ref + ", 0) + 1", "integer"));
                all.add(new Generated(ref + " IN (1, 2)", "boolean"));
            }
            case "bigint" -> all.add(new Generated("(" + ref + " * 2)", "bigint"));
            case "numeric" -> all.add(new Generated("(" + ref + " * (2)::numeric)", "numeric"));
            case "real", "double precision" -> all.add(new Generated("(" + ref + " * (2)::double precision)", "double precision"));
            case "text" -> {
                all.add(new Generated("lower(" + ref + ")", "text"));
                all.add(new Generated("(" + ref + " || 'x'::text)", "text"));
                all.add(new Generated("length(" + ref + ")", "integer"));
                all.add(new Generated("COALESCE(" + ref + ", '')", "text"));
                all.add(new Generated(ref + " IN ('a', 'b')", "boolean"));
            }
            case "varchar" -> {
                all.add(new Generated("lower((" + ref + ")::text)", "text"));
                all.add(new Generated("((" + ref + ")::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))",
                        "boolean"));
                all.add(new Generated(ref + "::text || 'x'", "text"));
            }
            case "char" -> all.add(new Generated("upper((" + ref + ")::text)", "text"));
            case "boolean" -> all.add(new Generated("(NOT " + ref + ")", "boolean"));
            case "date" -> all.add(new Generated("(" + ref + " + 1)", "date"));
            case "uuid" -> all.add(new Generated("(" + ref + ")::text", "text"));
            case "jsonb" -> all.add(new Generated("(" + ref + " -> 'a'::text)", "jsonb"));
            case "array" -> {
                if (!t.isEnum()) {
                    all.add(new Generated("cardinality(" + ref + ")", "integer"));
                }
            }
            default -> { }
        }
        return all;
    }

    /**
     * Index expressions over {@code ref}, as {@code pg_get_indexdef} prints a key: a function call
     * bare, anything else in a second pair of parentheses.
     */
    static List<IndexExpression> indexExpressions(ColumnType t, String ref) {
        List<IndexExpression> all = new ArrayList<>();
        all.add(new IndexExpression("((" + ref + " IS NULL))", "boolean"));
        switch (t.base()) {
            case "smallint", "integer" -> {
                all.add(new IndexExpression("((" + ref + " + 1))", "integer"));
                all.add(new IndexExpression("COALESCE(" + ref + ", 0)", "integer"));
            }
            case "bigint" -> all.add(new IndexExpression("((" + ref + " + 1))", "bigint"));
            case "text" -> {
                all.add(new IndexExpression("lower(" + ref + ")", "text"));
                all.add(new IndexExpression("md5(" + ref + ")", "text"));
                all.add(new IndexExpression("COALESCE(" + ref + ", '')", "text"));
            }
            case "varchar" -> {
                all.add(new IndexExpression("lower((" + ref + ")::text)", "text"));
                all.add(new IndexExpression(ref + " IN ('a', 'b')", "boolean"));
                all.add(new IndexExpression("upper(" + ref + ")", "text"));
            }
            case "char" -> all.add(new IndexExpression("upper((" + ref + ")::text)", "text"));
            case "jsonb" -> all.add(new IndexExpression("((" + ref + " -> 'a'::text))", "jsonb"));
            default -> { }
        }
        return all;
    }

    /** Kinds of operator class other than the default one. */
    enum Opclass { PATTERN, MINMAX_MULTI, BLOOM, JSONB_PATH, INET_GIST }

    /**
     * The operator class of a kind for a key of {@code type} under {@code method}, or null when there
     * is none (the key then has the default class).
     */
    static String opclass(Opclass kind, String type, TypeCatalog.Method method) {
        if (type.endsWith("[]")) {
            return null;
        }
        String base = type.contains("(") ? type.substring(0, type.indexOf('(')) : type;
        String short_ = switch (base) {
            case "smallint" -> "int2";
            case "integer" -> "int4";
            case "bigint" -> "int8";
            case "real" -> "float4";
            case "double precision" -> "float8";
            case "numeric", "date", "timestamp", "timestamptz", "uuid", "inet", "interval", "time" -> base;
            default -> null;
        };
        return switch (kind) {
            case PATTERN -> method != TypeCatalog.Method.BTREE ? null : switch (base) {
                case "text" -> "text_pattern_ops";
                case "varchar" -> "varchar_pattern_ops";
                case "char" -> "bpchar_pattern_ops";
                default -> null;
            };
            case MINMAX_MULTI -> method == TypeCatalog.Method.BRIN && short_ != null ? short_ + "_minmax_multi_ops" : null;
            case BLOOM -> method == TypeCatalog.Method.BRIN && short_ != null ? short_ + "_bloom_ops" : null;
            case JSONB_PATH -> method == TypeCatalog.Method.GIN && base.equals("jsonb") ? "jsonb_path_ops" : null;
            case INET_GIST -> method == TypeCatalog.Method.GIST && base.equals("inet") ? "inet_ops" : null;
        };
    }

    /** Storage parameters an index method takes, with values in the spelling the catalog keeps. */
    static List<String[]> indexParameters(TypeCatalog.Method method) {
        return switch (method) {
            case BTREE -> List.of(new String[] {"fillfactor", "70"}, new String[] {"fillfactor", "100"},
                    new String[] {"deduplicate_items", "off"});
            case HASH -> List.<String[]>of(new String[] {"fillfactor", "50"});
            case GIST -> List.of(new String[] {"fillfactor", "80"}, new String[] {"buffering", "on"});
            case SPGIST -> List.<String[]>of(new String[] {"fillfactor", "90"});
            case GIN -> List.of(new String[] {"fastupdate", "off"}, new String[] {"gin_pending_list_limit", "128"});
            case BRIN -> List.of(new String[] {"pages_per_range", "16"}, new String[] {"autosummarize", "on"});
        };
    }
}
