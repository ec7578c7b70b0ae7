package dev.sleet.kit.rename;

import dev.sleet.kit.diff.Renames;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.EnumSnapshot;
import dev.sleet.kit.snapshot.SequenceSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;
import dev.sleet.schema.EnumType;
import dev.sleet.schema.Sequence;
import dev.sleet.schema.View;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The kinds Sleet detects renames for, in the order they are settled. */
public final class RenameKinds {

    private RenameKinds() {}

    /** Schemas: tables follow their schema, so a renamed schema keeps its tables. */
    public static final RenameKind SCHEMA = new RenameKind() {
        @Override
        public String name() {
            return "schema";
        }

        @Override
        public Map<String, List<String>> objects(Snapshot snapshot) {
            return Map.of("", new ArrayList<>(snapshot.schemas()));
        }

        @Override
        public int similarity(Snapshot from, String dropped, Snapshot to, String created) {
            Set<String> before = tableNames(from, dropped);
            before.retainAll(tableNames(to, created));
            return before.size();
        }

        private Set<String> tableNames(Snapshot snapshot, String schema) {
            Set<String> names = new HashSet<>();
            snapshot.tables().values().stream().filter(t -> t.schema().equals(schema)).forEach(t -> names.add(t.name()));
            return names;
        }

        @Override
        public Renames add(Renames renames, String from, String to) {
            return renames.withSchema(from, to);
        }

        @Override
        public int dots() {
            return 0;
        }
    };

    /** Tables, within their schema (moving a table to another schema is not a rename). */
    public static final RenameKind TABLE = new RenameKind() {
        @Override
        public String name() {
            return "table";
        }

        @Override
        public Map<String, List<String>> objects(Snapshot snapshot) {
            Map<String, List<String>> bySchema = new TreeMap<>();
            for (TableSnapshot table : snapshot.tables().values()) {
                bySchema.computeIfAbsent(table.schema(), k -> new ArrayList<>()).add(table.key());
            }
            return bySchema;
        }

        @Override
        public int similarity(Snapshot from, String dropped, Snapshot to, String created) {
            TableSnapshot before = from.tables().get(dropped);
            TableSnapshot after = to.tables().get(created);
            int same = 0;
            for (ColumnSnapshot column : before.columns().values()) {
                ColumnSnapshot other = after.columns().get(column.name());
                if (other != null) {
                    same += other.type().equals(column.type()) ? 2 : 1;
                }
            }
            return same;
        }

        @Override
        public Renames add(Renames renames, String from, String to) {
            return renames.withTable(from, to);
        }

        @Override
        public int dots() {
            return 1;
        }
    };

    /** Columns, within their table. */
    public static final RenameKind COLUMN = new RenameKind() {
        @Override
        public String name() {
            return "column";
        }

        @Override
        public Map<String, List<String>> objects(Snapshot snapshot) {
            Map<String, List<String>> byTable = new TreeMap<>();
            for (TableSnapshot table : snapshot.tables().values()) {
                List<String> columns = new ArrayList<>();
                table.columns().keySet().forEach(c -> columns.add(table.key() + "." + c));
                byTable.put(table.key(), columns);
            }
            return byTable;
        }

        @Override
        public int similarity(Snapshot from, String dropped, Snapshot to, String created) {
            ColumnSnapshot before = column(from, dropped);
            ColumnSnapshot after = column(to, created);
            return (before.type().equals(after.type()) ? 2 : 0) + (before.notNull() == after.notNull() ? 1 : 0);
        }

        private ColumnSnapshot column(Snapshot snapshot, String key) {
            int dot = key.lastIndexOf('.');
            return snapshot.tables().get(key.substring(0, dot)).columns().get(key.substring(dot + 1));
        }

        @Override
        public Renames add(Renames renames, String from, String to) {
            return renames.withColumn(from, to);
        }

        @Override
        public int dots() {
            return 2;
        }
    };

    /** Enum types, within their schema; alike when they share labels. */
    public static final RenameKind ENUM = new SchemaObjectKind<EnumSnapshot>("enum", EnumType.class, Snapshot::enums, Renames::withEnum) {
        @Override
        int similarity(EnumSnapshot dropped, EnumSnapshot created) {
            return (int) dropped.values().stream().filter(created.values()::contains).count();
        }
    };

    /** Sequences, within their schema; alike when their type and options agree. */
    public static final RenameKind SEQUENCE = new SchemaObjectKind<SequenceSnapshot>("sequence", Sequence.class, Snapshot::sequences,
            Renames::withSequence) {
        @Override
        int similarity(SequenceSnapshot a, SequenceSnapshot b) {
            return same(a.type(), b.type()) + same(a.increment(), b.increment()) + same(a.minValue(), b.minValue())
                    + same(a.maxValue(), b.maxValue()) + same(a.start(), b.start()) + same(a.cache(), b.cache())
                    + same(a.cycle(), b.cycle());
        }
    };

    /** Views and materialized views, within their schema; alike when they are defined alike. */
    public static final RenameKind VIEW = new SchemaObjectKind<ViewSnapshot>("view", View.class, Snapshot::views, Renames::withView) {
        @Override
        int similarity(ViewSnapshot a, ViewSnapshot b) {
            return 2 * same(a.definition(), b.definition()) + same(a.materialized(), b.materialized());
        }
    };

    /** In the order renames are settled: a kind's containers are named after the earlier kinds' renames. */
    public static final List<RenameKind> ALL = List.of(SCHEMA, TABLE, COLUMN, ENUM, SEQUENCE, VIEW);

    /** The names of the kinds whose qualified names have {@code dots} dots: {@code table, enum, sequence or view}. */
    static String namesWithDots(int dots) {
        List<String> names = ALL.stream().filter(k -> k.dots() == dots).map(RenameKind::name).toList();
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    public static RenameKind byName(String name) {
        for (RenameKind kind : ALL) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }

    private static int same(Object a, Object b) {
        return a.equals(b) ? 1 : 0;
    }
}
