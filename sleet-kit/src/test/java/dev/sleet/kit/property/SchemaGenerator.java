package dev.sleet.kit.property;

import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.kit.property.SchemaDraft.ColumnDraft;
import dev.sleet.kit.property.SchemaDraft.ForeignKeyDraft;
import dev.sleet.kit.property.SchemaDraft.IndexDraft;
import dev.sleet.kit.property.SchemaDraft.KeyDraft;
import dev.sleet.kit.property.SchemaDraft.TableDraft;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Builds a random, valid schema from a {@link SchemaRecipe}: the same recipe always gives the same
 * schema. The schema is built by {@link Part}s, one per kind of object, in order; each adds its
 * objects to the draft from the objects already there. A new kind of object (enums, sequences,
 * views) is a new part here (and a field in {@link SchemaDraft}), plus edits in {@link SchemaEdits}.
 */
final class SchemaGenerator {

    static final String[] ACTIONS = {"no action", "restrict", "cascade", "set null", "set default"};

    /** Adds one kind of object to a draft. */
    interface Part {
        void add(SchemaDraft draft, Random random, SchemaRecipe recipe);
    }

    /** Parts in the order they run; a part may rely on those before it. */
    static final List<Part> PARTS = List.of(
            SchemaGenerator::tables,
            SchemaGenerator::primaryKeys,
            SchemaGenerator::uniques,
            SchemaGenerator::foreignKeys,
            SchemaGenerator::indexes);

    private SchemaGenerator() {}

    static SchemaDraft generate(SchemaRecipe recipe) {
        Random random = new Random(recipe.seed());
        Names names = new Names(recipe.oddNames() ? 1 : 0);
        String other = recipe.otherSchema() ? otherSchemaName(random, names) : null;
        SchemaDraft draft = new SchemaDraft(PostgresDialect.INSTANCE, names, other);
        for (Part part : PARTS) {
            part.add(draft, random, recipe);
        }
        draft.repair();
        return draft;
    }

    private static String otherSchemaName(Random random, Names names) {
        for (int i = 0; i < 20; i++) {
            String name = names.next(random, "s");
            if (!name.equals(SchemaDraft.PUBLIC) && !name.startsWith("pg_") && !name.equals("information_schema")
                    && !name.equals("sleet")) {
                return name;
            }
        }
        return "other";
    }

    // ---- tables and columns -------------------------------------------------------------------

    private static void tables(SchemaDraft draft, Random random, SchemaRecipe recipe) {
        for (int i = 0; i < recipe.tables(); i++) {
            addTable(draft, random, recipe.maxColumns());
        }
    }

    static TableDraft addTable(SchemaDraft draft, Random random, int maxColumns) {
        String schema = draft.otherSchema != null && random.nextInt(3) == 0 ? draft.otherSchema : SchemaDraft.PUBLIC;
        Set<String> retired = new java.util.HashSet<>();
        draft.retiredTables.stream().filter(k -> k.startsWith(schema + ".")).forEach(k -> retired.add(k.substring(schema.length() + 1)));
        String name = draft.freshRelationName(random, schema, "t", retired);
        TableDraft table = new TableDraft(schema, name);
        draft.tables.put(table.key(), table);
        // Now and then a table without columns, which PostgreSQL allows.
        int columns = random.nextInt(25) == 0 ? 0 : 1 + random.nextInt(Math.max(1, maxColumns));
        for (int i = 0; i < columns; i++) {
            addColumn(draft, table, random, TypeCatalog.random(random));
        }
        return table;
    }

    static ColumnDraft addColumn(SchemaDraft draft, TableDraft table, Random random, TypeCatalog.Spec spec) {
        ColumnDraft column = new ColumnDraft(draft.freshColumnName(random, table, "c"), spec.sql());
        if (spec.serialType() && random.nextInt(4) == 0 && draft.sequenceFree(table, column.name)) {
            column.serial = true;
            column.notNull = true;
        } else {
            column.notNull = random.nextInt(3) == 0;
            randomDefault(column, random);
        }
        table.columns.put(column.name, column);
        return column;
    }

    /** Sets no default, a literal one or an expression, as the type allows. */
    static void randomDefault(ColumnDraft column, Random random) {
        column.clearDefault();
        TypeCatalog.Spec spec = column.spec();
        switch (random.nextInt(3)) {
            case 1:
                if (spec.hasLiterals()) {
                    column.defaultValue = spec.values().apply(random, spec.sql());
                    break;
                }
                // fall through: no literal for this type
            case 2:
                if (!spec.expressions().isEmpty()) {
                    column.defaultSql = spec.expressions().get(random.nextInt(spec.expressions().size()));
                }
                break;
            default:
                break;
        }
    }

    // ---- keys ---------------------------------------------------------------------------------

    private static void primaryKeys(SchemaDraft draft, Random random, SchemaRecipe recipe) {
        if (recipe.features() < 1) {
            return;
        }
        for (TableDraft table : draft.tableList()) {
            if (random.nextInt(10) < 6) {
                addPrimaryKey(draft, table, random);
            }
        }
    }

    static void addPrimaryKey(SchemaDraft draft, TableDraft table, Random random) {
        List<String> columns = pickColumns(table, random, 1 + (random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0),
                c -> c.spec().keyable());
        if (columns.isEmpty()) {
            return;
        }
        // A serial column is the usual single-column key.
        for (ColumnDraft column : table.columns.values()) {
            if (column.serial && columns.size() == 1 && random.nextBoolean()) {
                columns = List.of(column.name);
            }
        }
        table.primaryKey = new KeyDraft(draft.keyName(random, table, columns, "pkey", random.nextInt(3) > 0), columns);
        columns.forEach(c -> table.columns.get(c).notNull = true);
    }

    private static void uniques(SchemaDraft draft, Random random, SchemaRecipe recipe) {
        if (recipe.features() < 1) {
            return;
        }
        for (TableDraft table : draft.tableList()) {
            int count = random.nextInt(10) < 4 ? 1 + random.nextInt(2) : 0;
            for (int i = 0; i < count; i++) {
                addUnique(draft, table, random);
            }
        }
    }

    static void addUnique(SchemaDraft draft, TableDraft table, Random random) {
        List<String> columns;
        if (random.nextInt(6) == 0 && table.primaryKey != null) {
            columns = table.primaryKey.columns(); // the same columns as the primary key
        } else if (random.nextInt(6) == 0 && !table.uniques.isEmpty()) {
            columns = table.uniques.values().iterator().next().columns(); // the same columns as another unique
        } else {
            columns = pickColumns(table, random, 1 + random.nextInt(2), c -> c.spec().keyable());
        }
        if (columns.isEmpty()) {
            return;
        }
        String name = draft.keyName(random, table, columns, "key", random.nextBoolean());
        table.uniques.put(name, new KeyDraft(name, columns));
    }

    // ---- foreign keys -------------------------------------------------------------------------

    private static void foreignKeys(SchemaDraft draft, Random random, SchemaRecipe recipe) {
        if (recipe.features() < 2) {
            return;
        }
        for (TableDraft table : draft.tableList()) {
            int count = random.nextInt(10) < 5 ? 1 + random.nextInt(2) : 0;
            for (int i = 0; i < count; i++) {
                addForeignKey(draft, table, random);
            }
        }
    }

    /** A foreign key from {@code table} to a key of a random table (perhaps itself), over new or matching columns. */
    static void addForeignKey(SchemaDraft draft, TableDraft table, Random random) {
        List<TableDraft> candidates = new ArrayList<>();
        for (TableDraft target : draft.tables.values()) {
            if (target.primaryKey != null || !target.uniques.isEmpty()) {
                candidates.add(target);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        TableDraft target = candidates.get(random.nextInt(candidates.size()));
        List<KeyDraft> keys = new ArrayList<>(target.uniques.values());
        if (target.primaryKey != null) {
            keys.add(target.primaryKey);
        }
        KeyDraft key = keys.get(random.nextInt(keys.size()));
        List<String> columns = new ArrayList<>();
        boolean reuse = random.nextBoolean();
        for (String refColumn : key.columns()) {
            String type = target.columns.get(refColumn).type;
            String match = null;
            if (reuse) {
                for (ColumnDraft column : table.columns.values()) {
                    if (column.type.equals(type) && !columns.contains(column.name) && !(table == target && column.name.equals(refColumn))) {
                        match = column.name;
                        break;
                    }
                }
            }
            if (match == null) {
                ColumnDraft column = new ColumnDraft(draft.freshColumnName(random, table, "c"), type);
                column.notNull = random.nextInt(4) == 0;
                table.columns.put(column.name, column);
                match = column.name;
            }
            columns.add(match);
        }
        String name = draft.foreignKeyName(random, table, columns, random.nextBoolean());
        table.foreignKeys.put(name, new ForeignKeyDraft(name, columns, target.schema, target.name, key.columns(),
                ACTIONS[random.nextInt(ACTIONS.length)], ACTIONS[random.nextInt(ACTIONS.length)]));
    }

    // ---- indexes ------------------------------------------------------------------------------

    private static void indexes(SchemaDraft draft, Random random, SchemaRecipe recipe) {
        if (recipe.features() < 3) {
            return;
        }
        for (TableDraft table : draft.tableList()) {
            int count = random.nextInt(10) < 5 ? 1 + random.nextInt(2) : 0;
            for (int i = 0; i < count; i++) {
                addIndex(draft, table, random);
            }
        }
    }

    static void addIndex(SchemaDraft draft, TableDraft table, Random random) {
        List<String> columns = pickColumns(table, random, 1 + (random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0),
                c -> !c.spec().methods().isEmpty());
        if (columns.isEmpty()) {
            return;
        }
        List<TypeCatalog.Method> methods = new ArrayList<>(SchemaDraft.allowedMethods(table, columns));
        if (methods.isEmpty()) {
            return;
        }
        TypeCatalog.Method method = methods.get(random.nextInt(methods.size()));
        boolean unique = method == TypeCatalog.Method.BTREE && random.nextInt(3) == 0;
        String name = draft.freshRelationName(random, table.schema, "ix", Set.of());
        table.indexes.put(name, new IndexDraft(name, columns, unique, method));
    }

    /** Up to {@code count} distinct columns that satisfy {@code filter}, in random order. */
    static List<String> pickColumns(TableDraft table, Random random, int count,
                                    java.util.function.Predicate<ColumnDraft> filter) {
        List<String> eligible = new ArrayList<>();
        table.columns.values().stream().filter(filter).forEach(c -> eligible.add(c.name));
        Collections.shuffle(eligible, random);
        return new ArrayList<>(eligible.subList(0, Math.min(count, eligible.size())));
    }
}
