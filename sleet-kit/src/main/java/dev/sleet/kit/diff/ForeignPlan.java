package dev.sleet.kit.diff;

import dev.sleet.kit.snapshot.ForeignServerSnapshot;
import dev.sleet.kit.snapshot.ForeignTableSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;

import java.util.Set;
import java.util.TreeSet;

/**
 * Foreign servers and foreign tables. Their drops come early, once the views that read them are
 * gone; they are created after the tables (their columns may be of any type the schema makes) and
 * the extensions that bring their wrappers, before the views. A foreign table holds no rows of its
 * own, so one whose columns or server changed is dropped and created again, and so are the views
 * that read it; options, version and comments change in place. A server whose wrapper or type
 * changed is made anew with its tables.
 */
final class ForeignPlan {

    private ForeignPlan() {}

    static void foreign(Differ.Plan plan, Snapshot from, Snapshot to, Set<String> recreatedTypes) {
        Set<String> remadeServers = remadeServers(from, to);
        Set<String> remadeTables = remadeTables(from, to, remadeServers, recreatedTypes);
        for (ForeignTableSnapshot old : from.foreignTables().values()) {
            if (!to.foreignTables().containsKey(old.key()) || remadeTables.contains(old.key())) {
                plan.dropForeign.add(new Change.DropForeignTable(old));
            }
        }
        for (ForeignServerSnapshot old : from.foreignServers().values()) {
            if (!to.foreignServers().containsKey(old.name()) || remadeServers.contains(old.name())) {
                plan.dropForeign.add(new Change.DropForeignServer(old));
            }
        }
        for (ForeignServerSnapshot now : to.foreignServers().values()) {
            ForeignServerSnapshot old = from.foreignServers().get(now.name());
            if (old == null || remadeServers.contains(now.name())) {
                plan.createForeign.add(new Change.CreateForeignServer(now));
            } else if (!old.equals(now)) {
                plan.createForeign.add(new Change.AlterForeignServer(old, now));
            }
        }
        for (ForeignTableSnapshot now : to.foreignTables().values()) {
            ForeignTableSnapshot old = from.foreignTables().get(now.key());
            if (old == null || remadeTables.contains(now.key())) {
                plan.createForeign.add(new Change.CreateForeignTable(now));
            } else if (!old.equals(now)) {
                plan.createForeign.add(new Change.AlterForeignTable(old, now));
            }
        }
    }

    /** The views (keys) of {@code from} that read a foreign table dropped or made anew: they must go first and come back. */
    static Set<String> readersOfRemade(Snapshot from, Snapshot to, Set<String> recreatedTypes) {
        Set<String> gone = new TreeSet<>(remadeTables(from, to, remadeServers(from, to), recreatedTypes));
        from.foreignTables().keySet().stream().filter(key -> !to.foreignTables().containsKey(key)).forEach(gone::add);
        Set<String> readers = new TreeSet<>();
        for (ViewSnapshot view : from.views().values()) {
            for (String key : gone) {
                ForeignTableSnapshot table = from.foreignTables().get(key);
                if (ViewPlan.mentions(view, table.schema(), table.name())) {
                    readers.add(view.key());
                }
            }
        }
        return readers;
    }

    private static Set<String> remadeServers(Snapshot from, Snapshot to) {
        Set<String> remade = new TreeSet<>();
        for (ForeignServerSnapshot now : to.foreignServers().values()) {
            ForeignServerSnapshot old = from.foreignServers().get(now.name());
            if (old != null && !old.sameShapeAs(now)) {
                remade.add(now.name());
            }
        }
        return remade;
    }

    /** Foreign tables made anew: their columns or server changed, or a column is of a type made anew. */
    private static Set<String> remadeTables(Snapshot from, Snapshot to, Set<String> remadeServers, Set<String> recreatedTypes) {
        Set<String> remade = new TreeSet<>();
        for (ForeignTableSnapshot now : to.foreignTables().values()) {
            ForeignTableSnapshot old = from.foreignTables().get(now.key());
            if (old != null && (!old.sameShapeAs(now) || remadeServers.contains(now.server())
                    || old.columns().stream().anyMatch(c -> ObjectsPlan.namesRecreated(c.type(), recreatedTypes, from)))) {
                remade.add(now.key());
            }
        }
        return remade;
    }
}
