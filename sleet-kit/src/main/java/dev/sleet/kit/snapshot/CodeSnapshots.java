package dev.sleet.kit.snapshot;

import dev.sleet.kit.SleetException;
import dev.sleet.kit.dialect.Dialect;
import dev.sleet.schema.Check;
import dev.sleet.schema.Column;
import dev.sleet.schema.ColumnDefault;
import dev.sleet.schema.Domain;
import dev.sleet.schema.Constraint;
import dev.sleet.schema.Deferral;
import dev.sleet.schema.EnumType;
import dev.sleet.schema.Exclusion;
import dev.sleet.schema.ForeignKey;
import dev.sleet.schema.Index;
import dev.sleet.schema.IndexKey;
import dev.sleet.schema.Policy;
import dev.sleet.schema.Role;
import dev.sleet.schema.Routine;
import dev.sleet.schema.SchemaObject;
import dev.sleet.schema.Sequence;
import dev.sleet.schema.Table;
import dev.sleet.schema.Trigger;
import dev.sleet.schema.View;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns tables declared in Java into a {@link Snapshot}, in the same normal form introspection
 * produces: a primary key implies NOT NULL, unnamed constraints take the database's default
 * names, and literal defaults are spelled as the catalog prints them.
 */
public final class CodeSnapshots {

    private CodeSnapshots() {}

    public static Snapshot of(Collection<? extends Table<?>> tables, Dialect dialect) {
        return of(tables, List.of(), dialect);
    }

    /**
     * Tables and the other objects the schema code declares (enum types, ...). Enum types used by
     * columns are part of the schema whether or not they are declared as objects too.
     */
    public static Snapshot of(Collection<? extends Table<?>> tables, Collection<? extends SchemaObject> objects,
                              Dialect dialect) {
        SortedMap<String, TableSnapshot> result = new TreeMap<>();
        TreeSet<String> schemas = new TreeSet<>();
        SortedMap<String, EnumSnapshot> enums = new TreeMap<>();
        SortedMap<String, SequenceSnapshot> sequences = new TreeMap<>();
        SortedMap<String, ViewSnapshot> views = new TreeMap<>();
        SortedMap<String, RoleSnapshot> roles = new TreeMap<>();
        SortedMap<String, RoutineSnapshot> routines = new TreeMap<>();
        for (SchemaObject object : objects) {
            if (CodeObjects.accepts(object)) {
                continue;
            } else if (object instanceof EnumType<?> type) {
                addEnum(enums, type);
            } else if (object instanceof Sequence sequence) {
                SequenceSnapshot snapshot = SequenceSnapshot.of(sequence.schemaName(), sequence.objectName(), sequence.type(),
                        sequence.options()).withOwnedBy(sequence.owner().orElse(null));
                if (sequences.put(snapshot.key(), snapshot) != null) {
                    throw new SleetException("Sequence " + snapshot.key() + " is declared twice in the schema code");
                }
                if (!snapshot.schema().equals(dialect.defaultSchema())) {
                    schemas.add(snapshot.schema());
                }
            } else if (object instanceof View view) {
                SortedMap<String, IndexSnapshot> viewIndexes = new TreeMap<>();
                for (Index index : view.indexes()) {
                    if (viewIndexes.put(index.name(), index(index, view.objectName(), null)) != null) {
                        throw new SleetException("View " + view.objectName() + " declares index " + index.name() + " twice");
                    }
                }
                if (view.clusteredOn().isPresent() && !viewIndexes.containsKey(view.clusteredOn().get())) {
                    throw new SleetException("View " + view.objectName() + " is clustered on " + view.clusteredOn().get()
                            + ", which is none of its indexes");
                }
                SortedMap<String, TriggerSnapshot> triggers = new TreeMap<>();
                view.triggers().values().forEach(t -> triggers.put(t.name(), new TriggerSnapshot(t.name(), t.definition(), null)));
                SortedMap<String, ViewColumnSnapshot> columns = new TreeMap<>();
                view.columns().values().forEach(c -> columns.put(c.name(), new ViewColumnSnapshot(c.name(), c.defaultSql(), c.comment())));
                ViewSnapshot snapshot = new ViewSnapshot(view.schemaName(), view.objectName(), view.definition(),
                        view.isMaterialized(), view.with(), view.isWithNoData(), view.comment(), triggers,
                        viewIndexes, view.clusteredOn().orElse(null), columns, view.standIn().stream()
                                .map(a -> new TypeSnapshot.Attribute(a.name(), a.type(), a.collation().orElse(null))).toList());
                if (views.put(snapshot.key(), snapshot) != null) {
                    throw new SleetException("View " + snapshot.key() + " is declared twice in the schema code");
                }
                if (!snapshot.schema().equals(dialect.defaultSchema())) {
                    schemas.add(snapshot.schema());
                }
            } else if (object instanceof Role role) {
                RoleSnapshot snapshot = new RoleSnapshot(role.objectName(), role.canLogin(), role.canCreateDb(),
                        role.canCreateRole(), role.inherits(), role.bypassesRls(), role.canReplicate(), role.connectionLimit());
                if (roles.put(snapshot.name(), snapshot) != null) {
                    throw new SleetException("Role " + snapshot.name() + " is declared twice in the schema code");
                }
            } else if (object instanceof Routine routine) {
                RoutineSnapshot snapshot = RoutineSnapshot.of(routine.definition(), routine.dependsOn())
                        .withComment(routine.comment());
                if (routines.put(snapshot.key(), snapshot) != null) {
                    throw new SleetException("Routine " + snapshot.key() + " is declared twice in the schema code");
                }
                if (!snapshot.schema().equals(dialect.defaultSchema())) {
                    schemas.add(snapshot.schema());
                }
            } else {
                throw new SleetException("The schema code declares " + object + " of type " + object.getClass().getName()
                        + ", which this version of Sleet does not support");
            }
        }
        for (Table<?> table : tables) {
            for (Column<?> column : table.columns()) {
                column.enumType().ifPresent(type -> addEnum(enums, type));
            }
        }
        for (EnumSnapshot type : enums.values()) {
            if (!type.schema().equals(dialect.defaultSchema())) {
                schemas.add(type.schema());
            }
        }
        for (Table<?> table : tables) {
            TableSnapshot snapshot = table(table, dialect);
            if (result.put(snapshot.key(), snapshot) != null) {
                throw new SleetException("Table " + snapshot.key() + " is declared twice in the schema code");
            }
            if (!table.schemaName().equals(dialect.defaultSchema())) {
                schemas.add(table.schemaName());
            }
        }
        validateReferences(result);
        PartitionSnapshots.validate(result);
        for (TableSnapshot table : result.values()) {
            for (ParentSnapshot parent : table.inherits()) {
                if (!result.containsKey(parent.key())) {
                    throw new SleetException("Table " + table.key() + " inherits from " + parent.key()
                            + ", which is not part of the schema code");
                }
            }
        }
        for (String key : views.keySet()) {
            if (result.containsKey(key)) {
                throw new SleetException("View " + key + " has the name of a table");
            }
        }
        return CodeObjects.addTo(new Snapshot(Snapshot.CURRENT_VERSION, dialect.name(), Snapshot.NO_PARENT, "", schemas, result,
                enums, sequences, views, roles).withRoutines(routines), objects, tables, dialect);
    }

    private static void addEnum(SortedMap<String, EnumSnapshot> enums, EnumType<?> type) {
        EnumSnapshot snapshot = new EnumSnapshot(type.schemaName(), type.objectName(), type.labels());
        EnumSnapshot earlier = enums.putIfAbsent(snapshot.key(), snapshot);
        if (earlier != null && !earlier.equals(snapshot)) {
            throw new SleetException("Enum type " + snapshot.key() + " is declared twice, with labels " + earlier.values()
                    + " and " + snapshot.values());
        }
    }

    private static TableSnapshot table(Table<?> table, Dialect dialect) {
        String name = table.tableName();
        List<String> pkColumns = new ArrayList<>();
        String pkName = null;
        Deferral pkDeferral = null;
        for (Column<?> column : table.columns()) {
            if (column.isPrimaryKey()) {
                pkColumns.add(column.name());
            }
        }
        SortedMap<String, KeySnapshot> uniques = new TreeMap<>();
        for (Constraint constraint : table.constraints()) {
            requireColumns(table, constraint.columns(), "constraint " + constraint.name().orElse(""));
            if (constraint.kind() == Constraint.Kind.PRIMARY_KEY) {
                if (!pkColumns.isEmpty()) {
                    throw new SleetException("Table " + name + " declares more than one primary key");
                }
                pkColumns.addAll(constraint.columns());
                pkName = constraint.name().orElse(null);
                pkDeferral = constraint.deferral();
            } else {
                String uniqueName = constraint.name().orElse(dialect.defaultConstraintName(name, constraint.columns(), "key"));
                uniques.put(uniqueName, new KeySnapshot(uniqueName, constraint.columns(), constraint.nullsNotDistinct(),
                        constraint.deferral()));
            }
        }
        Map<String, ColumnSnapshot> columns = new LinkedHashMap<>();
        List<Table<?>> parents = parents(table);
        Map<String, Boolean> inherited = inheritedColumns(parents);
        for (Column<?> column : table.columns()) {
            // Serial columns and primary key columns are NOT NULL in the catalog whether or not code says so.
            boolean notNull = column.isNotNull() || column.isSerial() || pkColumns.contains(column.name());
            String defaultExpr = column.defaultValue().map(d -> defaultExpression(d, column, dialect)).orElse(null);
            if (column.isSerial() && defaultExpr != null) {
                throw new SleetException("Column " + name + "." + column.name() + " is serial and cannot have a default as well");
            }
            String typeSchema = column.enumType().map(EnumType::schemaName)
                    .or(() -> column.domain().map(Domain::schemaName)).orElse(null);
            IdentitySnapshot identity = column.identity().map(id -> identity(table, column, id)).orElse(null);
            String generated = column.generatedExpression().orElse(null);
            if (identity != null && (column.isSerial() || defaultExpr != null || generated != null)) {
                throw new SleetException("Column " + name + "." + column.name()
                        + " is an identity column and cannot be serial, generated or have a default as well");
            }
            if (generated != null && (column.isSerial() || defaultExpr != null)) {
                throw new SleetException("Column " + name + "." + column.name()
                        + " is generated and cannot be serial or have a default as well");
            }
            if (inherited.containsKey(column.name()) && !table.redeclaredColumnNames().contains(column.name())) {
                // PostgreSQL makes it from the parent: only what it carries of its own is the table's.
                ColumnSnapshot part = ColumnSnapshot.inheritedPart(column.name(), column.type().sql(), typeSchema,
                        notNull && !inherited.get(column.name()),
                        defaultExpr, column.columnComment().orElse(null));
                if (part != null) {
                    columns.put(column.name(), part);
                }
            } else {
                columns.put(column.name(), new ColumnSnapshot(column.name(), column.type().sql(), column.isSerial(), notNull,
                        defaultExpr, typeSchema, identity, generated, column.columnComment().orElse(null),
                        column.collation().orElse(null), column.collationSchema().orElse(null)));
            }
            if (column.isUnique()) {
                String uniqueName = column.uniqueName()
                        .orElse(dialect.defaultConstraintName(name, List.of(column.name()), "key"));
                uniques.put(uniqueName, new KeySnapshot(uniqueName, List.of(column.name())));
            }
        }
        KeySnapshot primaryKey = pkColumns.isEmpty() ? null
                : new KeySnapshot(pkName != null ? pkName : dialect.defaultConstraintName(name, pkColumns, "pkey"), pkColumns,
                        false, pkDeferral);
        SortedMap<String, ForeignKeySnapshot> foreignKeys = new TreeMap<>();
        for (ForeignKey key : table.foreignKeys()) {
            requireColumns(table, key.columns(), "foreign key " + key.name().orElse(""));
            List<Column<?>> targets;
            try {
                targets = key.referencedColumns();
            } catch (IllegalStateException e) {
                throw new SleetException(e.getMessage());
            }
            Table<?> target = targets.get(0).table();
            String keyName = key.name().orElse(dialect.defaultConstraintName(name, key.columns(), "fkey"));
            List<String> targetColumns = new ArrayList<>();
            for (Column<?> column : targets) {
                if (column.table() != target) {
                    throw new SleetException("Foreign key " + keyName + " on " + name + " references columns of more than one table");
                }
                targetColumns.add(column.name());
            }
            foreignKeys.put(keyName, new ForeignKeySnapshot(keyName, key.columns(), target.schemaName(), target.tableName(),
                    targetColumns, key.onDelete().sql(), key.onUpdate().sql(), key.deferral(), key.isNotValid()));
        }
        SortedMap<String, IndexSnapshot> indexes = new TreeMap<>();
        for (Index index : table.indexes()) {
            requireColumns(table, index.columns(), "index " + index.name());
            requireColumns(table, index.include(), "index " + index.name());
            IndexSnapshot snapshot = index(index, name, table);
            if (indexes.put(index.name(), snapshot) != null) {
                throw new SleetException("Table " + name + " declares index " + index.name() + " twice");
            }
        }
        SortedMap<String, CheckSnapshot> checks = new TreeMap<>();
        for (Check check : table.checks()) {
            if (checks.put(check.name(), new CheckSnapshot(check.name(), check.expression(), check.notValid(), check.noInherit())) != null) {
                throw new SleetException("Table " + name + " declares check constraint " + check.name() + " twice");
            }
        }
        SortedMap<String, ExclusionSnapshot> exclusions = new TreeMap<>();
        for (Exclusion exclusion : table.exclusions()) {
            if (exclusion.elements().isEmpty()) {
                throw new SleetException("Exclusion constraint " + exclusion.name() + " on " + name
                        + " has no elements: add .with(column, operator)");
            }
            List<IndexKeySnapshot> keys = new ArrayList<>();
            List<String> operators = new ArrayList<>();
            for (Exclusion.Element element : exclusion.elements()) {
                if (element.key().column() != null) {
                    requireColumns(table, List.of(element.key().column()), "exclusion constraint " + exclusion.name());
                }
                keys.add(key(element.key(), table));
                operators.add(element.operator());
            }
            ExclusionSnapshot snapshot = new ExclusionSnapshot(exclusion.name(), exclusion.method().sql(), keys, operators,
                    exclusion.where(), exclusion.deferral());
            if (exclusions.put(exclusion.name(), snapshot) != null) {
                throw new SleetException("Table " + name + " declares exclusion constraint " + exclusion.name() + " twice");
            }
        }
        SortedMap<String, PolicySnapshot> policies = new TreeMap<>();
        for (Policy policy : table.policies()) {
            PolicySnapshot snapshot = new PolicySnapshot(policy.name(),
                    policy.isRestrictive() ? PolicySnapshot.RESTRICTIVE : PolicySnapshot.PERMISSIVE, policy.command().sql(),
                    policy.roles(), policy.using(), policy.withCheck());
            if (policies.put(policy.name(), snapshot) != null) {
                throw new SleetException("Table " + name + " declares policy " + policy.name() + " twice");
            }
        }
        SortedMap<String, TriggerSnapshot> triggers = new TreeMap<>();
        for (Trigger trigger : table.triggers()) {
            if (triggers.put(trigger.name(), new TriggerSnapshot(trigger.name(), trigger.definition(),
                    trigger.enabled().code())) != null) {
                throw new SleetException("Table " + name + " declares trigger " + trigger.name() + " twice");
            }
        }
        PartitionSnapshot partitioning = PartitionSnapshots.of(table);
        if (partitioning != null && partitioning.isPartition()) {
            // A partition's columns are its parent's; those it declares serve queries only.
            columns = Map.of();
        }
        String clusterOn = table.clusteredOn().orElse(null);
        if (clusterOn != null && !indexes.containsKey(clusterOn) && !uniques.containsKey(clusterOn)
                && (primaryKey == null || !clusterOn.equals(primaryKey.name()))) {
            throw new SleetException("Table " + name + " is clustered on " + clusterOn
                    + ", which is none of its indexes, primary key or unique constraints");
        }
        return new TableSnapshot(table.schemaName(), name, columns, primaryKey, uniques, foreignKeys, indexes, checks,
                table.tableComment().orElse(null), policies, table.isRowLevelSecurityEnabled(), table.isRowLevelSecurityForced(),
                triggers, partitioning, exclusions, clusterOn,
                parents.stream().map(p -> new ParentSnapshot(p.schemaName(), p.tableName())).toList())
                .withStorageParameters(table.storageParameters());
    }

    private static List<Table<?>> parents(Table<?> table) {
        try {
            return table.parents();
        } catch (IllegalStateException e) {
            throw new SleetException(e.getMessage());
        }
    }

    /** The columns {@code parents} have, declared or inherited in turn: whether any parent has each NOT NULL. */
    private static Map<String, Boolean> inheritedColumns(List<Table<?>> parents) {
        Map<String, Boolean> columns = new HashMap<>();
        Set<Table<?>> seen = new HashSet<>();
        List<Table<?>> pending = new ArrayList<>(parents);
        while (!pending.isEmpty()) {
            Table<?> parent = pending.remove(pending.size() - 1);
            if (seen.add(parent)) {
                List<String> keyColumns = parent.constraints().stream().filter(c -> c.kind() == Constraint.Kind.PRIMARY_KEY)
                        .flatMap(c -> c.columns().stream()).toList();
                parent.columns().forEach(c -> columns.merge(c.name(), c.isNotNull() || c.isSerial() || c.isPrimaryKey()
                        || c.identity().isPresent() || keyColumns.contains(c.name()), Boolean::logicalOr));
                pending.addAll(parents(parent));
            }
        }
        return columns;
    }

    /**
     * An index of a table or a materialized view ({@code on} names the one it is declared on, for
     * messages); {@code table} is null for a view.
     */
    private static IndexSnapshot index(Index index, String on, Table<?> table) {
        if (index.keys().isEmpty()) {
            throw new SleetException("Index " + index.name() + " on " + on + " has no columns: add .on(column, ...)");
        }
        List<IndexKeySnapshot> keys = new ArrayList<>();
        for (IndexKey key : index.keys()) {
            keys.add(key(key, table));
        }
        return new IndexSnapshot(index.name(), List.of(), index.isUnique(), index.method().sql(), keys,
                index.where(), index.with(), index.isNullsNotDistinct(), index.isConcurrently(), index.include());
    }

    /** A key of an index or exclusion constraint on {@code table} (null for a view). */
    private static IndexKeySnapshot key(IndexKey key, Table<?> table) {
        String nulls = switch (key.nulls()) {
            case FIRST -> IndexKeySnapshot.FIRST;
            case LAST -> IndexKeySnapshot.LAST;
            case DEFAULT -> null;
        };
        // A key's collation that is its column's own is no collation of the key: the catalog does not print it.
        boolean own = table != null && key.column() != null && key.collation() != null
                && table.column(key.column()).map(c -> sameCollation(c, key.collation(), key.collationSchema())).orElse(false);
        return new IndexKeySnapshot(key.column(), key.expression(), key.opclass(), key.isDescending(), nulls,
                own ? null : key.collation(), own ? null : key.collationSchema());
    }

    /** Whether {@code column}'s collation (declared, else its domain's) is {@code collation} of {@code collationSchema}. */
    private static boolean sameCollation(Column<?> column, String collation, String collationSchema) {
        if (column.collation().isPresent()) {
            return column.collation().get().equals(collation) && Objects.equals(column.collationSchema().orElse(null), collationSchema);
        }
        return column.domain().map(d -> d.collation().map(collation::equals).orElse(false)
                && Objects.equals(d.collationSchema().orElse(null), collationSchema)).orElse(false);
    }

    private static IdentitySnapshot identity(Table<?> table, Column<?> column, Column.Identity identity) {
        String generation = identity.generation() == Column.IdentityGeneration.ALWAYS
                ? IdentitySnapshot.ALWAYS : IdentitySnapshot.BY_DEFAULT;
        try {
            return IdentitySnapshot.of(generation, column.type().sql(), identity.options()).withSequenceName(identity.sequenceName());
        } catch (SleetException e) {
            throw new SleetException("Column " + table.tableName() + "." + column.name() + " is an identity column of type "
                    + column.type().sql() + "; identity columns are smallint, integer or bigint");
        }
    }

    private static String defaultExpression(ColumnDefault value, Column<?> column, Dialect dialect) {
        if (value instanceof ColumnDefault.Sql sql) {
            return sql.expression();
        }
        Object literal = ((ColumnDefault.Value) value).value();
        if (column.domain().isPresent()) {
            throw new SleetException("Column " + column + " is of domain " + column.domain().get().objectName()
                    + ": give its default with defaultSql(...), as PostgreSQL prints it");
        }
        if (column.enumType().isEmpty()) {
            return dialect.literal(literal, column.type().sql(), null);
        }
        EnumType<?> type = column.enumType().get();
        try {
            if (literal instanceof Object[] values) {
                String[] labels = new String[values.length];
                for (int i = 0; i < values.length; i++) {
                    labels[i] = values[i] == null ? null : type.labelOf(values[i]);
                }
                literal = labels;
            } else {
                literal = type.labelOf(literal);
            }
        } catch (IllegalArgumentException e) {
            throw new SleetException("The default of column " + column + ": " + e.getMessage());
        }
        return dialect.literal(literal, column.type().sql(), type.schemaName());
    }

    private static void requireColumns(Table<?> table, List<String> columns, String what) {
        for (String column : columns) {
            if (table.column(column).isEmpty()) {
                throw new SleetException("The " + what.trim() + " on table " + table.tableName()
                        + " names column \"" + column + "\", which the table does not declare");
            }
        }
    }

    private static void validateReferences(Map<String, TableSnapshot> tables) {
        for (TableSnapshot table : tables.values()) {
            for (ForeignKeySnapshot fk : table.foreignKeys().values()) {
                if (!tables.containsKey(fk.referencedKey())) {
                    throw new SleetException("Foreign key " + fk.name() + " on " + table.key() + " references table "
                            + fk.referencedKey() + ", which is not part of the schema code");
                }
            }
        }
    }
}
