package dev.sleet.kit.property;

import dev.sleet.kit.property.SchemaDraft.ColumnDraft;
import dev.sleet.kit.property.SchemaDraft.ForeignKeyDraft;
import dev.sleet.kit.property.SchemaDraft.IndexDraft;
import dev.sleet.kit.property.SchemaDraft.KeyDraft;
import dev.sleet.kit.property.SchemaDraft.TableDraft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random edits of a schema, the kind a developer makes between two migrations: tables and columns
 * added and dropped, types changed along casts that always work, NOT NULL toggled, defaults
 * changed, serial switched on and off, keys, foreign keys and indexes added, dropped and changed.
 * After each edit the draft is {@linkplain SchemaDraft#repair() repaired}, so that an edit may
 * simply remove a column and let the keys over it go too.
 *
 * <p>Each edit is an {@link Edit} in {@link #EDITS}; an edit for a new kind of object goes there.
 */
final class SchemaEdits {

    /** One kind of edit; returns false when the draft offered nothing to apply it to. */
    interface Edit {
        boolean apply(SchemaDraft draft, Random random);
    }

    /** The edits with their weights. */
    static final Map<String, Edit> EDITS = Map.ofEntries(
            Map.entry("addTable", SchemaEdits::addTable),
            Map.entry("dropTable", SchemaEdits::dropTable),
            Map.entry("addColumn", SchemaEdits::addColumn),
            Map.entry("dropColumn", SchemaEdits::dropColumn),
            Map.entry("changeType", SchemaEdits::changeType),
            Map.entry("toggleNotNull", SchemaEdits::toggleNotNull),
            Map.entry("changeDefault", SchemaEdits::changeDefault),
            Map.entry("toggleSerial", SchemaEdits::toggleSerial),
            Map.entry("changePrimaryKey", SchemaEdits::changePrimaryKey),
            Map.entry("addUnique", SchemaEdits::addUnique),
            Map.entry("dropUnique", SchemaEdits::dropUnique),
            Map.entry("addForeignKey", SchemaEdits::addForeignKey),
            Map.entry("dropForeignKey", SchemaEdits::dropForeignKey),
            Map.entry("changeForeignKeyActions", SchemaEdits::changeForeignKeyActions),
            Map.entry("addIndex", SchemaEdits::addIndex),
            Map.entry("dropIndex", SchemaEdits::dropIndex),
            Map.entry("changeIndex", SchemaEdits::changeIndex));

    /** Edit names in a fixed order, so that a seed always picks the same edits. */
    private static final List<String> ORDER = EDITS.keySet().stream().sorted().toList();

    private SchemaEdits() {}

    static SchemaDraft apply(SchemaDraft from, EditRecipe recipe) {
        SchemaDraft draft = from.copy();
        Random random = new Random(recipe.seed());
        // Renames come first, so that they name objects of the first schema (as Renames must).
        for (int i = 0; i < recipe.renames(); i++) {
            if (random.nextBoolean()) {
                renameTable(draft, random);
            } else {
                renameColumn(draft, random);
            }
        }
        for (int done = 0, attempts = 0; done < recipe.count() && attempts < recipe.count() * 10; attempts++) {
            Edit edit = EDITS.get(ORDER.get(random.nextInt(ORDER.size())));
            if (edit.apply(draft, random)) {
                draft.repair();
                done++;
            }
        }
        return draft;
    }

    private static <T> T any(List<T> list, Random random) {
        return list.isEmpty() ? null : list.get(random.nextInt(list.size()));
    }

    private static TableDraft anyTable(SchemaDraft draft, Random random) {
        return any(draft.tableList(), random);
    }

    private static ColumnDraft anyColumn(TableDraft table, Random random) {
        return table == null ? null : any(table.columnList(), random);
    }

    // ---- tables and columns -------------------------------------------------------------------

    private static boolean addTable(SchemaDraft draft, Random random) {
        TableDraft table = SchemaGenerator.addTable(draft, random, 4);
        if (random.nextBoolean()) {
            SchemaGenerator.addPrimaryKey(draft, table, random);
        }
        if (random.nextBoolean()) {
            SchemaGenerator.addForeignKey(draft, table, random);
        }
        return true;
    }

    private static boolean dropTable(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        if (table == null) {
            return false;
        }
        draft.tables.remove(table.key());
        draft.retiredTables.add(table.key());
        return true;
    }

    private static boolean addColumn(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        if (table == null) {
            return false;
        }
        SchemaGenerator.addColumn(draft, table, random, TypeCatalog.random(random));
        return true;
    }

    private static boolean dropColumn(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        ColumnDraft column = anyColumn(table, random);
        if (column == null) {
            return false;
        }
        table.columns.remove(column.name);
        table.retiredColumns.add(column.name);
        return true;
    }

    /** A new type along a safe cast, for a column no foreign key uses; its default is drawn anew. */
    private static boolean changeType(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        ColumnDraft column = anyColumn(table, random);
        if (column == null || inForeignKey(draft, table, column.name)) {
            return false;
        }
        List<String> targets = TypeCatalog.safeCasts(column.type);
        if (targets.isEmpty()) {
            return false;
        }
        column.type = any(targets, random);
        if (!column.serial) {
            SchemaGenerator.randomDefault(column, random);
        }
        return true;
    }

    private static boolean toggleNotNull(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        ColumnDraft column = anyColumn(table, random);
        if (column == null || column.serial
                || table.primaryKey != null && table.primaryKey.columns().contains(column.name)) {
            return false;
        }
        column.notNull = !column.notNull;
        return true;
    }

    private static boolean changeDefault(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        ColumnDraft column = anyColumn(table, random);
        if (column == null || column.serial) {
            return false;
        }
        SchemaGenerator.randomDefault(column, random);
        return true;
    }

    private static boolean toggleSerial(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        ColumnDraft column = anyColumn(table, random);
        if (column == null || !column.spec().serialType() || inForeignKey(draft, table, column.name)) {
            return false;
        }
        if (column.serial) {
            column.serial = false;
            column.notNull = random.nextBoolean() || table.primaryKey != null && table.primaryKey.columns().contains(column.name);
        } else {
            if (!draft.sequenceFree(table, column.name)) {
                return false;
            }
            column.serial = true;
            column.notNull = true;
            column.clearDefault();
        }
        return true;
    }

    // ---- renames ------------------------------------------------------------------------------

    /** A table of the first schema renamed, with every foreign key that points at it. */
    private static void renameTable(SchemaDraft draft, Random random) {
        List<TableDraft> candidates = draft.tableList().stream()
                .filter(t -> !draft.tableRenames.containsValue(t.key())).toList();
        TableDraft table = any(candidates, random);
        if (table == null) {
            return;
        }
        java.util.Set<String> retired = new java.util.HashSet<>();
        draft.retiredTables.stream().filter(k -> k.startsWith(table.schema + "."))
                .forEach(k -> retired.add(k.substring(table.schema.length() + 1)));
        String name = draft.freshRelationName(random, table.schema, "r", retired);
        TableDraft renamed = table.renamed(name);
        table.columns.values().stream().filter(c -> c.serial)
                .forEach(c -> draft.reservedRelations.add(table.schema + "." + draft.sequenceName(table, c.name)));
        java.util.LinkedHashMap<String, TableDraft> tables = new java.util.LinkedHashMap<>();
        for (TableDraft t : draft.tables.values()) {
            TableDraft kept = t == table ? renamed : t;
            kept.foreignKeys.replaceAll((k, fk) -> fk.refKey().equals(table.key())
                    ? new ForeignKeyDraft(fk.name(), fk.columns(), fk.refSchema(), name, fk.refColumns(), fk.onDelete(), fk.onUpdate())
                    : fk);
            tables.put(kept.key(), kept);
        }
        draft.tables.clear();
        draft.tables.putAll(tables);
        draft.retiredTables.add(table.key());
        draft.tableRenames.put(table.key(), renamed.key());
        // Column renames are keyed by their table's new name.
        java.util.LinkedHashMap<String, String> columns = new java.util.LinkedHashMap<>();
        String oldPrefix = table.key() + ".";
        draft.columnRenames.forEach((k, v) -> columns.put(
                k.startsWith(oldPrefix) ? renamed.key() + "." + k.substring(oldPrefix.length()) : k,
                v.startsWith(oldPrefix) ? renamed.key() + "." + v.substring(oldPrefix.length()) : v));
        draft.columnRenames.clear();
        draft.columnRenames.putAll(columns);
    }

    /** A column of the first schema renamed, in the keys, indexes and foreign keys over it. */
    private static void renameColumn(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        List<ColumnDraft> candidates = table == null ? List.of() : table.columnList().stream()
                .filter(c -> !draft.columnRenames.containsValue(table.key() + "." + c.name)).toList();
        ColumnDraft column = any(candidates, random);
        if (column == null) {
            return;
        }
        String name = draft.freshColumnName(random, table, "r");
        if (column.serial) {
            draft.reservedRelations.add(table.schema + "." + draft.sequenceName(table, column.name));
        }
        table.renameColumn(column.name, name);
        for (TableDraft t : draft.tables.values()) {
            t.foreignKeys.replaceAll((k, fk) -> fk.refKey().equals(table.key())
                    ? new ForeignKeyDraft(fk.name(), fk.columns(), fk.refSchema(), fk.refTable(),
                            fk.refColumns().stream().map(c -> c.equals(column.name) ? name : c).toList(), fk.onDelete(), fk.onUpdate())
                    : fk);
        }
        table.retiredColumns.add(column.name);
        draft.columnRenames.put(table.key() + "." + column.name, table.key() + "." + name);
    }

    // ---- keys ---------------------------------------------------------------------------------

    private static boolean changePrimaryKey(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        if (table == null) {
            return false;
        }
        KeyDraft before = table.primaryKey;
        table.primaryKey = null;
        if (before == null || random.nextBoolean()) {
            SchemaGenerator.addPrimaryKey(draft, table, random);
        }
        return before != null || table.primaryKey != null;
    }

    private static boolean addUnique(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        if (table == null) {
            return false;
        }
        int before = table.uniques.size();
        SchemaGenerator.addUnique(draft, table, random);
        return table.uniques.size() > before;
    }

    private static boolean dropUnique(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        KeyDraft unique = table == null ? null : any(new ArrayList<>(table.uniques.values()), random);
        return unique != null && table.uniques.remove(unique.name()) != null;
    }

    // ---- foreign keys -------------------------------------------------------------------------

    private static boolean addForeignKey(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        if (table == null) {
            return false;
        }
        int before = table.foreignKeys.size();
        SchemaGenerator.addForeignKey(draft, table, random);
        return table.foreignKeys.size() > before;
    }

    private static boolean dropForeignKey(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        ForeignKeyDraft fk = table == null ? null : any(new ArrayList<>(table.foreignKeys.values()), random);
        return fk != null && table.foreignKeys.remove(fk.name()) != null;
    }

    private static boolean changeForeignKeyActions(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        ForeignKeyDraft fk = table == null ? null : any(new ArrayList<>(table.foreignKeys.values()), random);
        if (fk == null) {
            return false;
        }
        String[] actions = SchemaGenerator.ACTIONS;
        table.foreignKeys.put(fk.name(), new ForeignKeyDraft(fk.name(), fk.columns(), fk.refSchema(), fk.refTable(),
                fk.refColumns(), actions[random.nextInt(actions.length)], actions[random.nextInt(actions.length)]));
        return true;
    }

    private static boolean inForeignKey(SchemaDraft draft, TableDraft table, String column) {
        for (TableDraft other : draft.tables.values()) {
            for (ForeignKeyDraft fk : other.foreignKeys.values()) {
                if (other == table && fk.columns().contains(column)
                        || fk.refKey().equals(table.key()) && fk.refColumns().contains(column)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- indexes ------------------------------------------------------------------------------

    private static boolean addIndex(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        if (table == null) {
            return false;
        }
        int before = table.indexes.size();
        SchemaGenerator.addIndex(draft, table, random);
        return table.indexes.size() > before;
    }

    private static boolean dropIndex(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        IndexDraft index = table == null ? null : any(new ArrayList<>(table.indexes.values()), random);
        return index != null && table.indexes.remove(index.name()) != null;
    }

    /** The same index name over other columns, or with another method or uniqueness. */
    private static boolean changeIndex(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        IndexDraft index = table == null ? null : any(new ArrayList<>(table.indexes.values()), random);
        if (index == null) {
            return false;
        }
        table.indexes.remove(index.name());
        int before = table.indexes.size();
        SchemaGenerator.addIndex(draft, table, random);
        if (table.indexes.size() == before) {
            return true; // nothing valid to index any more: the index is just dropped
        }
        // addIndex picked a fresh name for the index it added last: give it the old one.
        IndexDraft added = null;
        for (IndexDraft candidate : table.indexes.values()) {
            added = candidate;
        }
        table.indexes.remove(added.name());
        table.indexes.put(index.name(), new IndexDraft(index.name(), added.columns(), added.unique(), added.method()));
        return true;
    }
}
