package dev.sleet.kit.config;

import dev.sleet.kit.snapshot.CommentSnapshot;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.RuleSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The config's {@code tablesFilter}: globs ({@code *} any run of characters, {@code ?} one) over
 * table and view names; a glob with a dot is matched against {@code schema.name}, one without
 * against the name alone; a leading {@code !} excludes. A table is managed when it matches some
 * including glob (or there are none) and no excluding one. Tables left out are neither read nor
 * changed: {@link #keep} carries them over from the previous snapshot unchanged, so the history
 * stays true and nothing is dropped.
 */
public final class TablesFilter {

    public static final TablesFilter ALL = new TablesFilter(List.of());

    private final List<Pattern> includes = new ArrayList<>();
    private final List<Pattern> excludes = new ArrayList<>();
    private final List<Boolean> qualifiedIncludes = new ArrayList<>();
    private final List<Boolean> qualifiedExcludes = new ArrayList<>();

    public TablesFilter(List<String> globs) {
        for (String glob : globs) {
            boolean exclude = glob.startsWith("!");
            String body = exclude ? glob.substring(1) : glob;
            (exclude ? excludes : includes).add(compile(body));
            (exclude ? qualifiedExcludes : qualifiedIncludes).add(body.contains("."));
        }
    }

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    public boolean isAll() {
        return includes.isEmpty() && excludes.isEmpty();
    }

    /** Whether the table or view {@code schema.name} is managed. */
    public boolean matches(String schema, String name) {
        boolean included = includes.isEmpty();
        for (int i = 0; i < includes.size() && !included; i++) {
            included = includes.get(i).matcher(qualifiedIncludes.get(i) ? schema + "." + name : name).matches();
        }
        for (int i = 0; i < excludes.size() && included; i++) {
            included = !excludes.get(i).matcher(qualifiedExcludes.get(i) ? schema + "." + name : name).matches();
        }
        return included;
    }

    /**
     * The tables and views of {@code snapshot} the filter manages; foreign keys to tables it leaves
     * out are left out too (said in {@code warnings}), since schema code could not declare them.
     */
    public Snapshot apply(Snapshot snapshot, List<String> warnings) {
        if (isAll()) {
            return snapshot;
        }
        SortedMap<String, TableSnapshot> tables = new TreeMap<>();
        for (TableSnapshot table : snapshot.tables().values()) {
            if (matches(table.schema(), table.name())) {
                tables.put(table.key(), table);
            }
        }
        for (TableSnapshot table : List.copyOf(tables.values())) {
            SortedMap<String, ForeignKeySnapshot> foreignKeys = new TreeMap<>();
            for (ForeignKeySnapshot fk : table.foreignKeys().values()) {
                if (tables.containsKey(fk.referencedKey())) {
                    foreignKeys.put(fk.name(), fk);
                } else {
                    warnings.add("Foreign key " + fk.name() + " of " + table.key() + " references " + fk.referencedKey()
                            + ", which tablesFilter leaves out; the key was left out too");
                }
            }
            tables.put(table.key(), table.withParts(table.columns(), table.primaryKey(), table.uniqueConstraints(), foreignKeys,
                    table.indexes()));
        }
        SortedMap<String, ViewSnapshot> views = new TreeMap<>();
        for (ViewSnapshot view : snapshot.views().values()) {
            if (matches(view.schema(), view.name())) {
                views.put(view.key(), view);
            }
        }
        // Rules go with the tables and views left out; so do comments, and with their triggers, constraints and indexes.
        SortedMap<String, RuleSnapshot> rules = new TreeMap<>();
        snapshot.rules().values().stream().filter(r -> matches(r.schema(), r.table())).forEach(r -> rules.put(r.key(), r));
        return CommentSnapshot.keptOn(snapshot.withTables(tables).withViews(views).withRules(rules), snapshot.comments().values());
    }

    /**
     * {@code managed} (already filtered) together with the tables and views of {@code previous}
     * that the filter leaves out, unchanged: the snapshot to compare with and to record.
     */
    public Snapshot keep(Snapshot managed, Snapshot previous) {
        if (isAll()) {
            return managed;
        }
        SortedMap<String, TableSnapshot> tables = new TreeMap<>(managed.tables());
        previous.tables().values().stream().filter(t -> !matches(t.schema(), t.name())).forEach(t -> tables.put(t.key(), t));
        SortedMap<String, ViewSnapshot> views = new TreeMap<>(managed.views());
        previous.views().values().stream().filter(v -> !matches(v.schema(), v.name())).forEach(v -> views.put(v.key(), v));
        java.util.SortedSet<String> schemas = new java.util.TreeSet<>(managed.schemas());
        tables.values().forEach(t -> {
            if (previous.schemas().contains(t.schema())) {
                schemas.add(t.schema());
            }
        });
        SortedMap<String, RuleSnapshot> rules = new TreeMap<>(managed.rules());
        previous.rules().values().stream().filter(r -> !matches(r.schema(), r.table())).forEach(r -> rules.put(r.key(), r));
        Snapshot merged = managed.withTables(tables).withViews(views).withRules(rules);
        List<CommentSnapshot> comments = new ArrayList<>(managed.comments().values());
        previous.comments().values().stream().filter(c -> !c.targetIn(managed)).forEach(comments::add);
        merged = CommentSnapshot.keptOn(merged, comments);
        // withSchemas keeps every other part (extensions, domains, ...): rebuilding the record would lose those added later.
        return merged.withSchemas(schemas);
    }
}
