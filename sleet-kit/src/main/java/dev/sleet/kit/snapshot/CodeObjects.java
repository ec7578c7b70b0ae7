package dev.sleet.kit.snapshot;

import dev.sleet.kit.SleetException;
import dev.sleet.kit.dialect.Dialect;
import dev.sleet.schema.Cast;
import dev.sleet.schema.Collation;
import dev.sleet.schema.Comment;
import dev.sleet.schema.Column;
import dev.sleet.schema.CompositeType;
import dev.sleet.schema.Domain;
import dev.sleet.schema.Enabled;
import dev.sleet.schema.EnumType;
import dev.sleet.schema.Extension;
import dev.sleet.schema.ForeignServer;
import dev.sleet.schema.ForeignTable;
import dev.sleet.schema.RangeType;
import dev.sleet.schema.Rule;
import dev.sleet.schema.SchemaObject;
import dev.sleet.schema.Table;
import dev.sleet.schema.TextSearchConfiguration;
import dev.sleet.schema.TextSearchDictionary;

import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The schema code's extensions, collations, domains, text search objects, casts, rules and foreign
 * servers and tables as snapshot parts.
 * Domains that columns (or other domains) use are part of the schema whether or not they are
 * declared as objects too, as enum types are; so are the enum types domains are over.
 */
final class CodeObjects {

    private CodeObjects() {}

    static boolean accepts(SchemaObject object) {
        return object instanceof Extension || object instanceof Collation || object instanceof Domain<?>
                || object instanceof TextSearchConfiguration || object instanceof TextSearchDictionary
                || object instanceof CompositeType || object instanceof RangeType || object instanceof Comment
                || object instanceof Cast || object instanceof Rule || object instanceof ForeignServer
                || object instanceof ForeignTable;
    }

    /** {@code snapshot} with the objects among {@code objects} that {@link #accepts} and the domains columns use. */
    static Snapshot addTo(Snapshot snapshot, Collection<? extends SchemaObject> objects, Collection<? extends Table<?>> tables,
                          Dialect dialect) {
        SortedMap<String, ExtensionSnapshot> extensions = new TreeMap<>();
        SortedMap<String, CollationSnapshot> collations = new TreeMap<>();
        SortedMap<String, DomainSnapshot> domains = new TreeMap<>();
        SortedMap<String, TextSearchSnapshot> textSearch = new TreeMap<>();
        SortedMap<String, EnumSnapshot> enums = new TreeMap<>(snapshot.enums());
        SortedSet<String> schemas = new TreeSet<>(snapshot.schemas());
        SortedMap<String, TypeSnapshot> types = new TreeMap<>();
        for (SchemaObject object : objects) {
            TypeSnapshot type = type(object);
            if (type != null && types.put(type.key(), type) != null) {
                throw new SleetException("Type " + type.key() + " is declared twice in the schema code");
            }
            if (object instanceof Extension extension) {
                if (extensions.put(extension.objectName(), new ExtensionSnapshot(extension.objectName(), extension.schemaName())) != null) {
                    throw new SleetException("Extension " + extension.objectName() + " is declared twice in the schema code");
                }
            } else if (object instanceof Collation collation) {
                CollationSnapshot c = new CollationSnapshot(collation.schemaName(), collation.objectName(), collation.provider(),
                        collation.lcCollate(), collation.lcCtype(), collation.isDeterministic());
                if (collations.put(c.key(), c) != null) {
                    throw new SleetException("Collation " + c.key() + " is declared twice in the schema code");
                }
            } else if (object instanceof Domain<?> domain) {
                addDomain(domains, enums, domain);
            } else if (object instanceof TextSearchConfiguration configuration) {
                TextSearchSnapshot t = TextSearchSnapshot.configuration(configuration.schemaName(), configuration.objectName(),
                        configuration.parser().orElse(null), configuration.mappings());
                if (textSearch.put(t.key(), t) != null) {
                    throw new SleetException("Text search configuration " + t.key() + " is declared twice in the schema code");
                }
            } else if (object instanceof TextSearchDictionary dictionary) {
                TextSearchSnapshot t = TextSearchSnapshot.dictionary(dictionary.schemaName(), dictionary.objectName(),
                        dictionary.template(), dictionary.options().orElse(null));
                if (textSearch.put(t.key(), t) != null) {
                    throw new SleetException("Text search dictionary " + t.key() + " is declared twice in the schema code");
                }
            }
        }
        for (Table<?> table : tables) {
            for (Column<?> column : table.columns()) {
                column.domain().ifPresent(domain -> addDomain(domains, enums, domain));
            }
        }
        collations.values().forEach(c -> addSchema(schemas, c.schema(), dialect));
        domains.values().forEach(d -> addSchema(schemas, d.schema(), dialect));
        enums.values().forEach(e -> addSchema(schemas, e.schema(), dialect));
        textSearch.values().forEach(t -> addSchema(schemas, t.schema(), dialect));
        types.values().forEach(t -> addSchema(schemas, t.schema(), dialect));
        // An extension's schema is created for it unless it is a system one (plpgsql lives in pg_catalog).
        extensions.values().stream().filter(e -> !e.schema().startsWith("pg_")).forEach(e -> addSchema(schemas, e.schema(), dialect));
        for (String key : domains.keySet()) {
            if (enums.containsKey(key)) {
                throw new SleetException("Domain " + key + " has the name of an enum type");
            }
        }
        SortedMap<String, ForeignServerSnapshot> foreignServers = foreignServers(objects);
        SortedMap<String, ForeignTableSnapshot> foreignTables = foreignTables(objects);
        for (ForeignTableSnapshot t : foreignTables.values()) {
            if (!foreignServers.containsKey(t.server())) {
                throw new SleetException("Foreign table " + t.key() + " is on server " + t.server()
                        + ", which the schema code does not declare: declare the ForeignServer as a constant too");
            }
            addSchema(schemas, t.schema(), dialect);
        }
        Snapshot result = snapshot.withEnums(enums).withSchemas(schemas).withExtensions(extensions).withCollations(collations)
                .withDomains(domains).withTextSearch(textSearch).withTypes(types).withCasts(casts(objects))
                .withRules(rules(snapshot, objects)).withForeign(foreignServers, foreignTables);
        return result.withComments(comments(result, objects));
    }

    private static SortedMap<String, CastSnapshot> casts(Collection<? extends SchemaObject> objects) {
        SortedMap<String, CastSnapshot> casts = new TreeMap<>();
        for (SchemaObject object : objects) {
            if (object instanceof Cast cast) {
                CastSnapshot c = new CastSnapshot(cast.source(), cast.target(), cast.method().name().toLowerCase(java.util.Locale.ROOT),
                        cast.functionSchema().orElse(null), cast.function().orElse(null), cast.functionArguments().orElse(null),
                        cast.context().name().toLowerCase(java.util.Locale.ROOT), cast.comment().orElse(null));
                if (casts.put(c.key(), c) != null) {
                    throw new SleetException("The schema code declares the " + cast + " twice");
                }
            }
        }
        return casts;
    }

    /** The declared rules, each on a table or view the schema code declares. */
    private static SortedMap<String, RuleSnapshot> rules(Snapshot snapshot, Collection<? extends SchemaObject> objects) {
        SortedMap<String, RuleSnapshot> rules = new TreeMap<>();
        for (SchemaObject object : objects) {
            if (object instanceof Rule rule) {
                RuleSnapshot r = new RuleSnapshot(rule.schemaName(), rule.table(), rule.objectName(), rule.definition(),
                        rule.enabled().code(), rule.comment().orElse(null));
                if (!snapshot.tables().containsKey(r.relationKey()) && !snapshot.views().containsKey(r.relationKey())) {
                    throw new SleetException("The schema code declares " + rule + ", but no such table or view");
                }
                // PostgreSQL sets the state of a table's rules only (ALTER TABLE ... DISABLE RULE refuses a view):
                // a view's rules always fire, and a migration that said otherwise would fail.
                if (snapshot.views().containsKey(r.relationKey()) && !r.enabled().equals(Enabled.ORIGIN.code())) {
                    throw new SleetException("The schema code declares " + rule + " as " + rule.enabled() + ", but PostgreSQL"
                            + " sets the enabled state of rules on tables only: a view's rules always fire");
                }
                if (rules.put(r.key(), r) != null) {
                    throw new SleetException("The schema code declares " + rule + " twice");
                }
            }
        }
        return rules;
    }

    private static SortedMap<String, ForeignServerSnapshot> foreignServers(Collection<? extends SchemaObject> objects) {
        SortedMap<String, ForeignServerSnapshot> servers = new TreeMap<>();
        for (SchemaObject object : objects) {
            if (object instanceof ForeignServer s) {
                ForeignServerSnapshot server = new ForeignServerSnapshot(s.objectName(), s.wrapper(), s.type().orElse(null),
                        s.version().orElse(null), s.options());
                if (servers.put(server.name(), server) != null) {
                    throw new SleetException("Foreign server " + server.name() + " is declared twice in the schema code");
                }
            }
        }
        return servers;
    }

    private static SortedMap<String, ForeignTableSnapshot> foreignTables(Collection<? extends SchemaObject> objects) {
        SortedMap<String, ForeignTableSnapshot> tables = new TreeMap<>();
        for (SchemaObject object : objects) {
            if (object instanceof ForeignTable t) {
                List<ForeignTableSnapshot.Column> columns = t.columns().stream().map(c -> new ForeignTableSnapshot.Column(c.name(),
                        c.type(), c.isNotNull(), c.defaultSql(), c.collation(), c.options(), c.comment())).toList();
                ForeignTableSnapshot table = new ForeignTableSnapshot(t.schemaName(), t.objectName(), t.server(), columns,
                        t.options(), t.comment().orElse(null));
                if (tables.put(table.key(), table) != null) {
                    throw new SleetException("Foreign table " + table.key() + " is declared twice in the schema code");
                }
            }
        }
        return tables;
    }

    /** The declared {@link Comment}s, each on an object the schema code declares. */
    private static SortedMap<String, CommentSnapshot> comments(Snapshot snapshot, Collection<? extends SchemaObject> objects) {
        SortedMap<String, CommentSnapshot> comments = new TreeMap<>();
        for (SchemaObject object : objects) {
            if (object instanceof Comment comment) {
                CommentSnapshot c = new CommentSnapshot(comment.kind(), comment.schemaName(), comment.on().orElse(null),
                        comment.objectName(), comment.text());
                if (!c.targetIn(snapshot)) {
                    throw new SleetException("The schema code declares a " + comment + ", but no such object");
                }
                if (comments.put(c.key(), c) != null) {
                    throw new SleetException("The schema code declares a " + comment + " twice");
                }
            }
        }
        // COMMENT ON ... IS '' removes a comment: the catalog never holds an empty one. On public it
        // stays, meaning no comment where PostgreSQL would have its default (see CommentSnapshot.PUBLIC_DEFAULT).
        comments.values().removeIf(c -> c.comment().isEmpty() && !c.onPublicSchema());
        // Declaring public's default comment is declaring none: a database never reads back otherwise.
        comments.values().removeIf(c -> c.onPublicSchema() && c.comment().equals(CommentSnapshot.PUBLIC_DEFAULT));
        return comments;
    }

    /** The snapshot of a composite or range type; null for other objects. */
    private static TypeSnapshot type(SchemaObject object) {
        if (object instanceof CompositeType composite) {
            List<TypeSnapshot.Attribute> attributes = composite.attributes().stream()
                    .map(a -> new TypeSnapshot.Attribute(a.name(), a.type(), a.collation().orElse(null))).toList();
            return new TypeSnapshot(composite.schemaName(), composite.objectName(), TypeSnapshot.COMPOSITE, attributes,
                    null, null, null, null, null, null, composite.dependsOn());
        }
        if (object instanceof RangeType range) {
            return new TypeSnapshot(range.schemaName(), range.objectName(), TypeSnapshot.RANGE, List.of(), range.subtype(),
                    range.subtypeOpclass().orElse(null), range.collation().orElse(null), range.canonical().orElse(null),
                    range.subtypeDiff().orElse(null), range.multirange().orElse(null), range.dependsOn());
        }
        return null;
    }

    private static void addSchema(SortedSet<String> schemas, String schema, Dialect dialect) {
        if (!schema.equals(dialect.defaultSchema())) {
            schemas.add(schema);
        }
    }

    private static void addDomain(SortedMap<String, DomainSnapshot> domains, SortedMap<String, EnumSnapshot> enums, Domain<?> domain) {
        String baseSchema = null;
        if (domain.baseObject().isPresent()) {
            SchemaObject base = domain.baseObject().get();
            baseSchema = base.schemaName();
            if (base instanceof Domain<?> over) {
                addDomain(domains, enums, over);
            } else if (base instanceof EnumType<?> type) {
                EnumSnapshot e = new EnumSnapshot(type.schemaName(), type.objectName(), type.labels());
                EnumSnapshot earlier = enums.putIfAbsent(e.key(), e);
                if (earlier != null && !earlier.equals(e)) {
                    throw new SleetException("Enum type " + e.key() + " is declared twice, with labels " + earlier.values()
                            + " and " + e.values());
                }
            }
        }
        SortedMap<String, String> checks = new TreeMap<>();
        for (Domain.DomainCheck check : domain.checks()) {
            if (checks.put(check.name(), check.expression()) != null) {
                throw new SleetException("Domain " + domain.objectName() + " declares check " + check.name() + " twice");
            }
        }
        DomainSnapshot snapshot = new DomainSnapshot(domain.schemaName(), domain.objectName(), domain.baseType().sql(), baseSchema,
                domain.isNotNull(), domain.defaultExpression().orElse(null), checks, domain.collation().orElse(null),
                domain.collationSchema().orElse(null));
        DomainSnapshot earlier = domains.putIfAbsent(snapshot.key(), snapshot);
        if (earlier != null && !earlier.equals(snapshot)) {
            throw new SleetException("Domain " + snapshot.key() + " is declared twice, differently: " + earlier + " and " + snapshot);
        }
    }
}
