package dev.sleet.kit.tasks;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.snapshot.ColumnSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Describes, in plain words, how a database differs from what the migrations say it should be: the
 * changes of {@code Differ.diff(expected, actual)}, read as "the database has ... / lacks ...".
 */
final class Differences {

    private Differences() {}

    /** How a change reads when the database is what was compared with the migrations. */
    private enum Reading { EXTRA, MISSING, DIFFERS }

    private record Kind(String name, Reading reading) {}

    /**
     * Every kind of change a comparison can find, with the object it is about. Renames never come up
     * (nothing is renamed when comparing). A retired enum type is part of its type's recreation, which
     * is reported once, as the type differing; a view's definition given to its stand-in is part of
     * the view's creation.
     */
    private static final Map<Class<? extends Change>, Kind> KINDS = Map.ofEntries(
            Map.entry(Change.CreateSchema.class, new Kind("schema", Reading.EXTRA)),
            Map.entry(Change.DropSchema.class, new Kind("schema", Reading.MISSING)),
            Map.entry(Change.CreateTable.class, new Kind("table", Reading.EXTRA)),
            Map.entry(Change.DropTable.class, new Kind("table", Reading.MISSING)),
            Map.entry(Change.AddColumn.class, new Kind("column", Reading.EXTRA)),
            Map.entry(Change.DropColumn.class, new Kind("column", Reading.MISSING)),
            Map.entry(Change.AlterColumn.class, new Kind("column", Reading.DIFFERS)),
            Map.entry(Change.ConvertEnumColumn.class, new Kind("column", Reading.DIFFERS)),
            Map.entry(Change.ConvertDomainColumn.class, new Kind("column", Reading.DIFFERS)),
            Map.entry(Change.AddPrimaryKey.class, new Kind("primary key", Reading.EXTRA)),
            Map.entry(Change.DropPrimaryKey.class, new Kind("primary key", Reading.MISSING)),
            Map.entry(Change.AddUnique.class, new Kind("unique constraint", Reading.EXTRA)),
            Map.entry(Change.DropUnique.class, new Kind("unique constraint", Reading.MISSING)),
            Map.entry(Change.AddCheck.class, new Kind("check constraint", Reading.EXTRA)),
            Map.entry(Change.DropCheck.class, new Kind("check constraint", Reading.MISSING)),
            Map.entry(Change.AddForeignKey.class, new Kind("foreign key", Reading.EXTRA)),
            Map.entry(Change.DropForeignKey.class, new Kind("foreign key", Reading.MISSING)),
            Map.entry(Change.CreateIndex.class, new Kind("index", Reading.EXTRA)),
            Map.entry(Change.DropIndex.class, new Kind("index", Reading.MISSING)),
            Map.entry(Change.CreateEnum.class, new Kind("enum type", Reading.EXTRA)),
            Map.entry(Change.DropEnum.class, new Kind("enum type", Reading.MISSING)),
            Map.entry(Change.AddEnumValue.class, new Kind("enum type", Reading.DIFFERS)),
            Map.entry(Change.RecreateEnum.class, new Kind("enum type", Reading.DIFFERS)),
            Map.entry(Change.CreateSequence.class, new Kind("sequence", Reading.EXTRA)),
            Map.entry(Change.DropSequence.class, new Kind("sequence", Reading.MISSING)),
            Map.entry(Change.AlterSequence.class, new Kind("sequence", Reading.DIFFERS)),
            Map.entry(Change.CreateView.class, new Kind("view", Reading.EXTRA)),
            Map.entry(Change.DropView.class, new Kind("view", Reading.MISSING)),
            Map.entry(Change.SetComment.class, new Kind("the comment on", Reading.DIFFERS)),
            Map.entry(Change.SetViewColumnDefault.class, new Kind("the default of view column", Reading.DIFFERS)),
            Map.entry(Change.SetRowLevelSecurity.class, new Kind("row-level security of table", Reading.DIFFERS)),
            Map.entry(Change.CreatePolicy.class, new Kind("policy", Reading.EXTRA)),
            Map.entry(Change.DropPolicy.class, new Kind("policy", Reading.MISSING)),
            Map.entry(Change.CreateRole.class, new Kind("role", Reading.EXTRA)),
            Map.entry(Change.DropRole.class, new Kind("role", Reading.MISSING)),
            Map.entry(Change.AlterRole.class, new Kind("role", Reading.DIFFERS)),
            Map.entry(Change.ValidateConstraint.class, new Kind("the validity (NOT VALID) of constraint", Reading.DIFFERS)),
            Map.entry(Change.AddExclusion.class, new Kind("exclusion constraint", Reading.EXTRA)),
            Map.entry(Change.DropExclusion.class, new Kind("exclusion constraint", Reading.MISSING)),
            Map.entry(Change.AttachPartition.class, new Kind("partition", Reading.DIFFERS)),
            Map.entry(Change.DetachPartition.class, new Kind("partition", Reading.DIFFERS)),
            Map.entry(Change.CreateExtension.class, new Kind("extension", Reading.EXTRA)),
            Map.entry(Change.DropExtension.class, new Kind("extension", Reading.MISSING)),
            Map.entry(Change.AlterExtensionSchema.class, new Kind("extension", Reading.DIFFERS)),
            Map.entry(Change.CreateForeignServer.class, new Kind("foreign server", Reading.EXTRA)),
            Map.entry(Change.DropForeignServer.class, new Kind("foreign server", Reading.MISSING)),
            Map.entry(Change.AlterForeignServer.class, new Kind("foreign server", Reading.DIFFERS)),
            Map.entry(Change.CreateForeignTable.class, new Kind("foreign table", Reading.EXTRA)),
            Map.entry(Change.DropForeignTable.class, new Kind("foreign table", Reading.MISSING)),
            Map.entry(Change.AlterForeignTable.class, new Kind("foreign table", Reading.DIFFERS)),
            Map.entry(Change.CreateCollation.class, new Kind("collation", Reading.EXTRA)),
            Map.entry(Change.DropCollation.class, new Kind("collation", Reading.MISSING)),
            Map.entry(Change.CreateDomain.class, new Kind("domain", Reading.EXTRA)),
            Map.entry(Change.DropDomain.class, new Kind("domain", Reading.MISSING)),
            Map.entry(Change.AlterDomain.class, new Kind("domain", Reading.DIFFERS)),
            Map.entry(Change.RecreateDomain.class, new Kind("domain", Reading.DIFFERS)),
            Map.entry(Change.CreateTextSearch.class, new Kind("text search object", Reading.EXTRA)),
            Map.entry(Change.DropTextSearch.class, new Kind("text search object", Reading.MISSING)),
            Map.entry(Change.AlterTextSearchMappings.class, new Kind("text search configuration", Reading.DIFFERS)),
            Map.entry(Change.CreateRoutine.class, new Kind("routine", Reading.EXTRA)),
            Map.entry(Change.DropRoutine.class, new Kind("routine", Reading.MISSING)),
            Map.entry(Change.ReplaceRoutine.class, new Kind("routine", Reading.DIFFERS)),
            Map.entry(Change.CreateTrigger.class, new Kind("trigger", Reading.EXTRA)),
            Map.entry(Change.DropTrigger.class, new Kind("trigger", Reading.MISSING)),
            Map.entry(Change.SetTriggerEnabled.class, new Kind("trigger", Reading.DIFFERS)),
            Map.entry(Change.CommentRoutine.class, new Kind("the comment on routine", Reading.DIFFERS)),
            Map.entry(Change.CreateCast.class, new Kind("cast", Reading.EXTRA)),
            Map.entry(Change.DropCast.class, new Kind("cast", Reading.MISSING)),
            Map.entry(Change.CommentCast.class, new Kind("the comment on cast", Reading.DIFFERS)),
            Map.entry(Change.CreateRule.class, new Kind("rule", Reading.EXTRA)),
            Map.entry(Change.DropRule.class, new Kind("rule", Reading.MISSING)),
            Map.entry(Change.CommentRule.class, new Kind("the comment on rule", Reading.DIFFERS)),
            Map.entry(Change.SetRuleEnabled.class, new Kind("rule", Reading.DIFFERS)),
            Map.entry(Change.SetClusterOn.class, new Kind("the index (CLUSTER ON) of table", Reading.DIFFERS)),
            Map.entry(Change.CommentOn.class, new Kind("the comment on", Reading.DIFFERS)),
            Map.entry(Change.SetStorageParameters.class, new Kind("the storage parameters (WITH) of table", Reading.DIFFERS)),
            Map.entry(Change.SetSequenceOwner.class, new Kind("the owner (OWNED BY) of sequence", Reading.DIFFERS)),
            Map.entry(Change.Inherit.class, new Kind("the parents (INHERITS) of table", Reading.DIFFERS)),
            Map.entry(Change.NoInherit.class, new Kind("the parents (INHERITS) of table", Reading.DIFFERS)));

    /** The kind of object a change is about, in words ("table", "enum type"), or null for one no comparison finds. */
    static String kind(Change change) {
        Kind kind = KINDS.get(change.getClass());
        return kind == null ? null : kind.name();
    }

    static List<String> describe(List<Change> changes) {
        // An object dropped and added again under one name (a key, an index, a recreated view, the
        // several steps of a recreated enum type) differs rather than being extra and missing.
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Change change : changes) {
            Kind kind = KINDS.get(change.getClass());
            if (kind != null) {
                seen.merge(kind.name() + " " + change.subject(), 1, Integer::sum);
            }
        }
        List<String> lines = new ArrayList<>();
        for (Change change : changes) {
            // Parts of another change, reported with it: a retired enum with its type, a view's definition with the view.
            if (change instanceof Change.DropRetiredEnum || change instanceof Change.DefineView) {
                continue;
            }
            Kind kind = KINDS.get(change.getClass());
            String line = kind != null && seen.get(kind.name() + " " + change.subject()) > 1
                    ? kind.name() + " " + change.subject() + " differs between the database and the migrations"
                    : describe(change, kind);
            if (!lines.contains(line)) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String describe(Change change, Kind kind) {
        String s = change.subject();
        if (change instanceof Change.AlterColumn c) {
            return "column " + s + " differs: " + String.join("; ", columnDifferences(c.from(), c.to()));
        }
        if (kind == null) {
            return "the database differs from the migrations: " + change;
        }
        switch (kind.reading()) {
            case EXTRA: return "the database has " + kind.name() + " " + s + ", which the migrations do not create";
            case MISSING: return kind.name() + " " + s + " is missing from the database";
            default: return kind.name() + " " + s + " differs between the database and the migrations";
        }
    }

    private static List<String> columnDifferences(ColumnSnapshot expected, ColumnSnapshot actual) {
        List<String> parts = new ArrayList<>();
        if (!expected.type().equals(actual.type())) {
            parts.add("type " + actual.type() + " in the database, " + expected.type() + " in the migrations");
        }
        if (expected.notNull() != actual.notNull()) {
            parts.add(actual.notNull() ? "NOT NULL in the database only" : "NOT NULL in the migrations only");
        }
        if (expected.serial() != actual.serial()) {
            parts.add(actual.serial() ? "serial in the database only" : "serial in the migrations only");
        }
        if (!Objects.equals(expected.defaultValue(), actual.defaultValue())) {
            parts.add("default " + (actual.defaultValue() == null ? "none" : actual.defaultValue()) + " in the database, "
                    + (expected.defaultValue() == null ? "none" : expected.defaultValue()) + " in the migrations");
        }
        if (parts.isEmpty()) {
            parts.add(actual + " in the database, " + expected + " in the migrations");
        }
        return parts;
    }
}
