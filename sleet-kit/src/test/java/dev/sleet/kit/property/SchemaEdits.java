package dev.sleet.kit.property;

import dev.sleet.kit.property.SchemaDraft.CheckDraft;
import dev.sleet.kit.property.SchemaDraft.ColumnDraft;
import dev.sleet.kit.property.SchemaDraft.EnumDraft;
import dev.sleet.kit.property.SchemaDraft.ForeignKeyDraft;
import dev.sleet.kit.property.SchemaDraft.IdentityDraft;
import dev.sleet.kit.property.SchemaDraft.IndexDraft;
import dev.sleet.kit.property.SchemaDraft.KeyDraft;
import dev.sleet.kit.property.SchemaDraft.PolicyDraft;
import dev.sleet.kit.property.SchemaDraft.RoleDraft;
import dev.sleet.kit.property.SchemaDraft.SequenceDraft;
import dev.sleet.kit.property.SchemaDraft.TableDraft;
import dev.sleet.kit.property.SchemaDraft.ViewDraft;
import dev.sleet.kit.property.SchemaDraft.ViewItem;
import dev.sleet.kit.snapshot.IdentitySnapshot;
import dev.sleet.kit.snapshot.SequenceSnapshot;
import dev.sleet.schema.SequenceOptions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.sleet.kit.property.SchemaGenerator.any;
import static dev.sleet.kit.property.SchemaGenerator.pick;

/**
 * Random edits of a schema, the kind a developer makes between two migrations: tables, columns,
 * enum types and labels, sequences, views, policies and roles added, dropped and changed; types
 * changed along casts that work on an empty table (some only with USING); NOT NULL, defaults,
 * serial, identity and generation switched; keys, checks, foreign keys and indexes added, dropped
 * and changed; row-level security and comments set. After each edit the draft is
 * {@linkplain SchemaDraft#repair() repaired}, so that an edit may simply remove a column and let
 * what stood on it go too.
 *
 * <p>Each edit is an {@link Edit} in {@link #EDITS}; an edit for a new kind of object goes there.
 */
final class SchemaEdits {

    /** One kind of edit; returns false when the draft offered nothing to apply it to. */
    interface Edit {
        boolean apply(SchemaDraft draft, Random random);
    }

    static final Map<String, Edit> EDITS = Map.ofEntries(
            Map.entry("addTable", SchemaEdits::addTable),
            Map.entry("dropTable", SchemaEdits::dropTable),
            Map.entry("addColumn", SchemaEdits::addColumn),
            Map.entry("dropColumn", SchemaEdits::dropColumn),
            Map.entry("changeType", SchemaEdits::changeType),
            Map.entry("changeKeyType", SchemaEdits::changeKeyType),
            Map.entry("toggleNotNull", SchemaEdits::toggleNotNull),
            Map.entry("changeDefault", SchemaEdits::changeDefault),
            Map.entry("toggleSerial", SchemaEdits::toggleSerial),
            Map.entry("toggleIdentity", SchemaEdits::toggleIdentity),
            Map.entry("changeIdentity", SchemaEdits::changeIdentity),
            Map.entry("addGenerated", SchemaEdits::addGenerated),
            Map.entry("dropExpression", SchemaEdits::dropExpression),
            Map.entry("changePrimaryKey", SchemaEdits::changePrimaryKey),
            Map.entry("addUnique", SchemaEdits::addUnique),
            Map.entry("dropUnique", SchemaEdits::dropUnique),
            Map.entry("toggleNullsNotDistinct", SchemaEdits::toggleNullsNotDistinct),
            Map.entry("addCheck", SchemaEdits::addCheck),
            Map.entry("dropCheck", SchemaEdits::dropCheck),
            Map.entry("changeCheck", SchemaEdits::changeCheck),
            Map.entry("addForeignKey", SchemaEdits::addForeignKey),
            Map.entry("dropForeignKey", SchemaEdits::dropForeignKey),
            Map.entry("changeForeignKeyActions", SchemaEdits::changeForeignKeyActions),
            Map.entry("addIndex", SchemaEdits::addIndex),
            Map.entry("dropIndex", SchemaEdits::dropIndex),
            Map.entry("changeIndex", SchemaEdits::changeIndex),
            Map.entry("addEnum", SchemaEdits::addEnum),
            Map.entry("dropEnum", SchemaEdits::dropEnum),
            Map.entry("addEnumValue", SchemaEdits::addEnumValue),
            Map.entry("removeEnumValue", SchemaEdits::removeEnumValue),
            Map.entry("reorderEnum", SchemaEdits::reorderEnum),
            Map.entry("addSequence", SchemaEdits::addSequence),
            Map.entry("dropSequence", SchemaEdits::dropSequence),
            Map.entry("alterSequence", SchemaEdits::alterSequence),
            Map.entry("addView", SchemaEdits::addView),
            Map.entry("dropView", SchemaEdits::dropView),
            Map.entry("changeView", SchemaEdits::changeView),
            Map.entry("toggleRowLevelSecurity", SchemaEdits::toggleRowLevelSecurity),
            Map.entry("addPolicy", SchemaEdits::addPolicy),
            Map.entry("dropPolicy", SchemaEdits::dropPolicy),
            Map.entry("changePolicy", SchemaEdits::changePolicy),
            Map.entry("addRole", SchemaEdits::addRole),
            Map.entry("dropRole", SchemaEdits::dropRole),
            Map.entry("alterRole", SchemaEdits::alterRole),
            Map.entry("changeComment", SchemaEdits::changeComment));

    /** Whether edits rename schemas (carrying their enum types, sequences and views with them). */
    static final boolean SCHEMA_RENAMES = true;

    /** Edit names in a fixed order, so that a seed always picks the same edits. */
    private static final List<String> ORDER = EDITS.keySet().stream().sorted().toList();

    private SchemaEdits() {}

    static SchemaDraft apply(SchemaDraft from, EditRecipe recipe) {
        SchemaDraft draft = from.copy();
        draft.features = SchemaGenerator.MAX_FEATURES;
        for (TableDraft table : draft.tables.values()) {
            for (ColumnDraft column : table.columns.values()) {
                column.databaseType = column.type;
                column.databaseEnumKey = column.enumKey;
                if (column.identity != null) {
                    column.databaseIdentityValue = IdentitySnapshot.of(IdentitySnapshot.ALWAYS, column.type,
                            column.identity.options()).start();
                    column.identity = new IdentityDraft(column.identity.always(), column.identity.options(),
                            column.databaseIdentityValue);
                }
            }
        }
        Random random = new Random(recipe.seed());
        // Renames come first, so that they name objects of the first schema (as Renames must); schemas
        // before tables and columns, which Renames names in their schema's new name.
        for (int i = 0; i < recipe.renames(); i++) {
            if (random.nextInt(4) == 0 && SCHEMA_RENAMES) {
                renameSchema(draft, random);
            }
        }
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
        SchemaGenerator.addColumn(draft, table, random);
        return true;
    }

    /** Drops a column; generated columns over it go too, or (by repair) become plain columns. */
    private static boolean dropColumn(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        ColumnDraft column = anyColumn(table, random);
        if (column == null) {
            return false;
        }
        table.columns.remove(column.name);
        table.retiredColumns.add(column.name);
        if (random.nextBoolean()) {
            for (ColumnDraft other : table.columnList()) {
                if (other.generated != null && other.generated.source().equals(column.name)) {
                    table.columns.remove(other.name);
                    table.retiredColumns.add(other.name);
                }
            }
        }
        return true;
    }

    /**
     * A new type along a cast that works on an empty table (within a type family, or across with
     * USING: to and from text, to and from enum types, between a value and an array), for a column no
     * foreign key uses; its default is drawn anew.
     */
    private static boolean changeType(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        ColumnDraft column = anyColumn(table, random);
        if (column == null || column.generated != null || inForeignKey(draft, table, column.name)) {
            return false;
        }
        // Casts go from the type the database has, whatever earlier edits made of the column.
        String type = column.databaseType != null ? column.databaseType : column.type;
        String enumKey = column.databaseType != null ? column.databaseEnumKey : column.enumKey;
        boolean array = type.endsWith("[]");
        List<String> targets = new ArrayList<>();
        List<EnumDraft> enumTargets = new ArrayList<>();
        if (enumKey != null) {
            targets.addAll(array ? List.of("text[]") : List.of("text", "varchar"));
            draft.enums.values().stream().filter(e -> !e.key().equals(enumKey)).forEach(enumTargets::add);
        } else {
            targets.addAll(TypeCatalog.safeCasts(type));
            if (TypeCatalog.textual(type) || type.equals("text[]")) {
                enumTargets.addAll(draft.enums.values());
            }
        }
        int choice = random.nextInt(targets.size() + enumTargets.size() + 1) - 1;
        if (choice < 0) {
            return false;
        }
        if (choice < targets.size()) {
            column.type = targets.get(choice);
            column.enumKey = null;
        } else {
            SchemaDraft.setEnumType(column, enumTargets.get(choice - targets.size()), array);
        }
        // The old default is of the old type: repair settles serial and identity, then a new default is drawn.
        column.clearDefault();
        draft.repair();
        if (column.plain()) {
            SchemaGenerator.randomDefault(draft, column, random);
        }
        return true;
    }

    /**
     * A referenced key column and every column a foreign key links to it (directly or through other
     * foreign keys) change type together, along a cast that works on an empty table.
     */
    private static boolean changeKeyType(SchemaDraft draft, Random random) {
        List<String[]> references = new ArrayList<>();
        for (TableDraft table : draft.tables.values()) {
            for (ForeignKeyDraft fk : table.foreignKeys.values()) {
                for (int i = 0; i < fk.columns().size(); i++) {
                    references.add(new String[] {fk.refKey(), fk.refColumns().get(i)});
                }
            }
        }
        String[] start = any(references, random);
        if (start == null) {
            return false;
        }
        // The columns linked to the start by foreign keys, as table key and column name.
        java.util.Set<List<String>> linked = new java.util.LinkedHashSet<>();
        linked.add(List.of(start[0], start[1]));
        for (boolean grew = true; grew; ) {
            grew = false;
            for (TableDraft table : draft.tables.values()) {
                for (ForeignKeyDraft fk : table.foreignKeys.values()) {
                    for (int i = 0; i < fk.columns().size(); i++) {
                        List<String> from = List.of(table.key(), fk.columns().get(i));
                        List<String> to = List.of(fk.refKey(), fk.refColumns().get(i));
                        if (linked.contains(from) != linked.contains(to)) {
                            linked.add(from);
                            linked.add(to);
                            grew = true;
                        }
                    }
                }
            }
        }
        List<ColumnDraft> columns = linked.stream().map(k -> draft.tables.get(k.get(0)).columns.get(k.get(1))).toList();
        ColumnDraft first = columns.get(0);
        String type = first.databaseType != null ? first.databaseType : first.type;
        // Casts go from the type the database has: the columns must all have it there.
        if (first.isEnum() || first.databaseEnumKey != null || columns.stream().anyMatch(c -> c.generated != null
                || c.databaseType != null && (!c.databaseType.equals(type) || c.databaseEnumKey != null))) {
            return false;
        }
        List<String> targets = TypeCatalog.safeCasts(type).stream()
                .filter(t -> TypeCatalog.spec(t).keyable() && TypeCatalog.referenceable(t)).toList();
        String target = any(targets, random);
        if (target == null) {
            return false;
        }
        for (ColumnDraft column : columns) {
            column.type = target;
            column.clearDefault();
        }
        draft.repair();
        for (ColumnDraft column : columns) {
            if (column.plain()) {
                SchemaGenerator.randomDefault(draft, column, random);
            }
        }
        return true;
    }

    private static boolean toggleNotNull(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        ColumnDraft column = anyColumn(table, random);
        if (column == null || column.serial || column.identity != null
                || table.primaryKey != null && table.primaryKey.columns().contains(column.name)) {
            return false;
        }
        column.notNull = !column.notNull;
        return true;
    }

    private static boolean changeDefault(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        ColumnDraft column = anyColumn(table, random);
        if (column == null || !column.plain()) {
            return false;
        }
        SchemaGenerator.randomDefault(draft, column, random);
        return true;
    }

    private static boolean toggleSerial(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        ColumnDraft column = anyColumn(table, random);
        if (column == null || column.isEnum() || !column.spec().serialType() || column.identity != null
                || column.generated != null || inForeignKey(draft, table, column.name)) {
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

    /** Makes an integer column an identity column, or one no longer (it stays NOT NULL unless that changes too). */
    private static boolean toggleIdentity(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        ColumnDraft column = anyColumn(table, random);
        if (column == null || column.isEnum() || !column.spec().serialType() || column.serial || column.generated != null) {
            return false;
        }
        if (column.identity != null) {
            column.identity = null;
            if (random.nextBoolean() && (table.primaryKey == null || !table.primaryKey.columns().contains(column.name))) {
                column.notNull = false;
            }
        } else {
            if (!draft.sequenceFree(table, column.name)) {
                return false;
            }
            // An identity dropped and added again in one migration is, to the differ, the same one changed.
            column.identity = new IdentityDraft(random.nextBoolean(),
                    SchemaGenerator.randomOptions(random, column.type, column.databaseIdentityValue), column.databaseIdentityValue);
            column.notNull = true;
            column.clearDefault();
        }
        return true;
    }

    /** ALWAYS and BY DEFAULT swapped, or other sequence options (keeping the sequence's value in bounds). */
    private static boolean changeIdentity(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        ColumnDraft column = anyColumn(table, random);
        if (column == null || column.identity == null) {
            return false;
        }
        if (random.nextBoolean()) {
            column.identity = new IdentityDraft(!column.identity.always(), column.identity.options());
        } else {
            long current = column.identity.current() != null ? column.identity.current()
                    : IdentitySnapshot.of(IdentitySnapshot.ALWAYS, column.type, column.identity.options()).start();
            column.identity = new IdentityDraft(column.identity.always(),
                    SchemaGenerator.randomOptions(random, column.type, current), current);
        }
        return true;
    }

    private static boolean addGenerated(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        if (table == null || table.columns.values().stream().allMatch(c -> c.generated != null)) {
            return false;
        }
        SchemaGenerator.addGenerated(draft, table, random);
        return true;
    }

    /** A generated column becomes a plain one (DROP EXPRESSION). */
    private static boolean dropExpression(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        ColumnDraft column = table == null ? null
                : any(table.columns.values().stream().filter(c -> c.generated != null).toList(), random);
        if (column == null) {
            return false;
        }
        column.generated = null;
        return true;
    }

    // ---- renames ------------------------------------------------------------------------------

    /** A schema besides public renamed, with everything in it and everything that names it. */
    private static void renameSchema(SchemaDraft draft, Random random) {
        java.util.Set<String> used = new java.util.TreeSet<>();
        draft.tables.values().forEach(t -> used.add(t.schema));
        draft.enums.values().forEach(e -> used.add(e.schema));
        draft.sequences.values().forEach(q -> used.add(q.schema()));
        draft.views.values().forEach(v -> used.add(v.schema));
        String from = any(draft.otherSchemas.stream().filter(s -> used.contains(s) && !draft.schemaRenames.containsValue(s))
                .toList(), random);
        if (from == null) {
            return;
        }
        String to = null;
        for (int i = 0; to == null; i++) {
            String name = i < 20 ? draft.names.next(random, "s") : "s_" + i;
            if (!name.equals(SchemaDraft.PUBLIC) && !name.startsWith("pg_") && !name.equals("information_schema")
                    && !name.equals("sleet") && !draft.otherSchemas.contains(name) && !draft.schemaRenames.containsKey(name)) {
                to = name;
            }
        }
        String target = to;
        String prefix = from + ".";
        java.util.function.UnaryOperator<String> move = key -> key.startsWith(prefix) ? target + "." + key.substring(prefix.length()) : key;
        LinkedHashMap<String, TableDraft> tables = new LinkedHashMap<>();
        for (TableDraft t : draft.tables.values()) {
            TableDraft kept = t.schema.equals(from) ? t.moved(target, t.name) : t;
            kept.foreignKeys.replaceAll((k, fk) -> fk.refSchema().equals(from)
                    ? new ForeignKeyDraft(fk.name(), fk.columns(), target, fk.refTable(), fk.refColumns(), fk.onDelete(), fk.onUpdate())
                    : fk);
            for (ColumnDraft column : kept.columns.values()) {
                column.enumKey = column.enumKey == null ? null : move.apply(column.enumKey);
                column.databaseEnumKey = column.databaseEnumKey == null ? null : move.apply(column.databaseEnumKey);
                column.defaultSequence = column.defaultSequence == null ? null : move.apply(column.defaultSequence);
            }
            tables.put(kept.key(), kept);
        }
        draft.tables.clear();
        draft.tables.putAll(tables);
        LinkedHashMap<String, EnumDraft> enums = new LinkedHashMap<>();
        draft.enums.values().forEach(e -> {
            EnumDraft kept = e.schema.equals(from) ? new EnumDraft(target, e.name, e.values) : e;
            enums.put(kept.key(), kept);
        });
        draft.enums.clear();
        draft.enums.putAll(enums);
        LinkedHashMap<String, SequenceDraft> sequences = new LinkedHashMap<>();
        draft.sequences.values().forEach(q -> {
            SequenceDraft kept = q.schema().equals(from) ? new SequenceDraft(target, q.name(), q.type(), q.options(), q.current()) : q;
            sequences.put(kept.key(), kept);
        });
        draft.sequences.clear();
        draft.sequences.putAll(sequences);
        LinkedHashMap<String, ViewDraft> views = new LinkedHashMap<>();
        draft.views.values().forEach(v -> {
            ViewDraft kept = v.schema.equals(from) ? v.moved(target) : v;
            kept.sources.replaceAll(move);
            views.put(kept.key(), kept);
        });
        draft.views.clear();
        draft.views.putAll(views);
        java.util.List<String> reserved = draft.reservedRelations.stream().map(move).toList();
        draft.reservedRelations.clear();
        draft.reservedRelations.addAll(reserved);
        java.util.List<String> retired = draft.retiredTables.stream().map(move).toList();
        draft.retiredTables.clear();
        draft.retiredTables.addAll(retired);
        draft.otherSchemas.replaceAll(s -> s.equals(from) ? target : s);
        draft.schemaRenames.put(from, target);
    }

    /** A table of the first schema renamed, with every foreign key and view that points at it. */
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
        table.columns.values().stream().filter(c -> c.serial || c.identity != null)
                .forEach(c -> draft.reservedRelations.add(table.schema + "." + draft.sequenceName(table, c.name)));
        LinkedHashMap<String, TableDraft> tables = new LinkedHashMap<>();
        for (TableDraft t : draft.tables.values()) {
            TableDraft kept = t == table ? renamed : t;
            kept.foreignKeys.replaceAll((k, fk) -> fk.refKey().equals(table.key())
                    ? new ForeignKeyDraft(fk.name(), fk.columns(), fk.refSchema(), name, fk.refColumns(), fk.onDelete(), fk.onUpdate())
                    : fk);
            tables.put(kept.key(), kept);
        }
        draft.tables.clear();
        draft.tables.putAll(tables);
        for (ViewDraft view : draft.views.values()) {
            view.sources.replaceAll(k -> k.equals(table.key()) ? renamed.key() : k);
        }
        draft.retiredTables.add(table.key());
        draft.tableRenames.put(table.key(), renamed.key());
        // Column renames are keyed by their table's new name.
        LinkedHashMap<String, String> columns = new LinkedHashMap<>();
        String oldPrefix = table.key() + ".";
        draft.columnRenames.forEach((k, v) -> columns.put(
                k.startsWith(oldPrefix) ? renamed.key() + "." + k.substring(oldPrefix.length()) : k,
                v.startsWith(oldPrefix) ? renamed.key() + "." + v.substring(oldPrefix.length()) : v));
        draft.columnRenames.clear();
        draft.columnRenames.putAll(columns);
    }

    /**
     * A column of the first schema renamed, wherever it is named. Views keep their column's name (as
     * PostgreSQL's do when a column under them is renamed).
     */
    private static void renameColumn(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        List<ColumnDraft> candidates = table == null ? List.of() : table.columnList().stream()
                .filter(c -> !draft.columnRenames.containsValue(table.key() + "." + c.name)).toList();
        ColumnDraft column = any(candidates, random);
        if (column == null) {
            return;
        }
        String name = draft.freshColumnName(random, table, "r");
        if (column.serial || column.identity != null) {
            draft.reservedRelations.add(table.schema + "." + draft.sequenceName(table, column.name));
        }
        table.renameColumn(column.name, name);
        for (TableDraft t : draft.tables.values()) {
            t.foreignKeys.replaceAll((k, fk) -> fk.refKey().equals(table.key())
                    ? new ForeignKeyDraft(fk.name(), fk.columns(), fk.refSchema(), fk.refTable(),
                            fk.refColumns().stream().map(c -> c.equals(column.name) ? name : c).toList(), fk.onDelete(), fk.onUpdate())
                    : fk);
        }
        for (ViewDraft view : draft.views.values()) {
            for (int source = 0; source < view.sources.size(); source++) {
                if (!view.sources.get(source).equals(table.key())) {
                    continue;
                }
                int s = source;
                view.items.replaceAll(item -> item.source() == s && item.column().equals(column.name)
                        ? new ViewItem(s, name, item.outputName()) : item);
                if (s == 0 && view.where != null) {
                    view.where = view.where.map(c -> c.equals(column.name) ? name : c);
                }
            }
        }
        table.retiredColumns.add(column.name);
        draft.columnRenames.put(table.key() + "." + column.name, table.key() + "." + name);
    }

    // ---- keys and checks ----------------------------------------------------------------------

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

    private static boolean toggleNullsNotDistinct(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        KeyDraft unique = table == null ? null : any(new ArrayList<>(table.uniques.values()), random);
        if (unique == null) {
            return false;
        }
        table.uniques.put(unique.name(), new KeyDraft(unique.name(), unique.columns(), !unique.nullsNotDistinct()));
        return true;
    }

    private static boolean addCheck(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        return table != null && SchemaGenerator.addCheck(draft, table, random);
    }

    private static boolean dropCheck(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        CheckDraft check = table == null ? null : any(new ArrayList<>(table.checks.values()), random);
        return check != null && table.checks.remove(check.name()) != null;
    }

    /** The same check name over another predicate. */
    private static boolean changeCheck(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        CheckDraft check = table == null ? null : any(new ArrayList<>(table.checks.values()), random);
        SchemaDraft.PredicateDraft predicate = table == null ? null : SchemaGenerator.randomPredicate(table, random, 2);
        if (check == null || predicate == null) {
            return false;
        }
        table.checks.put(check.name(), new CheckDraft(check.name(), predicate));
        return true;
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

    /** The same index name over other keys, or with another method, uniqueness, predicate or parameters. */
    private static boolean changeIndex(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        IndexDraft index = table == null ? null : any(new ArrayList<>(table.indexes.values()), random);
        if (index == null) {
            return false;
        }
        table.indexes.remove(index.name());
        IndexDraft replacement = SchemaGenerator.randomIndex(draft, table, random, index.name());
        if (replacement != null) {
            table.indexes.put(index.name(), replacement);
        }
        return true;
    }

    // ---- enum types ---------------------------------------------------------------------------

    private static boolean addEnum(SchemaDraft draft, Random random) {
        EnumDraft type = SchemaGenerator.addEnum(draft, random);
        TableDraft table = anyTable(draft, random);
        if (table != null && random.nextBoolean()) {
            ColumnDraft column = new ColumnDraft(draft.freshColumnName(random, table, "c"), "text");
            SchemaDraft.setEnumType(column, type, random.nextInt(3) == 0);
            SchemaGenerator.randomDefault(draft, column, random);
            table.columns.put(column.name, column);
        }
        return true;
    }

    /** Drops an enum type; each column of it is dropped too or changes to text. */
    private static boolean dropEnum(SchemaDraft draft, Random random) {
        EnumDraft type = any(new ArrayList<>(draft.enums.values()), random);
        if (type == null) {
            return false;
        }
        for (TableDraft table : draft.tables.values()) {
            for (ColumnDraft column : table.columnList()) {
                if (type.key().equals(column.enumKey)) {
                    if (random.nextBoolean() && !inForeignKey(draft, table, column.name)) {
                        table.columns.remove(column.name);
                        table.retiredColumns.add(column.name);
                    } else {
                        column.type = column.isArray() ? "text[]" : "text";
                        column.enumKey = null;
                        SchemaGenerator.randomDefault(draft, column, random);
                    }
                }
            }
        }
        draft.enums.remove(type.key());
        return true;
    }

    /** A new label anywhere in an enum type, while columns use it. */
    private static boolean addEnumValue(SchemaDraft draft, Random random) {
        EnumDraft type = any(new ArrayList<>(draft.enums.values()), random);
        if (type == null) {
            return false;
        }
        String label = draft.names.newLabel(random, type.values);
        type.values.add(random.nextInt(type.values.size() + 1), label);
        // Now and then a default takes the new label, which the migration must add first.
        if (random.nextBoolean()) {
            for (TableDraft table : draft.tables.values()) {
                for (ColumnDraft column : table.columns.values()) {
                    if (type.key().equals(column.enumKey) && !column.isArray() && column.plain()) {
                        column.defaultValue = label;
                        return true;
                    }
                }
            }
        }
        return true;
    }

    /** A label removed, which means the type is made anew and columns move over. */
    private static boolean removeEnumValue(SchemaDraft draft, Random random) {
        EnumDraft type = any(new ArrayList<>(draft.enums.values()), random);
        if (type == null || type.values.isEmpty()) {
            return false;
        }
        type.values.remove(random.nextInt(type.values.size()));
        return true;
    }

    private static boolean reorderEnum(SchemaDraft draft, Random random) {
        EnumDraft type = any(new ArrayList<>(draft.enums.values()), random);
        if (type == null || type.values.size() < 2) {
            return false;
        }
        List<String> before = new ArrayList<>(type.values);
        while (type.values.equals(before)) {
            Collections.shuffle(type.values, random);
        }
        return true;
    }

    // ---- sequences ----------------------------------------------------------------------------

    private static boolean addSequence(SchemaDraft draft, Random random) {
        SchemaGenerator.addSequence(draft, random);
        return true;
    }

    /** Drops a sequence; its name is not taken again (the differ would see the same sequence changed). */
    private static boolean dropSequence(SchemaDraft draft, Random random) {
        SequenceDraft sequence = any(new ArrayList<>(draft.sequences.values()), random);
        if (sequence == null) {
            return false;
        }
        draft.sequences.remove(sequence.key());
        draft.reservedRelations.add(sequence.key());
        return true;
    }

    /** Other options, perhaps another type, keeping the sequence's current value in bounds. */
    private static boolean alterSequence(SchemaDraft draft, Random random) {
        SequenceDraft sequence = any(new ArrayList<>(draft.sequences.values()), random);
        if (sequence == null) {
            return false;
        }
        long current = sequence.value();
        String type = random.nextBoolean() ? sequence.type() : pick(random, "smallint", "integer", "bigint");
        SequenceOptions options = SchemaGenerator.randomOptions(random, type, current);
        SequenceSnapshot s = new SequenceDraft("", "", type, options).snapshot();
        if (!SchemaDraft.sequenceValid(s) || current < s.minValue() || current > s.maxValue()) {
            return false;
        }
        draft.sequences.put(sequence.key(), new SequenceDraft(sequence.schema(), sequence.name(), type, options, current));
        return true;
    }

    // ---- views --------------------------------------------------------------------------------

    private static boolean addView(SchemaDraft draft, Random random) {
        return SchemaGenerator.addView(draft, random);
    }

    /** Drops a view; views over it go too. */
    private static boolean dropView(SchemaDraft draft, Random random) {
        ViewDraft view = any(new ArrayList<>(draft.views.values()), random);
        return view != null && draft.views.remove(view.key()) != null;
    }

    /** The same view name with other options or comment, or defined anew (perhaps materialized now, or no longer). */
    private static boolean changeView(SchemaDraft draft, Random random) {
        ViewDraft view = any(new ArrayList<>(draft.views.values()), random);
        if (view == null) {
            return false;
        }
        switch (random.nextInt(3)) {
            case 0 -> view.comment = random.nextBoolean() ? null : Names.comment(random);
            case 1 -> {
                if (view.with.isEmpty()) {
                    view.with.put(view.materialized ? "fillfactor" : "security_barrier", view.materialized ? "50" : "true");
                } else {
                    view.with.remove(view.with.firstKey());
                }
            }
            default -> {
                // Not over a view that stands on this one: that would be a cycle.
                List<String> excluded = new ArrayList<>();
                draft.views.values().stream().filter(v -> v == view || draft.dependsOn(v, view.key()))
                        .forEach(v -> excluded.add(v.key()));
                ViewDraft replacement = SchemaGenerator.randomView(draft, random, view.schema, view.name,
                        random.nextInt(5) == 0 != view.materialized, excluded);
                if (replacement == null) {
                    return false;
                }
                draft.views.put(view.key(), replacement);
            }
        }
        return true;
    }

    // ---- row-level security and roles ---------------------------------------------------------

    private static boolean toggleRowLevelSecurity(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        if (table == null) {
            return false;
        }
        if (random.nextBoolean()) {
            table.rowLevelSecurity = !table.rowLevelSecurity;
        } else {
            table.forceRowLevelSecurity = !table.forceRowLevelSecurity;
        }
        return true;
    }

    private static boolean addPolicy(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        if (table == null) {
            return false;
        }
        SchemaGenerator.addPolicy(draft, table, random);
        return true;
    }

    private static boolean dropPolicy(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        PolicyDraft policy = table == null ? null : any(new ArrayList<>(table.policies.values()), random);
        return policy != null && table.policies.remove(policy.name()) != null;
    }

    private static boolean changePolicy(SchemaDraft draft, Random random) {
        TableDraft table = anyTable(draft, random);
        PolicyDraft policy = table == null ? null : any(new ArrayList<>(table.policies.values()), random);
        if (policy == null) {
            return false;
        }
        table.policies.put(policy.name(), SchemaGenerator.randomPolicy(draft, table, random, policy.name()));
        return true;
    }

    private static boolean addRole(SchemaDraft draft, Random random) {
        SchemaGenerator.addRole(draft, random);
        return true;
    }

    /** Drops a role; policies lose it, and a policy left without roles goes. */
    private static boolean dropRole(SchemaDraft draft, Random random) {
        RoleDraft role = any(new ArrayList<>(draft.roles.values()), random);
        if (role == null) {
            return false;
        }
        draft.roles.remove(role.name());
        for (TableDraft table : draft.tables.values()) {
            table.policies.replaceAll((k, p) -> new PolicyDraft(p.name(), p.restrictive(), p.command(),
                    p.roles().stream().filter(r -> !r.equals(role.name())).toList(), p.using(), p.withCheck()));
            table.policies.values().removeIf(p -> p.roles().isEmpty());
        }
        return true;
    }

    private static boolean alterRole(SchemaDraft draft, Random random) {
        RoleDraft role = any(new ArrayList<>(draft.roles.values()), random);
        if (role == null) {
            return false;
        }
        RoleDraft changed = SchemaGenerator.randomRole(role.name(), random);
        draft.roles.put(role.name(), changed);
        return !changed.equals(role);
    }

    // ---- comments -----------------------------------------------------------------------------

    /** A comment on a table, column or view set, changed or removed. */
    private static boolean changeComment(SchemaDraft draft, Random random) {
        String comment = random.nextInt(3) == 0 ? null : Names.comment(random);
        ViewDraft view = any(new ArrayList<>(draft.views.values()), random);
        if (view != null && random.nextInt(4) == 0) {
            view.comment = comment;
            return true;
        }
        TableDraft table = anyTable(draft, random);
        if (table == null) {
            return false;
        }
        ColumnDraft column = anyColumn(table, random);
        if (column != null && random.nextBoolean()) {
            column.comment = comment;
        } else {
            table.comment = comment;
        }
        return true;
    }
}
