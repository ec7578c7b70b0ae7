package dev.sleet.kit.snapshot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Table inheritance ({@code INHERITS}) over a whole snapshot: the columns a table takes from its
 * parents, and orders in which parents come before their children.
 */
public final class InheritanceSnapshots {

    private InheritanceSnapshots() {}

    /**
     * The columns {@code table} takes from its parents (and theirs), in the order PostgreSQL gives
     * them: each parent's in turn, a name met again merged into the first. Parents missing from
     * {@code tables} give none.
     */
    public static Map<String, ColumnSnapshot> inheritedColumns(TableSnapshot table, Map<String, TableSnapshot> tables) {
        Map<String, ColumnSnapshot> columns = new LinkedHashMap<>();
        collect(table, tables, columns, new HashSet<>(), false);
        return columns;
    }

    /** Every column of {@code table}: the inherited ones, then its own; inherited ones it carries parts of are its entries. */
    public static Map<String, ColumnSnapshot> allColumns(TableSnapshot table, Map<String, TableSnapshot> tables) {
        Map<String, ColumnSnapshot> columns = new LinkedHashMap<>();
        collect(table, tables, columns, new HashSet<>(), true);
        return columns;
    }

    private static void collect(TableSnapshot table, Map<String, TableSnapshot> tables, Map<String, ColumnSnapshot> into,
                                Set<String> seen, boolean own) {
        if (!seen.add(table.key())) {
            return;
        }
        for (ParentSnapshot parent : table.inherits()) {
            TableSnapshot p = tables.get(parent.key());
            if (p != null) {
                collect(p, tables, into, seen, true);
            }
        }
        if (own) {
            for (ColumnSnapshot column : table.columns().values()) {
                if (!column.inherited() || !into.containsKey(column.name())) {
                    into.put(column.name(), column);
                }
            }
        }
    }

    /** How many generations of parents {@code key} has in {@code tables} (0 for a table that inherits from none). */
    public static int depth(String key, Map<String, TableSnapshot> tables) {
        return depth(key, tables, new HashSet<>());
    }

    private static int depth(String key, Map<String, TableSnapshot> tables, Set<String> seen) {
        TableSnapshot table = tables.get(key);
        if (table == null || !seen.add(key)) {
            return 0;
        }
        int depth = 0;
        for (ParentSnapshot parent : table.inherits()) {
            depth = Math.max(depth, 1 + depth(parent.key(), tables, seen));
        }
        return depth;
    }
}
