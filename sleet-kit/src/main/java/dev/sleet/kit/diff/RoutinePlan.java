package dev.sleet.kit.diff;

import dev.sleet.kit.snapshot.DomainSnapshot;
import dev.sleet.kit.snapshot.RoutineSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SqlDefinitions;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.TriggerSnapshot;
import dev.sleet.kit.snapshot.TypeSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;

import java.util.ArrayList;
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
 * Functions, procedures, aggregates and triggers in the plan.
 *
 * <p>A routine whose definition changed is replaced in place ({@code CREATE OR REPLACE}) when its
 * kind, arguments and result stay; otherwise it is dropped and created again, and so are what use
 * it: views that call it (recreated through {@link ViewPlan}), triggers that execute it, aggregates
 * built on it, and routines whose row types come from a view that is recreated. A routine whose
 * arguments or result are of an enum type or domain that is made anew is made again over the new one
 * (it would otherwise hold on to the old one, which then could not be dropped).
 *
 * <p>Order: a routine that needs no table or view (directly or through other routines) is created
 * before the tables, so that defaults and checks may call it; one that does (a row type, a
 * {@code BEGIN ATOMIC} body, a declared {@code dependsOn}) is created among the views, after the
 * relations it needs and before the views that call it. Migrations turn {@code check_function_bodies}
 * off before routines (as {@code pg_dump} does), so a body may name tables created later. What a
 * routine needs is its {@code dependsOn} (pull reads it from {@code pg_depend}), the tables and views
 * its arguments and result name, and for an aggregate the routines its definition names. Triggers are
 * dropped first and created last.
 */
final class RoutinePlan {

    private final Snapshot from;
    private final Snapshot to;
    private final Set<String> replaced = new TreeSet<>();
    private final Set<String> recreated = new TreeSet<>();
    /** Domains and types of the new snapshot that stand on a relation's row type, so are made among the views. */
    private final Set<String> typesOnRelations;
    /** Enum types and domains made anew (renamed out of the way, made again). */
    private final Set<String> recreatedTypes;

    RoutinePlan(Snapshot from, Snapshot to, Set<String> recreatedTypes) {
        this.from = from;
        this.to = to;
        this.recreatedTypes = recreatedTypes;
        this.typesOnRelations = ObjectsPlan.onRelations(to);
        for (RoutineSnapshot now : to.routines().values()) {
            RoutineSnapshot old = from.routines().get(now.key());
            if (old != null && !old.sameRoutineAs(now)) {
                (old.replaceableBy(now) ? replaced : recreated).add(now.key());
            }
        }
    }

    /**
     * The views to recreate because a routine they call is dropped or recreated; found together with
     * the routines recreated because a view their row type comes from is recreated, until neither grows.
     */
    Set<String> forcedViews(Snapshot oldViews, Snapshot newViews, Set<String> recreatedTypes, Renames renames) {
        Set<String> forced = new TreeSet<>();
        while (true) {
            Differ.Plan trial = new Differ.Plan();
            ViewPlan.views(trial, oldViews, newViews, recreatedTypes, renames, forced);
            growRecreated(dropped(trial.dropViews));
            Set<String> next = new TreeSet<>(forced);
            for (ViewSnapshot view : from.views().values()) {
                for (RoutineSnapshot routine : from.routines().values()) {
                    boolean goes = !to.routines().containsKey(routine.key()) || recreated.contains(routine.key());
                    if (goes && mentions(view.definition(), routine.schema(), routine.name())) {
                        next.add(view.key());
                    }
                }
            }
            if (next.equals(forced)) {
                return forced;
            }
            forced = next;
        }
    }

    /** Routines that stay but stand on a dropped relation, a recreated routine or a type made anew are recreated too. */
    private void growRecreated(Set<String> droppedViews) {
        boolean grew = true;
        while (grew) {
            grew = false;
            for (RoutineSnapshot now : to.routines().values()) {
                RoutineSnapshot old = from.routines().get(now.key());
                if (old == null || recreated.contains(now.key())) {
                    continue;
                }
                for (String dependency : dependencies(old, from)) {
                    if (droppedViews.contains(dependency) || recreated.contains(dependency) || recreatedTypes.contains(dependency)
                            || from.tables().containsKey(dependency) && !to.tables().containsKey(dependency)) {
                        recreated.add(now.key());
                        replaced.remove(now.key());
                        grew = true;
                        break;
                    }
                }
            }
        }
    }

    private static Set<String> dropped(List<Change> dropViews) {
        Set<String> keys = new HashSet<>();
        dropViews.forEach(change -> keys.add(((Change.DropView) change).view().key()));
        return keys;
    }

    void plan(Differ.Plan plan) {
        Set<String> droppedViews = dropped(plan.dropViews);
        growRecreated(droppedViews);
        Set<String> droppedTypes = new HashSet<>();
        plan.dropTypesOnRelations.forEach(change -> droppedTypes.add(typeOf(change).key()));
        // Drops: those a dropped relation stands under, and those made again, before the relations go;
        // the others last, once nothing (a default, a check) uses them. Aggregates before their functions.
        List<RoutineSnapshot> early = new ArrayList<>();
        List<RoutineSnapshot> late = new ArrayList<>();
        for (RoutineSnapshot old : from.routines().values()) {
            boolean gone = !to.routines().containsKey(old.key());
            if (recreated.contains(old.key()) || gone && succeeded(old)) {
                early.add(old);
            } else if (gone) {
                // One over a type made anew goes before the type is renamed: its DROP names the type as it was.
                boolean onDropped = dependencies(old, from).stream().anyMatch(key -> droppedViews.contains(key)
                        || droppedTypes.contains(key) || recreatedTypes.contains(key)
                        || from.tables().containsKey(key) && !to.tables().containsKey(key)
                        || from.views().containsKey(key) && !to.views().containsKey(key));
                (onDropped ? early : late).add(old);
            }
        }
        aggregatesFirst(early).forEach(r -> plan.dropRoutines.add(new Change.DropRoutine(r)));
        aggregatesFirst(late).forEach(r -> plan.dropRoutinesLate.add(new Change.DropRoutine(r)));

        Map<String, Change> creates = new TreeMap<>();
        for (RoutineSnapshot now : to.routines().values()) {
            RoutineSnapshot old = from.routines().get(now.key());
            if (old == null || recreated.contains(now.key())) {
                creates.put(now.key(), new Change.CreateRoutine(now));
            } else if (replaced.contains(now.key())) {
                creates.put(now.key(), new Change.ReplaceRoutine(old, now));
            }
        }
        Map<String, Boolean> needsRelation = new HashMap<>();
        List<Change> before = new ArrayList<>();
        List<Change> among = new ArrayList<>();
        for (Map.Entry<String, Change> entry : creates.entrySet()) {
            (needsRelation(entry.getKey(), needsRelation, new HashSet<>()) ? among : before).add(entry.getValue());
        }
        plan.createRoutines.addAll(ordered(before));
        List<Change> merged = new ArrayList<>(plan.createTypesOnRelations);
        merged.addAll(plan.createViews);
        merged.addAll(among);
        List<Change> views = ordered(merged);
        plan.createViews.clear();
        plan.createViews.addAll(views);
        for (RoutineSnapshot now : to.routines().values()) {
            RoutineSnapshot old = from.routines().get(now.key());
            boolean made = old == null || recreated.contains(now.key());
            if (made ? now.comment() != null : !Objects.equals(old.comment(), now.comment())) {
                plan.comments.add(new Change.CommentRoutine(now, now.comment()));
            }
        }
        triggers(plan);
    }

    private void triggers(Differ.Plan plan) {
        Set<RoutineSnapshot> goingEarly = new HashSet<>();
        for (Change change : plan.dropRoutines) {
            goingEarly.add(((Change.DropRoutine) change).routine());
        }
        Map<String, Set<String>> reshaped = reshapedColumns(plan);
        for (TableSnapshot old : from.tables().values()) {
            TableSnapshot now = to.tables().get(old.key());
            // A dropped table takes its triggers along, but only after routines go that they may execute.
            triggers(plan, old.schema(), old.name(), old.triggers(), now == null ? null : now.triggers(), now == null, goingEarly,
                    reshaped.getOrDefault(old.key(), Set.of()));
        }
        for (TableSnapshot now : to.tables().values()) {
            if (!from.tables().containsKey(now.key())) {
                triggers(plan, now.schema(), now.name(), Map.of(), now.triggers(), false, goingEarly, Set.of());
            }
        }
        // Views are dropped before any routine, taking their triggers along; a recreated view gets its own again.
        Set<String> recreatedViews = dropped(plan.dropViews);
        for (ViewSnapshot now : to.views().values()) {
            ViewSnapshot old = from.views().get(now.key());
            boolean fresh = old == null || recreatedViews.contains(now.key());
            triggers(plan, now.schema(), now.name(), fresh ? Map.of() : old.triggers(), now.triggers(), false, goingEarly, Set.of());
        }
    }

    /**
     * By table key, the columns the plan drops or gives another type or collation: PostgreSQL does
     * neither while a trigger names the column (UPDATE OF, WHEN), so such triggers go first and come back.
     */
    static Map<String, Set<String>> reshapedColumns(Differ.Plan plan) {
        Map<String, Set<String>> columns = new HashMap<>();
        for (Change change : plan.alterColumns) {
            if (change instanceof Change.ConvertEnumColumn c) {
                columns.computeIfAbsent(Snapshot.key(c.schema(), c.table()), k -> new HashSet<>()).add(c.from().name());
            } else if (change instanceof Change.ConvertDomainColumn c) {
                columns.computeIfAbsent(Snapshot.key(c.schema(), c.table()), k -> new HashSet<>()).add(c.from().name());
            } else if (change instanceof Change.AlterColumn c && !(c.from().type().equals(c.to().type())
                    && Objects.equals(c.from().typeSchema(), c.to().typeSchema())
                    && Objects.equals(c.from().collation(), c.to().collation())
                    && Objects.equals(c.from().collationSchema(), c.to().collationSchema()))) {
                columns.computeIfAbsent(Snapshot.key(c.schema(), c.table()), k -> new HashSet<>()).add(c.from().name());
            }
        }
        for (Change change : java.util.stream.Stream.concat(plan.dropColumns.stream(), plan.dropGenerated.stream()).toList()) {
            if (change instanceof Change.DropColumn c) {
                columns.computeIfAbsent(Snapshot.key(c.schema(), c.table()), k -> new HashSet<>()).add(c.column());
            }
        }
        return columns;
    }

    /**
     * The trigger changes of one table or view, from {@code old} to {@code now} (null: the relation
     * goes, and its triggers with it unless {@code goesAfterRoutines} and they execute a routine dropped before it);
     * those that name a column of {@code reshaped} are made again.
     */
    private static void triggers(Differ.Plan plan, String schema, String relation, Map<String, TriggerSnapshot> old,
                                 Map<String, TriggerSnapshot> now, boolean goesAfterRoutines, Set<RoutineSnapshot> goingEarly,
                                 Set<String> reshaped) {
        for (TriggerSnapshot trigger : old.values()) {
            TriggerSnapshot next = now == null ? null : now.get(trigger.name());
            boolean executesGoing = goingEarly.stream().anyMatch(r -> mentions(trigger.definition(), r.schema(), r.name()));
            if (now == null && !(goesAfterRoutines && executesGoing)) {
                continue;
            }
            if (next == null || executesGoing || !next.definition().equals(trigger.definition())
                    || Differ.mentions(trigger.definition(), reshaped)) {
                plan.dropTriggers.add(new Change.DropTrigger(schema, relation, trigger));
                if (next != null) {
                    create(plan, schema, relation, next);
                }
            } else if (!next.enabled().equals(trigger.enabled())) {
                plan.createTriggers.add(new Change.SetTriggerEnabled(schema, relation, next.name(), next.enabled()));
            }
        }
        if (now != null) {
            for (TriggerSnapshot trigger : now.values()) {
                if (!old.containsKey(trigger.name())) {
                    create(plan, schema, relation, trigger);
                }
            }
        }
    }

    private static void create(Differ.Plan plan, String schema, String table, TriggerSnapshot trigger) {
        plan.createTriggers.add(new Change.CreateTrigger(schema, table, trigger));
    }

    /**
     * Whether a routine that goes has a successor of another key that PostgreSQL takes for the same
     * routine (same schema, name and input types; its arguments renamed, or its OUT arguments changed):
     * {@code CREATE OR REPLACE} refuses that change, so the old one goes first.
     */
    private boolean succeeded(RoutineSnapshot old) {
        List<String> inputs = old.header().inputArguments();
        for (RoutineSnapshot now : to.routines().values()) {
            if (now.schema().equals(old.schema()) && now.name().equals(old.name()) && !from.routines().containsKey(now.key())
                    && sameTypes(inputs, now.header().inputArguments())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether two input argument lists have the same types, names aside. Without a catalog an argument's
     * name is not told from a type of several words, so each is compared whole and without its first
     * word; a wrong yes only drops a routine that goes anyway a little earlier.
     */
    private static boolean sameTypes(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            String x = a.get(i);
            String y = b.get(i);
            if (!(x.equals(y) || x.equals(unnamed(y)) || unnamed(x).equals(y) || unnamed(x).equals(unnamed(y)))) {
                return false;
            }
        }
        return true;
    }

    private static String unnamed(String argument) {
        int space = argument.indexOf(' ');
        return space < 0 ? argument : argument.substring(space + 1).trim();
    }

    private static List<RoutineSnapshot> aggregatesFirst(List<RoutineSnapshot> routines) {
        List<RoutineSnapshot> ordered = new ArrayList<>(routines.stream().filter(RoutineSnapshot::isAggregate).toList());
        routines.stream().filter(r -> !r.isAggregate()).forEach(ordered::add);
        return ordered;
    }

    /** Whether the routine (of the new snapshot) needs a table or view, directly or through the routines it needs. */
    private boolean needsRelation(String key, Map<String, Boolean> memo, Set<String> visiting) {
        Boolean known = memo.get(key);
        if (known != null) {
            return known;
        }
        RoutineSnapshot routine = to.routines().get(key);
        if (routine == null || !visiting.add(key)) {
            return false;
        }
        boolean needs = false;
        for (String dependency : dependencies(routine, to)) {
            if (to.tables().containsKey(dependency) || to.views().containsKey(dependency)
                    || typesOnRelations.contains(dependency) || needsRelation(dependency, memo, visiting)) {
                needs = true;
                break;
            }
        }
        memo.put(key, needs);
        return needs;
    }

    /**
     * The keys of what the routine needs in {@code snapshot}: what it declares, the tables, views,
     * domains and types its arguments and result name as types, and for an aggregate the routines
     * its options name.
     */
    static Set<String> dependencies(RoutineSnapshot routine, Snapshot snapshot) {
        Set<String> keys = new TreeSet<>(routine.dependsOn());
        // Read once, asked of every object: tokenizing it per object made pulls of hundreds of routines take seconds.
        List<String> signature = ViewPlan.tokens(routine.arguments() + " " + Objects.requireNonNullElse(routine.result(), ""));
        for (TableSnapshot table : snapshot.tables().values()) {
            if (mentions(signature, table.schema(), table.name())) {
                keys.add(table.key());
            }
        }
        for (ViewSnapshot view : snapshot.views().values()) {
            if (mentions(signature, view.schema(), view.name())) {
                keys.add(view.key());
            }
        }
        snapshot.domains().values().stream().filter(d -> mentions(signature, d.schema(), d.name()))
                .forEach(d -> keys.add(d.key()));
        snapshot.types().values().stream().filter(t -> mentions(signature, t.schema(), t.name()))
                .forEach(t -> keys.add(t.key()));
        snapshot.enums().values().stream().filter(e -> mentions(signature, e.schema(), e.name()))
                .forEach(e -> keys.add(e.key()));
        if (routine.isAggregate()) {
            List<String> options = ViewPlan.tokens(routine.definition().substring(routine.definition().indexOf(')') + 1));
            for (RoutineSnapshot other : snapshot.routines().values()) {
                if (!other.key().equals(routine.key()) && mentions(options, other.schema(), other.name())) {
                    keys.add(other.key());
                }
            }
        }
        keys.remove(routine.key());
        return keys;
    }

    /**
     * The routines after schema {@code from} is renamed to {@code to}: those in it move, their
     * definitions naming the new schema in their head as PostgreSQL then prints them (a body that
     * names the old schema still differs, and is replaced).
     */
    static SortedMap<String, RoutineSnapshot> movedRoutines(Map<String, RoutineSnapshot> routines, String from, String to) {
        SortedMap<String, RoutineSnapshot> moved = new TreeMap<>();
        for (RoutineSnapshot routine : routines.values()) {
            RoutineSnapshot next = routine;
            if (routine.schema().equals(from)) {
                String oldHead = identifier(from) + "." + identifier(routine.name()) + "(";
                int at = routine.definition().indexOf(oldHead);
                String definition = at < 0 ? routine.definition() : routine.definition().substring(0, at) + identifier(to) + "."
                        + identifier(routine.name()) + "(" + routine.definition().substring(at + oldHead.length());
                next = new RoutineSnapshot(to, routine.name(), routine.kind(), routine.arguments(), routine.result(), definition,
                        routine.dependsOn(), routine.comment());
            }
            moved.put(next.key(), next);
        }
        return moved;
    }

    /** A name as PostgreSQL's {@code quote_identifier} writes it: bare when it can be, else quoted. */
    private static String identifier(String name) {
        boolean bare = name.matches("[a-z_][a-z0-9_$]*") && !SqlDefinitions.isKeyword(name);
        return bare ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** The changes ordered so that each comes after those (among them) it needs; otherwise as given. */
    private List<Change> ordered(List<Change> changes) {
        // What each change names is read once, not once for every other change it is compared with.
        Map<Change, Named> named = new HashMap<>();
        for (Change change : changes) {
            RoutineSnapshot routine = routineOf(change);
            named.put(change, new Named(routine == null ? Set.of() : dependencies(routine, to), definitionTokens(change)));
        }
        Map<Change, Set<Change>> needs = new LinkedHashMap<>();
        for (Change change : changes) {
            Set<Change> before = new HashSet<>();
            for (Change other : changes) {
                if (other != change && needs(change, named.get(change), other)) {
                    before.add(other);
                }
            }
            needs.put(change, before);
        }
        List<Change> ordered = new ArrayList<>();
        Set<Change> placed = new HashSet<>();
        while (ordered.size() < changes.size()) {
            boolean progress = false;
            for (Change change : changes) {
                if (!placed.contains(change) && placed.containsAll(needs.get(change))) {
                    ordered.add(change);
                    placed.add(change);
                    progress = true;
                }
            }
            if (!progress) {
                // A cycle (names that only look alike): keep the given order for the rest.
                changes.stream().filter(c -> !placed.contains(c)).forEach(c -> {
                    ordered.add(c);
                    placed.add(c);
                });
            }
        }
        return ordered;
    }

    /** What a change names: a routine's {@link #dependencies}, a created view's definition as {@link ViewPlan#tokens}. */
    private record Named(Set<String> dependencies, List<String> viewTokens) {}

    /**
     * The definition a change applies, as {@link ViewPlan#tokens}: a view's, unless it is made as a
     * stand-in (which reads nothing, so that the routines over its row type can come before its
     * {@link Change.DefineView}, as pg_dump orders them).
     */
    private static List<String> definitionTokens(Change change) {
        if (change instanceof Change.CreateView v && v.view().standIn().isEmpty()) {
            return ViewPlan.tokens(v.view().definition());
        }
        return change instanceof Change.DefineView v ? ViewPlan.tokens(v.view().definition()) : List.of();
    }

    /** Whether {@code change} (which names {@code named}) must come after {@code other}. */
    private boolean needs(Change change, Named named, Change other) {
        RoutineSnapshot routine = routineOf(change);
        RoutineSnapshot otherRoutine = routineOf(other);
        TypeRef otherType = typeOf(other);
        if (routine != null) {
            Set<String> dependencies = named.dependencies();
            return otherRoutine != null ? dependencies.contains(otherRoutine.key())
                    : other instanceof Change.CreateView v ? dependencies.contains(v.view().key())
                    : otherType != null && dependencies.contains(otherType.key());
        }
        if (change instanceof Change.CreateView || change instanceof Change.DefineView) {
            if (otherRoutine != null) {
                return mentions(named.viewTokens(), otherRoutine.schema(), otherRoutine.name());
            }
            if (otherType != null) {
                return mentions(named.viewTokens(), otherType.schema(), otherType.name());
            }
            return other instanceof Change.CreateView v
                    && ViewPlan.mentions(named.viewTokens(), v.view().schema(), v.view().name());
        }
        TypeRef type = typeOf(change);
        if (type != null && (change instanceof Change.CreateDomain || change instanceof Change.CreateType)) {
            if (other instanceof Change.CreateView v) {
                return typeUses(type.key(), v.view().schema(), v.view().name());
            }
            return otherType != null && typeUses(type.key(), otherType.schema(), otherType.name());
        }
        return false;
    }

    /**
     * Whether the domain or type (key, new snapshot) uses the type {@code schema.name} (a relation's
     * row type, a domain, a composite or range type), as its base, an attribute's type or its subtype.
     */
    private boolean typeUses(String typeKey, String schema, String name) {
        String used = Snapshot.key(schema, name);
        DomainSnapshot domain = to.domains().get(typeKey);
        if (domain != null) {
            return used.equals(domain.baseTypeKey()) || TypeSnapshot.spells(domain.baseType(), schema, name);
        }
        TypeSnapshot type = to.types().get(typeKey);
        return type != null && (type.dependsOn().contains(used)
                || type.attributes().stream().anyMatch(a -> TypeSnapshot.spells(a.type(), schema, name))
                || type.subtype() != null && TypeSnapshot.spells(type.subtype(), schema, name));
    }

    /** A domain or type by schema and name. */
    private record TypeRef(String schema, String name) {
        String key() {
            return Snapshot.key(schema, name);
        }
    }

    /** The domain or type a change creates or drops, else null. */
    private static TypeRef typeOf(Change change) {
        if (change instanceof Change.CreateDomain c) {
            return new TypeRef(c.domain().schema(), c.domain().name());
        }
        if (change instanceof Change.DropDomain c) {
            return new TypeRef(c.domain().schema(), c.domain().name());
        }
        if (change instanceof Change.CreateType c) {
            return new TypeRef(c.type().schema(), c.type().name());
        }
        return change instanceof Change.DropType c ? new TypeRef(c.type().schema(), c.type().name()) : null;
    }

    private static RoutineSnapshot routineOf(Change change) {
        if (change instanceof Change.CreateRoutine c) {
            return c.routine();
        }
        if (change instanceof Change.ReplaceRoutine c) {
            return c.to();
        }
        return null;
    }

    /**
     * Whether SQL text names {@code schema.name}: qualified by its schema, or unqualified for an
     * object in {@code public} (the search path migrations run with). Errs towards yes (a column of
     * the same name), which only recreates or orders more than needed.
     */
    static boolean mentions(String sql, String schema, String name) {
        return mentions(ViewPlan.tokens(sql), schema, name);
    }

    /** {@link #mentions(String, String, String)} on SQL text already read by {@link ViewPlan#tokens}. */
    static boolean mentions(List<String> tokens, String schema, String name) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).equals("\"" + name)) {
                continue;
            }
            boolean qualified = i > 1 && tokens.get(i - 1).equals(".");
            if (qualified ? tokens.get(i - 2).equals("\"" + schema) : schema.equals("public")) {
                return true;
            }
        }
        return false;
    }
}
