package dev.sleet.kit.property;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.IndexKeySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import net.jqwik.api.statistics.Statistics;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the generated cases hold, as jqwik statistics: which kinds of object a schema has and which
 * kinds of change a migration makes, each counted once per try. Collected and reported only with
 * {@code -Dsleet.coverage=true}, to check that every kind turns up often enough.
 */
final class Coverage {

    private static final boolean ON = Boolean.getBoolean("sleet.coverage");

    private Coverage() {}

    /** Counts the kinds of object in {@code schema}. */
    static void objects(Snapshot schema) {
        if (!ON) {
            return;
        }
        for (String kind : kinds(schema)) {
            Statistics.label("object: " + kind).collect(true);
        }
    }

    /** Counts the kinds of change between the two schemas. */
    static void changes(List<Change> changes) {
        if (!ON) {
            return;
        }
        Set<String> kinds = new TreeSet<>();
        changes.forEach(c -> kinds.add(c.getClass().getSimpleName()));
        changes.stream().filter(c -> c instanceof Change.AlterColumn a && RoundTrips.PG.typeChangeLoss(a.from(), a.to()).isPresent())
                .forEach(c -> kinds.add("AlterColumn, lossy type"));
        for (String kind : kinds) {
            Statistics.label("change: " + kind).collect(true);
        }
    }

    /** Counts the tries in which a lossy type change's guard counted a row (see {@code RoundTrips.withSurvivingRows}). */
    static void survivingRows(PropertyDatabase db) {
        if (ON) {
            Statistics.label("guard over a surviving row").collect(!db.setting("sleet.surviving_rows").isEmpty());
            db.resetSetting("sleet.surviving_rows");
        }
    }

    static Set<String> kinds(Snapshot schema) {
        Set<String> kinds = new TreeSet<>();
        add(kinds, !schema.schemas().isEmpty(), "schema besides public");
        add(kinds, !schema.enums().isEmpty(), "enum type");
        add(kinds, !schema.sequences().isEmpty(), "sequence");
        add(kinds, !schema.roles().isEmpty(), "role");
        add(kinds, schema.views().values().stream().anyMatch(v -> !v.materialized()), "view");
        add(kinds, schema.views().values().stream().anyMatch(v -> v.materialized()), "materialized view");
        add(kinds, schema.views().values().stream().anyMatch(v -> !v.with().isEmpty()), "view options");
        add(kinds, schema.views().values().stream().anyMatch(v -> v.comment() != null), "view comment");
        for (TableSnapshot t : schema.tables().values()) {
            add(kinds, t.comment() != null, "table comment");
            add(kinds, t.rowLevelSecurity(), "row-level security");
            add(kinds, t.forceRowLevelSecurity(), "forced row-level security");
            add(kinds, !t.policies().isEmpty(), "policy");
            add(kinds, !t.checkConstraints().isEmpty(), "check");
            add(kinds, t.primaryKey() != null && t.primaryKey().columns().size() > 1, "composite primary key");
            add(kinds, t.uniqueConstraints().values().stream().anyMatch(u -> u.nullsNotDistinct()), "unique nulls not distinct");
            add(kinds, t.foreignKeys().values().stream().anyMatch(f -> f.columns().size() > 1), "composite foreign key");
            add(kinds, t.foreignKeys().values().stream().anyMatch(f -> !f.referencedSchema().equals(t.schema())),
                    "foreign key across schemas");
            for (ColumnSnapshot c : t.columns().values()) {
                add(kinds, c.typeSchema() != null && !c.isArray(), "enum column");
                add(kinds, c.typeSchema() != null && c.isArray(), "enum array column");
                add(kinds, c.typeSchema() == null && c.isArray(), "array column");
                add(kinds, c.identity() != null && c.identity().isAlways(), "identity always");
                add(kinds, c.identity() != null && !c.identity().isAlways(), "identity by default");
                add(kinds, c.generated() != null, "generated column");
                add(kinds, c.serial(), "serial");
                add(kinds, c.comment() != null, "column comment");
                add(kinds, c.defaultValue() != null && c.defaultValue().startsWith("nextval("), "nextval default");
                add(kinds, c.defaultValue() != null && c.typeSchema() != null, "enum default");
                add(kinds, c.defaultValue() != null && c.isArray(), "array default");
            }
            for (IndexSnapshot ix : t.indexes().values()) {
                add(kinds, !ix.methodOrDefault().equals("btree"), "index method " + ix.methodOrDefault());
                add(kinds, ix.unique(), "unique index");
                add(kinds, ix.nullsNotDistinct(), "index nulls not distinct");
                add(kinds, ix.where() != null, "partial index");
                add(kinds, !ix.with().isEmpty(), "index parameters");
                add(kinds, ix.concurrently(), "index concurrently");
                for (IndexKeySnapshot k : ix.allKeys()) {
                    add(kinds, k.expression() != null, "index expression");
                    add(kinds, k.opclass() != null, "index operator class");
                    add(kinds, k.descending(), "index key desc");
                    add(kinds, k.nulls() != null, "index key nulls order");
                }
            }
        }
        return kinds;
    }

    private static void add(Set<String> kinds, boolean present, String kind) {
        if (present) {
            kinds.add(kind);
        }
    }
}
