package dev.sleet.kit.postgres;

import dev.sleet.kit.snapshot.RoutineSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TriggerSnapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads functions, procedures, aggregates and triggers, and the edges of {@code pg_depend} that
 * tell which tables, views and routines a routine needs before it can be created (its argument and
 * result row types, what a {@code BEGIN ATOMIC} body reads, an aggregate's functions). Runs inside
 * the introspector's read-only transaction, with its search path ({@code public}).
 */
final class PostgresRoutines {

    /**
     * Functions and procedures (not aggregates), not those of an extension, nor those PostgreSQL
     * makes itself with a type (a range type's and its multirange's constructors, which depend on
     * the type with deptype 'i' and come back when the type is created).
     */
    private static final String ROUTINES = """
            SELECT p.oid, pg_get_functiondef(p.oid), obj_description(p.oid, 'pg_proc')
              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = ANY (?) AND p.prokind IN ('f', 'p', 'w')
               AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype IN ('e', 'i'))
             ORDER BY n.nspname, p.proname, p.oid
            """;

    /**
     * Aggregates with what {@code CREATE AGGREGATE} needs; function names as {@code regproc} prints
     * them (qualified where the search path would not find them).
     */
    private static final String AGGREGATES = """
            SELECT p.oid, quote_ident(n.nspname) || '.' || quote_ident(p.proname), pg_get_function_arguments(p.oid),
                   a.aggkind, a.aggtransfn::regproc::text, format_type(a.aggtranstype, NULL), a.aggtransspace,
                   NULLIF(a.aggfinalfn, 0)::regproc::text, a.aggfinalextra, a.aggfinalmodify,
                   NULLIF(a.aggcombinefn, 0)::regproc::text, NULLIF(a.aggserialfn, 0)::regproc::text,
                   NULLIF(a.aggdeserialfn, 0)::regproc::text, a.agginitval,
                   NULLIF(a.aggmtransfn, 0)::regproc::text, NULLIF(a.aggminvtransfn, 0)::regproc::text,
                   CASE WHEN a.aggmtranstype <> 0 THEN format_type(a.aggmtranstype, NULL) END, a.aggmtransspace,
                   NULLIF(a.aggmfinalfn, 0)::regproc::text, a.aggmfinalextra, a.aggmfinalmodify, a.aggminitval,
                   NULLIF(a.aggsortop, 0)::regoper::text, p.proparallel, obj_description(p.oid, 'pg_proc')
              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              JOIN pg_aggregate a ON a.aggfnoid = p.oid
             WHERE n.nspname = ANY (?) AND p.prokind = 'a'
               AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
             ORDER BY n.nspname, p.proname, p.oid
            """;

    /**
     * What each routine depends on: a relation directly (a {@code BEGIN ATOMIC} body) or through its
     * row type (or an array of it), or another routine.
     */
    private static final String DEPENDENCIES = """
            SELECT d.objid,
                   COALESCE(rn.nspname, tn.nspname) AS rel_schema, COALESCE(r.relname, tr.relname) AS rel_name,
                   CASE WHEN d.refclassid = 'pg_proc'::regclass THEN d.refobjid END AS ref_routine
              FROM pg_depend d
              LEFT JOIN pg_class r ON d.refclassid = 'pg_class'::regclass AND r.oid = d.refobjid AND r.relkind IN ('r', 'p', 'v', 'm')
              LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
              LEFT JOIN pg_type t ON d.refclassid = 'pg_type'::regclass AND t.oid = d.refobjid
              LEFT JOIN pg_type et ON et.oid = CASE WHEN t.typelem <> 0 AND t.typcategory = 'A' THEN t.typelem ELSE t.oid END
              LEFT JOIN pg_class tr ON tr.oid = et.typrelid AND tr.relkind IN ('r', 'p', 'v', 'm')
              LEFT JOIN pg_namespace tn ON tn.oid = tr.relnamespace
             WHERE d.classid = 'pg_proc'::regclass AND d.objid = ANY (?) AND d.deptype = 'n'
            """;

    /** Triggers on tables the introspector reads; not those PostgreSQL makes (keys) or clones onto partitions. */
    private static final String TRIGGERS = """
            SELECT n.nspname, c.relname, t.tgname, pg_get_triggerdef(t.oid), t.tgenabled, c.relkind
              FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = ANY (?) AND NOT t.tgisinternal AND t.tgparentid = 0
               AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
             ORDER BY n.nspname, c.relname, t.tgname
            """;

    /** What was read: routines by key, and triggers by the key of their table or view. */
    record Result(SortedMap<String, RoutineSnapshot> routines, Map<String, SortedMap<String, TriggerSnapshot>> triggers) {}

    private PostgresRoutines() {}

    /**
     * @param relations the keys of the tables and views read, which dependencies may name
     * @param warnings  where what cannot be kept is said
     */
    static Result read(Connection connection, List<String> schemas, Set<String> relations, List<String> warnings)
            throws SQLException {
        Map<Long, String> definitions = new HashMap<>();
        Map<Long, String> comments = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement(ROUTINES)) {
            st.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    definitions.put(rs.getLong(1), rs.getString(2));
                    comments.put(rs.getLong(1), rs.getString(3));
                }
            }
        }
        try (PreparedStatement st = connection.prepareStatement(AGGREGATES)) {
            st.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    definitions.put(rs.getLong(1), aggregate(rs));
                    comments.put(rs.getLong(1), rs.getString(25));
                }
            }
        }
        Map<Long, String> keys = new HashMap<>();
        Map<Long, RoutineSnapshot> routines = new HashMap<>();
        for (Map.Entry<Long, String> entry : definitions.entrySet()) {
            RoutineSnapshot routine = RoutineSnapshot.of(entry.getValue(), null).withComment(comments.get(entry.getKey()));
            routines.put(entry.getKey(), routine);
            keys.put(entry.getKey(), routine.key());
        }
        Map<Long, SortedSet<String>> dependsOn = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement(DEPENDENCIES)) {
            st.setArray(1, connection.createArrayOf("bigint", routines.keySet().toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long oid = rs.getLong(1);
                    String relation = rs.getString(3) == null ? null : Snapshot.key(rs.getString(2), rs.getString(3));
                    long ref = rs.getLong(4);
                    String target = relation != null && relations.contains(relation) ? relation
                            : !rs.wasNull() && ref != oid ? keys.get(ref) : null;
                    if (target != null) {
                        dependsOn.computeIfAbsent(oid, k -> new TreeSet<>()).add(target);
                    }
                }
            }
        }
        SortedMap<String, RoutineSnapshot> result = new TreeMap<>();
        routines.forEach((oid, routine) -> result.put(routine.key(),
                routine.withDependsOn(dependsOn.getOrDefault(oid, new TreeSet<>()))));
        Map<String, SortedMap<String, TriggerSnapshot>> triggers = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement(TRIGGERS)) {
            st.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String table = Snapshot.key(rs.getString(1), rs.getString(2));
                    if (!relations.contains(table) || !List.of("r", "p", "v").contains(rs.getString(6))) {
                        warnings.add("Trigger " + rs.getString(3) + " on " + table + " is on a relation Sleet does"
                                + " not read, which this version cannot declare; it was left out");
                        continue;
                    }
                    TriggerSnapshot trigger = new TriggerSnapshot(rs.getString(3), rs.getString(4), rs.getString(5));
                    triggers.computeIfAbsent(table, k -> new TreeMap<>()).put(trigger.name(), trigger);
                }
            }
        }
        return new Result(result, triggers);
    }

    /** {@code CREATE AGGREGATE}, options in one fixed order, those at their defaults left out. */
    private static String aggregate(ResultSet rs) throws SQLException {
        String kind = rs.getString(4);
        List<String> options = new ArrayList<>();
        options.add("SFUNC = " + rs.getString(5));
        options.add("STYPE = " + rs.getString(6));
        if (rs.getInt(7) != 0) {
            options.add("SSPACE = " + rs.getInt(7));
        }
        if (rs.getString(8) != null) {
            options.add("FINALFUNC = " + rs.getString(8));
        }
        if (rs.getBoolean(9)) {
            options.add("FINALFUNC_EXTRA");
        }
        // A plain aggregate's final function reads its state by default; an ordered-set one may write it.
        String defaultModify = kind.equals("n") ? "r" : "w";
        if (!rs.getString(10).equals(defaultModify)) {
            options.add("FINALFUNC_MODIFY = " + modify(rs.getString(10)));
        }
        if (rs.getString(11) != null) {
            options.add("COMBINEFUNC = " + rs.getString(11));
        }
        if (rs.getString(12) != null) {
            options.add("SERIALFUNC = " + rs.getString(12));
        }
        if (rs.getString(13) != null) {
            options.add("DESERIALFUNC = " + rs.getString(13));
        }
        if (rs.getString(14) != null) {
            options.add("INITCOND = " + PostgresNames.stringLiteral(rs.getString(14)));
        }
        if (rs.getString(15) != null) {
            options.add("MSFUNC = " + rs.getString(15));
            options.add("MINVFUNC = " + rs.getString(16));
            options.add("MSTYPE = " + rs.getString(17));
            if (rs.getInt(18) != 0) {
                options.add("MSSPACE = " + rs.getInt(18));
            }
            if (rs.getString(19) != null) {
                options.add("MFINALFUNC = " + rs.getString(19));
            }
            if (rs.getBoolean(20)) {
                options.add("MFINALFUNC_EXTRA");
            }
            if (!rs.getString(21).equals(defaultModify)) {
                options.add("MFINALFUNC_MODIFY = " + modify(rs.getString(21)));
            }
            if (rs.getString(22) != null) {
                options.add("MINITCOND = " + PostgresNames.stringLiteral(rs.getString(22)));
            }
        }
        if (rs.getString(23) != null) {
            options.add("SORTOP = " + rs.getString(23));
        }
        String parallel = rs.getString(24);
        if (!parallel.equals("u")) {
            options.add("PARALLEL = " + (parallel.equals("s") ? "SAFE" : "RESTRICTED"));
        }
        if (kind.equals("h")) {
            options.add("HYPOTHETICAL");
        }
        // An aggregate over no arguments is declared (and dropped, and commented on) with (*).
        String arguments = rs.getString(3).isEmpty() && kind.equals("n") ? "*" : rs.getString(3);
        return "CREATE AGGREGATE " + rs.getString(2) + "(" + arguments + ") (\n    "
                + String.join(",\n    ", options) + "\n)";
    }

    private static String modify(String code) {
        return switch (code) {
            case "r" -> "READ_ONLY";
            case "s" -> "SHAREABLE";
            default -> "READ_WRITE";
        };
    }
}
