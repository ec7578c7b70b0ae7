package dev.sleet.kit.diff;

import dev.sleet.kit.SleetException;
import dev.sleet.kit.dialect.Dialect;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.CommentSnapshot;
import dev.sleet.kit.snapshot.EnumSnapshot;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.KeySnapshot;
import dev.sleet.kit.snapshot.ObjectNames;
import dev.sleet.kit.snapshot.SchemaObjectSnapshot;
import dev.sleet.kit.snapshot.SequenceSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;
import dev.sleet.schema.Comment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Carries confirmed renames into the old snapshot, recording a rename change for each, so that
 * the comparison that follows sees the renamed object as the same one — and sees no change in
 * what PostgreSQL carries along by itself (the columns of a renamed enum type, defaults naming a
 * renamed sequence, everything in a renamed schema).
 */
final class RenameStep {

    /**
     * An object that lives in a schema under a name of its own: where the snapshot keeps it, the
     * change that renames it, and how columns follow it when it moves.
     */
    private record ObjectKind<T extends SchemaObjectSnapshot<T>>(
            String name,
            Function<Renames, Map<String, String>> renames,
            Function<Snapshot, SortedMap<String, T>> objects,
            BiFunction<Snapshot, SortedMap<String, T>, Snapshot> withObjects,
            BiFunction<T, String, Change> renameChange,
            Follow<T> follow,
            Comment.Kind comments) {}

    @FunctionalInterface
    private interface Follow<T> {
        /** What becomes of a column when {@code before} is moved to {@code after}. */
        UnaryOperator<ColumnSnapshot> column(Dialect dialect, T before, T after);
    }

    private static final List<ObjectKind<?>> OBJECT_KINDS = List.of(
            new ObjectKind<EnumSnapshot>("enum type", Renames::enums, Snapshot::enums, Snapshot::withEnums,
                    (old, name) -> new Change.RenameEnum(old.schema(), old.name(), name), RenameStep::columnsOfType,
                    Comment.Kind.TYPE),
            new ObjectKind<SequenceSnapshot>("sequence", Renames::sequences, Snapshot::sequences, Snapshot::withSequences,
                    (old, name) -> new Change.RenameSequence(old.schema(), old.name(), name), RenameStep::defaultsDrawingFrom,
                    Comment.Kind.SEQUENCE),
            new ObjectKind<ViewSnapshot>("view", Renames::views, Snapshot::views, Snapshot::withViews,
                    (old, name) -> new Change.RenameView(old.schema(), old.name(), name, old.materialized()),
                    (dialect, before, after) -> UnaryOperator.identity(), Comment.Kind.TRIGGER));

    private RenameStep() {}

    /** {@code to}, the snapshot compared with, tells which renamed columns' sequences take their new default name. */
    static Snapshot apply(Snapshot from, Renames renames, List<Change> out, Snapshot to) {
        Snapshot current = from;
        for (Map.Entry<String, String> rename : new TreeMap<>(renames.schemas()).entrySet()) {
            current = renameSchema(current, rename.getKey(), rename.getValue(), out);
        }
        // Sequences PostgreSQL named for columns of renamed tables or renamed columns, by the column's key now.
        Map<String, GivenName> givenNames = new LinkedHashMap<>();
        for (Map.Entry<String, String> rename : new TreeMap<>(renames.tables()).entrySet()) {
            current = renameTable(current, rename.getKey(), rename.getValue(), out, givenNames);
        }
        for (Map.Entry<String, String> rename : new TreeMap<>(renames.columns()).entrySet()) {
            current = renameColumn(current, rename.getKey(), rename.getValue(), out, givenNames);
        }
        current = renameOwnedSequences(current, givenNames, to, out);
        for (ObjectKind<?> kind : OBJECT_KINDS) {
            current = renameObjects(current, kind, renames, out);
        }
        return current.withRules(RulePlan.moved(current.rules(), out));
    }

    /**
     * Moves everything in schema {@code from} to {@code to} — tables with all their parts, enum types,
     * sequences and views — and re-points what refers into it from anywhere: foreign keys, columns
     * of its enum types, defaults drawing from its sequences.
     */
    private static Snapshot renameSchema(Snapshot snapshot, String from, String to, List<Change> out) {
        if (!snapshot.schemas().contains(from)) {
            throw new SleetException("Cannot rename schema " + from + ": the previous schema has no such schema");
        }
        if (snapshot.schemas().contains(to)) {
            throw new SleetException("Cannot rename schema " + from + " to " + to + ": schema " + to + " exists already");
        }
        out.add(new Change.RenameSchema(from, to));
        snapshot = withComments(snapshot, c -> c.schema().equals(from)
                ? c.movedTo(to, c.on(), c.kind() == Comment.Kind.SCHEMA ? to : c.name()) : c);
        SortedSet<String> schemas = new TreeSet<>(snapshot.schemas());
        schemas.remove(from);
        schemas.add(to);
        SortedMap<String, TableSnapshot> tables = new TreeMap<>();
        for (TableSnapshot t : snapshot.tables().values()) {
            TableSnapshot moved = t.schema().equals(from) ? t.inSchema(to) : t;
            if (moved.partitioning() != null && from.equals(moved.partitioning().parentSchema())) {
                moved = moved.withPartitioning(moved.partitioning().withParent(to, moved.partitioning().parent()));
            }
            tables.put(moved.key(), withForeignKeys(moved, fk -> fk.referencedSchema().equals(from)
                    ? new ForeignKeySnapshot(fk.name(), fk.columns(), to, fk.referencedTable(), fk.referencedColumns(), fk.onDelete(), fk.onUpdate(),
                            fk.deferral(), fk.notValid())
                    : fk));
        }
        Snapshot current = snapshot.withSchemas(schemas).withTables(tables);
        for (ObjectKind<?> kind : OBJECT_KINDS) {
            current = moveSchema(current, kind, from, to);
        }
        current = ObjectsRename.moveSchema(current, from, to);
        return current.withRoutines(RoutinePlan.movedRoutines(current.routines(), from, to));
    }

    private static <T extends SchemaObjectSnapshot<T>> Snapshot moveSchema(Snapshot snapshot, ObjectKind<T> kind,
                                                                          String from, String to) {
        Snapshot current = snapshot;
        for (T object : kind.objects().apply(snapshot).values()) {
            if (object.schema().equals(from)) {
                current = move(current, kind, object, to, object.name());
            }
        }
        return current;
    }

    /** Renames objects of one kind within their schemas (keys are in the schemas' new names). */
    private static <T extends SchemaObjectSnapshot<T>> Snapshot renameObjects(Snapshot snapshot, ObjectKind<T> kind,
                                                                             Renames renames, List<Change> out) {
        Snapshot current = snapshot;
        for (Map.Entry<String, String> rename : new TreeMap<>(kind.renames().apply(renames)).entrySet()) {
            T object = kind.objects().apply(current).get(rename.getKey());
            if (object == null) {
                throw new SleetException("Cannot rename " + kind.name() + " " + rename.getKey() + ": the previous schema has no such "
                        + kind.name());
            }
            String schema = object.schema();
            if (!rename.getValue().startsWith(schema + ".")) {
                throw new SleetException("Cannot rename " + rename.getKey() + " to " + rename.getValue() + ": moving a "
                        + kind.name() + " to another schema is not supported");
            }
            String newName = rename.getValue().substring(schema.length() + 1);
            out.add(kind.renameChange().apply(object, newName));
            current = move(current, kind, object, schema, newName);
        }
        return current;
    }

    /** Puts {@code object} under its new schema and name, and lets every column follow it. */
    private static <T extends SchemaObjectSnapshot<T>> Snapshot move(Snapshot snapshot, ObjectKind<T> kind, T object,
                                                                    String schema, String name) {
        T moved = object.movedTo(schema, name);
        SortedMap<String, T> objects = new TreeMap<>(kind.objects().apply(snapshot));
        if (objects.containsKey(moved.key())) {
            throw new SleetException("Cannot rename " + kind.name() + " " + object.key() + " to " + moved.key()
                    + ": the previous schema has a " + kind.name() + " of that name already");
        }
        objects.remove(object.key());
        objects.put(moved.key(), moved);
        Snapshot result = commentsFollow(kind.withObjects().apply(snapshot, objects), Set.of(kind.comments()),
                object.schema(), object.name(), schema, name);
        return withColumns(result, kind.follow().column(Dialect.forName(snapshot.dialect()), object, moved));
    }

    /** Columns of the type, or of arrays of it, take its new name and schema; so do their literal defaults. */
    private static UnaryOperator<ColumnSnapshot> columnsOfType(Dialect dialect, EnumSnapshot before, EnumSnapshot after) {
        return column -> {
            if (!before.key().equals(column.userTypeKey())) {
                return column;
            }
            String type = after.name() + (column.isArray() ? "[]" : "");
            return column.withType(type, after.schema(), literalDefault(dialect, column, type, after.schema()));
        };
    }

    /**
     * The column's default spelled for its new type, when it is a literal the dialect reads and
     * writes back unchanged. Any other default stays as it is: the comparison then sets it again,
     * which is harmless, where rewriting an expression by guesswork is not.
     */
    private static String literalDefault(Dialect dialect, ColumnSnapshot column, String type, String typeSchema) {
        String expression = column.defaultValue();
        if (expression == null) {
            return null;
        }
        Optional<Object> value = dialect.parseLiteral(expression, column.type(), column.typeSchema());
        if (value.isEmpty() || !dialect.literal(value.get(), column.type(), column.typeSchema()).equals(expression)) {
            return expression;
        }
        return dialect.literal(value.get(), type, typeSchema);
    }

    /** Defaults that draw from the sequence (as the catalog prints them) name it by its new name. */
    private static UnaryOperator<ColumnSnapshot> defaultsDrawingFrom(Dialect dialect, SequenceSnapshot before, SequenceSnapshot after) {
        String old = dialect.sequenceDefault(before.schema(), before.name());
        String now = dialect.sequenceDefault(after.schema(), after.name());
        return column -> old.equals(column.defaultValue()) ? column.withDefault(now) : column;
    }

    private static Snapshot withColumns(Snapshot snapshot, UnaryOperator<ColumnSnapshot> change) {
        SortedMap<String, TableSnapshot> tables = new TreeMap<>();
        for (TableSnapshot t : snapshot.tables().values()) {
            Map<String, ColumnSnapshot> columns = new LinkedHashMap<>();
            t.columns().forEach((name, column) -> columns.put(name, change.apply(column)));
            tables.put(t.key(), t.withParts(columns, t.primaryKey(), t.uniqueConstraints(), t.foreignKeys(), t.indexes()));
        }
        return snapshot.withTables(tables);
    }

    private static Snapshot renameTable(Snapshot snapshot, String fromKey, String toKey, List<Change> out,
                                        Map<String, GivenName> givenNames) {
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
        for (ColumnSnapshot column : table.columns().values()) {
            if (hasGivenSequenceName(column)) {
                GivenName given = givenNames.remove(fromKey + "." + column.name());
                String name = given != null ? given.sequence() : ObjectNames.ownedSequence(table.name(), column.name());
                givenNames.put(toKey + "." + column.name(), new GivenName(schema, newName, column.name(), name));
            }
        }
        SortedMap<String, TableSnapshot> tables = new TreeMap<>();
        for (TableSnapshot t : snapshot.tables().values()) {
            TableSnapshot moved = t.key().equals(fromKey)
                    ? t.withName(newName)
                    : t;
            // PostgreSQL's partitions follow their parent's new name.
            if (moved.partitioning() != null && fromKey.equals(moved.partitioning().parentKey())) {
                moved = moved.withPartitioning(moved.partitioning().withParent(schema, newName));
            }
            tables.put(moved.key(), withForeignKeys(moved, fk -> fk.referencedKey().equals(fromKey)
                    ? new ForeignKeySnapshot(fk.name(), fk.columns(), schema, newName, fk.referencedColumns(), fk.onDelete(), fk.onUpdate(),
                            fk.deferral(), fk.notValid())
                    : fk));
        }
        return commentsFollow(snapshot.withTables(tables), TABLE_PARTS, schema, table.name(), schema, newName);
    }

    /**
     * PostgreSQL keeps the name a serial or identity column's sequence was given when its table or column is
     * renamed; a database made afresh from the renamed code names it after the new names. So such a sequence
     * is renamed to its new default name, unless the target names it otherwise (a database renamed by hand
     * and pulled keeps the old name).
     */
    private record GivenName(String schema, String table, String column, String sequence) {
    }

    private static Snapshot renameOwnedSequences(Snapshot current, Map<String, GivenName> givenNames, Snapshot to,
                                                 List<Change> out) {
        for (GivenName given : givenNames.values()) {
            TableSnapshot target = to.tables().get(Snapshot.key(given.schema(), given.table()));
            ColumnSnapshot targetColumn = target == null ? null : target.columns().get(given.column());
            String wanted = ObjectNames.ownedSequence(given.table(), given.column());
            if (targetColumn != null && hasGivenSequenceName(targetColumn)) {
                if (!wanted.equals(given.sequence())) {
                    out.add(new Change.RenameSequence(given.schema(), given.sequence(), wanted));
                }
            } else if (targetColumn != null) {
                current = keepOldName(current, given, to, targetColumn);
            }
        }
        return current;
    }

    /**
     * The target keeps the sequence's old name (a database renamed by hand, then pulled): an identity column of
     * {@code current} takes that name as its own; where the target describes that very sequence (owned by the
     * column), a serial column is read as that sequence and a column drawing from it, so that nothing is dropped
     * and made again.
     */
    private static Snapshot keepOldName(Snapshot current, GivenName given, Snapshot to, ColumnSnapshot targetColumn) {
        TableSnapshot table = current.tables().get(Snapshot.key(given.schema(), given.table()));
        ColumnSnapshot column = table == null ? null : table.columns().get(given.column());
        if (column == null) {
            return current;
        }
        if (column.identity() != null) {
            // An identity column names its sequence itself: the old name, where the target's does too.
            return targetColumn.identity() != null && given.sequence().equals(targetColumn.identity().sequenceName())
                    ? withColumn(current, table, column.withIdentity(column.identity().withSequenceName(given.sequence())))
                    : current;
        }
        SequenceSnapshot sequence = to.sequences().get(Snapshot.key(given.schema(), given.sequence()));
        if (sequence == null || !column.serial() || !(given.table() + "." + given.column()).equals(sequence.ownedBy())) {
            return current;
        }
        SortedMap<String, SequenceSnapshot> sequences = new TreeMap<>(current.sequences());
        sequences.put(sequence.key(), sequence);
        return withColumn(current, table, column.withSerial(false).withDefault(targetColumn.defaultValue())).withSequences(sequences);
    }

    private static Snapshot withColumn(Snapshot current, TableSnapshot table, ColumnSnapshot column) {
        Map<String, ColumnSnapshot> columns = new LinkedHashMap<>(table.columns());
        columns.put(column.name(), column);
        SortedMap<String, TableSnapshot> tables = new TreeMap<>(current.tables());
        tables.put(table.key(), table.withParts(columns, table.primaryKey(), table.uniqueConstraints(), table.foreignKeys(),
                table.indexes()));
        return current.withTables(tables);
    }

    private static boolean hasGivenSequenceName(ColumnSnapshot column) {
        return column.serial() || column.identity() != null && column.identity().sequenceName() == null;
    }

    /** Comments on what is named within a table, which follows the table's new name. */
    private static final Set<Comment.Kind> TABLE_PARTS = Set.of(Comment.Kind.TRIGGER, Comment.Kind.CONSTRAINT, Comment.Kind.POLICY);

    /**
     * Comments of the given kinds on the object {@code schema.name} (or on what is named within it,
     * for kinds {@link Comment.Kind#withinRelation() within a relation}) follow it to {@code newSchema.newName}.
     */
    private static Snapshot commentsFollow(Snapshot snapshot, Set<Comment.Kind> kinds, String schema, String name,
                                           String newSchema, String newName) {
        return withComments(snapshot, c -> !kinds.contains(c.kind()) || !c.schema().equals(schema) ? c
                : c.kind().withinRelation() ? (name.equals(c.on()) ? c.movedTo(newSchema, newName, c.name()) : c)
                : c.name().equals(name) ? c.movedTo(newSchema, null, newName) : c);
    }

    private static Snapshot withComments(Snapshot snapshot, UnaryOperator<CommentSnapshot> change) {
        SortedMap<String, CommentSnapshot> comments = new TreeMap<>();
        snapshot.comments().values().stream().map(change).forEach(c -> comments.put(c.key(), c));
        return snapshot.withComments(comments);
    }

    private static Snapshot renameColumn(Snapshot snapshot, String fromKey, String toKey, List<Change> out,
                                         Map<String, GivenName> givenNames) {
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
        if (hasGivenSequenceName(table.columns().get(oldName))) {
            GivenName given = givenNames.remove(fromKey);
            String name = given != null ? given.sequence() : ObjectNames.ownedSequence(table.name(), oldName);
            givenNames.put(toKey, new GivenName(table.schema(), table.name(), newName, name));
        }
        Function<List<String>, List<String>> rename = columns -> columns.stream()
                .map(c -> c.equals(oldName) ? newName : c).collect(Collectors.toList());
        Map<String, ColumnSnapshot> columns = new LinkedHashMap<>();
        table.columns().forEach((name, c) -> {
            ColumnSnapshot renamed = name.equals(oldName)
                    ? c.withName(newName) : c;
            columns.put(renamed.name(), renamed);
        });
        KeySnapshot pk = table.primaryKey() == null ? null
                : table.primaryKey().withColumns(rename.apply(table.primaryKey().columns()));
        TableSnapshot updated = table.withParts(columns, pk,
                mapValues(table.uniqueConstraints(), k -> k.withColumns(rename.apply(k.columns()))),
                mapValues(table.foreignKeys(), fk -> new ForeignKeySnapshot(fk.name(), rename.apply(fk.columns()),
                        fk.referencedSchema(), fk.referencedTable(), fk.referencedColumns(), fk.onDelete(), fk.onUpdate(),
                        fk.deferral(), fk.notValid())),
                mapValues(table.indexes(), ix -> ix.withRenamedColumns(c -> c.equals(oldName) ? newName : c)))
                .withExclusions(mapValues(table.exclusions(), x -> x.withRenamedColumns(c -> c.equals(oldName) ? newName : c)));
        if (updated.partitioning() != null && updated.partitioning().isPartitioned()) {
            updated = updated.withPartitioning(updated.partitioning().withRenamedColumn(oldName, newName));
        }
        SortedMap<String, TableSnapshot> tables = new TreeMap<>();
        for (TableSnapshot t : snapshot.tables().values()) {
            TableSnapshot current = t.key().equals(tableKey) ? updated : t;
            tables.put(current.key(), withForeignKeys(current, fk -> fk.referencedKey().equals(tableKey)
                    ? new ForeignKeySnapshot(fk.name(), fk.columns(), fk.referencedSchema(), fk.referencedTable(),
                    rename.apply(fk.referencedColumns()), fk.onDelete(), fk.onUpdate(), fk.deferral(), fk.notValid())
                    : fk));
        }
        return snapshot.withTables(tables);
    }

    private static TableSnapshot withForeignKeys(TableSnapshot t, Function<ForeignKeySnapshot, ForeignKeySnapshot> change) {
        return t.withParts(t.columns(), t.primaryKey(), t.uniqueConstraints(), mapValues(t.foreignKeys(), change), t.indexes());
    }

    private static <T> SortedMap<String, T> mapValues(Map<String, T> map, Function<T, T> change) {
        SortedMap<String, T> result = new TreeMap<>();
        map.forEach((k, v) -> result.put(k, change.apply(v)));
        return result;
    }
}
