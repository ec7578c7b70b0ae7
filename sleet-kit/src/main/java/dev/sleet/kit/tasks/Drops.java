package dev.sleet.kit.tasks;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a list of changes drops that holds data: schemas, tables, columns, sequences (their current
 * value), materialized views and enum types that columns use. Indexes, constraints, plain views and
 * the like hold none; an object dropped and created again in the same changes (a recreated
 * materialized view, a generated column added anew) is not dropped. {@code pull} asks before it
 * writes a migration that drops any of them, since the migration drops them on every database.
 *
 * @param objects each dropped object in words, e.g. "table public.posts", "column public.users.bio"
 */
record Drops(List<String> objects) {

    Drops {
        objects = List.copyOf(objects);
    }

    /** @param before the schema the changes start from */
    static Drops of(Snapshot before, List<Change> changes) {
        Set<String> created = new HashSet<>();
        for (Change change : changes) {
            // A generated column added anew loses nothing; a plain column turned generated loses the values it held.
            if (change instanceof Change.AddColumn add && wasGenerated(before, add) || change instanceof Change.CreateView) {
                created.add(Differences.kind(change) + " " + change.subject());
            }
        }
        Set<String> usedTypes = new HashSet<>();
        before.tables().values().forEach(t -> t.columns().values().forEach(c -> {
            if (c.userTypeKey() != null) {
                usedTypes.add(c.userTypeKey());
            }
        }));
        List<String> objects = changes.stream().filter(change -> holdsData(change, created, usedTypes)).map(Drops::describe).toList();
        return new Drops(objects);
    }

    /** Whether the column {@code add} adds was a generated column before (false when it is new). */
    private static boolean wasGenerated(Snapshot before, Change.AddColumn add) {
        TableSnapshot table = before.tables().get(Snapshot.key(add.schema(), add.table()));
        ColumnSnapshot column = table == null ? null : table.columns().get(add.column().name());
        return column != null && column.generated() != null;
    }

    private static boolean holdsData(Change change, Set<String> created, Set<String> usedTypes) {
        if (change instanceof Change.DropSchema || change instanceof Change.DropTable || change instanceof Change.DropSequence) {
            return true;
        }
        boolean createdAgain = created.contains(Differences.kind(change) + " " + change.subject());
        if (change instanceof Change.DropColumn) {
            return !createdAgain;
        }
        if (change instanceof Change.DropView c) {
            return c.view().materialized() && !createdAgain;
        }
        return change instanceof Change.DropEnum c && usedTypes.contains(c.type().key());
    }

    private static String describe(Change change) {
        String kind = change instanceof Change.DropView ? "materialized view" : Differences.kind(change);
        return kind + " " + change.subject();
    }

    boolean isEmpty() {
        return objects.isEmpty();
    }

    /** What the drops mean, in a sentence or two. */
    String describe() {
        boolean one = objects.size() == 1;
        return "The pulled migration drops " + objects.size() + (one ? " object that holds" : " objects that hold") + " data: "
                + String.join(", ", objects) + ". `sleet migrate` would drop " + (one ? "it, with its" : "them, with their")
                + " data, on every database it runs on where " + (one ? "it still exists." : "they still exist.");
    }

    /**
     * The comment a migration that drops these objects starts with, after the pulled header.
     *
     * @param how how the drops were accepted, e.g. "accepted with --accept-drops"
     */
    String header(String how) {
        StringBuilder header = new StringBuilder(
                "-- It DROPS these objects, with their data, on every database it runs on where they still exist:\n");
        // A name could hold a line break; one escaped keeps every line of the header a comment.
        objects.forEach(o -> header.append("--   ").append(o.replace("\r", "\\r").replace("\n", "\\n")).append('\n'));
        return header.append("-- (").append(how).append(")\n").toString();
    }
}
