package dev.sleet.kit.diff;

import dev.sleet.kit.snapshot.CollationSnapshot;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.DomainSnapshot;
import dev.sleet.kit.snapshot.EnumSnapshot;
import dev.sleet.kit.snapshot.ExtensionSnapshot;
import dev.sleet.kit.snapshot.RoutineSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TextSearchSnapshot;
import dev.sleet.kit.snapshot.TypeSnapshot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Extensions, collations, text search objects and domains. They exist before the types and tables
 * that use them: extensions first (their types and templates), then collations, text search
 * dictionaries and the configurations that map to them, then domains, a domain's base domain
 * before it. Drops come at the end, in the reverse order. What {@code ALTER} cannot change (a
 * collation's locale, a dictionary's template or options, a configuration's parser) is dropped and
 * created again; a configuration that maps to a dictionary made anew is made anew with it. A domain
 * whose base type or collation changes is made anew beside the old one, which its columns then
 * leave (see {@link Change.RecreateDomain}).
 */
final class ObjectsPlan {

    private ObjectsPlan() {}

    static void objects(Differ.Plan plan, Snapshot from, Snapshot to, Set<String> recreatedTypes, RetiredNames retired) {
        extensions(plan, from, to);
        collations(plan, from, to);
        textSearch(plan, from, to);
        domains(plan, from, to, recreatedTypes, retired);
    }

    /**
     * The domains (keys) that are made anew: those whose base type or collation changes, which
     * {@code ALTER DOMAIN} cannot do, and those over a type made anew (an enum type in
     * {@code recreatedEnums}, or such a domain), which would otherwise keep standing on the old one.
     */
    static Set<String> recreatedDomains(Snapshot from, Snapshot to, Set<String> recreatedEnums) {
        Set<String> recreated = new HashSet<>();
        for (DomainSnapshot now : DomainSnapshot.inBaseOrder(to.domains())) {
            DomainSnapshot old = from.domains().get(now.key());
            String base = now.baseTypeKey();
            if (old != null && (!old.sameShapeAs(now) || base != null && (recreatedEnums.contains(base) || recreated.contains(base)))) {
                recreated.add(now.key());
            }
        }
        return recreated;
    }

    /**
     * Moves a column of a recreated domain over, its values converted between the two domains'
     * base types, followed down through domains over domains to a type that is not one.
     */
    static Change.ConvertDomainColumn convertDomainColumn(String schema, String table, ColumnSnapshot before, ColumnSnapshot after,
                                                          Snapshot from, Snapshot to) {
        return new Change.ConvertDomainColumn(schema, table, before, after, values(before, from), values(after, to), false);
    }

    /**
     * Whether SQL text (a view, a check, an index expression, a foreign column's type) names one of
     * the types made anew ({@code recreatedTypes}, keys of enum types and domains in {@code from}):
     * what names one is made again after it, or it would hold on to the old one.
     */
    static boolean namesRecreated(String sql, Set<String> recreatedTypes, Snapshot from) {
        if (sql == null || recreatedTypes.isEmpty()) {
            return false;
        }
        List<String> tokens = ViewPlan.tokens(sql);
        for (String key : recreatedTypes) {
            DomainSnapshot domain = from.domains().get(key);
            EnumSnapshot type = from.enums().get(key);
            if (domain != null ? RoutinePlan.mentions(tokens, domain.schema(), domain.name())
                    : type != null && RoutinePlan.mentions(tokens, type.schema(), type.name())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The column as its values are typed underneath its domain, through domains over domains and
     * over arrays of domains ({@code shorts AS short[]}, {@code short AS varchar(10)}: {@code
     * varchar(10)[]}), so that a narrower element type is seen. One level of array only: an array of
     * a domain over an array is PostgreSQL's array of arrays, whose elements convert whole.
     */
    private static ColumnSnapshot values(ColumnSnapshot column, Snapshot snapshot) {
        DomainSnapshot domain = snapshot.domains().get(column.userTypeKey());
        boolean array = column.isArray();
        while (true) {
            boolean overArray = domain.baseType().endsWith("[]");
            DomainSnapshot base = domain.baseTypeKey() == null ? null : snapshot.domains().get(domain.baseTypeKey());
            if (base == null || array && overArray) {
                break;
            }
            array |= overArray;
            domain = base;
        }
        String element = domain.baseType().endsWith("[]") ? domain.baseType().substring(0, domain.baseType().length() - 2)
                : domain.baseType();
        String type = array || domain.baseType().endsWith("[]") ? element + "[]" : element;
        return new ColumnSnapshot(column.name(), type, false, column.notNull(), null, domain.baseTypeSchema());
    }

    private static void extensions(Differ.Plan plan, Snapshot from, Snapshot to) {
        for (ExtensionSnapshot now : to.extensions().values()) {
            ExtensionSnapshot old = from.extensions().get(now.name());
            if (old == null) {
                plan.createObjects.add(new Change.CreateExtension(now));
            } else if (!old.equals(now)) {
                plan.createObjects.add(new Change.AlterExtensionSchema(old, now));
            }
        }
        List<Change> drops = new ArrayList<>();
        from.extensions().values().stream().filter(e -> !to.extensions().containsKey(e.name()))
                .forEach(e -> drops.add(new Change.DropExtension(e)));
        plan.dropObjects.addAll(drops);
    }

    private static void collations(Differ.Plan plan, Snapshot from, Snapshot to) {
        for (CollationSnapshot now : to.collations().values()) {
            CollationSnapshot old = from.collations().get(now.key());
            if (old != null && !old.equals(now)) {
                plan.createObjects.add(new Change.DropCollation(old));
            }
            if (old == null || !old.equals(now)) {
                plan.createObjects.add(new Change.CreateCollation(now));
            }
        }
        // Dropped once the domains, columns and indexes that used them are gone.
        from.collations().values().stream().filter(c -> !to.collations().containsKey(c.key()))
                .forEach(c -> plan.dropCollations.add(new Change.DropCollation(c)));
    }

    private static void textSearch(Differ.Plan plan, Snapshot from, Snapshot to) {
        Set<String> remadeDictionaries = new HashSet<>();
        for (TextSearchSnapshot now : to.textSearch().values()) {
            TextSearchSnapshot old = from.textSearch().get(now.key());
            if (!now.isConfiguration() && old != null && !old.equals(now)) {
                remadeDictionaries.add(now.key());
            }
        }
        Set<String> remadeConfigurations = new HashSet<>();
        for (TextSearchSnapshot now : to.textSearch().values()) {
            TextSearchSnapshot old = from.textSearch().get(now.key());
            if (now.isConfiguration() && old != null && (!Objects.equals(old.parser(), now.parser())
                    || mapsTo(old, remadeDictionaries, from))) {
                remadeConfigurations.add(now.key());
            }
        }
        // Configurations that go or are made anew let go of their dictionaries first.
        for (TextSearchSnapshot old : from.textSearch().values()) {
            if (old.isConfiguration() && (remadeConfigurations.contains(old.key())
                    || !to.textSearch().containsKey(old.key()) && mapsTo(old, remadeDictionaries, from))) {
                plan.createObjects.add(new Change.DropTextSearch(old));
            }
        }
        for (TextSearchSnapshot now : to.textSearch().values()) {
            if (now.isConfiguration()) {
                continue;
            }
            TextSearchSnapshot old = from.textSearch().get(now.key());
            if (remadeDictionaries.contains(now.key())) {
                plan.createObjects.add(new Change.DropTextSearch(old));
            }
            if (old == null || remadeDictionaries.contains(now.key())) {
                plan.createObjects.add(new Change.CreateTextSearch(now));
            }
        }
        for (TextSearchSnapshot now : to.textSearch().values()) {
            if (!now.isConfiguration()) {
                continue;
            }
            TextSearchSnapshot old = from.textSearch().get(now.key());
            if (old == null || remadeConfigurations.contains(now.key())) {
                plan.createObjects.add(new Change.CreateTextSearch(now));
            } else if (!old.equals(now)) {
                plan.createObjects.add(new Change.AlterTextSearchMappings(old, now));
            }
        }
        for (TextSearchSnapshot old : from.textSearch().values()) {
            if (!to.textSearch().containsKey(old.key())) {
                boolean droppedEarly = old.isConfiguration() && mapsTo(old, remadeDictionaries, from);
                if (!droppedEarly) {
                    (old.isConfiguration() ? plan.dropTextSearchConfigurations : plan.dropTextSearchDictionaries)
                            .add(new Change.DropTextSearch(old));
                }
            }
        }
    }

    /** Whether a configuration maps a token to one of the dictionaries (keys), named as the catalog prints it. */
    private static boolean mapsTo(TextSearchSnapshot configuration, Set<String> dictionaryKeys, Snapshot snapshot) {
        for (String key : dictionaryKeys) {
            TextSearchSnapshot dictionary = snapshot.textSearch().get(key);
            if (dictionary == null) {
                continue;
            }
            for (List<String> dictionaries : configuration.mappings().values()) {
                for (String name : dictionaries) {
                    if (name.equals(dictionary.name()) || name.endsWith("." + dictionary.name())
                            || name.equals("\"" + dictionary.name().replace("\"", "\"\"") + "\"")
                            || name.endsWith(".\"" + dictionary.name().replace("\"", "\"\"") + "\"")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Domains and composite and range types together, each after what it uses (a composite may use a
     * domain, a domain may be over a composite). A type whose attributes or range options changed is
     * dropped and created again ({@code ALTER TYPE ... ADD ATTRIBUTE} is not used): that fails while a
     * column or routine still uses it, which the migration's author then resolves by hand. A domain in
     * {@code recreatedTypes} is made anew beside the old one, which is dropped once its columns have
     * moved over and the routines over it are made again (a composite type over it still holds it,
     * and PostgreSQL then refuses the drop).
     *
     * <p>One that stands on a table's or view's row type ({@link #onRelations}) is created once its
     * relation exists, among the views and the routines that need relations ({@link RoutinePlan}),
     * and dropped before its relation could go, right after the routines that go early.
     */
    private static void domains(Differ.Plan plan, Snapshot from, Snapshot to, Set<String> recreatedTypes, RetiredNames retired) {
        Map<String, String> retiredNames = new HashMap<>();
        Set<String> late = onRelations(to);
        Set<String> early = onRelations(from);
        for (Object object : TypeSnapshot.inDependencyOrder(to.domains(), to.types())) {
            List<Change> creates = late.contains(keyOf(object)) ? plan.createTypesOnRelations : plan.createDomains;
            if (object instanceof TypeSnapshot now) {
                TypeSnapshot old = from.types().get(now.key());
                if (old != null && !old.equals(now)) {
                    plan.createDomains.add(new Change.DropType(old));
                }
                if (old == null || !old.equals(now)) {
                    creates.add(new Change.CreateType(now));
                }
                continue;
            }
            DomainSnapshot now = (DomainSnapshot) object;
            DomainSnapshot old = from.domains().get(now.key());
            if (old == null) {
                creates.add(new Change.CreateDomain(now));
            } else if (recreatedTypes.contains(now.key())) {
                String name = retired.next(old.schema(), old.name());
                retiredNames.put(old.key(), name);
                creates.add(new Change.RecreateDomain(old, now, name));
            } else if (!old.equals(now)) {
                plan.createDomains.add(new Change.AlterDomain(old, now));
            }
        }
        List<Object> dropped = new ArrayList<>(TypeSnapshot.inDependencyOrder(from.domains(), from.types()));
        Collections.reverse(dropped);
        for (Object object : dropped) {
            List<Change> drops = early.contains(keyOf(object)) ? plan.dropTypesOnRelations : plan.dropDomains;
            if (object instanceof TypeSnapshot t && !to.types().containsKey(t.key())) {
                drops.add(new Change.DropType(t));
            } else if (object instanceof DomainSnapshot d && !to.domains().containsKey(d.key())) {
                drops.add(new Change.DropDomain(d));
            } else if (object instanceof DomainSnapshot d && recreatedTypes.contains(d.key())) {
                // Once every column has moved over: the drops come after the tables change.
                plan.dropDomains.add(new Change.DropRetiredDomain(d, retiredNames.get(d.key())));
            }
        }
    }

    /**
     * Moves the routines made before the tables in among the domain and type changes, each after what it needs:
     * a domain whose default or checks call a routine comes after that routine, a routine whose
     * arguments or result are of a domain or type after that domain or type. Otherwise domains and
     * types come first, each in its planned order (a domain's changes in theirs, a routine after the
     * routines it needs in {@code to}); a cycle (which PostgreSQL cannot make either) keeps that order.
     */
    static void interleaveRoutines(Differ.Plan plan, Snapshot to) {
        List<Change> ordered = domainsAndRoutines(plan.createDomains, plan.createRoutines, to);
        plan.createDomains.clear();
        plan.createDomains.addAll(ordered);
        plan.createRoutines.clear();
    }

    private static List<Change> domainsAndRoutines(List<Change> domains, List<Change> routines, Snapshot to) {
        List<Change> all = new ArrayList<>(domains);
        all.addAll(routines);
        // Each routine's dependencies are read once: the loop below asks for them for every pair, again per placement.
        Map<Change, Set<String>> dependencies = new IdentityHashMap<>();
        for (Change change : routines) {
            RoutineSnapshot routine = made(change);
            dependencies.put(change, routine == null ? Set.of() : RoutinePlan.dependencies(routine, to));
        }
        List<Change> ordered = new ArrayList<>();
        Set<Change> placed = Collections.newSetFromMap(new IdentityHashMap<>());
        while (ordered.size() < all.size()) {
            Change next = null;
            for (int i = 0; i < all.size() && next == null; i++) {
                Change change = all.get(i);
                if (!placed.contains(change) && all.stream().noneMatch(other -> !placed.contains(other) && other != change
                        && needs(change, other, domains, dependencies))) {
                    next = change;
                }
            }
            if (next == null) {
                all.stream().filter(c -> !placed.contains(c)).forEach(ordered::add);
                break;
            }
            ordered.add(next);
            placed.add(next);
        }
        return ordered;
    }

    private static boolean needs(Change change, Change other, List<Change> domains, Map<Change, Set<String>> dependencies) {
        boolean isDomain = domains.contains(change);
        boolean otherIsDomain = domains.contains(other);
        if (isDomain && otherIsDomain) {
            return domains.indexOf(other) < domains.indexOf(change);
        }
        if (isDomain) {
            return calls(change, other);
        }
        if (otherIsDomain) {
            return typed(change, other);
        }
        RoutineSnapshot needed = made(other);
        return needed != null && dependencies.getOrDefault(change, Set.of()).contains(needed.key());
    }

    /** Whether a domain change's default or checks call the routine a routine change makes. */
    private static boolean calls(Change domainChange, Change routineChange) {
        DomainSnapshot domain = domainChange instanceof Change.CreateDomain c ? c.domain()
                : domainChange instanceof Change.AlterDomain a ? a.to() : null;
        RoutineSnapshot routine = made(routineChange);
        if (domain == null || routine == null) {
            return false;
        }
        List<String> expressions = new ArrayList<>(domain.checks().values());
        if (domain.defaultValue() != null) {
            expressions.add(domain.defaultValue());
        }
        return expressions.stream().anyMatch(e -> RoutinePlan.mentions(e, routine.schema(), routine.name()));
    }

    /** Whether the arguments or result of the routine a routine change makes name the domain or type a change makes. */
    private static boolean typed(Change routineChange, Change typeChange) {
        RoutineSnapshot routine = made(routineChange);
        String schema;
        String name;
        if (typeChange instanceof Change.CreateDomain c) {
            schema = c.domain().schema();
            name = c.domain().name();
        } else if (typeChange instanceof Change.CreateType c) {
            schema = c.type().schema();
            name = c.type().name();
        } else {
            return false;
        }
        return routine != null && RoutinePlan.mentions(routine.arguments() + " " + Objects.requireNonNullElse(routine.result(), ""),
                schema, name);
    }

    private static RoutineSnapshot made(Change change) {
        return change instanceof Change.CreateRoutine c ? c.routine() : change instanceof Change.ReplaceRoutine p ? p.to() : null;
    }

    private static String keyOf(Object domainOrType) {
        return domainOrType instanceof TypeSnapshot t ? t.key() : ((DomainSnapshot) domainOrType).key();
    }

    /**
     * The keys of the domains and composite and range types of {@code snapshot} that stand on a
     * table's or view's row type ({@code CREATE DOMAIN d AS some_table}), directly or through one
     * another: they cannot exist before that relation.
     */
    static Set<String> onRelations(Snapshot snapshot) {
        Set<String> keys = new HashSet<>();
        for (Object object : TypeSnapshot.inDependencyOrder(snapshot.domains(), snapshot.types())) {
            List<String> used = new ArrayList<>();
            Set<String> needed = new HashSet<>();
            if (object instanceof DomainSnapshot d) {
                used.add(d.baseType());
                if (d.baseTypeKey() != null) {
                    needed.add(d.baseTypeKey());
                }
            } else {
                TypeSnapshot t = (TypeSnapshot) object;
                t.attributes().forEach(a -> used.add(a.type()));
                if (t.subtype() != null) {
                    used.add(t.subtype());
                }
                needed.addAll(t.dependsOn());
            }
            boolean onRelation = needed.stream().anyMatch(keys::contains) || used.stream().anyMatch(type ->
                    snapshot.tables().values().stream().anyMatch(r -> TypeSnapshot.spells(type, r.schema(), r.name()))
                            || snapshot.views().values().stream().anyMatch(r -> TypeSnapshot.spells(type, r.schema(), r.name())));
            if (onRelation) {
                keys.add(keyOf(object));
            }
        }
        return keys;
    }
}
