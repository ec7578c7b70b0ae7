package dev.sleet.kit.diff;

import dev.sleet.kit.snapshot.RuleSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Rules in the plan. A rule's actions may name any table, view or routine, so rules are created
 * last, after the views and triggers, and dropped first, with the triggers. A rule whose definition
 * changed is dropped and created again, and so is one that stands in the way of the plan:
 * PostgreSQL will not drop a view, routine or table, nor drop or retype a column, that a rule
 * names, and a view made anew has lost its rules.
 */
final class RulePlan {

    private RulePlan() {}

    /** Runs once views, routines and columns are planned. */
    static void plan(Differ.Plan plan, Snapshot from, Snapshot to) {
        Set<String> goneRelations = new HashSet<>();
        plan.dropViews.forEach(c -> goneRelations.add(((Change.DropView) c).view().key()));
        from.tables().keySet().stream().filter(k -> !to.tables().containsKey(k)).forEach(goneRelations::add);
        List<Change.DropRoutine> goneRoutines = java.util.stream.Stream.concat(plan.dropRoutines.stream(),
                plan.dropRoutinesLate.stream()).map(Change.DropRoutine.class::cast).toList();
        Set<String> reshaped = new HashSet<>();
        RoutinePlan.reshapedColumns(plan).values().forEach(reshaped::addAll);
        for (RuleSnapshot old : from.rules().values()) {
            RuleSnapshot now = to.rules().get(old.key());
            List<String> tokens = ViewPlan.tokens(old.definition());
            boolean inTheWay = goneRelations.contains(old.relationKey())
                    || goneRelations.stream().anyMatch(key -> mentions(tokens, key, from))
                    || goneRoutines.stream().anyMatch(r -> RoutinePlan.mentions(tokens, r.routine().schema(), r.routine().name()))
                    || Differ.mentions(old.definition(), reshaped);
            if (now == null || !old.sameRuleAs(now) || inTheWay) {
                plan.dropRules.add(new Change.DropRule(old));
                if (now != null) {
                    create(plan, now);
                }
            } else {
                if (!Objects.equals(old.comment(), now.comment())) {
                    plan.comments.add(new Change.CommentRule(now, now.comment()));
                }
                if (!old.enabled().equals(now.enabled())) {
                    plan.createRules.add(new Change.SetRuleEnabled(now, now.enabled()));
                }
            }
        }
        for (RuleSnapshot now : to.rules().values()) {
            if (!from.rules().containsKey(now.key())) {
                create(plan, now);
            }
        }
    }

    /**
     * The rules once the relations they are on follow {@code renames} (schemas, tables and views, in
     * order): PostgreSQL carries a rule along with its relation. Their definitions still name the old
     * relation, and so differ from what the code says, and are made again under the new name.
     */
    static SortedMap<String, RuleSnapshot> moved(Map<String, RuleSnapshot> rules, List<Change> renames) {
        SortedMap<String, RuleSnapshot> moved = new TreeMap<>(rules);
        for (Change rename : renames) {
            SortedMap<String, RuleSnapshot> next = new TreeMap<>();
            for (RuleSnapshot rule : moved.values()) {
                RuleSnapshot now = rule;
                if (rename instanceof Change.RenameSchema r && rule.schema().equals(r.from())) {
                    now = rule.on(r.to(), rule.table());
                } else if (rename instanceof Change.RenameTable r && rule.schema().equals(r.schema()) && rule.table().equals(r.from())) {
                    now = rule.on(r.schema(), r.to());
                } else if (rename instanceof Change.RenameView r && rule.schema().equals(r.schema()) && rule.table().equals(r.from())) {
                    now = rule.on(r.schema(), r.to());
                }
                next.put(now.key(), now);
            }
            moved = next;
        }
        return moved;
    }

    private static void create(Differ.Plan plan, RuleSnapshot rule) {
        plan.createRules.add(new Change.CreateRule(rule));
        if (rule.comment() != null) {
            plan.comments.add(new Change.CommentRule(rule, rule.comment()));
        }
    }

    /** Whether the rule's text names the table or view {@code key} of {@code snapshot}. */
    private static boolean mentions(List<String> tokens, String key, Snapshot snapshot) {
        TableSnapshot table = snapshot.tables().get(key);
        ViewSnapshot view = snapshot.views().get(key);
        return table != null ? RoutinePlan.mentions(tokens, table.schema(), table.name())
                : view != null && RoutinePlan.mentions(tokens, view.schema(), view.name());
    }
}
