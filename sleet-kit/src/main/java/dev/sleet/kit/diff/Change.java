package dev.sleet.kit.diff;

import dev.sleet.kit.snapshot.CastSnapshot;
import dev.sleet.kit.snapshot.CheckSnapshot;
import dev.sleet.kit.snapshot.CollationSnapshot;
import dev.sleet.kit.snapshot.CommentSnapshot;
import dev.sleet.kit.snapshot.DomainSnapshot;
import dev.sleet.kit.snapshot.TypeSnapshot;
import dev.sleet.kit.snapshot.ExtensionSnapshot;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.EnumSnapshot;
import dev.sleet.kit.snapshot.ExclusionSnapshot;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.ForeignServerSnapshot;
import dev.sleet.kit.snapshot.ForeignTableSnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.KeySnapshot;
import dev.sleet.kit.snapshot.PolicySnapshot;
import dev.sleet.kit.snapshot.RoleSnapshot;
import dev.sleet.kit.snapshot.RoutineSnapshot;
import dev.sleet.kit.snapshot.RuleSnapshot;
import dev.sleet.kit.snapshot.SequenceSnapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.TriggerSnapshot;
import dev.sleet.kit.snapshot.TextSearchSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;

import java.util.Map;
import java.util.SortedMap;

/**
 * One typed difference between two snapshots. The differ produces them in executable order; a
 * dialect turns each into SQL. Tables are named by schema and name.
 */
public sealed interface Change {

    /** The qualified table (or schema) a change is about, for messages and probes. */
    String subject();

    record RenameTable(String schema, String from, String to) implements Change {
        public String subject() { return schema + "." + to; }
    }

    record RenameColumn(String schema, String table, String from, String to) implements Change {
        public String subject() { return schema + "." + table + "." + to; }
    }

    record RenameSchema(String from, String to) implements Change {
        public String subject() { return to; }
    }

    record CreateSchema(String schema) implements Change {
        public String subject() { return schema; }
    }

    record DropSchema(String schema) implements Change {
        public String subject() { return schema; }
    }

    /** A new table with its columns, primary key and unique constraints; foreign keys and indexes follow separately. */
    record CreateTable(TableSnapshot table) implements Change {
        public String subject() { return table.key(); }
    }

    record DropTable(String schema, String table) implements Change {
        public String subject() { return schema + "." + table; }
    }

    record AddColumn(String schema, String table, ColumnSnapshot column) implements Change {
        public String subject() { return schema + "." + table + "." + column.name(); }
    }

    record DropColumn(String schema, String table, String column) implements Change {
        public String subject() { return schema + "." + table + "." + column; }
    }

    /**
     * Type, nullability, default or serial-ness of a column changed; {@code from} and {@code to} have
     * the same name. A type change that may lose values is written with a guard that stops the
     * migration where a value would not survive, unless {@code lossAccepted}.
     */
    record AlterColumn(String schema, String table, ColumnSnapshot from, ColumnSnapshot to, boolean lossAccepted)
            implements ColumnConversion {
        public AlterColumn(String schema, String table, ColumnSnapshot from, ColumnSnapshot to) {
            this(schema, table, from, to, false);
        }

        public String subject() { return schema + "." + table + "." + to.name(); }

        public ColumnSnapshot valuesFrom() { return from; }

        public ColumnSnapshot valuesTo() { return to; }

        public AlterColumn withLossAccepted() {
            return new AlterColumn(schema, table, from, to, true);
        }
    }

    /**
     * A change that converts a column's values, which may not keep every one: judged on the types
     * the values have before and after ({@code valuesFrom}, {@code valuesTo}: the column's own, or
     * its domain's base types), and written with a guard unless {@code lossAccepted}. Generate asks
     * about each lossy one, push counts its rows, and both accept the loss through {@link #withLossAccepted}.
     */
    sealed interface ColumnConversion extends Change permits AlterColumn, ConvertDomainColumn {
        String schema();

        String table();

        ColumnSnapshot from();

        ColumnSnapshot to();

        ColumnSnapshot valuesFrom();

        ColumnSnapshot valuesTo();

        boolean lossAccepted();

        /** The same change, written without a guard: the values that do not survive are lost. */
        ColumnConversion withLossAccepted();
    }

    record AddPrimaryKey(String schema, String table, KeySnapshot key) implements Change {
        public String subject() { return schema + "." + table + "." + key.name(); }
    }

    record DropPrimaryKey(String schema, String table, KeySnapshot key) implements Change {
        public String subject() { return schema + "." + table + "." + key.name(); }
    }

    record AddUnique(String schema, String table, KeySnapshot key) implements Change {
        public String subject() { return schema + "." + table + "." + key.name(); }
    }

    record DropUnique(String schema, String table, KeySnapshot key) implements Change {
        public String subject() { return schema + "." + table + "." + key.name(); }
    }

    record AddCheck(String schema, String table, CheckSnapshot check) implements Change {
        public String subject() { return schema + "." + table + "." + check.name(); }
    }

    record DropCheck(String schema, String table, CheckSnapshot check) implements Change {
        public String subject() { return schema + "." + table + "." + check.name(); }
    }

    record AddForeignKey(String schema, String table, ForeignKeySnapshot key) implements Change {
        public String subject() { return schema + "." + table + "." + key.name(); }
    }

    record DropForeignKey(String schema, String table, ForeignKeySnapshot key) implements Change {
        public String subject() { return schema + "." + table + "." + key.name(); }
    }

    record CreateIndex(String schema, String table, IndexSnapshot index) implements Change {
        public String subject() { return schema + "." + index.name(); }
    }

    record DropIndex(String schema, String table, IndexSnapshot index) implements Change {
        public String subject() { return schema + "." + index.name(); }
    }

    // ---- enum types --------------------------------------------------------------------------

    record CreateEnum(EnumSnapshot type) implements Change {
        public String subject() { return type.key(); }
    }

    record DropEnum(EnumSnapshot type) implements Change {
        public String subject() { return type.key(); }
    }

    /** Renames an enum type (within its schema). */
    record RenameEnum(String schema, String from, String to) implements Change {
        public String subject() { return schema + "." + to; }
    }

    /** Renames one label of an enum type; rows holding it keep it under the new name. */
    record RenameEnumValue(String schema, String type, String from, String to) implements Change {
        public String subject() { return schema + "." + type; }
    }

    /**
     * Adds a label to an existing enum type, {@code before} or {@code after} an existing label (both
     * null: at the end). A new label cannot be used in the transaction that adds it, so such changes
     * go into a migration of their own (see {@link MigrationSteps}).
     */
    record AddEnumValue(String schema, String type, String value, String before, String after) implements Change {
        public String subject() { return schema + "." + type; }
    }

    /**
     * Replaces an enum type whose labels were removed or reordered: the old type is renamed out of
     * the way (to {@code retired}) and the new one created under the name; {@link ConvertEnumColumn}
     * moves each column over and {@link DropRetiredEnum} drops the old type once nothing uses it.
     */
    record RecreateEnum(EnumSnapshot from, EnumSnapshot to, String retired) implements Change {
        public String subject() { return to.key(); }
    }

    /** Moves a column (of a recreated enum type, or an array of it) to the new type, by its labels. */
    record ConvertEnumColumn(String schema, String table, ColumnSnapshot from, ColumnSnapshot to) implements Change {
        public String subject() { return schema + "." + table + "." + to.name(); }
    }

    /** Drops the old type a {@link RecreateEnum} renamed out of the way. */
    record DropRetiredEnum(EnumSnapshot from, String retired) implements Change {
        public String subject() { return from.key(); }
    }

    /**
     * Replaces a domain whose base type or collation changed (which {@code ALTER DOMAIN} cannot do),
     * or one over a type that is itself replaced: the old domain is renamed out of the way (to
     * {@code retired}) and the new one created under the name; {@link ConvertDomainColumn} moves each
     * column over and {@link DropRetiredDomain} drops the old domain once nothing uses it.
     */
    record RecreateDomain(DomainSnapshot from, DomainSnapshot to, String retired) implements Change {
        public String subject() { return to.key(); }
    }

    /**
     * Moves a column (of a recreated domain, or an array of it) to the new domain, converting its
     * values from the old domain's base type ({@code valuesFrom}) to the new one's ({@code valuesTo}).
     */
    record ConvertDomainColumn(String schema, String table, ColumnSnapshot from, ColumnSnapshot to, ColumnSnapshot valuesFrom,
                               ColumnSnapshot valuesTo, boolean lossAccepted) implements ColumnConversion {
        public String subject() { return schema + "." + table + "." + to.name(); }

        public ConvertDomainColumn withLossAccepted() {
            return new ConvertDomainColumn(schema, table, from, to, valuesFrom, valuesTo, true);
        }
    }

    /** Drops the old domain a {@link RecreateDomain} renamed out of the way. */
    record DropRetiredDomain(DomainSnapshot from, String retired) implements Change {
        public String subject() { return from.key(); }
    }

    // ---- sequences ---------------------------------------------------------------------------

    record CreateSequence(SequenceSnapshot sequence) implements Change {
        public String subject() { return sequence.key(); }
    }

    record DropSequence(SequenceSnapshot sequence) implements Change {
        public String subject() { return sequence.key(); }
    }

    /** The type or options of a sequence changed; {@code from} and {@code to} have the same name. */
    record AlterSequence(SequenceSnapshot from, SequenceSnapshot to) implements Change {
        public String subject() { return to.key(); }
    }

    record RenameSequence(String schema, String from, String to) implements Change {
        public String subject() { return schema + "." + to; }
    }

    // ---- views and comments ------------------------------------------------------------------

    /**
     * A new (or changed, after its {@link DropView}) view or materialized view; one with a stand-in
     * ({@link ViewSnapshot#standIn}) is made as the stand-in, and given its definition by a
     * {@link DefineView} once what the definition reads exists.
     */
    record CreateView(ViewSnapshot view) implements Change {
        public String subject() { return view.key(); }
    }

    /** A view just made as its stand-in gets its definition ({@code CREATE OR REPLACE VIEW}). */
    record DefineView(ViewSnapshot view) implements Change {
        public String subject() { return view.key(); }
    }

    record DropView(ViewSnapshot view) implements Change {
        public String subject() { return view.key(); }
    }

    /** Renames a view or materialized view (within its schema); PostgreSQL spells the two differently. */
    record RenameView(String schema, String from, String to, boolean materialized) implements Change {
        public String subject() { return schema + "." + to; }
    }

    /**
     * Sets ({@code defaultValue} not null) or drops the default of a view's column, which inserts
     * through the view use; PostgreSQL gives a view's columns none of their own.
     */
    record SetViewColumnDefault(String schema, String view, String column, String defaultValue) implements Change {
        public String subject() { return schema + "." + view + "." + column; }
    }

    /** What a comment is on. */
    enum CommentTarget { TABLE, COLUMN, VIEW, MATERIALIZED_VIEW }

    /**
     * Sets ({@code comment} not null) or removes the comment on a table, a column ({@code column}
     * not null) or a view.
     */
    record SetComment(CommentTarget target, String schema, String name, String column, String comment) implements Change {
        public String subject() { return schema + "." + name + (column == null ? "" : "." + column); }
    }

    // ---- row-level security and roles --------------------------------------------------------

    /** Turns row-level security on or off ({@code enabled}) and whether it binds the owner ({@code forced}). */
    record SetRowLevelSecurity(String schema, String table, boolean enabled, boolean forced, boolean enabledChanges,
                               boolean forcedChanges) implements Change {
        public String subject() { return schema + "." + table; }
    }

    record CreatePolicy(String schema, String table, PolicySnapshot policy) implements Change {
        public String subject() { return schema + "." + table + "." + policy.name(); }
    }

    record DropPolicy(String schema, String table, PolicySnapshot policy) implements Change {
        public String subject() { return schema + "." + table + "." + policy.name(); }
    }

    record CreateRole(RoleSnapshot role) implements Change {
        public String subject() { return role.name(); }
    }

    /** The flags of a role changed; {@code from} and {@code to} have the same name. */
    record AlterRole(RoleSnapshot from, RoleSnapshot to) implements Change {
        public String subject() { return to.name(); }
    }

    record DropRole(RoleSnapshot role) implements Change {
        public String subject() { return role.name(); }
    }

    // ---- constraint validity and exclusion constraints ---------------------------------------

    /**
     * {@code VALIDATE CONSTRAINT}: a foreign key or check that was {@code NOT VALID} is checked
     * against the rows already there and becomes valid, without being dropped.
     */
    record ValidateConstraint(String schema, String table, String name) implements Change {
        public String subject() { return schema + "." + table + "." + name; }
    }

    record AddExclusion(String schema, String table, ExclusionSnapshot exclusion) implements Change {
        public String subject() { return schema + "." + table + "." + exclusion.name(); }
    }

    record DropExclusion(String schema, String table, ExclusionSnapshot exclusion) implements Change {
        public String subject() { return schema + "." + table + "." + exclusion.name(); }
    }

    // ---- partitions --------------------------------------------------------------------------

    /** Makes an existing table a partition of {@code parent}, its rows kept (PostgreSQL checks they fit the bound). */
    record AttachPartition(String schema, String table, String parentSchema, String parent, String bound) implements Change {
        public String subject() { return schema + "." + table; }
    }

    /** Makes a partition a table of its own again, its rows kept. */
    record DetachPartition(String schema, String table, String parentSchema, String parent) implements Change {
        public String subject() { return schema + "." + table; }
    }

    // ---- extensions, collations, domains, text search ------------------------------------------

    record CreateExtension(ExtensionSnapshot extension) implements Change {
        public String subject() { return extension.name(); }
    }

    record DropExtension(ExtensionSnapshot extension) implements Change {
        public String subject() { return extension.name(); }
    }

    /** The extension moves to another schema ({@code ALTER EXTENSION ... SET SCHEMA}), taking its objects along. */
    record AlterExtensionSchema(ExtensionSnapshot from, ExtensionSnapshot to) implements Change {
        public String subject() { return to.name(); }
    }

    // ---- foreign servers and tables -------------------------------------------------------------

    record CreateForeignServer(ForeignServerSnapshot server) implements Change {
        public String subject() { return server.name(); }
    }

    /** The server's version or options change ({@code ALTER SERVER}); its wrapper and type stay. */
    record AlterForeignServer(ForeignServerSnapshot from, ForeignServerSnapshot to) implements Change {
        public String subject() { return to.name(); }
    }

    record DropForeignServer(ForeignServerSnapshot server) implements Change {
        public String subject() { return server.name(); }
    }

    /** A new foreign table with its options and comments, its columns' included. */
    record CreateForeignTable(ForeignTableSnapshot table) implements Change {
        public String subject() { return table.key(); }
    }

    /** Options and comments of a foreign table and its columns change in place; the rest stays. */
    record AlterForeignTable(ForeignTableSnapshot from, ForeignTableSnapshot to) implements Change {
        public String subject() { return to.key(); }
    }

    record DropForeignTable(ForeignTableSnapshot table) implements Change {
        public String subject() { return table.key(); }
    }

    record CreateCollation(CollationSnapshot collation) implements Change {
        public String subject() { return collation.key(); }
    }

    record DropCollation(CollationSnapshot collation) implements Change {
        public String subject() { return collation.key(); }
    }

    record CreateDomain(DomainSnapshot domain) implements Change {
        public String subject() { return domain.key(); }
    }

    record DropDomain(DomainSnapshot domain) implements Change {
        public String subject() { return domain.key(); }
    }

    /** A domain's default, NOT NULL or checks changed; its base type and collation did not. */
    record AlterDomain(DomainSnapshot from, DomainSnapshot to) implements Change {
        public String subject() { return to.key(); }
    }

    /** A text search configuration (with its mappings) or dictionary. */
    record CreateTextSearch(TextSearchSnapshot object) implements Change {
        public String subject() { return object.schema() + "." + object.name(); }
    }

    record DropTextSearch(TextSearchSnapshot object) implements Change {
        public String subject() { return object.schema() + "." + object.name(); }
    }

    /** The mappings of a text search configuration changed; its parser did not. */
    record AlterTextSearchMappings(TextSearchSnapshot from, TextSearchSnapshot to) implements Change {
        public String subject() { return to.schema() + "." + to.name(); }
    }

    // ---- functions, procedures, aggregates and triggers --------------------------------------

    /** A new function, procedure or aggregate (or one dropped to be made again). */
    record CreateRoutine(RoutineSnapshot routine) implements Change {
        public String subject() { return routine.key(); }
    }

    /** A routine whose definition changed in a way {@code CREATE OR REPLACE} can make: same kind, arguments and result. */
    record ReplaceRoutine(RoutineSnapshot from, RoutineSnapshot to) implements Change {
        public String subject() { return to.key(); }
    }

    record DropRoutine(RoutineSnapshot routine) implements Change {
        public String subject() { return routine.key(); }
    }

    record CreateTrigger(String schema, String table, TriggerSnapshot trigger) implements Change {
        public String subject() { return schema + "." + table + "." + trigger.name(); }
    }

    record DropTrigger(String schema, String table, TriggerSnapshot trigger) implements Change {
        public String subject() { return schema + "." + table + "." + trigger.name(); }
    }

    /** {@code ALTER TABLE ... ENABLE | DISABLE | ENABLE REPLICA | ENABLE ALWAYS TRIGGER}: {@code enabled} is the catalog's letter. */
    record SetTriggerEnabled(String schema, String table, String trigger, String enabled) implements Change {
        public String subject() { return schema + "." + table + "." + trigger; }
    }

    /** Sets ({@code comment} not null) or removes the comment on a function, procedure or aggregate. */
    record CommentRoutine(RoutineSnapshot routine, String comment) implements Change {
        public String subject() { return routine.key(); }
    }

    // ---- casts and rules -----------------------------------------------------------------------

    /** A new cast (or one dropped to be made again), with its comment. */
    record CreateCast(CastSnapshot cast) implements Change {
        public String subject() { return cast.key(); }
    }

    record DropCast(CastSnapshot cast) implements Change {
        public String subject() { return cast.key(); }
    }

    /** Sets ({@code comment} not null) or removes the comment on a cast that stays. */
    record CommentCast(CastSnapshot cast, String comment) implements Change {
        public String subject() { return cast.key(); }
    }

    /** A new rule (or one dropped to be made again), with its comment. */
    record CreateRule(RuleSnapshot rule) implements Change {
        public String subject() { return rule.key(); }
    }

    record DropRule(RuleSnapshot rule) implements Change {
        public String subject() { return rule.key(); }
    }

    /** Sets ({@code comment} not null) or removes the comment on a rule that stays. */
    record CommentRule(RuleSnapshot rule, String comment) implements Change {
        public String subject() { return rule.key(); }
    }

    /** {@code ALTER TABLE ... ENABLE | DISABLE | ENABLE REPLICA | ENABLE ALWAYS RULE} on a rule that stays: {@code enabled} is the catalog's letter. */
    record SetRuleEnabled(RuleSnapshot rule, String enabled) implements Change {
        public String subject() { return rule.key(); }
    }

    /** A composite or range type (with, for a range, the multirange and constructors PostgreSQL makes). */
    record CreateType(TypeSnapshot type) implements Change {
        public String subject() { return type.key(); }
    }

    record DropType(TypeSnapshot type) implements Change {
        public String subject() { return type.key(); }
    }

    /**
     * {@code ALTER TABLE ... CLUSTER ON index} ({@code index} names an index or a key constraint's
     * index), or {@code SET WITHOUT CLUSTER} when {@code index} is null.
     */
    record SetClusterOn(String schema, String table, String index) implements Change {
        public String subject() { return schema + "." + table; }
    }

    /**
     * Sets ({@code comment} not null) or removes the comment on an object that keeps none in its own
     * snapshot; {@code target} names the object (its own comment is not the one set).
     */
    record CommentOn(CommentSnapshot target, String comment) implements Change {
        public String subject() { return target.object(); }
    }

    /**
     * {@code ALTER TABLE ... SET (...)} / {@code RESET (...)}: the table's storage parameters go from {@code from}
     * to {@code to} (by name; values as PostgreSQL keeps them).
     */
    record SetStorageParameters(String schema, String table, Map<String, String> from, Map<String, String> to)
            implements Change {
        public String subject() { return schema + "." + table; }
    }

    /** {@code ALTER SEQUENCE ... OWNED BY table.column} (in the sequence's schema), or {@code OWNED BY NONE} when {@code ownedBy} is null. */
    record SetSequenceOwner(String schema, String sequence, String ownedBy) implements Change {
        public String subject() { return schema + "." + sequence; }
    }

    /** {@code ALTER TABLE ... INHERIT parent}: the table, which has the parent's columns already, inherits from it. */
    record Inherit(String schema, String table, String parentSchema, String parent) implements Change {
        public String subject() { return schema + "." + table; }
    }

    /** {@code ALTER TABLE ... NO INHERIT parent}: the table keeps the columns it inherited, as its own. */
    record NoInherit(String schema, String table, String parentSchema, String parent) implements Change {
        public String subject() { return schema + "." + table; }
    }
}
