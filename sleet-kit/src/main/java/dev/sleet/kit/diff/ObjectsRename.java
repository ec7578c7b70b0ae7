package dev.sleet.kit.diff;

import dev.sleet.kit.snapshot.CollationSnapshot;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.DomainSnapshot;
import dev.sleet.kit.snapshot.ExtensionSnapshot;
import dev.sleet.kit.snapshot.IndexKeySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.TextSearchSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@code ALTER SCHEMA ... RENAME} carries along besides tables, enum types, sequences and
 * views: the extensions, collations, domains and text search objects in the schema, and the
 * columns, domains and index keys that name its domains and collations.
 */
final class ObjectsRename {

    private ObjectsRename() {}

    static Snapshot moveSchema(Snapshot snapshot, String from, String to) {
        SortedMap<String, ExtensionSnapshot> extensions = new TreeMap<>();
        snapshot.extensions().values().forEach(e -> extensions.put(e.name(),
                e.schema().equals(from) ? new ExtensionSnapshot(e.name(), to) : e));
        SortedMap<String, CollationSnapshot> collations = new TreeMap<>();
        for (CollationSnapshot c : snapshot.collations().values()) {
            CollationSnapshot moved = c.schema().equals(from)
                    ? new CollationSnapshot(to, c.name(), c.provider(), c.lcCollate(), c.lcCtype(), c.deterministic()) : c;
            collations.put(moved.key(), moved);
        }
        SortedMap<String, DomainSnapshot> domains = new TreeMap<>();
        for (DomainSnapshot d : snapshot.domains().values()) {
            DomainSnapshot moved = new DomainSnapshot(schema(d.schema(), from, to), d.name(), d.baseType(),
                    schema(d.baseTypeSchema(), from, to), d.notNull(), d.defaultValue(), d.checks(), d.collation(),
                    schema(d.collationSchema(), from, to));
            domains.put(moved.key(), moved);
        }
        SortedMap<String, TextSearchSnapshot> textSearch = new TreeMap<>();
        for (TextSearchSnapshot t : snapshot.textSearch().values()) {
            TextSearchSnapshot moved = t.schema().equals(from) ? new TextSearchSnapshot(to, t.name(), t.kind(), t.parser(),
                    t.mappings(), t.template(), t.options()) : t;
            textSearch.put(moved.key(), moved);
        }
        SortedMap<String, TableSnapshot> tables = new TreeMap<>();
        for (TableSnapshot table : snapshot.tables().values()) {
            Map<String, ColumnSnapshot> columns = new LinkedHashMap<>();
            for (ColumnSnapshot c : table.columns().values()) {
                // Enum columns moved with their types already: what still names the old schema is a domain.
                columns.put(c.name(), new ColumnSnapshot(c.name(), c.type(), c.serial(), c.notNull(), c.defaultValue(),
                        schema(c.typeSchema(), from, to), c.identity(), c.generated(), c.comment(), c.collation(),
                        schema(c.collationSchema(), from, to)));
            }
            SortedMap<String, IndexSnapshot> indexes = new TreeMap<>();
            for (IndexSnapshot index : table.indexes().values()) {
                List<IndexKeySnapshot> keys = new ArrayList<>();
                for (IndexKeySnapshot k : index.allKeys()) {
                    keys.add(new IndexKeySnapshot(k.column(), k.expression(), k.opclass(), k.descending(), k.nulls(),
                            k.collation(), schema(k.collationSchema(), from, to)));
                }
                indexes.put(index.name(), new IndexSnapshot(index.name(), List.of(), index.unique(), index.method(), keys,
                        index.where(), index.with(), index.nullsNotDistinct(), index.concurrently()));
            }
            TableSnapshot moved = table.withParts(columns, table.primaryKey(), table.uniqueConstraints(), table.foreignKeys(),
                    indexes);
            tables.put(moved.key(), moved);
        }
        return snapshot.withTables(tables).withExtensions(extensions).withCollations(collations).withDomains(domains)
                .withTextSearch(textSearch);
    }

    private static String schema(String schema, String from, String to) {
        return from.equals(schema) ? to : schema;
    }
}
