package dev.sleet.kit.property;

import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.kit.property.SchemaDraft.CheckDraft;
import dev.sleet.kit.property.SchemaDraft.ColumnDraft;
import dev.sleet.kit.property.SchemaDraft.EnumDraft;
import dev.sleet.kit.property.SchemaDraft.ForeignKeyDraft;
import dev.sleet.kit.property.SchemaDraft.GeneratedDraft;
import dev.sleet.kit.property.SchemaDraft.IdentityDraft;
import dev.sleet.kit.property.SchemaDraft.IndexDraft;
import dev.sleet.kit.property.SchemaDraft.IndexKeyDraft;
import dev.sleet.kit.property.SchemaDraft.KeyDraft;
import dev.sleet.kit.property.SchemaDraft.PolicyDraft;
import dev.sleet.kit.property.SchemaDraft.PredicateDraft;
import dev.sleet.kit.property.SchemaDraft.RoleDraft;
import dev.sleet.kit.property.SchemaDraft.SequenceDraft;
import dev.sleet.kit.property.SchemaDraft.TableDraft;
import dev.sleet.kit.property.SchemaDraft.ViewDraft;
import dev.sleet.kit.property.SchemaDraft.ViewItem;
import dev.sleet.kit.property.SchemaDraft.ViewKind;
import dev.sleet.kit.snapshot.PolicySnapshot;
import dev.sleet.kit.snapshot.SequenceSnapshot;
import dev.sleet.schema.SequenceOptions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds a random, valid schema from a {@link SchemaRecipe}: the same recipe always gives the same
 * schema. The schema is built by {@link Part}s, one per kind of object, in order; each adds its
 * objects to the draft from the objects already there, and only from the recipe's feature level
 * on (see {@link SchemaRecipe}). A new kind of object is a new part here (and a field in
 * {@link SchemaDraft}), plus edits in {@link SchemaEdits}.
 */
final class SchemaGenerator {

    static final String[] ACTIONS = {"no action", "restrict", "cascade", "set null", "set default"};
    static final String[] COMMANDS = {"all", "select", "insert", "update", "delete"};

    /** Feature levels (see {@link SchemaRecipe#features()}). */
    static final int KEYS = 1;
    static final int FOREIGN_KEYS = 2;
    static final int INDEXES = 3;
    static final int TYPES = 4;
    static final int SECURITY = 5;
    static final int MAX_FEATURES = SECURITY;

    /** Adds one kind of object to a draft. */
    interface Part {
        void add(SchemaDraft draft, Random random, SchemaRecipe recipe);
    }

    /** Parts in the order they run; a part may rely on those before it. */
    static final List<Part> PARTS = List.of(
            SchemaGenerator::roles,
            SchemaGenerator::enums,
            SchemaGenerator::sequences,
            SchemaGenerator::tables,
            SchemaGenerator::primaryKeys,
            SchemaGenerator::uniques,
            SchemaGenerator::foreignKeys,
            SchemaGenerator::indexes,
            SchemaGenerator::checks,
            SchemaGenerator::views,
            SchemaGenerator::security);

    private SchemaGenerator() {}

    static SchemaDraft generate(SchemaRecipe recipe) {
        Random random = new Random(recipe.seed());
        Names names = new Names(recipe.oddNames() ? 1 : 0);
        List<String> others = new ArrayList<>();
        if (recipe.otherSchema()) {
            others.add(otherSchemaName(random, names, others));
            // A second one, which edits may start using: the migration then creates it.
            if (random.nextBoolean()) {
                others.add(otherSchemaName(random, names, others));
            }
        }
        SchemaDraft draft = new SchemaDraft(PostgresDialect.INSTANCE, names, others);
        draft.features = recipe.features();
        for (Part part : PARTS) {
            part.add(draft, random, recipe);
        }
        draft.repair();
        return draft;
    }

    private static String otherSchemaName(Random random, Names names, List<String> taken) {
        for (int i = 0; i < 20; i++) {
            String name = names.next(random, "s");
            if (!name.equals(SchemaDraft.PUBLIC) && !name.startsWith("pg_") && !name.equals("information_schema")
                    && !name.equals("sleet") && !taken.contains(name)) {
                return name;
            }
        }
        return taken.contains("other") ? "other2" : "other";
    }

    static <T> T any(List<T> list, Random random) {
        return list.isEmpty() ? null : list.get(random.nextInt(list.size()));
    }

    @SafeVarargs
    static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    // ---- roles, enum types, sequences ---------------------------------------------------------

    private static void roles(SchemaDraft draft, Random random, SchemaRecipe recipe) {
        if (recipe.features() < SECURITY) {
            return;
        }
        int count = random.nextInt(10) < 6 ? 1 + random.nextInt(3) : 0;
        for (int i = 0; i < count; i++) {
            addRole(draft, random);
        }
    }

    static RoleDraft addRole(SchemaDraft draft, Random random) {
        String name;
        do {
            name = draft.names.role(random);
        } while (draft.roles.containsKey(name));
        RoleDraft role = randomRole(name, random);
        draft.roles.put(name, role);
        return role;
    }

    static RoleDraft randomRole(String name, Random random) {
        return new RoleDraft(name, random.nextInt(3) == 0, random.nextInt(5) == 0, random.nextInt(5) == 0,
                random.nextInt(5) > 0, random.nextInt(6) == 0, random.nextInt(8) == 0,
                random.nextInt(4) == 0 ? random.nextInt(11) : -1);
    }

    private static void enums(SchemaDraft draft, Random random, SchemaRecipe recipe) {
        if (recipe.features() < TYPES) {
            return;
        }
        int count = random.nextInt(10) < 6 ? 1 + random.nextInt(3) : 0;
        for (int i = 0; i < count; i++) {
            addEnum(draft, random);
        }
    }

    static EnumDraft addEnum(SchemaDraft draft, Random random) {
        String schema = draft.anySchema(random);
        EnumDraft type = new EnumDraft(schema, draft.freshRelationName(random, schema, "e", Set.of()), draft.names.labels(random));
        draft.enums.put(type.key(), type);
        return type;
    }

    private static void sequences(SchemaDraft draft, Random random, SchemaRecipe recipe) {
        if (recipe.features() < TYPES) {
            return;
        }
        int count = random.nextInt(10) < 4 ? 1 + random.nextInt(2) : 0;
        for (int i = 0; i < count; i++) {
            addSequence(draft, random);
        }
    }

    static SequenceDraft addSequence(SchemaDraft draft, Random random) {
        String schema = draft.anySchema(random);
        String type = pick(random, "smallint", "integer", "bigint", "bigint");
        SequenceDraft sequence = new SequenceDraft(schema, draft.freshRelationName(random, schema, "q", Set.of()), type,
                randomOptions(random, type, null));
        draft.sequences.put(sequence.key(), sequence);
        return sequence;
    }

    /**
     * Random sequence options for {@code type}, some left to their defaults. When {@code current} is
     * given (the start of the sequence being altered, which a fresh sequence's current value still is)
     * the new bounds keep it: PostgreSQL refuses bounds that leave a sequence's value outside them,
     * a question of data the kit rightly leaves to the database.
     */
    static SequenceOptions randomOptions(Random random, String type, Long current) {
        long typeMin = type.equals("smallint") ? Short.MIN_VALUE : type.equals("integer") ? Integer.MIN_VALUE : Long.MIN_VALUE;
        long typeMax = type.equals("smallint") ? Short.MAX_VALUE : type.equals("integer") ? Integer.MAX_VALUE : Long.MAX_VALUE;
        for (int i = 0; i < 30; i++) {
            SequenceOptions options = SequenceOptions.defaults();
            if (random.nextInt(3) == 0) {
                options = options.incrementBy(pick(random, -1L, 2L, 10L, -5L, 1000L));
            }
            if (random.nextInt(3) == 0) {
                options = options.minValue(pick(random, 0L, 1L, -100L, 10L, typeMin));
            }
            if (random.nextInt(3) == 0) {
                options = options.maxValue(pick(random, 100L, 30000L, 1_000_000L, typeMax, -1L, 5_000_000_000L));
            }
            if (random.nextInt(3) == 0) {
                options = options.startWith(pick(random, 1L, 5L, 50L, -50L, 100L));
            }
            if (random.nextInt(4) == 0) {
                options = options.cache(pick(random, 1L, 10L, 20L));
            }
            if (random.nextInt(5) == 0) {
                options = options.cycle();
            }
            SequenceSnapshot s = SequenceSnapshot.of("", "", type, options);
            if (SchemaDraft.sequenceValid(s) && (current == null || current >= s.minValue() && current <= s.maxValue())) {
                return options;
            }
        }
        return SequenceOptions.defaults();
    }

    // ---- tables and columns -------------------------------------------------------------------

    private static void tables(SchemaDraft draft, Random random, SchemaRecipe recipe) {
        for (int i = 0; i < recipe.tables(); i++) {
            addTable(draft, random, recipe.maxColumns());
        }
    }

    static TableDraft addTable(SchemaDraft draft, Random random, int maxColumns) {
        String schema = draft.anySchema(random);
        Set<String> retired = new HashSet<>();
        draft.retiredTables.stream().filter(k -> k.startsWith(schema + ".")).forEach(k -> retired.add(k.substring(schema.length() + 1)));
        String name = draft.freshRelationName(random, schema, "t", retired);
        TableDraft table = new TableDraft(schema, name);
        draft.tables.put(table.key(), table);
        // Now and then a table without columns, which PostgreSQL allows.
        int columns = random.nextInt(25) == 0 ? 0 : 1 + random.nextInt(Math.max(1, maxColumns));
        for (int i = 0; i < columns; i++) {
            addColumn(draft, table, random);
        }
        if (draft.features >= TYPES && random.nextInt(4) == 0) {
            table.comment = Names.comment(random);
        }
        return table;
    }

    /**
     * A new column: of a built-in type or (from {@link #TYPES} on) an enum type, an identity or a
     * stored generated column, with a comment.
     */
    static ColumnDraft addColumn(SchemaDraft draft, TableDraft table, Random random) {
        boolean rich = draft.features >= TYPES;
        ColumnDraft column;
        if (rich && random.nextInt(12) == 0 && table.columns.values().stream().anyMatch(c -> c.generated == null)) {
            column = addGenerated(draft, table, random);
        } else if (rich && !draft.enums.isEmpty() && random.nextInt(6) == 0) {
            column = new ColumnDraft(draft.freshColumnName(random, table, "c"), "text");
            SchemaDraft.setEnumType(column, any(new ArrayList<>(draft.enums.values()), random), random.nextInt(3) == 0);
            column.notNull = random.nextInt(3) == 0;
            randomDefault(draft, column, random);
            table.columns.put(column.name, column);
        } else if (rich && random.nextInt(10) == 0) {
            column = new ColumnDraft(draft.freshColumnName(random, table, "c"), pick(random, "smallint", "integer", "bigint"));
            // freshColumnName leaves the column's sequence name free.
            column.identity = new IdentityDraft(random.nextBoolean(), random.nextBoolean() ? SequenceOptions.defaults()
                    : randomOptions(random, column.type, null));
            column.notNull = true;
            table.columns.put(column.name, column);
        } else {
            column = addColumn(draft, table, random, TypeCatalog.random(random));
        }
        if (rich && random.nextInt(6) == 0) {
            column.comment = Names.comment(random);
        }
        return column;
    }

    static ColumnDraft addColumn(SchemaDraft draft, TableDraft table, Random random, TypeCatalog.Spec spec) {
        ColumnDraft column = new ColumnDraft(draft.freshColumnName(random, table, "c"), spec.sql());
        boolean sequenceFree = draft.sequenceFree(table, column.name);
        if (spec.serialType() && random.nextInt(4) == 0 && sequenceFree) {
            column.serial = true;
            column.notNull = true;
        } else if (spec.serialType() && draft.features >= TYPES && random.nextInt(4) == 0 && sequenceFree) {
            column.identity = new IdentityDraft(random.nextBoolean(), random.nextBoolean() ? SequenceOptions.defaults()
                    : randomOptions(random, spec.sql(), null));
            column.notNull = true;
        } else {
            column.notNull = random.nextInt(3) == 0;
            randomDefault(draft, column, random);
        }
        table.columns.put(column.name, column);
        return column;
    }

    /** A stored generated column over another column of the table. */
    static ColumnDraft addGenerated(SchemaDraft draft, TableDraft table, Random random) {
        List<ColumnDraft> sources = table.columns.values().stream().filter(c -> c.generated == null).toList();
        ColumnDraft column = new ColumnDraft(draft.freshColumnName(random, table, "g"), "text");
        column.generated = new GeneratedDraft(any(sources, random).name, random.nextInt(8));
        column.notNull = random.nextInt(5) == 0;
        table.columns.put(column.name, column);
        draft.repair();
        return column;
    }

    /** Sets no default, a literal one, an expression, or the next value of a sequence, as the type allows. */
    static void randomDefault(SchemaDraft draft, ColumnDraft column, Random random) {
        column.clearDefault();
        if (column.isEnum()) {
            List<String> labels = draft.enums.get(column.enumKey).values;
            if (random.nextBoolean() && !labels.isEmpty()) {
                column.defaultValue = column.isArray()
                        ? TypeCatalog.array(random, String[]::new, () -> any(labels, random))
                        : any(labels, random);
            }
            return;
        }
        TypeCatalog.Spec spec = column.spec();
        if (List.of("integer", "bigint").contains(column.type) && !draft.sequences.isEmpty() && random.nextInt(3) == 0) {
            column.defaultSequence = any(new ArrayList<>(draft.sequences.keySet()), random);
            return;
        }
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
        if (recipe.features() < KEYS) {
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
        // A serial or identity column is the usual single-column key.
        for (ColumnDraft column : table.columns.values()) {
            if ((column.serial || column.identity != null) && columns.size() == 1 && random.nextBoolean()) {
                columns = List.of(column.name);
            }
        }
        table.primaryKey = new KeyDraft(draft.keyName(random, table, columns, "pkey", random.nextInt(3) > 0), columns);
        columns.forEach(c -> table.columns.get(c).notNull = true);
    }

    private static void uniques(SchemaDraft draft, Random random, SchemaRecipe recipe) {
        if (recipe.features() < KEYS) {
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
        table.uniques.put(name, new KeyDraft(name, columns, draft.features >= TYPES && random.nextInt(4) == 0));
    }

    // ---- foreign keys -------------------------------------------------------------------------

    private static void foreignKeys(SchemaDraft draft, Random random, SchemaRecipe recipe) {
        if (recipe.features() < FOREIGN_KEYS) {
            return;
        }
        for (TableDraft table : draft.tableList()) {
            int count = random.nextInt(10) < 5 ? 1 + random.nextInt(2) : 0;
            for (int i = 0; i < count; i++) {
                addForeignKey(draft, table, random);
            }
        }
    }

    /** A foreign key from {@code table} to a key of a random table (perhaps itself, perhaps in another schema). */
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
        keys.removeIf(k -> !k.columns().stream().allMatch(c -> TypeCatalog.referenceable(target.columns.get(c).type)));
        if (keys.isEmpty()) {
            return;
        }
        KeyDraft key = keys.get(random.nextInt(keys.size()));
        List<String> columns = new ArrayList<>();
        boolean reuse = random.nextBoolean();
        for (String refColumn : key.columns()) {
            ColumnDraft referenced = target.columns.get(refColumn);
            String match = null;
            if (reuse) {
                for (ColumnDraft column : table.columns.values()) {
                    if (SchemaDraft.sameType(column, referenced) && column.generated == null && !columns.contains(column.name)
                            && !(table == target && column.name.equals(refColumn))) {
                        match = column.name;
                        break;
                    }
                }
            }
            if (match == null) {
                ColumnDraft column = new ColumnDraft(draft.freshColumnName(random, table, "c"), referenced.type);
                column.enumKey = referenced.enumKey;
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
        if (recipe.features() < INDEXES) {
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
        IndexDraft index = randomIndex(draft, table, random, draft.freshRelationName(random, table.schema, "ix", Set.of()));
        if (index != null) {
            table.indexes.put(index.name(), index);
        }
    }

    /**
     * A random index valid on the table, or null when it has nothing to index. Plain before
     * {@link #TYPES}; from there keys may be expressions, ordered, with operator classes, and the
     * index partial, with storage parameters, NULLS NOT DISTINCT, or built concurrently.
     */
    static IndexDraft randomIndex(SchemaDraft draft, TableDraft table, Random random, String name) {
        List<String> columns = pickColumns(table, random, 1 + (random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0),
                c -> !c.spec().methods().isEmpty());
        if (columns.isEmpty()) {
            return null;
        }
        List<TypeCatalog.Method> methods = new ArrayList<>(SchemaDraft.allowedMethods(table, columns));
        if (methods.isEmpty()) {
            return null;
        }
        TypeCatalog.Method method = methods.get(random.nextInt(methods.size()));
        boolean unique = method == TypeCatalog.Method.BTREE && random.nextInt(3) == 0;
        IndexDraft plain = new IndexDraft(name, columns, unique, method);
        if (draft.features < TYPES) {
            return plain;
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            boolean ordered = method == TypeCatalog.Method.BTREE;
            List<IndexKeyDraft> keys = new ArrayList<>();
            for (String column : columns) {
                Integer expression = (ordered || method == TypeCatalog.Method.HASH) && random.nextInt(4) == 0
                        ? random.nextInt(4) : null;
                Expressions.Opclass opclass = null;
                if (random.nextInt(3) == 0) {
                    String keyType = table.columns.get(column).isEnum() ? null : table.columns.get(column).type;
                    List<Expressions.Opclass> fitting = java.util.Arrays.stream(Expressions.Opclass.values())
                            .filter(k -> keyType != null && Expressions.opclass(k, keyType, method) != null).toList();
                    opclass = any(fitting, random);
                }
                boolean descending = ordered && random.nextInt(4) == 0;
                String nulls = ordered && random.nextInt(4) == 0 ? pick(random, "first", "last") : null;
                keys.add(new IndexKeyDraft(column, expression, opclass, descending, nulls));
            }
            PredicateDraft where = random.nextInt(4) == 0 ? columnPredicate(table, random, 1) : null;
            TreeMap<String, String> with = new TreeMap<>();
            if (random.nextInt(4) == 0) {
                String[] parameter = any(Expressions.indexParameters(method), random);
                with.put(parameter[0], parameter[1]);
            }
            IndexDraft index = new IndexDraft(name, keys, unique, method, where, with, unique && random.nextInt(3) == 0,
                    random.nextInt(4) == 0);
            if (draft.render(table, index) != null) {
                return index;
            }
        }
        return plain;
    }

    /** Up to {@code count} distinct columns that satisfy {@code filter}, in random order. */
    static List<String> pickColumns(TableDraft table, Random random, int count,
                                    java.util.function.Predicate<ColumnDraft> filter) {
        List<String> eligible = new ArrayList<>();
        table.columns.values().stream().filter(filter).forEach(c -> eligible.add(c.name));
        Collections.shuffle(eligible, random);
        return new ArrayList<>(eligible.subList(0, Math.min(count, eligible.size())));
    }

    // ---- checks -------------------------------------------------------------------------------

    private static void checks(SchemaDraft draft, Random random, SchemaRecipe recipe) {
        if (recipe.features() < TYPES) {
            return;
        }
        for (TableDraft table : draft.tableList()) {
            int count = random.nextInt(10) < 3 ? 1 + random.nextInt(2) : 0;
            for (int i = 0; i < count; i++) {
                addCheck(draft, table, random);
            }
        }
    }

    static boolean addCheck(SchemaDraft draft, TableDraft table, Random random) {
        PredicateDraft predicate = randomPredicate(table, random, 1 + (random.nextInt(4) == 0 ? 1 : 0));
        if (predicate == null) {
            return false;
        }
        String name = draft.constraintName(random, table, predicate.columns(), "check", "ck", random.nextBoolean());
        table.checks.put(name, new CheckDraft(name, predicate));
        return true;
    }

    /** A predicate over up to {@code count} of the table's columns; a constant one now and then; null for a table without columns. */
    static PredicateDraft randomPredicate(TableDraft table, Random random, int count) {
        PredicateDraft predicate = columnPredicate(table, random, count);
        return predicate != null && random.nextInt(15) == 0 ? new PredicateDraft(List.of(), predicate.variant()) : predicate;
    }

    /**
     * A predicate over up to {@code count} of the table's columns, never a constant (PostgreSQL drops
     * an index predicate that is just {@code true}: it prints no predicate at all).
     */
    static PredicateDraft columnPredicate(TableDraft table, Random random, int count) {
        List<String> columns = pickColumns(table, random, count, c -> true);
        return columns.isEmpty() ? null : new PredicateDraft(columns, random.nextInt(8));
    }

    // ---- views --------------------------------------------------------------------------------

    private static void views(SchemaDraft draft, Random random, SchemaRecipe recipe) {
        if (recipe.features() < SECURITY) {
            return;
        }
        int count = random.nextInt(10) < 6 ? 1 + random.nextInt(3) : 0;
        for (int i = 0; i < count; i++) {
            addView(draft, random);
        }
    }

    static boolean addView(SchemaDraft draft, Random random) {
        String schema = draft.anySchema(random);
        String name = draft.freshRelationName(random, schema, "v", Set.of());
        ViewDraft view = randomView(draft, random, schema, name, random.nextInt(4) == 0, List.of());
        if (view == null) {
            return false;
        }
        draft.views.put(view.key(), view);
        return true;
    }

    /**
     * A view over the draft's tables and views (none of {@code excluded}), with options: a plain view
     * may be a security barrier, run as its invoker or, when PostgreSQL can update through it, check
     * its rows; a materialized view may have storage parameters and be created without data. Null
     * when there is nothing to select from.
     */
    static ViewDraft randomView(SchemaDraft draft, Random random, String schema, String name, boolean materialized,
                                List<String> excluded) {
        List<String> sources = new ArrayList<>();
        draft.tables.values().stream().filter(t -> !t.columns.isEmpty()).forEach(t -> sources.add(t.key()));
        draft.views.keySet().stream().filter(k -> !excluded.contains(k)).forEach(sources::add);
        if (sources.isEmpty()) {
            return null;
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            ViewDraft view = new ViewDraft(schema, name, materialized);
            int shape = random.nextInt(10);
            view.kind = shape < 7 ? ViewKind.SELECT : shape < 8 ? ViewKind.COUNT : ViewKind.JOIN;
            view.sources.add(any(sources, random));
            if (view.kind == ViewKind.JOIN) {
                view.sources.add(any(sources, random));
            }
            if (view.kind == ViewKind.COUNT) {
                view.countName = random.nextBoolean() ? "n" : draft.names.next(random, "n");
            } else {
                Set<String> outputs = new HashSet<>();
                for (int source = 0; source < view.sources.size(); source++) {
                    List<String> columns = new ArrayList<>(sourceColumns(draft, view.sources.get(source)));
                    Collections.shuffle(columns, random);
                    int take = Math.min(columns.size(), 1 + random.nextInt(3));
                    for (String column : columns.subList(0, take)) {
                        String alias = random.nextInt(5) == 0 || outputs.contains(column) ? draft.names.next(random, "a") : null;
                        String output = alias != null ? alias : column;
                        if (outputs.add(output)) {
                            view.items.add(new ViewItem(source, column, alias));
                        }
                    }
                }
                if (view.kind == ViewKind.SELECT && draft.tables.containsKey(view.sources.get(0)) && random.nextInt(3) == 0) {
                    view.where = randomPredicate(draft.tables.get(view.sources.get(0)), random, 1 + random.nextInt(2));
                }
            }
            if (materialized) {
                if (random.nextInt(4) == 0) {
                    view.with.put("fillfactor", pick(random, "70", "100"));
                }
                if (random.nextInt(4) == 0) {
                    view.with.put("autovacuum_enabled", pick(random, "false", "true"));
                }
                view.withNoData = random.nextInt(3) == 0;
            } else {
                if (random.nextInt(5) == 0) {
                    view.with.put("security_barrier", pick(random, "true", "false"));
                }
                if (random.nextInt(5) == 0) {
                    view.with.put("security_invoker", pick(random, "true", "false"));
                }
                if (random.nextInt(4) == 0 && draft.autoUpdatable(view)) {
                    view.with.put("check_option", pick(random, "local", "cascaded"));
                }
            }
            if (random.nextInt(4) == 0) {
                view.comment = Names.comment(random);
            }
            if (draft.definition(view) != null) {
                return view;
            }
        }
        return null;
    }

    /** The columns a table or view offers. */
    private static List<String> sourceColumns(SchemaDraft draft, String key) {
        TableDraft table = draft.tables.get(key);
        if (table != null) {
            return new ArrayList<>(table.columns.keySet());
        }
        LinkedHashMap<String, ColumnDraft> columns = draft.outputColumns(draft.views.get(key));
        return columns == null ? List.of() : new ArrayList<>(columns.keySet());
    }

    // ---- row-level security -------------------------------------------------------------------

    private static void security(SchemaDraft draft, Random random, SchemaRecipe recipe) {
        if (recipe.features() < SECURITY) {
            return;
        }
        for (TableDraft table : draft.tableList()) {
            table.rowLevelSecurity = random.nextInt(4) == 0;
            table.forceRowLevelSecurity = random.nextInt(6) == 0;
            int count = random.nextInt(10) < 3 ? 1 + random.nextInt(2) : 0;
            for (int i = 0; i < count; i++) {
                addPolicy(draft, table, random);
            }
        }
    }

    static void addPolicy(SchemaDraft draft, TableDraft table, Random random) {
        Set<String> taken = table.policies.keySet();
        String name;
        int i = 0;
        do {
            name = i++ < 20 ? draft.names.next(random, "p") : "p_" + i;
        } while (taken.contains(name));
        table.policies.put(name, randomPolicy(draft, table, random, name));
    }

    /**
     * A policy for a random command, to public or some of the draft's roles (now and then both:
     * PostgreSQL then keeps public alone), with the expressions the command takes.
     */
    static PolicyDraft randomPolicy(SchemaDraft draft, TableDraft table, Random random, String name) {
        String command = pick(random, COMMANDS);
        List<String> roles = new ArrayList<>();
        List<String> known = new ArrayList<>(draft.roles.keySet());
        if (known.isEmpty() || random.nextInt(3) == 0) {
            roles.add(PolicySnapshot.PUBLIC);
        }
        if (!known.isEmpty() && (roles.isEmpty() || random.nextInt(15) == 0)) {
            Collections.shuffle(known, random);
            roles.addAll(known.subList(0, 1 + random.nextInt(Math.min(2, known.size()))));
        }
        boolean takesUsing = !command.equals("insert");
        boolean takesCheck = !command.equals("select") && !command.equals("delete");
        PredicateDraft using = takesUsing && random.nextInt(5) > 0 ? randomPredicate(table, random, 1) : null;
        PredicateDraft withCheck = takesCheck && random.nextBoolean() ? randomPredicate(table, random, 1) : null;
        return new PolicyDraft(name, random.nextInt(4) == 0, command, roles, using, withCheck);
    }
}
