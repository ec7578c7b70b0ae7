package dev.sleet.kit.rename;

import dev.sleet.kit.diff.Renames;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
            return new Renames(renames.tables(), renames.columns(), with(renames.schemas(), from, to));
        }

        @Override
        public String argumentPrefix() {
            return "";
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
            return new Renames(with(renames.tables(), from, to), renames.columns(), renames.schemas());
        }

        @Override
        public String argumentPrefix() {
            return "";
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
            return new Renames(renames.tables(), with(renames.columns(), from, to), renames.schemas());
        }

        @Override
        public String argumentPrefix() {
            return "";
        }

        @Override
        public int dots() {
            return 2;
        }
    };

    /** In the order renames are settled: a kind's containers are named after the earlier kinds' renames. */
    public static final List<RenameKind> ALL = List.of(SCHEMA, TABLE, COLUMN);

    public static RenameKind byName(String name) {
        for (RenameKind kind : ALL) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }

    private static Map<String, String> with(Map<String, String> map, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
