package dev.sleet.kit.dialect;

import dev.sleet.kit.snapshot.CheckSnapshot;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.DomainSnapshot;
import dev.sleet.kit.snapshot.IndexKeySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.PolicySnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.ViewColumnSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares expressions the way the database reads them. A database prints an expression back in
 * its own spelling, which need not be the one it was given, nor even the one it prints after its
 * own output is applied again: PostgreSQL prints {@code kind IN ('a', 'b')} on a varchar as
 * {@code ((kind)::text = ANY ((ARRAY['a'::character varying, ...])::text[]))}, and that text, once
 * applied, as {@code ANY (ARRAY[('a'::character varying)::text, ...])}. Text comparison then sees
 * drift where there is none.
 *
 * <p>So where a live snapshot and the snapshot it is compared with (the history's, or the code's)
 * spell an expression differently, both are printed by the database until the printing no longer
 * changes them (the fixed point of "apply, read back"); where those forms are equal, the live
 * snapshot takes the expected spelling. Equal text is never printed: a history pulled from or
 * applied to the same database costs nothing. Snapshots and code keep the spelling they were
 * written in, so {@code generate} (which has no database) compares exactly as before.
 */
public final class ExpressionForm {

    /** What the database is asked to print, each as Sleet would write it (a check, a column's default...). */
    public sealed interface Printable {
        /** The table an expression is evaluated against; null for a view. */
        TableSnapshot table();
    }

    /** A check constraint's expression. */
    public record Check(TableSnapshot table, String name, String expression) implements Printable {}

    /** A column's default. */
    public record Default(TableSnapshot table, ColumnSnapshot column, String expression) implements Printable {}

    /** A stored generated column's expression. */
    public record Generated(TableSnapshot table, ColumnSnapshot column, String expression) implements Printable {}

    /** An index's key expressions and predicate (the rest of the index is no expression). */
    public record Index(TableSnapshot table, IndexSnapshot index) implements Printable {}

    /** A policy's USING and WITH CHECK expressions. */
    public record Policy(TableSnapshot table, PolicySnapshot policy) implements Printable {}

    /** A view's definition. */
    public record View(ViewSnapshot view) implements Printable {
        @Override
        public TableSnapshot table() {
            return null;
        }
    }

    /** The defaults of a view's columns ({@code ALTER VIEW ... ALTER COLUMN ... SET DEFAULT}), printed on the view. */
    public record ViewDefaults(ViewSnapshot view) implements Printable {
        @Override
        public TableSnapshot table() {
            return null;
        }
    }

    /** A domain's default and checks. */
    public record Domain(DomainSnapshot domain) implements Printable {
        @Override
        public TableSnapshot table() {
            return null;
        }
    }

    /** The database's printer: one pass of "apply, read back" over many expressions at once. */
    public interface Printer {
        /**
         * Each item (the key, by identity) as the database prints it once applied, of the same kind;
         * absent where it cannot be applied (it names something the database lacks, say).
         */
        Map<Printable, Printable> print(List<Printable> items) throws SQLException;
    }

    /** Rounds of "apply, read back" before an expression that keeps changing is left as it is. */
    private static final int MAX_ROUNDS = 5;

    private ExpressionForm() {}

    /**
     * {@code live}, with each expression that means what {@code expected}'s means (the same fixed
     * point) in {@code expected}'s spelling. What differs stays as the database spells it.
     */
    public static Snapshot respell(Snapshot live, Snapshot expected, Printer printer) throws SQLException {
        List<Pair> pairs = pairs(live, expected);
        if (pairs.isEmpty()) {
            return live;
        }
        SortedMap<String, TableSnapshot> tables = new TreeMap<>(live.tables());
        SortedMap<String, ViewSnapshot> views = new TreeMap<>(live.views());
        SortedMap<String, DomainSnapshot> domains = new TreeMap<>(live.domains());
        for (Pair pair : meeting(pairs, printer)) {
            if (pair.expected instanceof Domain d) {
                DomainSnapshot old = domains.get(d.domain().key());
                domains.put(old.key(), new DomainSnapshot(old.schema(), old.name(), old.baseType(), old.baseTypeSchema(),
                        old.notNull(), d.domain().defaultValue(), d.domain().checks(), old.collation(), old.collationSchema()));
            } else if (pair.expected instanceof View v) {
                ViewSnapshot old = views.get(v.view().key());
                views.put(old.key(), old.withDefinition(v.view().definition()));
            } else if (pair.expected instanceof ViewDefaults v) {
                // The same columns carry defaults on both sides (see pairs): only their spelling changes.
                ViewSnapshot old = views.get(v.view().key());
                SortedMap<String, ViewColumnSnapshot> columns = new TreeMap<>(old.columns());
                v.view().columns().forEach((name, spelled) -> columns.computeIfPresent(name,
                        (k, column) -> new ViewColumnSnapshot(name, spelled.defaultValue(), column.comment())));
                views.put(old.key(), old.withColumns(columns));
            } else {
                String key = pair.live.table().key();
                tables.put(key, respelled(tables.get(key), pair.expected));
            }
        }
        return live.withTables(tables).withViews(views).withDomains(domains);
    }

    /** An expression of the live side and of the expected side, spelled differently. */
    private record Pair(Printable live, Printable expected) {}

    private static List<Pair> pairs(Snapshot live, Snapshot expected) {
        List<Pair> pairs = new ArrayList<>();
        for (TableSnapshot l : live.tables().values()) {
            TableSnapshot e = expected.tables().get(l.key());
            if (e == null) {
                continue;
            }
            l.checkConstraints().forEach((name, check) -> {
                CheckSnapshot other = e.checkConstraints().get(name);
                if (other != null && !other.expression().equals(check.expression())) {
                    pairs.add(new Pair(new Check(l, name, check.expression()), new Check(e, name, other.expression())));
                }
            });
            l.columns().forEach((name, column) -> {
                ColumnSnapshot other = e.columns().get(name);
                if (other == null) {
                    return;
                }
                if (column.defaultValue() != null && other.defaultValue() != null && !column.defaultValue().equals(other.defaultValue())) {
                    pairs.add(new Pair(new Default(l, column, column.defaultValue()), new Default(e, other, other.defaultValue())));
                }
                if (column.generated() != null && other.generated() != null && !column.generated().equals(other.generated())) {
                    pairs.add(new Pair(new Generated(l, column, column.generated()), new Generated(e, other, other.generated())));
                }
            });
            l.indexes().forEach((name, index) -> {
                IndexSnapshot other = e.indexes().get(name);
                if (other != null && !expressionsOf(index).equals(expressionsOf(other)) && sameShape(index, other)) {
                    pairs.add(new Pair(new Index(l, index), new Index(e, other)));
                }
            });
            l.policies().forEach((name, policy) -> {
                PolicySnapshot other = e.policies().get(name);
                if (other != null && other.command().equals(policy.command())
                        && (Objects.isNull(policy.using()) == Objects.isNull(other.using()))
                        && (Objects.isNull(policy.withCheck()) == Objects.isNull(other.withCheck()))
                        && !(Objects.equals(policy.using(), other.using()) && Objects.equals(policy.withCheck(), other.withCheck()))) {
                    pairs.add(new Pair(new Policy(l, policy), new Policy(e, other)));
                }
            });
        }
        live.views().forEach((key, view) -> {
            ViewSnapshot other = expected.views().get(key);
            if (other != null && !other.definition().equals(view.definition())) {
                pairs.add(new Pair(new View(view), new View(other)));
            }
            if (other != null && defaultedColumns(view).equals(defaultedColumns(other))
                    && !defaultsOf(view).equals(defaultsOf(other))) {
                pairs.add(new Pair(new ViewDefaults(view), new ViewDefaults(other)));
            }
        });
        live.domains().forEach((key, domain) -> {
            DomainSnapshot other = expected.domains().get(key);
            if (other != null && sameShape(domain, other) && !(Objects.equals(domain.defaultValue(), other.defaultValue())
                    && domain.checks().equals(other.checks()))) {
                pairs.add(new Pair(new Domain(domain), new Domain(other)));
            }
        });
        return pairs;
    }

    /** The columns of a view that have a default. */
    private static Set<String> defaultedColumns(ViewSnapshot view) {
        Set<String> names = new TreeSet<>();
        view.columns().forEach((name, column) -> {
            if (column.defaultValue() != null) {
                names.add(name);
            }
        });
        return names;
    }

    /** A view's column defaults, in column order (by name), columns without one left out. */
    private static List<String> defaultsOf(ViewSnapshot view) {
        return view.columns().values().stream().map(ViewColumnSnapshot::defaultValue).filter(Objects::nonNull).toList();
    }

    /** Both are over the same type, and have a default or none and checks of the same names: only their expressions may differ. */
    private static boolean sameShape(DomainSnapshot a, DomainSnapshot b) {
        return a.baseType().equals(b.baseType()) && Objects.equals(a.baseTypeSchema(), b.baseTypeSchema())
                && Objects.equals(a.collation(), b.collation()) && Objects.equals(a.collationSchema(), b.collationSchema())
                && (a.defaultValue() == null) == (b.defaultValue() == null) && a.checks().keySet().equals(b.checks().keySet());
    }

    /**
     * The pairs whose sides PostgreSQL prints alike: each round prints, in one pass, every side not yet
     * at its fixed point; a pair is settled when its sides read the same (they mean the same: printing
     * is deterministic), when both print as themselves and differ, or when the database refuses one.
     * Most pairs settle after one round: the live side is already printed, and the expected side
     * prints as it. Rounds go on while a side still changes, at most {@link #MAX_ROUNDS}.
     */
    private static List<Pair> meeting(List<Pair> pairs, Printer printer) throws SQLException {
        // By identity: items hold whole tables, costly to hash, and each is asked about once per round.
        Map<Printable, Printable> current = new IdentityHashMap<>();
        Set<Printable> fixed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Pair pair : pairs) {
            current.put(pair.live, pair.live);
            current.put(pair.expected, pair.expected);
        }
        List<Pair> met = new ArrayList<>();
        List<Pair> open = pairs;
        for (int round = 0; round < MAX_ROUNDS && !open.isEmpty(); round++) {
            List<Printable> asked = new ArrayList<>();
            // The first round prints the expected side alone: the live one is the database's own print,
            // which the expected one most often prints as.
            for (Pair pair : open) {
                for (Printable side : round == 0 ? List.of(pair.expected) : List.of(pair.live, pair.expected)) {
                    if (!fixed.contains(side)) {
                        asked.add(current.get(side));
                    }
                }
            }
            Map<Printable, Printable> printed = printer.print(asked);
            List<Pair> stillOpen = new ArrayList<>();
            for (Pair pair : open) {
                boolean refused = false;
                for (Printable side : round == 0 ? List.of(pair.expected) : List.of(pair.live, pair.expected)) {
                    if (fixed.contains(side)) {
                        continue;
                    }
                    Printable before = current.get(side);
                    Printable after = printed.get(before);
                    if (after == null) {
                        refused = true;
                        continue;
                    }
                    if (sameExpressions(before, after)) {
                        fixed.add(side);
                    }
                    current.put(side, after);
                }
                if (refused) {
                    continue;
                }
                if (sameExpressions(current.get(pair.live), current.get(pair.expected))) {
                    met.add(pair);
                } else if (!fixed.contains(pair.live) || !fixed.contains(pair.expected)) {
                    stillOpen.add(pair);
                }
            }
            open = stillOpen;
        }
        return met;
    }

    /** True when both hold the same expressions, wherever they sit. */
    static boolean sameExpressions(Printable a, Printable b) {
        return expressionsOf(a).equals(expressionsOf(b));
    }

    private static List<String> expressionsOf(Printable p) {
        if (p instanceof Check c) {
            return List.of(c.expression());
        }
        if (p instanceof Default d) {
            return List.of(d.expression());
        }
        if (p instanceof Generated g) {
            return List.of(g.expression());
        }
        if (p instanceof Index i) {
            return expressionsOf(i.index());
        }
        if (p instanceof Policy q) {
            return Arrays.asList(q.policy().using(), q.policy().withCheck());
        }
        if (p instanceof Domain d) {
            List<String> all = new ArrayList<>(d.domain().checks().values());
            all.add(d.domain().defaultValue());
            return all;
        }
        if (p instanceof ViewDefaults v) {
            return defaultsOf(v.view());
        }
        return List.of(((View) p).view().definition());
    }

    private static List<String> expressionsOf(IndexSnapshot index) {
        List<String> all = new ArrayList<>();
        index.allKeys().forEach(k -> all.add(k.expression()));
        all.add(index.where());
        return all;
    }

    /** Both have their expressions in the same places: the same number of keys, expressions where expressions are, a predicate or none. */
    private static boolean sameShape(IndexSnapshot a, IndexSnapshot b) {
        List<IndexKeySnapshot> ka = a.allKeys();
        List<IndexKeySnapshot> kb = b.allKeys();
        if (ka.size() != kb.size() || (a.where() == null) != (b.where() == null)) {
            return false;
        }
        for (int i = 0; i < ka.size(); i++) {
            if ((ka.get(i).expression() == null) != (kb.get(i).expression() == null)) {
                return false;
            }
        }
        return true;
    }

    /** The live table with one expression in the expected spelling. */
    private static TableSnapshot respelled(TableSnapshot table, Printable expected) {
        SortedMap<String, CheckSnapshot> checks = new TreeMap<>(table.checkConstraints());
        Map<String, ColumnSnapshot> columns = new LinkedHashMap<>(table.columns());
        SortedMap<String, IndexSnapshot> indexes = new TreeMap<>(table.indexes());
        SortedMap<String, PolicySnapshot> policies = new TreeMap<>(table.policies());
        if (expected instanceof Check c) {
            checks.computeIfPresent(c.name(), (k, check) -> new CheckSnapshot(c.name(), c.expression(), check.notValid(),
                    check.noInherit()));
        } else if (expected instanceof Default d) {
            columns.computeIfPresent(d.column().name(), (k, col) -> col.withDefault(d.expression()));
        } else if (expected instanceof Generated g) {
            columns.computeIfPresent(g.column().name(), (k, col) -> new ColumnSnapshot(col.name(), col.type(),
                    col.serial(), col.notNull(), col.defaultValue(), col.typeSchema(), col.identity(), g.expression(), col.comment(),
                    col.collation(), col.collationSchema()));
        } else if (expected instanceof Index i) {
            indexes.computeIfPresent(i.index().name(), (k, index) -> withExpressionsOf(index, i.index()));
        } else if (expected instanceof Policy p) {
            policies.computeIfPresent(p.policy().name(), (k, policy) -> new PolicySnapshot(policy.name(),
                    policy.as(), policy.command(), policy.to(), p.policy().using(), p.policy().withCheck()));
        }
        return new TableSnapshot(table.schema(), table.name(), columns, table.primaryKey(), table.uniqueConstraints(),
                table.foreignKeys(), indexes, checks, table.comment(), policies, table.rowLevelSecurity(),
                table.forceRowLevelSecurity(), table.triggers(), table.partitioning(), table.exclusions(), table.clusterOn(),
                table.with(), table.inherits());
    }

    /** {@code index} with the key expressions and predicate of {@code spelling} (of the same shape). */
    private static IndexSnapshot withExpressionsOf(IndexSnapshot index, IndexSnapshot spelling) {
        List<IndexKeySnapshot> keys = new ArrayList<>();
        List<IndexKeySnapshot> from = spelling.allKeys();
        List<IndexKeySnapshot> own = index.allKeys();
        for (int i = 0; i < own.size(); i++) {
            IndexKeySnapshot k = own.get(i);
            keys.add(k.expression() == null ? k
                    : new IndexKeySnapshot(null, from.get(i).expression(), k.opclass(), k.descending(), k.nulls()));
        }
        return new IndexSnapshot(index.name(), List.of(), index.unique(), index.method(), keys, spelling.where(), index.with(),
                index.nullsNotDistinct(), index.concurrently());
    }
}
