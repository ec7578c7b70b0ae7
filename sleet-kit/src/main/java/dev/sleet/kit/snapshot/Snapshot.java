package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The whole schema as Sleet understands it: what the schema code declares, what a database holds,
 * or what a migration history has reached. Schema code, introspection and the differ all meet in
 * this one model. Tables are keyed by {@code schema.name}; maps are sorted so that the JSON form is
 * deterministic.
 *
 * <p>Parts added after the first release ({@code enums}, ...) are left out of the JSON when empty,
 * and read as empty when absent, so that older snapshots read unchanged.
 *
 * @param schemas the schemas that hold tables or other objects, besides {@code public}, sorted
 * @param enums     enum types keyed by {@code schema.name}
 * @param sequences standalone sequences (not those of serial or identity columns) keyed by {@code schema.name}
 * @param views     views and materialized views keyed by {@code schema.name}
 * @param roles     roles the schema declares (or the config names, for introspection) keyed by name
 * @param extensions extensions keyed by name
 * @param collations collations ({@code CREATE COLLATION}) keyed by {@code schema.name}
 * @param domains    domains keyed by {@code schema.name}
 * @param textSearch text search configurations and dictionaries keyed by {@code schema.name}
 * @param routines   functions, procedures and aggregates keyed by {@code schema.name(argument types)}
 * @param types      composite and range types keyed by {@code schema.name}
 * @param comments   comments on objects that keep none of their own, keyed by {@link CommentSnapshot#key()}
 * @param casts      casts of the chosen schemas' types or functions, keyed by {@link CastSnapshot#key()}
 * @param rules      rules on tables and views keyed by {@code schema.table.name}
 * @param foreignServers foreign servers keyed by name
 * @param foreignTables  foreign tables keyed by {@code schema.name}
 */
public record Snapshot(int version, String dialect, String id, String prevId,
                       SortedSet<String> schemas, SortedMap<String, TableSnapshot> tables,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, EnumSnapshot> enums,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, SequenceSnapshot> sequences,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, ViewSnapshot> views,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, RoleSnapshot> roles,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, ExtensionSnapshot> extensions,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, CollationSnapshot> collations,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, DomainSnapshot> domains,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, TextSearchSnapshot> textSearch,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, RoutineSnapshot> routines,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, TypeSnapshot> types,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, CommentSnapshot> comments,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, CastSnapshot> casts,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, RuleSnapshot> rules,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, ForeignServerSnapshot> foreignServers,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, ForeignTableSnapshot> foreignTables) {

    /** The snapshot format version this build writes. */
    public static final int CURRENT_VERSION = 1;
    public static final String NO_PARENT = "00000000-0000-0000-0000-000000000000";

    public Snapshot {
        Objects.requireNonNull(dialect);
        schemas = new TreeSet<>(schemas == null ? new TreeSet<>() : schemas);
        tables = new TreeMap<>(tables == null ? Map.of() : tables);
        enums = new TreeMap<>(enums == null ? Map.of() : enums);
        sequences = new TreeMap<>(sequences == null ? Map.of() : sequences);
        views = new TreeMap<>(views == null ? Map.of() : views);
        roles = new TreeMap<>(roles == null ? Map.of() : roles);
        extensions = new TreeMap<>(extensions == null ? Map.of() : extensions);
        collations = new TreeMap<>(collations == null ? Map.of() : collations);
        domains = new TreeMap<>(domains == null ? Map.of() : domains);
        textSearch = new TreeMap<>(textSearch == null ? Map.of() : textSearch);
        routines = new TreeMap<>(routines == null ? Map.of() : routines);
        types = new TreeMap<>(types == null ? Map.of() : types);
        comments = new TreeMap<>(comments == null ? Map.of() : comments);
        casts = new TreeMap<>(casts == null ? Map.of() : casts);
        rules = new TreeMap<>(rules == null ? Map.of() : rules);
        foreignServers = new TreeMap<>(foreignServers == null ? Map.of() : foreignServers);
        foreignTables = new TreeMap<>(foreignTables == null ? Map.of() : foreignTables);
    }

    /** A snapshot of tables, enum types, sequences, views and roles; the other parts are added with their {@code with...}. */
    public Snapshot(int version, String dialect, String id, String prevId,
                    SortedSet<String> schemas, SortedMap<String, TableSnapshot> tables,
                    SortedMap<String, EnumSnapshot> enums, SortedMap<String, SequenceSnapshot> sequences,
                    SortedMap<String, ViewSnapshot> views, SortedMap<String, RoleSnapshot> roles) {
        this(version, dialect, id, prevId, schemas, tables, enums, sequences, views, roles,
                null, null, null, null, null, null, null, null, null, null, null);
    }

    /** A snapshot of tables alone. */
    public Snapshot(int version, String dialect, String id, String prevId,
                    SortedSet<String> schemas, SortedMap<String, TableSnapshot> tables) {
        this(version, dialect, id, prevId, schemas, tables, null, null, null, null);
    }

    public static Snapshot empty(String dialect) {
        return new Snapshot(CURRENT_VERSION, dialect, NO_PARENT, "", new TreeSet<>(), new TreeMap<>());
    }

    /** The same schema under a new identity, chained to {@code parent}. */
    public Snapshot withIdentity(String newId, String parentId) {
        return new Snapshot(version, dialect, newId, parentId, schemas, tables, enums, sequences, views, roles,
                extensions, collations, domains, textSearch, routines, types, comments, casts, rules, foreignServers, foreignTables);
    }

    /** The same snapshot with other schemas (everything else kept). */
    public Snapshot withSchemas(SortedSet<String> newSchemas) {
        return new Snapshot(version, dialect, id, prevId, newSchemas, tables, enums, sequences, views, roles,
                extensions, collations, domains, textSearch, routines, types, comments, casts, rules, foreignServers, foreignTables);
    }

    /** The same snapshot with other tables (everything else kept). */
    public Snapshot withTables(SortedMap<String, TableSnapshot> newTables) {
        return new Snapshot(version, dialect, id, prevId, schemas, newTables, enums, sequences, views, roles,
                extensions, collations, domains, textSearch, routines, types, comments, casts, rules, foreignServers, foreignTables);
    }

    /** The same snapshot with other enum types (everything else kept). */
    public Snapshot withEnums(SortedMap<String, EnumSnapshot> newEnums) {
        return new Snapshot(version, dialect, id, prevId, schemas, tables, newEnums, sequences, views, roles,
                extensions, collations, domains, textSearch, routines, types, comments, casts, rules, foreignServers, foreignTables);
    }

    /** The same snapshot with other sequences (everything else kept). */
    public Snapshot withSequences(SortedMap<String, SequenceSnapshot> newSequences) {
        return new Snapshot(version, dialect, id, prevId, schemas, tables, enums, newSequences, views, roles,
                extensions, collations, domains, textSearch, routines, types, comments, casts, rules, foreignServers, foreignTables);
    }

    /** The same snapshot with other views (everything else kept). */
    public Snapshot withViews(SortedMap<String, ViewSnapshot> newViews) {
        return new Snapshot(version, dialect, id, prevId, schemas, tables, enums, sequences, newViews, roles,
                extensions, collations, domains, textSearch, routines, types, comments, casts, rules, foreignServers, foreignTables);
    }

    /** The same snapshot with other roles (everything else kept). */
    public Snapshot withRoles(SortedMap<String, RoleSnapshot> newRoles) {
        return new Snapshot(version, dialect, id, prevId, schemas, tables, enums, sequences, views, newRoles,
                extensions, collations, domains, textSearch, routines, types, comments, casts, rules, foreignServers, foreignTables);
    }

    /** The same snapshot with other extensions (everything else kept). */
    public Snapshot withExtensions(SortedMap<String, ExtensionSnapshot> newExtensions) {
        return new Snapshot(version, dialect, id, prevId, schemas, tables, enums, sequences, views, roles,
                newExtensions, collations, domains, textSearch, routines, types, comments, casts, rules, foreignServers, foreignTables);
    }

    /** The same snapshot with other collations (everything else kept). */
    public Snapshot withCollations(SortedMap<String, CollationSnapshot> newCollations) {
        return new Snapshot(version, dialect, id, prevId, schemas, tables, enums, sequences, views, roles,
                extensions, newCollations, domains, textSearch, routines, types, comments, casts, rules, foreignServers, foreignTables);
    }

    /** The same snapshot with other domains (everything else kept). */
    public Snapshot withDomains(SortedMap<String, DomainSnapshot> newDomains) {
        return new Snapshot(version, dialect, id, prevId, schemas, tables, enums, sequences, views, roles,
                extensions, collations, newDomains, textSearch, routines, types, comments, casts, rules, foreignServers, foreignTables);
    }

    /** The same snapshot with other text search configurations and dictionaries (everything else kept). */
    public Snapshot withTextSearch(SortedMap<String, TextSearchSnapshot> newTextSearch) {
        return new Snapshot(version, dialect, id, prevId, schemas, tables, enums, sequences, views, roles,
                extensions, collations, domains, newTextSearch, routines, types, comments, casts, rules, foreignServers, foreignTables);
    }

    /** The same snapshot with other functions, procedures and aggregates (everything else kept). */
    public Snapshot withRoutines(SortedMap<String, RoutineSnapshot> newRoutines) {
        return new Snapshot(version, dialect, id, prevId, schemas, tables, enums, sequences, views, roles,
                extensions, collations, domains, textSearch, newRoutines, types, comments, casts, rules, foreignServers, foreignTables);
    }

    /** The same snapshot with other composite and range types (everything else kept). */
    public Snapshot withTypes(SortedMap<String, TypeSnapshot> newTypes) {
        return new Snapshot(version, dialect, id, prevId, schemas, tables, enums, sequences, views, roles,
                extensions, collations, domains, textSearch, routines, newTypes, comments, casts, rules, foreignServers, foreignTables);
    }

    /** The same snapshot with other comments on objects that keep none of their own (everything else kept). */
    public Snapshot withComments(SortedMap<String, CommentSnapshot> newComments) {
        return new Snapshot(version, dialect, id, prevId, schemas, tables, enums, sequences, views, roles,
                extensions, collations, domains, textSearch, routines, types, newComments, casts, rules, foreignServers, foreignTables);
    }

    /** The same snapshot with other casts (everything else kept). */
    public Snapshot withCasts(SortedMap<String, CastSnapshot> newCasts) {
        return new Snapshot(version, dialect, id, prevId, schemas, tables, enums, sequences, views, roles,
                extensions, collations, domains, textSearch, routines, types, comments, newCasts, rules, foreignServers, foreignTables);
    }

    /** The same snapshot with other foreign servers and tables (everything else kept). */
    public Snapshot withForeign(SortedMap<String, ForeignServerSnapshot> newServers, SortedMap<String, ForeignTableSnapshot> newTables) {
        return new Snapshot(version, dialect, id, prevId, schemas, tables, enums, sequences, views, roles,
                extensions, collations, domains, textSearch, routines, types, comments, casts, rules, newServers, newTables);
    }

    /** The same snapshot with other rules (everything else kept). */
    public Snapshot withRules(SortedMap<String, RuleSnapshot> newRules) {
        return new Snapshot(version, dialect, id, prevId, schemas, tables, enums, sequences, views, roles,
                extensions, collations, domains, textSearch, routines, types, comments, casts, newRules, foreignServers, foreignTables);
    }

    /** True when both describe the same schema, whatever their identities. */
    public boolean sameSchemaAs(Snapshot other) {
        return schemas.equals(other.schemas) && tables.equals(other.tables) && enums.equals(other.enums)
                && sequences.equals(other.sequences) && views.equals(other.views) && roles.equals(other.roles)
                && extensions.equals(other.extensions) && collations.equals(other.collations)
                && domains.equals(other.domains) && textSearch.equals(other.textSearch)
                && routines.equals(other.routines) && types.equals(other.types)
                && comments.equals(other.comments) && casts.equals(other.casts) && rules.equals(other.rules)
                && foreignServers.equals(other.foreignServers) && foreignTables.equals(other.foreignTables);
    }

    public static String key(String schema, String name) {
        return schema + "." + name;
    }
}
