package dev.sleet.kit.property;

import dev.sleet.kit.dialect.Dialect;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.KeySnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;

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

/**
 * A mutable schema that generators and edits work on, turned into a {@link Snapshot} at the end.
 * It knows PostgreSQL's namespaces (tables, indexes, key constraints and owned sequences share one
 * per schema; constraint names are per table) so that generated names never collide, and
 * {@link #repair()} restores the invariants of a valid schema after an edit took something away.
 *
 * <p>This class is the only one that builds snapshot records: when the snapshot model grows (enums,
 * sequences, views), give the draft a field for the new kind, fill it in {@link #toSnapshot}, and add
 * a generator part and edits for it.
 */
final class SchemaDraft {

    static final String PUBLIC = "public";

    final Dialect dialect;
    final Names names;
    /** The schema besides public that tables may go to. */
    final String otherSchema;
    final Map<String, TableDraft> tables = new LinkedHashMap<>();
    /**
     * Keys of tables an edit dropped. A new table may not take such a name: the differ would rightly
     * see the old table altered, and a column that kept its name but changed to an unrelated type has
     * no cast.
     */
    final Set<String> retiredTables = new HashSet<>();
    /**
     * Relation names ({@code schema.name}) taken by objects the draft does not model: the sequences of
     * serial columns keep their names when their table or column is renamed.
     */
    final Set<String> reservedRelations = new HashSet<>();
    /** Tables renamed by edits: old key to new key (what {@code Renames.tables} takes). */
    final Map<String, String> tableRenames = new LinkedHashMap<>();
    /** Columns renamed by edits: {@code schema.table.column}, the table by its new name, old to new. */
    final Map<String, String> columnRenames = new LinkedHashMap<>();

    SchemaDraft(Dialect dialect, Names names, String otherSchema) {
        this.dialect = dialect;
        this.names = names;
        this.otherSchema = otherSchema;
    }

    static final class TableDraft {
        final String schema;
        final String name;
        final LinkedHashMap<String, ColumnDraft> columns = new LinkedHashMap<>();
        KeyDraft primaryKey;
        final LinkedHashMap<String, KeyDraft> uniques = new LinkedHashMap<>();
        final LinkedHashMap<String, ForeignKeyDraft> foreignKeys = new LinkedHashMap<>();
        final LinkedHashMap<String, IndexDraft> indexes = new LinkedHashMap<>();
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
            TableDraft copy = new TableDraft(schema, name);
            columns.forEach((k, v) -> copy.columns.put(k, v.copy()));
            copy.primaryKey = primaryKey;
            copy.uniques.putAll(uniques);
            copy.foreignKeys.putAll(foreignKeys);
            copy.indexes.putAll(indexes);
            copy.retiredColumns.addAll(retiredColumns);
            return copy;
        }

        /** The same table under another name. */
        TableDraft renamed(String newName) {
            TableDraft copy = new TableDraft(schema, newName);
            columns.forEach((k, v) -> copy.columns.put(k, v.copy()));
            copy.primaryKey = primaryKey;
            copy.uniques.putAll(uniques);
            copy.foreignKeys.putAll(foreignKeys);
            copy.indexes.putAll(indexes);
            copy.retiredColumns.addAll(retiredColumns);
            return copy;
        }

        /** Renames a column in place, keeping its position, and in the keys and indexes over it. */
        void renameColumn(String from, String to) {
            java.util.function.UnaryOperator<List<String>> rename = list -> list.stream().map(c -> c.equals(from) ? to : c).toList();
            LinkedHashMap<String, ColumnDraft> renamed = new LinkedHashMap<>();
            columns.forEach((name, c) -> {
                ColumnDraft next = c;
                if (name.equals(from)) {
                    next = new ColumnDraft(to, c.type);
                    next.serial = c.serial;
                    next.notNull = c.notNull;
                    next.defaultValue = c.defaultValue;
                    next.defaultSql = c.defaultSql;
                }
                renamed.put(next.name, next);
            });
            columns.clear();
            columns.putAll(renamed);
            if (primaryKey != null) {
                primaryKey = new KeyDraft(primaryKey.name(), rename.apply(primaryKey.columns()));
            }
            uniques.replaceAll((k, u) -> new KeyDraft(u.name(), rename.apply(u.columns())));
            foreignKeys.replaceAll((k, fk) -> new ForeignKeyDraft(fk.name(), rename.apply(fk.columns()), fk.refSchema(),
                    fk.refTable(), fk.refColumns(), fk.onDelete(), fk.onUpdate()));
            indexes.replaceAll((k, ix) -> new IndexDraft(ix.name(), rename.apply(ix.columns()), ix.unique(), ix.method()));
        }

        /** Names in the table's own constraint namespace. */
        Set<String> constraintNames() {
            Set<String> names = new HashSet<>(uniques.keySet());
            names.addAll(foreignKeys.keySet());
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
        String type;
        boolean serial;
        boolean notNull;
        /** A Java value rendered with {@code dialect.literal}, or null. */
        Object defaultValue;
        /** An expression default in pg_get_expr form, used when {@link #defaultValue} is null. */
        String defaultSql;

        ColumnDraft(String name, String type) {
            this.name = name;
            this.type = type;
        }

        ColumnDraft copy() {
            ColumnDraft copy = new ColumnDraft(name, type);
            copy.serial = serial;
            copy.notNull = notNull;
            copy.defaultValue = defaultValue;
            copy.defaultSql = defaultSql;
            return copy;
        }

        boolean hasDefault() {
            return defaultValue != null || defaultSql != null;
        }

        void clearDefault() {
            defaultValue = null;
            defaultSql = null;
        }

        TypeCatalog.Spec spec() {
            return TypeCatalog.spec(type);
        }
    }

    record KeyDraft(String name, List<String> columns) {
        KeyDraft {
            columns = List.copyOf(columns);
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

    record IndexDraft(String name, List<String> columns, boolean unique, TypeCatalog.Method method) {
        IndexDraft {
            columns = List.copyOf(columns);
        }
    }

    SchemaDraft copy() {
        SchemaDraft copy = new SchemaDraft(dialect, names, otherSchema);
        tables.forEach((k, v) -> copy.tables.put(k, v.copy()));
        copy.retiredTables.addAll(retiredTables);
        copy.reservedRelations.addAll(reservedRelations);
        copy.tableRenames.putAll(tableRenames);
        copy.columnRenames.putAll(columnRenames);
        return copy;
    }

    List<TableDraft> tableList() {
        return new ArrayList<>(tables.values());
    }

    // ---- namespaces ---------------------------------------------------------------------------

    /** Names taken in a schema's relation namespace: tables, indexes, key constraints, owned sequences. */
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
                if (column.serial) {
                    taken.add(sequenceName(table, column.name));
                }
            }
        }
        return taken;
    }

    String sequenceName(TableDraft table, String column) {
        return dialect.defaultConstraintName(table.name, List.of(column), "seq");
    }

    /** A name free in the schema's relation namespace, or null when the tries ran out. */
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

    String foreignKeyName(Random random, TableDraft table, List<String> columns, boolean preferDefault) {
        Set<String> taken = table.constraintNames();
        if (preferDefault) {
            String name = dialect.defaultConstraintName(table.name, columns, "fkey");
            if (!taken.contains(name)) {
                return name;
            }
        }
        for (int i = 0; ; i++) {
            String name = i < 20 ? names.next(random, "fk") : "fk_" + i;
            if (!taken.contains(name)) {
                return name;
            }
        }
    }

    String freshColumnName(Random random, TableDraft table, String kind) {
        Set<String> taken = relationNames(table.schema);
        for (int i = 0; ; i++) {
            String name = i < 20 ? names.next(random, kind) : kind + "_" + i;
            // A serial column's sequence takes a relation name too.
            if (!table.columns.containsKey(name) && !table.retiredColumns.contains(name)
                    && !taken.contains(sequenceName(table, name))) {
                return name;
            }
        }
    }

    /** True when a serial column of this name could own its sequence without a clash. */
    boolean sequenceFree(TableDraft table, String column) {
        return !relationNames(table.schema).contains(sequenceName(table, column));
    }

    // ---- invariants ---------------------------------------------------------------------------

    /**
     * Removes whatever an edit left invalid: keys, indexes and foreign keys over missing columns or
     * types that cannot have them, foreign keys whose target is gone or no longer a key, defaults on
     * serial columns; primary key and serial columns are NOT NULL.
     */
    void repair() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (TableDraft table : tables.values()) {
                for (ColumnDraft column : table.columns.values()) {
                    if (column.serial && !column.spec().serialType()) {
                        column.serial = false;
                    }
                    if (column.serial) {
                        column.clearDefault();
                        column.notNull = true;
                    }
                }
                if (table.primaryKey != null && !keyable(table, table.primaryKey.columns())) {
                    table.primaryKey = null;
                    changed = true;
                }
                if (table.primaryKey != null) {
                    table.primaryKey.columns().forEach(c -> table.columns.get(c).notNull = true);
                }
                changed |= table.uniques.values().removeIf(u -> !keyable(table, u.columns()));
                changed |= table.indexes.values().removeIf(ix -> !indexable(table, ix));
                changed |= table.foreignKeys.values().removeIf(fk -> !validForeignKey(table, fk));
            }
        }
    }

    private static boolean keyable(TableDraft table, List<String> columns) {
        return !columns.isEmpty() && columns.stream().allMatch(c -> table.columns.containsKey(c)
                && table.columns.get(c).spec().keyable()) && new HashSet<>(columns).size() == columns.size();
    }

    static boolean indexable(TableDraft table, IndexDraft index) {
        if (index.columns().isEmpty() || !index.columns().stream().allMatch(table.columns::containsKey)) {
            return false;
        }
        return allowedMethods(table, index.columns()).contains(index.method())
                && (!index.unique() || index.method() == TypeCatalog.Method.BTREE);
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
            if (!table.columns.get(fk.columns().get(i)).type.equals(target.columns.get(fk.refColumns().get(i)).type)) {
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
            Map<String, ColumnSnapshot> columns = new LinkedHashMap<>();
            for (ColumnDraft column : table.columns.values()) {
                String defaultExpr = column.defaultValue != null ? dialect.literal(column.defaultValue, column.type)
                        : column.defaultSql;
                columns.put(column.name, new ColumnSnapshot(column.name, column.type, column.serial, column.notNull,
                        column.serial ? null : defaultExpr));
            }
            SortedMap<String, KeySnapshot> uniques = new TreeMap<>();
            table.uniques.values().forEach(u -> uniques.put(u.name(), new KeySnapshot(u.name(), u.columns())));
            SortedMap<String, ForeignKeySnapshot> fks = new TreeMap<>();
            table.foreignKeys.values().forEach(fk -> fks.put(fk.name(), new ForeignKeySnapshot(fk.name(), fk.columns(),
                    fk.refSchema(), fk.refTable(), fk.refColumns(), fk.onDelete(), fk.onUpdate())));
            SortedMap<String, IndexSnapshot> indexes = new TreeMap<>();
            table.indexes.values().forEach(ix -> indexes.put(ix.name(),
                    new IndexSnapshot(ix.name(), ix.columns(), ix.unique(), ix.method().sql())));
            KeySnapshot pk = table.primaryKey == null ? null
                    : new KeySnapshot(table.primaryKey.name(), table.primaryKey.columns());
            TableSnapshot snapshot = new TableSnapshot(table.schema, table.name, columns, pk, uniques, fks, indexes);
            result.put(snapshot.key(), snapshot);
            if (!table.schema.equals(PUBLIC)) {
                schemas.add(table.schema);
            }
        }
        return new Snapshot(Snapshot.CURRENT_VERSION, dialect.name(), Snapshot.NO_PARENT, "", schemas, result);
    }

    /** The renames the edits made, for the differ. */
    dev.sleet.kit.diff.Renames renames() {
        return new dev.sleet.kit.diff.Renames(tableRenames, columnRenames);
    }

    /** The schemas this draft puts tables in (public always). */
    Set<String> schemaNames() {
        Set<String> schemas = new TreeSet<>();
        schemas.add(PUBLIC);
        tables.values().forEach(t -> schemas.add(t.schema));
        return schemas;
    }

    @Override
    public String toString() {
        return Objects.toString(tables.keySet());
    }
}
