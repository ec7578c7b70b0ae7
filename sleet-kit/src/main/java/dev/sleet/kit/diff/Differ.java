package dev.sleet.kit.diff;

import dev.sleet.kit.snapshot.CheckSnapshot;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.EnumSnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.RoleSnapshot;
import dev.sleet.kit.snapshot.SequenceSnapshot;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Compares two snapshots and lists the changes that turn the first into the second, in an order
 * that executes: constraints that go away are dropped before the tables and columns they stand on
 * change, new tables exist before foreign keys point at them, and anything that changed shape (a
 * foreign key whose actions differ, an index on other columns) is dropped and added again.
 */
public final class Differ {

    private Differ() {}

    public static List<Change> diff(Snapshot from, Snapshot to) {
        return diff(from, to, Renames.NONE);
    }

    public static List<Change> diff(Snapshot from, Snapshot to, Renames renames) {
        Plan plan = new Plan();
        from = RenameStep.apply(from, renames, plan.renames, to);
        for (String schema : to.schemas()) {
            if (!from.schemas().contains(schema)) {
                plan.createSchemas.add(new Change.CreateSchema(schema));
            }
        }
        for (String schema : from.schemas()) {
            if (!to.schemas().contains(schema)) {
                plan.dropSchemas.add(new Change.DropSchema(schema));
            }
        }
        // Types made anew (renamed out of the way, made again) whose columns move over: enum types whose
        // labels were removed or reordered, domains whose base type changed, domains over either.
        RetiredNames retired = new RetiredNames(from, to);
        Set<String> recreatedTypes = enums(plan, from, to, retired);
        recreatedTypes.addAll(ObjectsPlan.recreatedDomains(from, to, recreatedTypes));
        sequences(plan, from, to);
        ObjectsPlan.objects(plan, from, to, recreatedTypes, retired);
        ForeignPlan.foreign(plan, from, to, recreatedTypes);
        for (TableSnapshot old : from.tables().values()) {
            TableSnapshot now = to.tables().get(old.key());
            if (now == null) {
                dropTable(plan, old, to);
            }
        }
        for (TableSnapshot now : to.tables().values()) {
            TableSnapshot old = from.tables().get(now.key());
            if (old == null) {
                createTable(plan, now);
            } else {
                PartitionPlan.Pair pair = PartitionPlan.alter(plan, from, old, now);
                pair = InheritancePlan.alter(plan, from, to, pair.old(), pair.now());
                alterTable(plan, pair.old(), pair.now(), pair.typedByParents(), recreatedTypes, from, to);
            }
        }
        PartitionPlan.order(plan, from, to);
        InheritancePlan.order(plan, from);
        recreateDependentForeignKeys(plan, from, to);
        recreateRetypedForeignKeys(plan, from, to, recreatedTypes);
        RoutinePlan routines = new RoutinePlan(from, to, recreatedTypes);
        Set<String> forcedViews = new TreeSet<>(routines.forcedViews(from, to, recreatedTypes, renames));
        forcedViews.addAll(ForeignPlan.readersOfRemade(from, to, recreatedTypes));
        for (ViewSnapshot view : from.views().values()) {
            if (ObjectsPlan.namesRecreated(view.definition(), recreatedTypes, from)) {
                forcedViews.add(view.key());
            }
        }
        ViewPlan.views(plan, from, to, recreatedTypes, renames, forcedViews);
        routines.plan(plan);
        ObjectsPlan.interleaveRoutines(plan, to);
        CastPlan.plan(plan, from, to);
        RulePlan.plan(plan, from, to);
        roles(plan, from, to);
        CommentPlan.comments(plan, from, to);
        return plan.ordered();
    }

    /**
     * Enum types: created, dropped, extended with new labels where the old ones keep their order,
     * recreated otherwise. Returns the keys of the recreated types, whose columns must move over.
     */
    private static Set<String> enums(Plan plan, Snapshot from, Snapshot to, RetiredNames retired) {
        Set<String> recreated = new TreeSet<>();
        for (EnumSnapshot old : from.enums().values()) {
            if (!to.enums().containsKey(old.key())) {
                plan.dropEnums.add(new Change.DropEnum(old));
            }
        }
        for (EnumSnapshot now : to.enums().values()) {
            EnumSnapshot old = from.enums().get(now.key());
            if (old == null) {
                plan.createEnums.add(new Change.CreateEnum(now));
            } else if (!old.values().equals(now.values())) {
                if (isSubsequence(old.values(), now.values())) {
                    addEnumValues(plan, old, now);
                } else {
                    String name = retired.next(old.schema(), old.name());
                    plan.recreateEnums.add(new Change.RecreateEnum(old, now, name));
                    plan.dropEnums.add(new Change.DropRetiredEnum(old, name));
                    recreated.add(now.key());
                }
            }
        }
        return recreated;
    }

    private static void roles(Plan plan, Snapshot from, Snapshot to) {
        for (RoleSnapshot old : from.roles().values()) {
            if (!to.roles().containsKey(old.name())) {
                plan.dropRoles.add(new Change.DropRole(old));
            }
        }
        for (RoleSnapshot now : to.roles().values()) {
            RoleSnapshot old = from.roles().get(now.name());
            if (old == null) {
                plan.createRoles.add(new Change.CreateRole(now));
            } else if (!old.equals(now)) {
                plan.createRoles.add(new Change.AlterRole(old, now));
            }
        }
    }

    private static void sequences(Plan plan, Snapshot from, Snapshot to) {
        for (SequenceSnapshot old : from.sequences().values()) {
            if (!to.sequences().containsKey(old.key())) {
                plan.dropSequences.add(new Change.DropSequence(old));
            }
        }
        for (SequenceSnapshot now : to.sequences().values()) {
            SequenceSnapshot old = from.sequences().get(now.key());
            if (old == null) {
                plan.createSequences.add(new Change.CreateSequence(now.withOwnedBy(null)));
            } else if (!old.withOwnedBy(null).equals(now.withOwnedBy(null))) {
                plan.createSequences.add(new Change.AlterSequence(old, now));
            }
            String ownedBefore = old == null ? null : old.ownedBy();
            if (!Objects.equals(ownedBefore, now.ownedBy())) {
                // Released before its old column may be dropped (which would drop it too); owned once its new column exists.
                if (ownedBefore != null) {
                    plan.createSequences.add(new Change.SetSequenceOwner(now.schema(), now.name(), null));
                }
                if (now.ownedBy() != null) {
                    plan.tableOptions.add(new Change.SetSequenceOwner(now.schema(), now.name(), now.ownedBy()));
                }
            }
        }
    }

    /**
     * A foreign key depends on the unique index behind the key it references, and PostgreSQL refuses
     * to drop that key (or unique index) while the foreign key exists. When such a key is dropped —
     * renamed, moved to other columns, or replaced by another key over the same columns — foreign keys
     * over those columns that did not change themselves are dropped first and added again after.
     */
    private static void recreateDependentForeignKeys(Plan plan, Snapshot from, Snapshot to) {
        Set<String> droppedKeys = new HashSet<>();
        for (Change change : plan.dropKeys) {
            if (change instanceof Change.DropPrimaryKey c) {
                droppedKeys.add(keyOf(c.schema(), c.table(), c.key().columns()));
            } else if (change instanceof Change.DropUnique c) {
                droppedKeys.add(keyOf(c.schema(), c.table(), c.key().columns()));
            }
        }
        for (Change change : plan.dropIndexes) {
            if (change instanceof Change.DropIndex c && c.index().unique()) {
                droppedKeys.add(keyOf(c.schema(), c.table(), c.index().columns()));
            }
        }
        if (droppedKeys.isEmpty()) {
            return;
        }
        // A table that goes away is dropped after the keys are, so its foreign keys to keys that go must go first.
        for (TableSnapshot table : from.tables().values()) {
            if (to.tables().containsKey(table.key())) {
                continue;
            }
            for (ForeignKeySnapshot fk : table.foreignKeys().values()) {
                if (to.tables().containsKey(fk.referencedKey())
                        && droppedKeys.contains(keyOf(fk.referencedSchema(), fk.referencedTable(), fk.referencedColumns()))) {
                    plan.dropForeignKeys.add(new Change.DropForeignKey(table.schema(), table.name(), fk));
                }
            }
        }
        for (TableSnapshot table : to.tables().values()) {
            TableSnapshot old = from.tables().get(table.key());
            for (ForeignKeySnapshot fk : table.foreignKeys().values()) {
                boolean unchanged = old != null && sameForeignKey(old.foreignKeys().get(fk.name()), fk);
                if (unchanged && droppedKeys.contains(keyOf(fk.referencedSchema(), fk.referencedTable(), fk.referencedColumns()))) {
                    plan.dropForeignKeys.add(new Change.DropForeignKey(table.schema(), table.name(), fk));
                    plan.addForeignKeys.add(new Change.AddForeignKey(table.schema(), table.name(), fk));
                }
            }
        }
    }

    /**
     * A foreign key whose columns, or the columns it references, change type or are added anew is
     * dropped before and added again after: the columns change one at a time, and PostgreSQL refuses
     * a change that leaves the key's two sides of incompatible types on the way (an enum column and
     * its referencing column both becoming text, or both moving to a recreated enum type); and
     * dropping a column drops the foreign keys over it.
     */
    private static void recreateRetypedForeignKeys(Plan plan, Snapshot from, Snapshot to, Set<String> recreatedTypes) {
        Set<String> dropped = new HashSet<>();
        for (Change change : plan.dropForeignKeys) {
            if (change instanceof Change.DropForeignKey c) {
                dropped.add(Snapshot.key(c.schema(), c.table()) + "|" + c.key().name());
            }
        }
        for (TableSnapshot table : to.tables().values()) {
            TableSnapshot old = from.tables().get(table.key());
            for (ForeignKeySnapshot fk : table.foreignKeys().values()) {
                TableSnapshot oldTarget = from.tables().get(fk.referencedKey());
                TableSnapshot newTarget = to.tables().get(fk.referencedKey());
                boolean unchanged = old != null && sameForeignKey(old.foreignKeys().get(fk.name()), fk);
                if (unchanged && oldTarget != null && newTarget != null && !dropped.contains(table.key() + "|" + fk.name())
                        && (uses(fk.columns(), rebuiltColumns(old, table, recreatedTypes))
                                || uses(fk.referencedColumns(), rebuiltColumns(oldTarget, newTarget, recreatedTypes)))) {
                    plan.dropForeignKeys.add(new Change.DropForeignKey(table.schema(), table.name(), fk));
                    plan.addForeignKeys.add(new Change.AddForeignKey(table.schema(), table.name(), fk));
                }
            }
        }
    }

    /** Columns that change type or are added anew between the two versions of a table. */
    private static Set<String> rebuiltColumns(TableSnapshot old, TableSnapshot now, Set<String> recreatedTypes) {
        Set<String> columns = retypedColumns(old, now, recreatedTypes);
        columns.addAll(readdedColumns(old, now, recreatedTypes));
        return columns;
    }

    private static boolean isSubsequence(List<String> part, List<String> whole) {
        int i = 0;
        for (String value : whole) {
            if (i < part.size() && part.get(i).equals(value)) {
                i++;
            }
        }
        return i == part.size();
    }

    /** New labels in place: at the end when all that follows is new, else after the label before. */
    private static void addEnumValues(Plan plan, EnumSnapshot old, EnumSnapshot now) {
        List<String> values = now.values();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (old.values().contains(value)) {
                continue;
            }
            boolean appending = values.subList(i + 1, values.size()).stream().noneMatch(old.values()::contains);
            String after = appending || i == 0 ? null : values.get(i - 1);
            String before = appending || i > 0 ? null
                    : values.stream().filter(old.values()::contains).findFirst().orElseThrow();
            plan.addEnumValues.add(new Change.AddEnumValue(now.schema(), now.name(), value, before, after));
        }
    }

    /** A table and a set of its columns, as PostgreSQL matches a foreign key to a key. */
    private static String keyOf(String schema, String table, List<String> columns) {
        return Snapshot.key(schema, table) + "|" + new TreeSet<>(columns);
    }

    private static void createTable(Plan plan, TableSnapshot table) {
        plan.createTables.add(new Change.CreateTable(table));
        if (table.comment() != null) {
            plan.comments.add(new Change.SetComment(Change.CommentTarget.TABLE, table.schema(), table.name(), null, table.comment()));
        }
        for (ColumnSnapshot column : table.columns().values()) {
            if (column.comment() != null) {
                plan.comments.add(new Change.SetComment(Change.CommentTarget.COLUMN, table.schema(), table.name(), column.name(),
                        column.comment()));
            }
        }
        if (table.rowLevelSecurity() || table.forceRowLevelSecurity()) {
            plan.tableOptions.add(new Change.SetRowLevelSecurity(table.schema(), table.name(), table.rowLevelSecurity(),
                    table.forceRowLevelSecurity(), table.rowLevelSecurity(), table.forceRowLevelSecurity()));
        }
        table.policies().values().forEach(policy -> plan.createPolicies.add(
                new Change.CreatePolicy(table.schema(), table.name(), policy)));
        table.foreignKeys().values().forEach(fk -> plan.addForeignKeys.add(
                new Change.AddForeignKey(table.schema(), table.name(), fk)));
        table.exclusions().values().forEach(x -> plan.addKeys.add(new Change.AddExclusion(table.schema(), table.name(), x)));
        // A new table is empty: its indexes need not be built concurrently.
        table.indexes().values().forEach(ix -> plan.createIndexes.add(
                new Change.CreateIndex(table.schema(), table.name(), ix.withConcurrently(false))));
        if (table.clusterOn() != null) {
            plan.tableOptions.add(new Change.SetClusterOn(table.schema(), table.name(), table.clusterOn()));
        }
        // CREATE TABLE writes a table's storage parameters; a partition (PARTITION OF) gets them after.
        if (!table.with().isEmpty() && table.partitioning() != null && table.partitioning().isPartition()) {
            plan.tableOptions.add(new Change.SetStorageParameters(table.schema(), table.name(), Map.of(), table.with()));
        }
    }

    private static void dropTable(Plan plan, TableSnapshot table, Snapshot to) {
        // Keys between two dropped tables go first, so the tables can be dropped in any order.
        for (ForeignKeySnapshot fk : table.foreignKeys().values()) {
            if (!to.tables().containsKey(fk.referencedKey()) && !fk.referencedKey().equals(table.key())) {
                plan.dropForeignKeys.add(new Change.DropForeignKey(table.schema(), table.name(), fk));
            }
        }
        plan.dropTables.add(new Change.DropTable(table.schema(), table.name()));
    }

    private static void alterTable(Plan plan, TableSnapshot old, TableSnapshot now, Set<String> typedByParents,
                                   Set<String> recreatedTypes, Snapshot from, Snapshot to) {
        String schema = now.schema();
        String name = now.name();
        Set<String> retypedColumns = retypedColumns(old, now, recreatedTypes);
        Set<String> readded = readdedColumns(old, now, recreatedTypes);
        for (ColumnSnapshot column : now.columns().values()) {
            ColumnSnapshot before = old.columns().get(column.name());
            if (before == null) {
                // A generated column is added once the columns it uses have their new types.
                (column.generated() != null ? plan.readdGenerated : plan.addColumns).add(new Change.AddColumn(schema, name, column));
            } else if (readded.contains(column.name())) {
                plan.dropGenerated.add(new Change.DropColumn(schema, name, column.name()));
                plan.readdGenerated.add(new Change.AddColumn(schema, name, column));
            } else if (typedByParents.contains(column.name())) {
                // Its type follows the parent's column; what else it carries is its own.
                if (!before.withComment(null).equals(column.withComment(null))) {
                    plan.alterColumns.add(new Change.AlterColumn(schema, name, before, column));
                }
            } else if (before.userTypeKey() != null && recreatedTypes.contains(before.userTypeKey())
                    && before.userTypeKey().equals(column.userTypeKey()) && before.isArray() == column.isArray()) {
                plan.alterColumns.add(to.enums().containsKey(column.userTypeKey())
                        ? new Change.ConvertEnumColumn(schema, name, before, column)
                        : ObjectsPlan.convertDomainColumn(schema, name, before, column, from, to));
            } else if (!before.withComment(null).equals(column.withComment(null))) {
                // A generated column becoming a plain one stops using its columns before they change type.
                (before.generated() != null && column.generated() == null ? plan.dropExpressions : plan.alterColumns)
                        .add(new Change.AlterColumn(schema, name, before, column));
            } else if (ObjectsPlan.namesRecreated(column.defaultValue(), recreatedTypes, from)) {
                // A default that names a type made anew is set again, naming the new one.
                plan.alterColumns.add(new Change.AlterColumn(schema, name, before.withDefault(null), column));
            }
            // A column added anew loses its comment.
            if (before == null ? column.comment() != null : !Objects.equals(before.comment(), column.comment())
                    || readded.contains(column.name()) && column.comment() != null) {
                plan.comments.add(new Change.SetComment(Change.CommentTarget.COLUMN, schema, name, column.name(), column.comment()));
            }
        }
        // Generated columns go before anything else changes: PostgreSQL will neither drop nor retype a
        // column that a generated column uses.
        List<ColumnSnapshot> dropped = old.columns().values().stream().filter(c -> !now.columns().containsKey(c.name())).toList();
        dropped.forEach(c -> (c.generated() != null ? plan.dropGenerated : plan.dropColumns)
                .add(new Change.DropColumn(schema, name, c.name())));
        if (!Objects.equals(old.comment(), now.comment())) {
            plan.comments.add(new Change.SetComment(Change.CommentTarget.TABLE, schema, name, null, now.comment()));
        }
        if (old.rowLevelSecurity() != now.rowLevelSecurity() || old.forceRowLevelSecurity() != now.forceRowLevelSecurity()) {
            plan.tableOptions.add(new Change.SetRowLevelSecurity(schema, name, now.rowLevelSecurity(), now.forceRowLevelSecurity(),
                    old.rowLevelSecurity() != now.rowLevelSecurity(), old.forceRowLevelSecurity() != now.forceRowLevelSecurity()));
        }
        // PostgreSQL will not change a column's type, nor drop it, while a policy uses it: such policies go and come back.
        boolean retyped = !retypedColumns.isEmpty() || !readded.isEmpty() || !dropped.isEmpty();
        compare(old.policies(), now.policies(), (a, b) -> !retyped && a.equals(b),
                policy -> plan.dropPolicies.add(new Change.DropPolicy(schema, name, policy)),
                policy -> plan.createPolicies.add(new Change.CreatePolicy(schema, name, policy)));
        // Dropping a column (to add it anew) drops what stands on it: keys, checks and indexes over a
        // re-added column are dropped first and made again after.
        if (!Objects.equals(old.primaryKey(), now.primaryKey())
                || now.primaryKey() != null && uses(now.primaryKey().columns(), readded)) {
            if (old.primaryKey() != null) {
                plan.dropKeys.add(new Change.DropPrimaryKey(schema, name, old.primaryKey()));
            }
            if (now.primaryKey() != null) {
                plan.addKeys.add(new Change.AddPrimaryKey(schema, name, now.primaryKey()));
            }
        }
        compare(old.uniqueConstraints(), now.uniqueConstraints(), (a, b) -> a.equals(b) && !uses(b.columns(), readded),
                key -> plan.dropKeys.add(new Change.DropUnique(schema, name, key)),
                key -> plan.addKeys.add(new Change.AddUnique(schema, name, key)));
        // Moving a column to a recreated type rebuilds the table's checks and indexes from their text,
        // whose literals and casts name the old type by now: those that have expressions go and come back.
        boolean typeConverted = old.columns().values().stream().anyMatch(c -> c.userTypeKey() != null
                && recreatedTypes.contains(c.userTypeKey()) && now.columns().containsKey(c.name()));
        // A column's type change rebuilds the checks and indexes over it from their printed text, which
        // keeps the old type's casts ("COALESCE((c)::bigint, (0)::bigint)" on a column now integer):
        // those that name it in an expression go and come back, meaning what the code says.
        BiPredicate<CheckSnapshot, CheckSnapshot> sameCheck =
                (a, b) -> !typeConverted && !ObjectsPlan.namesRecreated(b.expression(), recreatedTypes, from)
                        && sameOrValidated(a, b, a.withNotValid(b.notValid()).equals(b))
                        && !mentions(b.expression(), readded) && !mentions(b.expression(), retypedColumns);
        compare(old.checkConstraints(), now.checkConstraints(), sameCheck,
                check -> plan.dropKeys.add(new Change.DropCheck(schema, name, check)),
                check -> plan.addKeys.add(new Change.AddCheck(schema, name, check)));
        BiPredicate<ForeignKeySnapshot, ForeignKeySnapshot> sameForeignKey =
                (a, b) -> sameForeignKey(a, b) && !uses(b.columns(), readded);
        compare(old.foreignKeys(), now.foreignKeys(), sameForeignKey,
                fk -> plan.dropForeignKeys.add(new Change.DropForeignKey(schema, name, fk)),
                fk -> plan.addForeignKeys.add(new Change.AddForeignKey(schema, name, fk)));
        // What was NOT VALID and is valid now is validated in place: its rows are checked, nothing is rebuilt.
        now.checkConstraints().values().forEach(check -> {
            CheckSnapshot before = old.checkConstraints().get(check.name());
            if (before != null && before.notValid() && !check.notValid() && sameCheck.test(before, check)) {
                plan.validations.add(new Change.ValidateConstraint(schema, name, check.name()));
            }
        });
        now.foreignKeys().values().forEach(fk -> {
            ForeignKeySnapshot before = old.foreignKeys().get(fk.name());
            if (before != null && before.notValid() && !fk.notValid() && sameForeignKey.test(before, fk)) {
                plan.validations.add(new Change.ValidateConstraint(schema, name, fk.name()));
            }
        });
        compare(old.exclusions(), now.exclusions(), (a, b) -> a.equals(b) && !typeConverted
                        && b.keys().stream().noneMatch(k -> readded.contains(k.column()) || mentions(k.expression(), readded))
                        && !mentions(b.where(), readded),
                x -> plan.dropKeys.add(new Change.DropExclusion(schema, name, x)),
                x -> plan.addKeys.add(new Change.AddExclusion(schema, name, x)));
        compare(old.indexes(), now.indexes(), (a, b) -> a.sameIndexAs(b) && !(typeConverted
                        && (b.where() != null || b.keys().stream().anyMatch(k -> k.expression() != null)))
                        && !indexUses(b, readded)
                        && !(mentions(b.where(), retypedColumns) || b.keys().stream().anyMatch(k -> mentions(k.expression(), retypedColumns)))
                        && !(ObjectsPlan.namesRecreated(b.where(), recreatedTypes, from)
                        || b.keys().stream().anyMatch(k -> ObjectsPlan.namesRecreated(k.expression(), recreatedTypes, from))),
                ix -> plan.dropIndexes.add(new Change.DropIndex(schema, name, ix)),
                ix -> plan.createIndexes.add(new Change.CreateIndex(schema, name, ix)));

        // An index made anew is no longer the one the table is clustered on: the mark is set again.
        if (!Objects.equals(old.clusterOn(), now.clusterOn()) || now.clusterOn() != null && rebuilds(plan, schema, name, now.clusterOn())) {
            plan.tableOptions.add(new Change.SetClusterOn(schema, name, now.clusterOn()));
        }
        if (!old.with().equals(now.with())) {
            plan.tableOptions.add(new Change.SetStorageParameters(schema, name, old.with(), now.with()));
        }
    }

    /** Whether the plan drops (to make again) the index or key constraint {@code index} of the table. */
    private static boolean rebuilds(Plan plan, String schema, String table, String index) {
        return Stream.concat(plan.dropIndexes.stream(), plan.dropKeys.stream()).anyMatch(change ->
                change instanceof Change.DropIndex d ? d.schema().equals(schema) && d.table().equals(table)
                        && d.index().name().equals(index)
                : change instanceof Change.DropPrimaryKey p ? p.schema().equals(schema) && p.table().equals(table)
                        && p.key().name().equals(index)
                : change instanceof Change.DropUnique u && u.schema().equals(schema) && u.table().equals(table)
                        && u.key().name().equals(index));
    }

    /**
     * The same constraint, or the same one that was {@code NOT VALID} and is valid now (which is
     * validated, not rebuilt); {@code sameButValidity} says whether they differ in validity alone.
     * Valid becoming not valid is a rebuild: PostgreSQL cannot take validity away.
     */
    private static boolean sameOrValidated(Object before, Object after, boolean sameButValidity) {
        return before.equals(after) || sameButValidity && validity(before) && !validity(after);
    }

    private static boolean validity(Object constraint) {
        return constraint instanceof CheckSnapshot c ? c.notValid() : ((ForeignKeySnapshot) constraint).notValid();
    }

    /** The same foreign key, or the same one validated in place. */
    static boolean sameForeignKey(ForeignKeySnapshot before, ForeignKeySnapshot after) {
        return before != null && sameOrValidated(before, after, before.withNotValid(after.notValid()).equals(after));
    }

    /** Columns whose type changes, or whose enum type or domain is made anew. */
    private static Set<String> retypedColumns(TableSnapshot old, TableSnapshot now, Set<String> recreatedTypes) {
        Set<String> retyped = new HashSet<>();
        for (ColumnSnapshot before : old.columns().values()) {
            ColumnSnapshot after = now.columns().get(before.name());
            if (after != null && (!before.type().equals(after.type()) || !Objects.equals(before.typeSchema(), after.typeSchema())
                    || before.userTypeKey() != null && recreatedTypes.contains(before.userTypeKey()))) {
                retyped.add(before.name());
            }
        }
        return retyped;
    }

    /**
     * Generated columns that are dropped and added anew: PostgreSQL 15 can neither change a
     * generation expression nor make a column generated, and it will not change the type of a
     * column that a generated column uses.
     */
    private static Set<String> readdedColumns(TableSnapshot old, TableSnapshot now, Set<String> recreatedTypes) {
        Set<String> retyped = retypedColumns(old, now, recreatedTypes);
        Set<String> readded = new HashSet<>();
        for (ColumnSnapshot column : now.columns().values()) {
            ColumnSnapshot before = old.columns().get(column.name());
            // A generated column cannot take a USING conversion either: one of a type made anew is added anew.
            if (before != null && column.generated() != null
                    && (!column.generated().equals(before.generated()) || mentions(column.generated(), retyped)
                    || column.userTypeKey() != null && recreatedTypes.contains(column.userTypeKey()))) {
                readded.add(column.name());
            }
        }
        return readded;
    }

    private static boolean uses(List<String> columns, Set<String> names) {
        return columns.stream().anyMatch(names::contains);
    }

    /** Whether an expression names any of the columns (errs towards yes). */
    static boolean mentions(String expression, Set<String> columns) {
        return !columns.isEmpty() && expression != null
                && ViewPlan.tokens(expression).stream().anyMatch(t -> t.startsWith("\"") && columns.contains(t.substring(1)));
    }

    private static boolean indexUses(IndexSnapshot index, Set<String> columns) {
        return index.allKeys().stream().anyMatch(k -> columns.contains(k.column()) || mentions(k.expression(), columns))
                || mentions(index.where(), columns);
    }

    /** Drops what went away or changed, adds what is new or changed. */
    private static <T> void compare(Map<String, T> old, Map<String, T> now,
                                    Consumer<T> drop, Consumer<T> add) {
        compare(old, now, (a, b) -> a.equals(b), drop, add);
    }

    /** As {@link #compare(Map, Map, Consumer, Consumer)}, with its own equality. */
    private static <T> void compare(Map<String, T> old, Map<String, T> now, BiPredicate<T, T> same,
                                    Consumer<T> drop, Consumer<T> add) {
        for (Map.Entry<String, T> entry : old.entrySet()) {
            T next = now.get(entry.getKey());
            if (next == null || !same.test(entry.getValue(), next)) {
                drop.accept(entry.getValue());
            }
        }
        for (Map.Entry<String, T> entry : now.entrySet()) {
            T before = old.get(entry.getKey());
            if (before == null || !same.test(before, entry.getValue())) {
                add.accept(entry.getValue());
            }
        }
    }

    /** Changes by kind; {@link #ordered()} is the one place that fixes execution order. */
    static final class Plan {
        final List<Change> renames = new ArrayList<>();
        final List<Change> createSchemas = new ArrayList<>();
        final List<Change> createRoles = new ArrayList<>();
        final List<Change> dropViews = new ArrayList<>();
        final List<Change> dropPolicies = new ArrayList<>();
        final List<Change> createEnums = new ArrayList<>();
        final List<Change> addEnumValues = new ArrayList<>();
        final List<Change> recreateEnums = new ArrayList<>();
        final List<Change> createSequences = new ArrayList<>();
        final List<Change> dropForeignKeys = new ArrayList<>();
        final List<Change> dropIndexes = new ArrayList<>();
        final List<Change> dropKeys = new ArrayList<>();
        final List<Change> dropGenerated = new ArrayList<>();
        final List<Change> createTables = new ArrayList<>();
        final List<Change> addColumns = new ArrayList<>();
        final List<Change> dropExpressions = new ArrayList<>();
        final List<Change> alterColumns = new ArrayList<>();
        final List<Change> readdGenerated = new ArrayList<>();
        final List<Change> dropColumns = new ArrayList<>();
        final List<Change> addKeys = new ArrayList<>();
        final List<Change> addForeignKeys = new ArrayList<>();
        final List<Change> createIndexes = new ArrayList<>();
        final List<Change> tableOptions = new ArrayList<>();
        final List<Change> createViews = new ArrayList<>();
        final List<Change> createPolicies = new ArrayList<>();
        final List<Change> comments = new ArrayList<>();
        final List<Change> dropTables = new ArrayList<>();
        final List<Change> dropSequences = new ArrayList<>();
        final List<Change> dropEnums = new ArrayList<>();
        final List<Change> dropRoles = new ArrayList<>();
        final List<Change> dropSchemas = new ArrayList<>();
        final List<Change> validations = new ArrayList<>();
        final List<Change> viewIndexes = new ArrayList<>();
        final List<Change> viewColumnDefaults = new ArrayList<>();
        final List<Change> detachPartitions = new ArrayList<>();
        final List<Change> attachPartitions = new ArrayList<>();
        final List<Change> createObjects = new ArrayList<>();
        final List<Change> createDomains = new ArrayList<>();
        final List<Change> dropDomains = new ArrayList<>();
        /** Domains and types over a relation's row type: created among the views (RoutinePlan), dropped before relations go. */
        final List<Change> createTypesOnRelations = new ArrayList<>();
        final List<Change> dropTypesOnRelations = new ArrayList<>();
        final List<Change> dropTextSearchConfigurations = new ArrayList<>();
        final List<Change> dropTextSearchDictionaries = new ArrayList<>();
        final List<Change> dropCollations = new ArrayList<>();
        final List<Change> dropObjects = new ArrayList<>();
        final List<Change> dropTriggers = new ArrayList<>();
        final List<Change> dropRoutines = new ArrayList<>();
        final List<Change> createRoutines = new ArrayList<>();
        final List<Change> createTriggers = new ArrayList<>();
        final List<Change> dropRoutinesLate = new ArrayList<>();
        final List<Change> dropCasts = new ArrayList<>();
        final List<Change> createCasts = new ArrayList<>();
        /** Casts whose function or type is made among the views (it needs a relation): made right after the views. */
        final List<Change> castsOnRelations = new ArrayList<>();
        final List<Change> dropRules = new ArrayList<>();
        final List<Change> createRules = new ArrayList<>();
        final List<Change> dropForeign = new ArrayList<>();
        final List<Change> createForeign = new ArrayList<>();

        List<Change> ordered() {
            List<Change> all = new ArrayList<>();
            // Tables go before anything is created, so that a new table, key or index may take a name that
            // a dropped table's key or index had (they share one namespace per schema).
            // Extensions, collations and text search objects come before the types and tables that use them,
            // domains after the enum types they may be over; their drops come after everything that used them.
            // Partitions are detached before tables change and attached once their keys' columns exist;
            // tables stop inheriting (NO INHERIT) and start (INHERIT) at the same points.
            // Routines that need no table are made before the tables (defaults and checks may call them),
            // among the domains (ObjectsPlan.interleaveRoutines);
            // those that do are interleaved with the views (RoutinePlan); triggers come after both.
            // Casts follow the types and routines they use (CastPlan); rules come last, once everything
            // their actions may name exists (RulePlan). Both are dropped first, before what they use goes.
            // Foreign tables and servers go once the views that read them are gone, and come after the tables.
            for (List<Change> group : List.of(renames, detachPartitions, createSchemas, createRoles, dropTriggers, dropRules,
                    dropCasts, dropViews, dropForeign,
                    dropRoutines, dropTypesOnRelations, dropPolicies, createObjects, createEnums, addEnumValues, recreateEnums, createSequences,
                    createDomains, createRoutines, createCasts, dropForeignKeys, dropIndexes, dropKeys, dropGenerated, dropTables,
                    createTables, createForeign, addColumns, dropExpressions, alterColumns, readdGenerated, dropColumns, attachPartitions,
                    addKeys, uniqueIndexes(), addForeignKeys, otherIndexes(), validations, tableOptions, createViews, castsOnRelations,
                    viewColumnDefaults, viewIndexes, createTriggers, createRules,
                    createPolicies, comments, dropRoutinesLate, dropSequences, dropDomains, dropEnums,
                    dropTextSearchConfigurations, dropTextSearchDictionaries, dropCollations, dropObjects, dropRoles, dropSchemas)) {
                all.addAll(group);
            }
            return all;
        }

        /** New unique indexes go before the foreign keys: a foreign key may reference a unique index instead of a key. */
        private List<Change> uniqueIndexes() {
            return createIndexes.stream().filter(Plan::uniqueIndex).toList();
        }

        private List<Change> otherIndexes() {
            return createIndexes.stream().filter(c -> !uniqueIndex(c)).toList();
        }

        private static boolean uniqueIndex(Change change) {
            return change instanceof Change.CreateIndex create && create.index().unique();
        }
    }
}
