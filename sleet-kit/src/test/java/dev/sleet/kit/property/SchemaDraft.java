package dev.sleet.kit.property;

import dev.sleet.kit.dialect.Dialect;
import dev.sleet.kit.property.Expressions.ColumnType;
import dev.sleet.kit.snapshot.CheckSnapshot;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.EnumSnapshot;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.IdentitySnapshot;
import dev.sleet.kit.snapshot.IndexKeySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.KeySnapshot;
import dev.sleet.kit.snapshot.PolicySnapshot;
import dev.sleet.kit.snapshot.RoleSnapshot;
import dev.sleet.kit.snapshot.SequenceSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;
import dev.sleet.schema.SequenceOptions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A mutable schema that generators and edits work on, turned into a {@link Snapshot} at the end.
 * It knows PostgreSQL's namespaces (tables, views, sequences, indexes, key constraints, owned
 * sequences and — to be safe, since every table has a row type — enum types share one per schema;
 * constraint and policy names are per table) so that generated names never collide, and
 * {@link #repair()} restores the invariants of a valid schema after an edit took something away.
 *
 * <p>Expressions (checks, generated columns, index expressions and predicates, policies, view
 * definitions) are kept as {@link Expressions} variants over column names and rendered when the
 * snapshot is built, so that they always read as PostgreSQL would print them for the columns'
 * names and types at that time.
 *
 * <p>This class is the only one that builds snapshot records: when the snapshot model grows, give
 * the draft a field for the new kind, fill it in {@link #toSnapshot}, and add a generator part and
 * edits for it.
 */
final class SchemaDraft {

    static final String PUBLIC = "public";

    final Dialect dialect;
    final Names names;
    /** The schemas besides public that objects may go to (an edit may start using one A left empty). */
    final List<String> otherSchemas = new ArrayList<>();
    final Map<String, TableDraft> tables = new LinkedHashMap<>();
    final Map<String, EnumDraft> enums = new LinkedHashMap<>();
    final Map<String, SequenceDraft> sequences = new LinkedHashMap<>();
    final Map<String, ViewDraft> views = new LinkedHashMap<>();
    final Map<String, RoleDraft> roles = new LinkedHashMap<>();
    /**
     * Keys of tables an edit dropped. A new table may not take such a name: the differ would rightly
     * see the old table altered, and a column that kept its name but changed to an unrelated type has
     * no cast.
     */
    final Set<String> retiredTables = new HashSet<>();
    /**
     * Relation names ({@code schema.name}) taken by objects the draft does not model: the sequences of
     * serial and identity columns keep their names when their table or column is renamed.
     */
    final Set<String> reservedRelations = new HashSet<>();
    /** Tables renamed by edits: old key to new key (what {@code Renames.tables} takes). */
    final Map<String, String> tableRenames = new LinkedHashMap<>();
    /** Columns renamed by edits: {@code schema.table.column}, the table by its new name, old to new. */
    final Map<String, String> columnRenames = new LinkedHashMap<>();
    /** Schemas renamed by edits, old name to new. */
    final Map<String, String> schemaRenames = new LinkedHashMap<>();
    /** The feature level new objects may use (see {@link SchemaRecipe#features()}); edits use them all. */
    int features = SchemaGenerator.MAX_FEATURES;

    SchemaDraft(Dialect dialect, Names names, String otherSchema) {
        this(dialect, names, otherSchema == null ? List.of() : List.of(otherSchema));
    }

    SchemaDraft(Dialect dialect, Names names, List<String> otherSchemas) {
        this.dialect = dialect;
        this.names = names;
        this.otherSchemas.addAll(otherSchemas);
    }

    /** Public or, now and then, another schema. */
    String anySchema(Random random) {
        return otherSchemas.isEmpty() || random.nextInt(3) > 0 ? PUBLIC : otherSchemas.get(random.nextInt(otherSchemas.size()));
    }

    // ---- the parts ----------------------------------------------------------------------------

    static final class TableDraft {
        final String schema;
        final String name;
        final LinkedHashMap<String, ColumnDraft> columns = new LinkedHashMap<>();
        KeyDraft primaryKey;
        final LinkedHashMap<String, KeyDraft> uniques = new LinkedHashMap<>();
        final LinkedHashMap<String, ForeignKeyDraft> foreignKeys = new LinkedHashMap<>();
        final LinkedHashMap<String, IndexDraft> indexes = new LinkedHashMap<>();
        final LinkedHashMap<String, CheckDraft> checks = new LinkedHashMap<>();
        final LinkedHashMap<String, PolicyDraft> policies = new LinkedHashMap<>();
        String comment;
        boolean rowLevelSecurity;
        boolean forceRowLevelSecurity;
        /** Columns an edit dropped, whose names new columns do not take (see {@link SchemaDraft#retiredTables}). */
        final Set<String> retiredColumns = new HashSet<>();

        TableDraft(String schema, String name) {
            this.schema = schema;
            this.name = name;
        }

        String key() {
            return Snapshot.key(schema, name);
        }

        TableDraft copy() {
            return renamed(name);
        }

        /** The same table under another name. */
        TableDraft renamed(String newName) {
            return moved(schema, newName);
        }

        /** The same table in another schema, under another name. */
        TableDraft moved(String newSchema, String newName) {
            TableDraft copy = new TableDraft(newSchema, newName);
            columns.forEach((k, v) -> copy.columns.put(k, v.copy()));
            copy.primaryKey = primaryKey;
            copy.uniques.putAll(uniques);
            copy.foreignKeys.putAll(foreignKeys);
            copy.indexes.putAll(indexes);
            copy.checks.putAll(checks);
            copy.policies.putAll(policies);
            copy.comment = comment;
            copy.rowLevelSecurity = rowLevelSecurity;
            copy.forceRowLevelSecurity = forceRowLevelSecurity;
            copy.retiredColumns.addAll(retiredColumns);
            return copy;
        }

        /** Renames a column in place, keeping its position, and wherever the table's own parts name it. */
        void renameColumn(String from, String to) {
            UnaryOperator<String> rename = c -> c.equals(from) ? to : c;
            LinkedHashMap<String, ColumnDraft> renamed = new LinkedHashMap<>();
            columns.forEach((name, c) -> {
                ColumnDraft next = name.equals(from) ? c.withName(to) : c;
                if (next.generated != null) {
                    next.generated = new GeneratedDraft(rename.apply(next.generated.source()), next.generated.variant());
                }
                renamed.put(next.name, next);
            });
            columns.clear();
            columns.putAll(renamed);
            if (primaryKey != null) {
                primaryKey = primaryKey.map(rename);
            }
            uniques.replaceAll((k, u) -> u.map(rename));
            foreignKeys.replaceAll((k, fk) -> new ForeignKeyDraft(fk.name(), fk.columns().stream().map(rename).toList(),
                    fk.refSchema(), fk.refTable(), fk.refColumns(), fk.onDelete(), fk.onUpdate()));
            indexes.replaceAll((k, ix) -> ix.map(rename));
            checks.replaceAll((k, c) -> new CheckDraft(c.name(), c.predicate().map(rename)));
            policies.replaceAll((k, p) -> p.map(rename));
        }

        /** Names in the table's own constraint namespace. */
        Set<String> constraintNames() {
            Set<String> names = new HashSet<>(uniques.keySet());
            names.addAll(foreignKeys.keySet());
            names.addAll(checks.keySet());
            if (primaryKey != null) {
                names.add(primaryKey.name());
            }
            return names;
        }

        List<ColumnDraft> columnList() {
            return new ArrayList<>(columns.values());
        }
    }

    static final class ColumnDraft {
        final String name;
        /** The snapshot's type: built-in, or an enum type's plain name (with {@code []} for an array of it). */
        String type;
        /** The key of the enum type the column (or its elements) is of, or null. */
        String enumKey;
        boolean serial;
        boolean notNull;
        /** A Java value rendered with {@code dialect.literal} (an enum label or labels for enum columns), or null. */
        Object defaultValue;
        /** An expression default in pg_get_expr form, used when {@link #defaultValue} is null. */
        String defaultSql;
        /** A standalone sequence whose {@code nextval} is the default, when both of the above are null. */
        String defaultSequence;
        IdentityDraft identity;
        GeneratedDraft generated;
        String comment;
        /**
         * The type (and enum type) the column has in the database a migration starts from, or null for a
         * column that database does not have: a type change must have a cast from there.
         */
        String databaseType;
        String databaseEnumKey;
        /** The value of the column's identity sequence in that database, or null when it has none there. */
        Long databaseIdentityValue;

        ColumnDraft(String name, String type) {
            this.name = name;
            this.type = type;
        }

        ColumnDraft copy() {
            return withName(name);
        }

        ColumnDraft withName(String newName) {
            ColumnDraft copy = new ColumnDraft(newName, type);
            copy.enumKey = enumKey;
            copy.serial = serial;
            copy.notNull = notNull;
            copy.defaultValue = defaultValue;
            copy.defaultSql = defaultSql;
            copy.defaultSequence = defaultSequence;
            copy.identity = identity;
            copy.generated = generated;
            copy.comment = comment;
            copy.databaseType = databaseType;
            copy.databaseEnumKey = databaseEnumKey;
            copy.databaseIdentityValue = databaseIdentityValue;
            return copy;
        }

        boolean hasDefault() {
            return defaultValue != null || defaultSql != null || defaultSequence != null;
        }

        void clearDefault() {
            defaultValue = null;
            defaultSql = null;
            defaultSequence = null;
        }

        boolean isEnum() {
            return enumKey != null;
        }

        boolean isArray() {
            return type.endsWith("[]");
        }

        /** The built-in type's spec; enum columns have one made up for them. */
        TypeCatalog.Spec spec() {
            if (isEnum()) {
                return new TypeCatalog.Spec(type, null, List.of(), isArray()
                        ? java.util.EnumSet.of(TypeCatalog.Method.BTREE, TypeCatalog.Method.HASH, TypeCatalog.Method.GIN)
                        : java.util.EnumSet.of(TypeCatalog.Method.BTREE, TypeCatalog.Method.HASH), false);
            }
            return TypeCatalog.spec(type);
        }

        /** True when nothing but the column's own value decides it (no identity, generation or serial). */
        boolean plain() {
            return !serial && identity == null && generated == null;
        }
    }

    record KeyDraft(String name, List<String> columns, boolean nullsNotDistinct) {
        KeyDraft {
            columns = List.copyOf(columns);
        }

        KeyDraft(String name, List<String> columns) {
            this(name, columns, false);
        }

        KeyDraft map(UnaryOperator<String> rename) {
            return new KeyDraft(name, columns.stream().map(rename).toList(), nullsNotDistinct);
        }
    }

    record ForeignKeyDraft(String name, List<String> columns, String refSchema, String refTable, List<String> refColumns,
                           String onDelete, String onUpdate) {
        ForeignKeyDraft {
            columns = List.copyOf(columns);
            refColumns = List.copyOf(refColumns);
        }

        String refKey() {
            return Snapshot.key(refSchema, refTable);
        }
    }

    /** A predicate: {@link Expressions#predicate} variant {@code variant} over the columns. */
    record PredicateDraft(List<String> columns, int variant) {
        PredicateDraft {
            columns = List.copyOf(columns);
        }

        PredicateDraft map(UnaryOperator<String> rename) {
            return new PredicateDraft(columns.stream().map(rename).toList(), variant);
        }
    }

    record CheckDraft(String name, PredicateDraft predicate) {}

    /**
     * One index key: a column, or {@link Expressions#indexExpressions} variant {@code expression} over
     * it; an operator class kind (null for the default), direction and NULLS placement ({@code first},
     * {@code last} or null for the default).
     */
    record IndexKeyDraft(String column, Integer expression, Expressions.Opclass opclass, boolean descending, String nulls) {
        static IndexKeyDraft of(String column) {
            return new IndexKeyDraft(column, null, null, false, null);
        }

        IndexKeyDraft withColumn(String newColumn) {
            return new IndexKeyDraft(newColumn, expression, opclass, descending, nulls);
        }
    }

    record IndexDraft(String name, List<IndexKeyDraft> keys, boolean unique, TypeCatalog.Method method, PredicateDraft where,
                      SortedMap<String, String> with, boolean nullsNotDistinct, boolean concurrently) {
        IndexDraft {
            keys = List.copyOf(keys);
            with = new TreeMap<>(with == null ? Map.of() : with);
        }

        /** A plain index over columns. */
        IndexDraft(String name, List<String> columns, boolean unique, TypeCatalog.Method method) {
            this(name, columns.stream().map(IndexKeyDraft::of).toList(), unique, method, null, null, false, false);
        }

        /** The columns its keys stand on, in key order. */
        List<String> columns() {
            return keys.stream().map(IndexKeyDraft::column).toList();
        }

        IndexDraft map(UnaryOperator<String> rename) {
            return new IndexDraft(name, keys.stream().map(k -> k.withColumn(rename.apply(k.column()))).toList(), unique, method,
                    where == null ? null : where.map(rename), with, nullsNotDistinct, concurrently);
        }

        IndexDraft withName(String newName) {
            return new IndexDraft(newName, keys, unique, method, where, with, nullsNotDistinct, concurrently);
        }
    }

    /**
     * An identity column's generation and sequence options; {@code current} is the value its sequence
     * is at in a database built from the first schema (its start then), which later options must
     * keep in bounds, or null for a sequence no database has yet.
     */
    record IdentityDraft(boolean always, SequenceOptions options, Long current) {
        IdentityDraft(boolean always, SequenceOptions options) {
            this(always, options, null);
        }
    }

    /** A stored generated column: {@link Expressions#generated} variant {@code variant} over {@code source}. */
    record GeneratedDraft(String source, int variant) {}

    /**
     * A row-level security policy; {@code roles} holds role names or {@code public}, {@code using}
     * and {@code withCheck} may be null.
     */
    record PolicyDraft(String name, boolean restrictive, String command, List<String> roles, PredicateDraft using,
                       PredicateDraft withCheck) {
        PolicyDraft {
            roles = List.copyOf(roles);
        }

        PolicyDraft map(UnaryOperator<String> rename) {
            return new PolicyDraft(name, restrictive, command, roles, using == null ? null : using.map(rename),
                    withCheck == null ? null : withCheck.map(rename));
        }
    }

    static final class EnumDraft {
        final String schema;
        final String name;
        final List<String> values;

        EnumDraft(String schema, String name, List<String> values) {
            this.schema = schema;
            this.name = name;
            this.values = new ArrayList<>(values);
        }

        String key() {
            return Snapshot.key(schema, name);
        }

        /** The type as a cast names it, with {@code search_path = public}. */
        String cast() {
            return Sql.type(schema, name);
        }
    }

    /** A standalone sequence; {@code current} as for {@link IdentityDraft}. */
    record SequenceDraft(String schema, String name, String type, SequenceOptions options, Long current) {
        SequenceDraft(String schema, String name, String type, SequenceOptions options) {
            this(schema, name, type, options, null);
        }

        /** The value the sequence is at in a database: its start if no database has it yet. */
        long value() {
            return current != null ? current : snapshot().start();
        }

        String key() {
            return Snapshot.key(schema, name);
        }

        SequenceSnapshot snapshot() {
            return SequenceSnapshot.of(schema, name, type, options);
        }
    }

    record RoleDraft(String name, boolean login, boolean createDb, boolean createRole, boolean inherit, boolean bypassRls,
                     boolean replication, int connectionLimit) {}

    /** What a view selects. */
    enum ViewKind {
        /** Columns of one table or view, perhaps renamed, perhaps filtered by a predicate over a table's columns. */
        SELECT,
        /** {@code count(*)} of one table or view. */
        COUNT,
        /** Columns of two relations (of different names), cross joined. */
        JOIN
    }

    /** One selected column: the {@code source}-th relation's column, and the name it gets (null: its own). */
    record ViewItem(int source, String column, String alias) {
        String outputName() {
            return alias != null ? alias : column;
        }
    }

    static final class ViewDraft {
        final String schema;
        final String name;
        final boolean materialized;
        ViewKind kind;
        /** Keys of the tables or views selected from. */
        List<String> sources = new ArrayList<>();
        List<ViewItem> items = new ArrayList<>();
        /** A predicate over columns of the first source, which is then a table; or null. */
        PredicateDraft where;
        /** For {@link ViewKind#COUNT}: the result column's name. */
        String countName = "n";
        SortedMap<String, String> with = new TreeMap<>();
        boolean withNoData;
        String comment;

        ViewDraft(String schema, String name, boolean materialized) {
            this.schema = schema;
            this.name = name;
            this.materialized = materialized;
        }

        String key() {
            return Snapshot.key(schema, name);
        }

        ViewDraft copy() {
            return moved(schema);
        }

        /** The same view in another schema. */
        ViewDraft moved(String newSchema) {
            ViewDraft copy = new ViewDraft(newSchema, name, materialized);
            copy.kind = kind;
            copy.sources = new ArrayList<>(sources);
            copy.items = new ArrayList<>(items);
            copy.where = where;
            copy.countName = countName;
            copy.with = new TreeMap<>(with);
            copy.withNoData = withNoData;
            copy.comment = comment;
            return copy;
        }

        /** Whether PostgreSQL can update through it, which WITH CHECK OPTION needs. */
        boolean autoUpdatable() {
            return !materialized && kind == ViewKind.SELECT;
        }
    }

    SchemaDraft copy() {
        SchemaDraft copy = new SchemaDraft(dialect, names, otherSchemas);
        copy.features = features;
        tables.forEach((k, v) -> copy.tables.put(k, v.copy()));
        enums.forEach((k, v) -> copy.enums.put(k, new EnumDraft(v.schema, v.name, v.values)));
        copy.sequences.putAll(sequences);
        views.forEach((k, v) -> copy.views.put(k, v.copy()));
        copy.roles.putAll(roles);
        copy.retiredTables.addAll(retiredTables);
        copy.reservedRelations.addAll(reservedRelations);
        copy.tableRenames.putAll(tableRenames);
        copy.columnRenames.putAll(columnRenames);
        copy.schemaRenames.putAll(schemaRenames);
        return copy;
    }

    List<TableDraft> tableList() {
        return new ArrayList<>(tables.values());
    }

    // ---- namespaces ---------------------------------------------------------------------------

    /**
     * Names taken in a schema's relation namespace: tables, views, sequences (standalone and owned),
     * indexes, key constraints, and enum types (which share pg_type with the tables' row types).
     */
    Set<String> relationNames(String schema) {
        Set<String> taken = new HashSet<>();
        reservedRelations.stream().filter(k -> k.startsWith(schema + "."))
                .forEach(k -> taken.add(k.substring(schema.length() + 1)));
        for (TableDraft table : tables.values()) {
            if (!table.schema.equals(schema)) {
                continue;
            }
            taken.add(table.name);
            taken.addAll(table.indexes.keySet());
            taken.addAll(table.uniques.keySet());
            if (table.primaryKey != null) {
                taken.add(table.primaryKey.name());
            }
            for (ColumnDraft column : table.columns.values()) {
                if (column.serial || column.identity != null) {
                    taken.add(sequenceName(table, column.name));
                }
            }
        }
        enums.values().stream().filter(e -> e.schema.equals(schema)).forEach(e -> taken.add(e.name));
        sequences.values().stream().filter(s -> s.schema().equals(schema)).forEach(s -> taken.add(s.name()));
        views.values().stream().filter(v -> v.schema.equals(schema)).forEach(v -> taken.add(v.name));
        return taken;
    }

    String sequenceName(TableDraft table, String column) {
        return dialect.defaultConstraintName(table.name, List.of(column), "seq");
    }

    /** A name free in the schema's relation namespace. */
    String freshRelationName(Random random, String schema, String kind, Set<String> alsoTaken) {
        Set<String> taken = relationNames(schema);
        taken.addAll(alsoTaken);
        for (int i = 0; i < 20; i++) {
            String name = names.next(random, kind);
            if (!taken.contains(name)) {
                return name;
            }
        }
        for (int i = 0; ; i++) {
            String name = kind + "_" + i;
            if (!taken.contains(name)) {
                return name;
            }
        }
    }

    /** A name for a primary key or unique constraint: the default one when asked and free, else a fresh one. */
    String keyName(Random random, TableDraft table, List<String> columns, String suffix, boolean preferDefault) {
        Set<String> taken = relationNames(table.schema);
        taken.addAll(table.constraintNames());
        if (preferDefault) {
            String name = dialect.defaultConstraintName(table.name, columns, suffix);
            if (!taken.contains(name)) {
                return name;
            }
        }
        return freshRelationName(random, table.schema, suffix.equals("pkey") ? "pk" : "uq", table.constraintNames());
    }

    /** A name in the table's constraint namespace (foreign keys, checks): the default one when asked and free. */
    String constraintName(Random random, TableDraft table, List<String> columns, String suffix, String kind,
                          boolean preferDefault) {
        Set<String> taken = table.constraintNames();
        if (preferDefault) {
            String name = dialect.defaultConstraintName(table.name, columns, suffix);
            if (!taken.contains(name)) {
                return name;
            }
        }
        for (int i = 0; ; i++) {
            String name = i < 20 ? names.next(random, kind) : kind + "_" + i;
            if (!taken.contains(name)) {
                return name;
            }
        }
    }

    String foreignKeyName(Random random, TableDraft table, List<String> columns, boolean preferDefault) {
        return constraintName(random, table, columns, "fkey", "fk", preferDefault);
    }

    String freshColumnName(Random random, TableDraft table, String kind) {
        Set<String> taken = relationNames(table.schema);
        for (int i = 0; ; i++) {
            String name = i < 20 ? names.next(random, kind) : kind + "_" + i;
            // A serial or identity column's sequence takes a relation name too.
            if (!table.columns.containsKey(name) && !table.retiredColumns.contains(name)
                    && !taken.contains(sequenceName(table, name))) {
                return name;
            }
        }
    }

    /** True when a serial or identity column of this name could own its sequence without a clash. */
    boolean sequenceFree(TableDraft table, String column) {
        return !relationNames(table.schema).contains(sequenceName(table, column));
    }

    // ---- types --------------------------------------------------------------------------------

    /** A column's type as expressions see it, or null when its enum type is gone. */
    ColumnType typeOf(ColumnDraft column) {
        if (!column.isEnum()) {
            return ColumnType.builtIn(column.type);
        }
        EnumDraft type = enums.get(column.enumKey);
        return type == null ? null : new ColumnType(column.type, type.cast(), type.values);
    }

    /** Makes {@code column} a column of enum type {@code type} (an array of it when {@code array}). */
    static void setEnumType(ColumnDraft column, EnumDraft type, boolean array) {
        column.type = type.name + (array ? "[]" : "");
        column.enumKey = type.key();
    }

    /** Whether two columns have one type, as a foreign key needs. */
    static boolean sameType(ColumnDraft a, ColumnDraft b) {
        return a.type.equals(b.type) && Objects.equals(a.enumKey, b.enumKey);
    }

    // ---- rendering expressions ----------------------------------------------------------------

    /** The predicate over the table's columns, unqualified (checks, policies, index predicates), or null if invalid. */
    String render(TableDraft table, PredicateDraft predicate) {
        return render(table, predicate, null);
    }

    /** The predicate with columns qualified by {@code qualifier} (view definitions) when not null. */
    private String render(TableDraft table, PredicateDraft predicate, String qualifier) {
        List<ColumnType> types = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (String name : predicate.columns()) {
            ColumnDraft column = table.columns.get(name);
            ColumnType type = column == null ? null : typeOf(column);
            if (type == null) {
                return null;
            }
            types.add(type);
            refs.add(qualifier == null ? Sql.ident(name) : qualifier + "." + Sql.ident(name));
        }
        // No columns: a constant.
        return types.isEmpty() ? (predicate.variant() % 2 == 0 ? "true" : "false")
                : Expressions.predicate(types, refs, predicate.variant());
    }

    /** The generated column's expression and type, or null when its source cannot have it. */
    Expressions.Generated render(TableDraft table, ColumnDraft column, GeneratedDraft generated) {
        ColumnDraft source = table.columns.get(generated.source());
        if (source == null || source == column || source.generated != null) {
            return null;
        }
        ColumnType type = typeOf(source);
        if (type == null) {
            return null;
        }
        List<Expressions.Generated> all = Expressions.generated(type, Sql.ident(source.name));
        return all.get(Math.floorMod(generated.variant(), all.size()));
    }

    /** One index key as a snapshot has it, with the type it indexes; null when invalid. */
    private record RenderedKey(IndexKeySnapshot key, String type, boolean expression) {}

    private RenderedKey render(TableDraft table, IndexKeyDraft key, TypeCatalog.Method method) {
        ColumnDraft column = table.columns.get(key.column());
        ColumnType type = column == null ? null : typeOf(column);
        if (type == null) {
            return null;
        }
        String expression = null;
        String keyType = column.isEnum() ? null : column.type;
        if (key.expression() != null) {
            List<Expressions.IndexExpression> all = Expressions.indexExpressions(type, Sql.ident(column.name));
            Expressions.IndexExpression chosen = all.get(Math.floorMod(key.expression(), all.size()));
            expression = chosen.expression();
            keyType = chosen.type();
        }
        String opclass = null;
        if (key.opclass() != null) {
            opclass = keyType == null ? null : Expressions.opclass(key.opclass(), keyType, method);
            if (opclass == null) {
                return null;
            }
        }
        return new RenderedKey(new IndexKeySnapshot(expression == null ? column.name : null, expression, opclass,
                key.descending(), key.nulls()), keyType, expression != null);
    }

    /** The index as a snapshot has it, or null when PostgreSQL could not build it over the columns as they are. */
    IndexSnapshot render(TableDraft table, IndexDraft index) {
        if (index.keys().isEmpty()) {
            return null;
        }
        List<IndexKeySnapshot> keys = new ArrayList<>();
        Set<TypeCatalog.Method> methods = java.util.EnumSet.allOf(TypeCatalog.Method.class);
        for (IndexKeyDraft key : index.keys()) {
            RenderedKey rendered = render(table, key, index.method());
            if (rendered == null) {
                return null;
            }
            keys.add(rendered.key());
            ColumnDraft column = table.columns.get(key.column());
            methods.retainAll(rendered.expression() ? TypeCatalog.spec(rendered.type()).methods() : column.spec().methods());
            if (rendered.expression()) {
                // Expression keys are kept to the two methods every scalar result has.
                methods.retainAll(java.util.EnumSet.of(TypeCatalog.Method.BTREE, TypeCatalog.Method.HASH));
            }
        }
        if (keys.size() > 1) {
            methods.remove(TypeCatalog.Method.HASH);
            methods.remove(TypeCatalog.Method.SPGIST);
        }
        boolean ordered = index.method() == TypeCatalog.Method.BTREE;
        boolean orderedKeys = index.keys().stream().allMatch(k -> !k.descending() && k.nulls() == null);
        if (!methods.contains(index.method()) || index.unique() && !ordered || !ordered && !orderedKeys
                || index.nullsNotDistinct() && !index.unique()
                || !Expressions.indexParameters(index.method()).stream().map(p -> p[0]).toList()
                        .containsAll(index.with().keySet())) {
            return null;
        }
        String where = null;
        if (index.where() != null) {
            where = render(table, index.where());
            if (where == null) {
                return null;
            }
        }
        return new IndexSnapshot(index.name(), List.of(), index.unique(), index.method().sql(), keys, where, index.with(),
                index.nullsNotDistinct(), index.concurrently());
    }

    /** A policy as a snapshot has it, or null when a column or role it needs is gone. */
    PolicySnapshot render(TableDraft table, PolicyDraft policy) {
        String using = policy.using() == null ? null : render(table, policy.using());
        String withCheck = policy.withCheck() == null ? null : render(table, policy.withCheck());
        if (policy.using() != null && using == null || policy.withCheck() != null && withCheck == null
                || policy.roles().isEmpty()
                || !policy.roles().stream().allMatch(r -> r.equals(PolicySnapshot.PUBLIC) || roles.containsKey(r))) {
            return null;
        }
        return new PolicySnapshot(policy.name(), policy.restrictive() ? PolicySnapshot.RESTRICTIVE : PolicySnapshot.PERMISSIVE,
                policy.command(), policy.roles(), using, withCheck);
    }

    /** A relation a view selects from: a table's or view's name and its output columns, or null if it is gone. */
    private record Source(String schema, String name, LinkedHashMap<String, ColumnDraft> columns, TableDraft table) {}

    private Source source(String key) {
        TableDraft table = tables.get(key);
        if (table != null) {
            return new Source(table.schema, table.name, table.columns, table);
        }
        ViewDraft view = views.get(key);
        LinkedHashMap<String, ColumnDraft> columns = view == null ? null : outputColumns(view);
        return columns == null ? null : new Source(view.schema, view.name, columns, null);
    }

    /** A view's columns (a draft for each, carrying the type), or null when the view is invalid. */
    LinkedHashMap<String, ColumnDraft> outputColumns(ViewDraft view) {
        if (view.sources.isEmpty() || view.sources.contains(view.key())) {
            return null;
        }
        LinkedHashMap<String, ColumnDraft> columns = new LinkedHashMap<>();
        if (view.kind == ViewKind.COUNT) {
            columns.put(view.countName, new ColumnDraft(view.countName, "bigint"));
            return source(view.sources.get(0)) == null || view.sources.size() != 1 ? null : columns;
        }
        List<Source> sources = new ArrayList<>();
        for (String key : view.sources) {
            Source source = source(key);
            if (source == null) {
                return null;
            }
            sources.add(source);
        }
        if (view.kind == ViewKind.JOIN ? sources.size() != 2 || sources.get(0).name().equals(sources.get(1).name())
                : sources.size() != 1) {
            return null;
        }
        for (ViewItem item : view.items) {
            ColumnDraft column = item.source() < sources.size() ? sources.get(item.source()).columns().get(item.column()) : null;
            if (column == null || columns.containsKey(item.outputName())) {
                return null;
            }
            ColumnDraft output = column.withName(item.outputName());
            columns.put(output.name, output);
        }
        return columns.isEmpty() ? null : columns;
    }

    /** The view's definition as pg_get_viewdef prints it (white space normalised), or null when invalid. */
    String definition(ViewDraft view) {
        if (outputColumns(view) == null) {
            return null;
        }
        List<Source> sources = view.sources.stream().map(this::source).toList();
        String from = " FROM " + String.join(", ", sources.stream().map(s -> Sql.qualified(s.schema(), s.name())).toList());
        if (view.kind == ViewKind.COUNT) {
            return "SELECT count(*) AS " + Sql.ident(view.countName) + from;
        }
        List<String> items = new ArrayList<>();
        for (ViewItem item : view.items) {
            String ref = Sql.ident(sources.get(item.source()).name()) + "." + Sql.ident(item.column());
            // pg_get_viewdef leaves out an alias that is the column's own name.
            items.add(item.alias() == null || item.alias().equals(item.column()) ? ref : ref + " AS " + Sql.ident(item.alias()));
        }
        String where = "";
        if (view.where != null) {
            TableDraft table = sources.get(0).table();
            String predicate = table == null ? null : render(table, view.where, Sql.ident(table.name));
            if (predicate == null) {
                return null;
            }
            where = " WHERE " + predicate;
        }
        return "SELECT " + String.join(", ", items) + from + where;
    }

    /**
     * Whether PostgreSQL can update through the view, which WITH CHECK OPTION needs: it selects
     * plain columns of one table, or of one such view.
     */
    boolean autoUpdatable(ViewDraft view) {
        if (view.materialized || view.kind != ViewKind.SELECT || view.sources.size() != 1) {
            return false;
        }
        String source = view.sources.get(0);
        ViewDraft under = views.get(source);
        return tables.containsKey(source) || under != null && under != view && autoUpdatable(under);
    }

    /** Whether {@code view} selects, directly or through other views, from {@code key}. */
    boolean dependsOn(ViewDraft view, String key) {
        for (String source : view.sources) {
            if (source.equals(key) || views.containsKey(source) && !source.equals(view.key()) && dependsOn(views.get(source), key)) {
                return true;
            }
        }
        return false;
    }

    // ---- invariants ---------------------------------------------------------------------------

    /**
     * Removes or resets whatever an edit left invalid: columns of enum types that are gone become
     * text; defaults on labels or sequences that are gone, and defaults, identities and generation
     * expressions where the column cannot have them, go; keys, indexes, checks, policies and foreign
     * keys over missing columns or types that cannot have them go; so do foreign keys whose target
     * is gone or no longer a key, and views over what is gone. Primary key, serial and identity
     * columns are NOT NULL.
     */
    void repair() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (TableDraft table : tables.values()) {
                for (ColumnDraft column : table.columns.values()) {
                    repairColumn(table, column);
                }
                if (table.primaryKey != null && !keyable(table, table.primaryKey.columns())) {
                    table.primaryKey = null;
                    changed = true;
                }
                if (table.primaryKey != null) {
                    table.primaryKey.columns().forEach(c -> table.columns.get(c).notNull = true);
                }
                changed |= table.uniques.values().removeIf(u -> !keyable(table, u.columns()));
                changed |= table.indexes.values().removeIf(ix -> render(table, ix) == null);
                changed |= table.foreignKeys.values().removeIf(fk -> !validForeignKey(table, fk));
                changed |= table.checks.values().removeIf(c -> render(table, c.predicate()) == null);
                changed |= table.policies.values().removeIf(p -> render(table, p) == null);
            }
            changed |= views.values().removeIf(v -> definition(v) == null);
            for (ViewDraft view : views.values()) {
                if (view.with.containsKey("check_option") && !autoUpdatable(view)) {
                    view.with.remove("check_option");
                }
            }
        }
    }

    private void repairColumn(TableDraft table, ColumnDraft column) {
        if (column.isEnum() && !enums.containsKey(column.enumKey)) {
            column.type = column.isArray() ? "text[]" : "text";
            column.enumKey = null;
            column.clearDefault();
        }
        if (column.generated != null) {
            Expressions.Generated generated = render(table, column, column.generated);
            if (generated == null) {
                column.generated = null;
            } else {
                column.type = generated.type();
                column.enumKey = null;
                column.serial = false;
                column.identity = null;
                column.clearDefault();
            }
        }
        if (column.serial && (!column.spec().serialType() || column.isEnum())) {
            column.serial = false;
        }
        if (column.serial) {
            column.identity = null;
        }
        if (column.identity != null && (!identityValid(column.type, column.identity.options())
                || column.identity.current() != null && !contains(column.type, column.identity.options(), column.identity.current()))) {
            column.identity = null;
        }
        if (column.serial || column.identity != null) {
            column.clearDefault();
            column.notNull = true;
        }
        if (column.isEnum() && column.defaultValue != null) {
            List<String> labels = enums.get(column.enumKey).values;
            boolean known = column.defaultValue instanceof String label ? labels.contains(label)
                    : java.util.Arrays.stream((Object[]) column.defaultValue).allMatch(l -> l == null || labels.contains(l));
            if (!known || column.isArray() != column.defaultValue instanceof Object[]) {
                column.defaultValue = null;
            }
        }
        if (column.defaultSequence != null && (!sequences.containsKey(column.defaultSequence)
                || !List.of("integer", "bigint").contains(column.type))) {
            column.defaultSequence = null;
        }
    }

    /** Whether an identity column of {@code type} can have these sequence options. */
    static boolean identityValid(String type, SequenceOptions options) {
        if (!List.of("smallint", "integer", "bigint").contains(type)) {
            return false;
        }
        return sequenceValid(SequenceSnapshot.of("", "", type, options));
    }

    private static boolean contains(String type, SequenceOptions options, long value) {
        SequenceSnapshot s = SequenceSnapshot.of("", "", type, options);
        return value >= s.minValue() && value <= s.maxValue();
    }

    /** Whether PostgreSQL accepts these options for a sequence of the snapshot's type. */
    static boolean sequenceValid(SequenceSnapshot s) {
        long min = switch (s.type()) {
            case "smallint" -> Short.MIN_VALUE;
            case "integer" -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
        long max = switch (s.type()) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        return s.increment() != 0 && s.minValue() < s.maxValue() && s.minValue() >= min && s.maxValue() <= max
                && s.start() >= s.minValue() && s.start() <= s.maxValue() && s.cache() >= 1;
    }

    private static boolean keyable(TableDraft table, List<String> columns) {
        return !columns.isEmpty() && columns.stream().allMatch(c -> table.columns.containsKey(c)
                && table.columns.get(c).spec().keyable()) && new HashSet<>(columns).size() == columns.size();
    }

    /** Index methods valid for all the columns together. */
    static Set<TypeCatalog.Method> allowedMethods(TableDraft table, List<String> columns) {
        Set<TypeCatalog.Method> methods = java.util.EnumSet.allOf(TypeCatalog.Method.class);
        for (String column : columns) {
            methods.retainAll(table.columns.get(column).spec().methods());
        }
        if (columns.size() > 1) {
            methods.remove(TypeCatalog.Method.HASH);
            methods.remove(TypeCatalog.Method.SPGIST);
        }
        return methods;
    }

    private boolean validForeignKey(TableDraft table, ForeignKeyDraft fk) {
        TableDraft target = tables.get(fk.refKey());
        if (target == null || fk.columns().size() != fk.refColumns().size()
                || !fk.columns().stream().allMatch(table.columns::containsKey)
                || !fk.refColumns().stream().allMatch(target.columns::containsKey)) {
            return false;
        }
        boolean isKey = target.primaryKey != null && target.primaryKey.columns().equals(fk.refColumns())
                || target.uniques.values().stream().anyMatch(u -> u.columns().equals(fk.refColumns()));
        if (!isKey) {
            return false;
        }
        for (int i = 0; i < fk.columns().size(); i++) {
            ColumnDraft column = table.columns.get(fk.columns().get(i));
            // PostgreSQL limits the actions of a foreign key over generated columns: they are kept out.
            if (column.generated != null || !sameType(column, target.columns.get(fk.refColumns().get(i)))
                    || !TypeCatalog.referenceable(column.type)) {
                return false;
            }
        }
        return true;
    }

    // ---- the snapshot -------------------------------------------------------------------------

    Snapshot toSnapshot() {
        repair();
        SortedMap<String, TableSnapshot> result = new TreeMap<>();
        TreeSet<String> schemas = new TreeSet<>();
        for (TableDraft table : tables.values()) {
            TableSnapshot snapshot = table(table);
            result.put(snapshot.key(), snapshot);
            schemas.add(table.schema);
        }
        SortedMap<String, EnumSnapshot> enumSnapshots = new TreeMap<>();
        for (EnumDraft type : enums.values()) {
            enumSnapshots.put(type.key(), new EnumSnapshot(type.schema, type.name, type.values));
            schemas.add(type.schema);
        }
        SortedMap<String, SequenceSnapshot> sequenceSnapshots = new TreeMap<>();
        for (SequenceDraft sequence : sequences.values()) {
            sequenceSnapshots.put(sequence.key(), sequence.snapshot());
            schemas.add(sequence.schema());
        }
        SortedMap<String, ViewSnapshot> viewSnapshots = new TreeMap<>();
        for (ViewDraft view : views.values()) {
            viewSnapshots.put(view.key(), new ViewSnapshot(view.schema, view.name, definition(view), view.materialized,
                    view.with, view.materialized && view.withNoData, view.comment));
            schemas.add(view.schema);
        }
        SortedMap<String, RoleSnapshot> roleSnapshots = new TreeMap<>();
        for (RoleDraft role : roles.values()) {
            roleSnapshots.put(role.name(), new RoleSnapshot(role.name(), role.login(), role.createDb(), role.createRole(),
                    role.inherit(), role.bypassRls(), role.replication(), role.connectionLimit()));
        }
        schemas.remove(PUBLIC);
        return new Snapshot(Snapshot.CURRENT_VERSION, dialect.name(), Snapshot.NO_PARENT, "", schemas, result, enumSnapshots,
                sequenceSnapshots, viewSnapshots, roleSnapshots);
    }

    private TableSnapshot table(TableDraft table) {
        Map<String, ColumnSnapshot> columns = new LinkedHashMap<>();
        for (ColumnDraft column : table.columns.values()) {
            String typeSchema = column.isEnum() ? enums.get(column.enumKey).schema : null;
            String defaultExpr = null;
            if (column.defaultValue != null) {
                defaultExpr = dialect.literal(column.defaultValue, column.type, typeSchema);
            } else if (column.defaultSql != null) {
                defaultExpr = column.defaultSql;
            } else if (column.defaultSequence != null) {
                SequenceDraft sequence = sequences.get(column.defaultSequence);
                // regclass prints the name as the search path (public) makes it visible.
                defaultExpr = "nextval(" + Sql.string(Sql.qualified(sequence.schema(), sequence.name())) + "::regclass)";
            }
            IdentitySnapshot identity = column.identity == null ? null : IdentitySnapshot.of(
                    column.identity.always() ? IdentitySnapshot.ALWAYS : IdentitySnapshot.BY_DEFAULT, column.type,
                    column.identity.options());
            String generated = column.generated == null ? null : render(table, column, column.generated).expression();
            columns.put(column.name, new ColumnSnapshot(column.name, column.type, column.serial, column.notNull,
                    column.serial ? null : defaultExpr, typeSchema, identity, generated, column.comment));
        }
        SortedMap<String, KeySnapshot> uniques = new TreeMap<>();
        table.uniques.values().forEach(u -> uniques.put(u.name(), new KeySnapshot(u.name(), u.columns(), u.nullsNotDistinct())));
        SortedMap<String, ForeignKeySnapshot> fks = new TreeMap<>();
        table.foreignKeys.values().forEach(fk -> fks.put(fk.name(), new ForeignKeySnapshot(fk.name(), fk.columns(),
                fk.refSchema(), fk.refTable(), fk.refColumns(), fk.onDelete(), fk.onUpdate())));
        SortedMap<String, IndexSnapshot> indexes = new TreeMap<>();
        table.indexes.values().forEach(ix -> indexes.put(ix.name(), render(table, ix)));
        SortedMap<String, CheckSnapshot> checks = new TreeMap<>();
        table.checks.values().forEach(c -> checks.put(c.name(), new CheckSnapshot(c.name(), render(table, c.predicate()))));
        SortedMap<String, PolicySnapshot> policies = new TreeMap<>();
        table.policies.values().forEach(p -> policies.put(p.name(), render(table, p)));
        KeySnapshot pk = table.primaryKey == null ? null
                : new KeySnapshot(table.primaryKey.name(), table.primaryKey.columns());
        return new TableSnapshot(table.schema, table.name, columns, pk, uniques, fks, indexes, checks, table.comment, policies,
                table.rowLevelSecurity, table.forceRowLevelSecurity);
    }

    /** The renames the edits made, for the differ. */
    dev.sleet.kit.diff.Renames renames() {
        return new dev.sleet.kit.diff.Renames(tableRenames, columnRenames, schemaRenames);
    }

    /** Every role name the draft has, for introspection (which reads roles by name only). */
    Set<String> roleNames() {
        return new TreeSet<>(roles.keySet());
    }

    @Override
    public String toString() {
        return Objects.toString(tables.keySet()) + " " + enums.keySet() + " " + sequences.keySet() + " " + views.keySet()
                + " " + roles.keySet();
    }
}
