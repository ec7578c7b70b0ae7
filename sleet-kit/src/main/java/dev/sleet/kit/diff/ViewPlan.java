package dev.sleet.kit.diff;

import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Views in the plan. A view cannot be altered in place: one whose definition or options changed is
 * dropped (before anything else changes) and created again (after the tables have changed). So is
 * a view that stays the same but stands on something that changes under it — a table that loses a
 * column or changes a column's type, or another view that is recreated — since PostgreSQL refuses
 * such changes while the view exists. What a view stands on is read from its definition (the
 * names it mentions), which errs on the side of recreating too much. Views are dropped dependents
 * first and created dependencies first.
 */
final class ViewPlan {

    private ViewPlan() {}

    static void views(Differ.Plan plan, Snapshot from, Snapshot to, Set<String> recreatedEnums) {
        Set<String> affectedTables = affectedTables(from, to, recreatedEnums);
        Set<String> recreate = new TreeSet<>();
        for (ViewSnapshot old : from.views().values()) {
            ViewSnapshot now = to.views().get(old.key());
            if (now != null && (!old.sameViewAs(now) || mentionsAny(old, affectedTables, from))) {
                recreate.add(old.key());
            }
        }
        // Views standing on a dropped or recreated view go too, and come back if they stay.
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ViewSnapshot old : from.views().values()) {
                if (recreate.contains(old.key()) || !to.views().containsKey(old.key())) {
                    continue;
                }
                for (ViewSnapshot other : from.views().values()) {
                    boolean gone = recreate.contains(other.key()) || !to.views().containsKey(other.key());
                    if (gone && !other.key().equals(old.key()) && mentions(old, other.schema(), other.name())) {
                        recreate.add(old.key());
                        grew = true;
                        break;
                    }
                }
            }
        }
        Map<String, ViewSnapshot> drops = new TreeMap<>();
        for (ViewSnapshot old : from.views().values()) {
            if (!to.views().containsKey(old.key()) || recreate.contains(old.key())) {
                drops.put(old.key(), old);
            }
        }
        Map<String, ViewSnapshot> creates = new TreeMap<>();
        for (ViewSnapshot now : to.views().values()) {
            if (!from.views().containsKey(now.key()) || recreate.contains(now.key())) {
                creates.put(now.key(), now);
            }
        }
        List<ViewSnapshot> dropOrder = dependenciesFirst(drops);
        java.util.Collections.reverse(dropOrder);
        dropOrder.forEach(view -> plan.dropViews.add(new Change.DropView(view)));
        for (ViewSnapshot view : dependenciesFirst(creates)) {
            plan.createViews.add(new Change.CreateView(view));
            if (view.comment() != null) {
                plan.comments.add(comment(view));
            }
        }
        for (ViewSnapshot now : to.views().values()) {
            ViewSnapshot old = from.views().get(now.key());
            if (old != null && !creates.containsKey(now.key()) && !Objects.equals(old.comment(), now.comment())) {
                plan.comments.add(comment(now));
            }
        }
    }

    private static Change.SetComment comment(ViewSnapshot view) {
        return new Change.SetComment(view.materialized() ? Change.CommentTarget.MATERIALIZED_VIEW : Change.CommentTarget.VIEW,
                view.schema(), view.name(), null, view.comment());
    }

    /** Tables that are dropped, lose a column, or change a column's type (keys of the old snapshot). */
    private static Set<String> affectedTables(Snapshot from, Snapshot to, Set<String> recreatedEnums) {
        Set<String> affected = new TreeSet<>();
        for (TableSnapshot old : from.tables().values()) {
            TableSnapshot now = to.tables().get(old.key());
            if (now == null) {
                affected.add(old.key());
                continue;
            }
            for (ColumnSnapshot column : old.columns().values()) {
                ColumnSnapshot next = now.columns().get(column.name());
                if (next == null || !column.type().equals(next.type()) || !Objects.equals(column.typeSchema(), next.typeSchema())
                        || column.userTypeKey() != null && recreatedEnums.contains(column.userTypeKey())
                        || !Objects.equals(column.generated(), next.generated())) {
                    affected.add(old.key());
                    break;
                }
            }
        }
        return affected;
    }

    private static boolean mentionsAny(ViewSnapshot view, Set<String> tableKeys, Snapshot from) {
        for (String key : tableKeys) {
            TableSnapshot table = from.tables().get(key);
            if (mentions(view, table.schema(), table.name())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the view's definition names the object (as a whole word, quoted or not). */
    static boolean mentions(ViewSnapshot view, String schema, String name) {
        Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}_$])\"?" + Pattern.quote(name) + "\"?(?![\\p{L}\\p{N}_$])");
        return word.matcher(view.definition()).find();
    }

    /** The views ordered so that each comes after the views (of the same map) it mentions. */
    private static List<ViewSnapshot> dependenciesFirst(Map<String, ViewSnapshot> views) {
        List<ViewSnapshot> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < views.size()) {
            boolean progress = false;
            for (ViewSnapshot view : views.values()) {
                if (placed.contains(view.key())) {
                    continue;
                }
                boolean ready = views.values().stream().noneMatch(other -> !other.key().equals(view.key())
                        && !placed.contains(other.key()) && mentions(view, other.schema(), other.name()));
                if (ready) {
                    ordered.add(view);
                    placed.add(view.key());
                    progress = true;
                }
            }
            if (!progress) {
                // Names mentioned both ways (a word that only looks like a view's name): keep key order.
                views.values().stream().filter(v -> !placed.contains(v.key())).forEach(v -> {
                    ordered.add(v);
                    placed.add(v.key());
                });
            }
        }
        return ordered;
    }
}
