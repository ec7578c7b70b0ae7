package dev.sleet.kit.diff;

import dev.sleet.kit.SleetException;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.KeySnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Carries confirmed renames into the old snapshot, recording a rename change for each, so that
 * the comparison that follows sees the renamed object as the same one.
 */
final class RenameStep {

    private RenameStep() {}

    static Snapshot apply(Snapshot from, Renames renames, List<Change> out) {
        Snapshot current = from;
        for (Map.Entry<String, String> rename : new TreeMap<>(renames.schemas()).entrySet()) {
            current = renameSchema(current, rename.getKey(), rename.getValue(), out);
        }
        for (Map.Entry<String, String> rename : new TreeMap<>(renames.tables()).entrySet()) {
            current = renameTable(current, rename.getKey(), rename.getValue(), out);
        }
        for (Map.Entry<String, String> rename : new TreeMap<>(renames.columns()).entrySet()) {
            current = renameColumn(current, rename.getKey(), rename.getValue(), out);
        }
        return current;
    }

    /** Moves every table of schema {@code from} to {@code to}, and every foreign key pointing there. */
    private static Snapshot renameSchema(Snapshot snapshot, String from, String to, List<Change> out) {
        if (!snapshot.schemas().contains(from)) {
            throw new SleetException("Cannot rename schema " + from + ": the previous schema has no such schema");
        }
        out.add(new Change.RenameSchema(from, to));
        java.util.SortedSet<String> schemas = new java.util.TreeSet<>(snapshot.schemas());
        schemas.remove(from);
        schemas.add(to);
        SortedMap<String, TableSnapshot> tables = new TreeMap<>();
        for (TableSnapshot t : snapshot.tables().values()) {
            TableSnapshot moved = t.schema().equals(from)
                    ? new TableSnapshot(to, t.name(), t.columns(), t.primaryKey(), t.uniqueConstraints(), t.foreignKeys(), t.indexes())
                    : t;
            tables.put(moved.key(), withForeignKeys(moved, fk -> fk.referencedSchema().equals(from)
                    ? new ForeignKeySnapshot(fk.name(), fk.columns(), to, fk.referencedTable(), fk.referencedColumns(), fk.onDelete(), fk.onUpdate())
                    : fk));
        }
        return new Snapshot(snapshot.version(), snapshot.dialect(), snapshot.id(), snapshot.prevId(), schemas, tables);
    }

    private static Snapshot renameTable(Snapshot snapshot, String fromKey, String toKey, List<Change> out) {
        TableSnapshot table = snapshot.tables().get(fromKey);
        if (table == null) {
            throw new SleetException("Cannot rename table " + fromKey + ": the previous schema has no such table");
        }
        String schema = table.schema();
        if (!toKey.startsWith(schema + ".")) {
            throw new SleetException("Cannot rename " + fromKey + " to " + toKey + ": moving a table to another schema is not supported yet");
        }
        String newName = toKey.substring(schema.length() + 1);
        out.add(new Change.RenameTable(schema, table.name(), newName));
        SortedMap<String, TableSnapshot> tables = new TreeMap<>();
        for (TableSnapshot t : snapshot.tables().values()) {
            TableSnapshot moved = t.key().equals(fromKey)
                    ? new TableSnapshot(schema, newName, t.columns(), t.primaryKey(), t.uniqueConstraints(), t.foreignKeys(), t.indexes())
                    : t;
            tables.put(moved.key(), withForeignKeys(moved, fk -> fk.referencedKey().equals(fromKey)
                    ? new ForeignKeySnapshot(fk.name(), fk.columns(), schema, newName, fk.referencedColumns(), fk.onDelete(), fk.onUpdate())
                    : fk));
        }
        return new Snapshot(snapshot.version(), snapshot.dialect(), snapshot.id(), snapshot.prevId(), snapshot.schemas(), tables);
    }

    private static Snapshot renameColumn(Snapshot snapshot, String fromKey, String toKey, List<Change> out) {
        int dot = fromKey.lastIndexOf('.');
        String tableKey = fromKey.substring(0, Math.max(dot, 0));
        TableSnapshot table = snapshot.tables().get(tableKey);
        if (table == null || !table.columns().containsKey(fromKey.substring(dot + 1))) {
            throw new SleetException("Cannot rename column " + fromKey + ": the previous schema has no such column");
        }
        if (!toKey.startsWith(tableKey + ".")) {
            throw new SleetException("Cannot rename column " + fromKey + " to " + toKey + ": both must be in the same table");
        }
        String oldName = fromKey.substring(dot + 1);
        String newName = toKey.substring(tableKey.length() + 1);
        out.add(new Change.RenameColumn(table.schema(), table.name(), oldName, newName));
        Function<List<String>, List<String>> rename = columns -> columns.stream()
                .map(c -> c.equals(oldName) ? newName : c).collect(Collectors.toList());
        Map<String, ColumnSnapshot> columns = new LinkedHashMap<>();
        table.columns().forEach((name, c) -> {
            ColumnSnapshot renamed = name.equals(oldName)
                    ? new ColumnSnapshot(newName, c.type(), c.serial(), c.notNull(), c.defaultValue()) : c;
            columns.put(renamed.name(), renamed);
        });
        KeySnapshot pk = table.primaryKey() == null ? null
                : new KeySnapshot(table.primaryKey().name(), rename.apply(table.primaryKey().columns()));
        TableSnapshot updated = new TableSnapshot(table.schema(), table.name(), columns, pk,
                mapValues(table.uniqueConstraints(), k -> new KeySnapshot(k.name(), rename.apply(k.columns()))),
                mapValues(table.foreignKeys(), fk -> new ForeignKeySnapshot(fk.name(), rename.apply(fk.columns()),
                        fk.referencedSchema(), fk.referencedTable(), fk.referencedColumns(), fk.onDelete(), fk.onUpdate())),
                mapValues(table.indexes(), ix -> new IndexSnapshot(ix.name(), rename.apply(ix.columns()), ix.unique(), ix.method())));
        SortedMap<String, TableSnapshot> tables = new TreeMap<>();
        for (TableSnapshot t : snapshot.tables().values()) {
            TableSnapshot current = t.key().equals(tableKey) ? updated : t;
            tables.put(current.key(), withForeignKeys(current, fk -> fk.referencedKey().equals(tableKey)
                    ? new ForeignKeySnapshot(fk.name(), fk.columns(), fk.referencedSchema(), fk.referencedTable(),
                    rename.apply(fk.referencedColumns()), fk.onDelete(), fk.onUpdate())
                    : fk));
        }
        return new Snapshot(snapshot.version(), snapshot.dialect(), snapshot.id(), snapshot.prevId(), snapshot.schemas(), tables);
    }

    private static TableSnapshot withForeignKeys(TableSnapshot t, Function<ForeignKeySnapshot, ForeignKeySnapshot> change) {
        return new TableSnapshot(t.schema(), t.name(), t.columns(), t.primaryKey(), t.uniqueConstraints(),
                mapValues(t.foreignKeys(), change), t.indexes());
    }

    private static <T> SortedMap<String, T> mapValues(Map<String, T> map, Function<T, T> change) {
        SortedMap<String, T> result = new TreeMap<>();
        map.forEach((k, v) -> result.put(k, change.apply(v)));
        return result;
    }
}
