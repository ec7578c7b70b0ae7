package dev.sleet.kit.diff;

import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SqlDefinitions;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.ViewColumnSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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

    /**
     * The names relations had before this migration's renames, which is how the definitions of the
     * old snapshot's views spell them (PostgreSQL rewrites them on rename; the snapshot cannot).
     */
    private record FormerNames(Map<String, String> relations, Map<String, String> schemas) {

        static FormerNames of(Renames renames) {
            Map<String, String> schemas = new java.util.HashMap<>();
            renames.schemas().forEach((before, after) -> schemas.put(after, before));
            Map<String, String> relations = new java.util.HashMap<>();
            for (Map<String, String> renamed : List.of(renames.tables(), renames.views())) {
                renamed.forEach((before, after) -> relations.put(after, before.substring(before.indexOf('.') + 1)));
            }
            return new FormerNames(relations, schemas);
        }

        /** Whether a view of the old snapshot names the relation now called {@code schema.name}. */
        boolean mentioned(ViewSnapshot view, String schema, String name) {
            String oldName = relations.getOrDefault(schema + "." + name, name);
            String oldSchema = schemas.getOrDefault(schema, schema);
            return mentions(view, schema, name) || mentions(view, oldSchema, oldName);
        }
    }

    static void views(Differ.Plan plan, Snapshot from, Snapshot to, Set<String> recreatedTypes, Renames renames) {
        views(plan, from, to, recreatedTypes, renames, Set.of());
    }

    /** As above, with {@code forced}: views (keys) to recreate whatever else changes, such as those calling a recreated routine. */
    static void views(Differ.Plan plan, Snapshot from, Snapshot to, Set<String> recreatedTypes, Renames renames,
                      Set<String> forced) {
        FormerNames former = FormerNames.of(renames);
        Set<String> affectedTables = affectedTables(from, to, recreatedTypes);
        Set<String> recreate = new TreeSet<>();
        forced.stream().filter(key -> from.views().containsKey(key) && to.views().containsKey(key)).forEach(recreate::add);
        for (ViewSnapshot old : from.views().values()) {
            ViewSnapshot now = to.views().get(old.key());
            if (now != null && (!old.sameViewAs(now) || mentionsAny(old, affectedTables, from, former))) {
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
                    if (gone && !other.key().equals(old.key()) && former.mentioned(old, other.schema(), other.name())) {
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
        List<ViewSnapshot> dropOrder = dependenciesFirst(drops, former::mentioned);
        java.util.Collections.reverse(dropOrder);
        dropOrder.forEach(view -> plan.dropViews.add(new Change.DropView(view)));
        for (ViewSnapshot view : dependenciesFirst(creates, ViewPlan::mentions)) {
            if (view.materialized() && !view.withNoData() && standsOnUnpopulated(view, to, new java.util.HashSet<>())) {
                // Filling it would read a materialized view that has no data yet, which PostgreSQL refuses.
                view = view.withNoData(true);
            }
            plan.createViews.add(new Change.CreateView(view));
            if (!view.standIn().isEmpty()) {
                plan.createViews.add(new Change.DefineView(view));
            }
            // A new (or remade) materialized view is empty or just filled: no need to index it concurrently.
            for (var index : view.indexes().values()) {
                plan.viewIndexes.add(new Change.CreateIndex(view.schema(), view.name(), index.withConcurrently(false)));
            }
            if (view.clusterOn() != null) {
                plan.viewIndexes.add(new Change.SetClusterOn(view.schema(), view.name(), view.clusterOn()));
            }
            if (view.comment() != null) {
                plan.comments.add(comment(view));
            }
            columns(plan, view, Map.of());
        }
        for (ViewSnapshot now : to.views().values()) {
            ViewSnapshot old = from.views().get(now.key());
            if (old != null && !creates.containsKey(now.key()) && !Objects.equals(old.comment(), now.comment())) {
                plan.comments.add(comment(now));
            }
            if (old != null && !creates.containsKey(now.key())) {
                columns(plan, now, old.columns());
                for (var index : old.indexes().values()) {
                    if (!index.sameIndexAs(now.indexes().get(index.name()))) {
                        plan.dropIndexes.add(new Change.DropIndex(old.schema(), old.name(), index));
                    }
                }
                for (var index : now.indexes().values()) {
                    if (!index.sameIndexAs(old.indexes().get(index.name()))) {
                        plan.viewIndexes.add(new Change.CreateIndex(now.schema(), now.name(), index));
                    }
                }
                // An index made anew is no longer the one the view is clustered on: the mark is set again.
                var clustered = now.clusterOn() == null ? null : now.indexes().get(now.clusterOn());
                if (!Objects.equals(old.clusterOn(), now.clusterOn())
                        || clustered != null && !clustered.sameIndexAs(old.indexes().get(clustered.name()))) {
                    plan.viewIndexes.add(new Change.SetClusterOn(now.schema(), now.name(), now.clusterOn()));
                }
            }
        }
    }

    /** Whether the view reads, directly or through other views, a materialized view created WITH NO DATA. */
    private static boolean standsOnUnpopulated(ViewSnapshot view, Snapshot to, Set<String> seen) {
        for (ViewSnapshot other : to.views().values()) {
            if (other.key().equals(view.key()) || !mentions(view, other.schema(), other.name()) || !seen.add(other.key())) {
                continue;
            }
            if (other.materialized() && other.withNoData() || standsOnUnpopulated(other, to, seen)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sets the defaults and comments of the view's columns that differ from {@code before} (nothing,
     * for a view just made: a view is created without them, and made anew it has lost them).
     */
    private static void columns(Differ.Plan plan, ViewSnapshot view, Map<String, ViewColumnSnapshot> before) {
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(view.columns().keySet());
        for (String name : names) {
            ViewColumnSnapshot was = before.get(name);
            ViewColumnSnapshot now = view.columns().get(name);
            String defaultValue = now == null ? null : now.defaultValue();
            if (!Objects.equals(was == null ? null : was.defaultValue(), defaultValue)) {
                plan.viewColumnDefaults.add(new Change.SetViewColumnDefault(view.schema(), view.name(), name, defaultValue));
            }
            String comment = now == null ? null : now.comment();
            if (!Objects.equals(was == null ? null : was.comment(), comment)) {
                plan.comments.add(new Change.SetComment(Change.CommentTarget.COLUMN, view.schema(), view.name(), name, comment));
            }
        }
    }

    private static Change.SetComment comment(ViewSnapshot view) {
        return new Change.SetComment(view.materialized() ? Change.CommentTarget.MATERIALIZED_VIEW : Change.CommentTarget.VIEW,
                view.schema(), view.name(), null, view.comment());
    }

    /** Tables that are dropped, lose a column, or change a column's type (keys of the old snapshot). */
    private static Set<String> affectedTables(Snapshot from, Snapshot to, Set<String> recreatedTypes) {
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
                        || column.userTypeKey() != null && recreatedTypes.contains(column.userTypeKey())
                        || !Objects.equals(column.generated(), next.generated())) {
                    affected.add(old.key());
                    break;
                }
            }
        }
        return affected;
    }

    private static boolean mentionsAny(ViewSnapshot view, Set<String> tableKeys, Snapshot from, FormerNames former) {
        for (String key : tableKeys) {
            TableSnapshot table = from.tables().get(key);
            if (former.mentioned(view, table.schema(), table.name())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the view's definition names the relation: an identifier (quoted, or bare and folded to
     * lower case) equal to its name, where a relation can stand: qualified by the relation's schema,
     * or unqualified for a relation in public (the search path migrations run with). A name before a
     * dot is a qualifier (a schema, or a relation's alias, which the FROM list names anyway); names
     * after a qualifier's dot (columns), after AS (aliases), before a parenthesis (functions) or
     * after {@code ::} (types) are no relations. A column that happens to bear a view's name, or a
     * view of the same name in another schema, must not make a view depend on that view, or views
     * would be created in the wrong order.
     */
    static boolean mentions(ViewSnapshot view, String schema, String name) {
        return mentions(tokens(view.definition()), schema, name);
    }

    /** {@link #mentions(ViewSnapshot, String, String)} on a definition already read by {@link #tokens}. */
    static boolean mentions(List<String> tokens, String schema, String name) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).equals("\"" + name)) {
                continue;
            }
            String before = i > 0 ? tokens.get(i - 1) : "";
            String after = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
            if (after.equals(".") || after.equals("(") || before.equals("as")
                    || before.equals(":") && i > 1 && tokens.get(i - 2).equals(":")) {
                continue;
            }
            if (before.equals(".")) {
                if (i > 1 && tokens.get(i - 2).equals("\"" + schema) && (i < 3 || !tokens.get(i - 3).equals("."))) {
                    return true;
                }
            } else if (schema.equals("public")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The definition's identifiers, each as {@code "} followed by the name it stands for (bare ones
     * folded to lower case), its punctuation, one character each, and its bare keywords as they are
     * (they never stand for a name); string literals and white space are left out.
     */
    static List<String> tokens(String sql) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '"') {
                StringBuilder name = new StringBuilder();
                i++;
                while (i < sql.length()) {
                    if (sql.charAt(i) == '"') {
                        if (i + 1 < sql.length() && sql.charAt(i + 1) == '"') {
                            name.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    name.append(sql.charAt(i++));
                }
                tokens.add("\"" + name);
            } else if (c == '\'') {
                i++;
                while (i < sql.length()) {
                    if (sql.charAt(i) == '\'') {
                        if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    i++;
                }
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$')) {
                    i++;
                }
                String word = sql.substring(start, i).toLowerCase(java.util.Locale.ROOT);
                tokens.add(SqlDefinitions.isKeyword(word) ? word : "\"" + word);
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return tokens;
    }

    /** What a view names: {@link #mentions} for the new snapshot, {@link FormerNames#mentioned} for the old. */
    private interface Mentions {
        boolean test(ViewSnapshot view, String schema, String name);
    }

    /** The views ordered so that each comes after the views (of the same map) it mentions. */
    private static List<ViewSnapshot> dependenciesFirst(Map<String, ViewSnapshot> views, Mentions mentions) {
        List<ViewSnapshot> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < views.size()) {
            boolean progress = false;
            for (ViewSnapshot view : views.values()) {
                if (placed.contains(view.key())) {
                    continue;
                }
                boolean ready = views.values().stream().noneMatch(other -> !other.key().equals(view.key())
                        && !placed.contains(other.key()) && mentions.test(view, other.schema(), other.name()));
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
