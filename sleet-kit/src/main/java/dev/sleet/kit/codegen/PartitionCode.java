package dev.sleet.kit.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.PartitionKeySnapshot;
import dev.sleet.kit.snapshot.PartitionSnapshot;
import dev.sleet.kit.snapshot.PartitionSnapshots;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.schema.Partitioning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** How pulled code declares partitioned tables and partitions. */
final class PartitionCode {

    private static final ClassName PARTITIONING = ClassName.get(Partitioning.class);

    private PartitionCode() {}

    /**
     * The snapshot with each partition given its parent's columns, bare (type only): the partition
     * class declares them so that its own keys and indexes, and queries, can name them; the
     * defaults, NOT NULL and keys stay on the parent, where PostgreSQL keeps them.
     */
    static Snapshot withParentColumns(Snapshot snapshot) {
        SortedMap<String, TableSnapshot> tables = new TreeMap<>();
        boolean any = false;
        for (TableSnapshot table : snapshot.tables().values()) {
            if (table.partitioning() != null && table.partitioning().isPartition()) {
                Map<String, ColumnSnapshot> columns = new LinkedHashMap<>();
                PartitionSnapshots.columnsOf(table, snapshot.tables()).values().forEach(c -> columns.put(c.name(),
                        new ColumnSnapshot(c.name(), c.type(), false, false, null, c.typeSchema(), null, null, null)));
                table = table.withParts(columns, table.primaryKey(), table.uniqueConstraints(), table.foreignKeys(),
                        table.indexes());
                any = true;
            }
            tables.put(table.key(), table);
        }
        return any ? snapshot.withTables(tables) : snapshot;
    }

    /** The constructor's statements: {@code partitionByRange(createdAt)}, {@code partitionOf(() -> Schema.ORDERS, "DEFAULT")}. */
    static List<CodeBlock> statements(TableSnapshot table, SchemaNames.TableNames own, SchemaNames names, ClassName schema) {
        List<CodeBlock> statements = new ArrayList<>();
        PartitionSnapshot p = table.partitioning();
        if (p == null) {
            return statements;
        }
        if (p.isPartitioned()) {
            String strategy = p.strategy().toUpperCase(Locale.ROOT);
            boolean columnsOnly = p.keys().stream().allMatch(k -> k.column() != null && own.column(k.column()) != null);
            List<CodeBlock> keys = new ArrayList<>();
            for (PartitionKeySnapshot key : p.keys()) {
                keys.add(columnsOnly ? CodeBlock.of("$L", own.column(key.column()))
                        : key.column() != null ? CodeBlock.of("$T.Key.column($S)", PARTITIONING, key.column())
                        : CodeBlock.of("$T.Key.expression($S)", PARTITIONING, key.expression()));
            }
            statements.add(columnsOnly
                    ? CodeBlock.of("partitionBy$L($L)", strategy.charAt(0) + strategy.substring(1).toLowerCase(Locale.ROOT),
                            CodeBlock.join(keys, ", "))
                    : CodeBlock.of("partitionBy($T.Strategy.$L, $L)", PARTITIONING, strategy, CodeBlock.join(keys, ", ")));
        }
        if (p.isPartition()) {
            if (names.table(p.parentKey()) == null) {
                throw new SleetException("Table " + table.key() + " is a partition of " + p.parentKey()
                        + ", which is not pulled: pull both (tablesFilter, schemaFilter) or neither");
            }
            statements.add(CodeBlock.of("partitionOf(() -> $T.$L, $S)", schema, names.table(p.parentKey()).constant(), p.bound()));
        }
        return statements;
    }
}
