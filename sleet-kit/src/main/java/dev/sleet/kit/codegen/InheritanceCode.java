package dev.sleet.kit.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.InheritanceSnapshots;
import dev.sleet.kit.snapshot.ParentSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** How pulled code declares tables that inherit from others ({@code INHERITS}). */
final class InheritanceCode {

    private InheritanceCode() {}

    /**
     * The snapshot with each table that inherits given its parents' columns, first and in their
     * order, as PostgreSQL has them: bare (type only) unless the table carries something of its own
     * on them, so that its keys, indexes and queries can name them; then its own columns.
     */
    static Snapshot withInheritedColumns(Snapshot snapshot) {
        SortedMap<String, TableSnapshot> tables = new TreeMap<>();
        boolean any = false;
        for (TableSnapshot table : snapshot.tables().values()) {
            if (!table.inherits().isEmpty()) {
                Map<String, ColumnSnapshot> columns = new LinkedHashMap<>();
                for (ColumnSnapshot parent : InheritanceSnapshots.inheritedColumns(table, snapshot.tables()).values()) {
                    ColumnSnapshot own = table.columns().get(parent.name());
                    columns.put(parent.name(), own != null ? own : new ColumnSnapshot(parent.name(), parent.type(), false, false,
                            null, parent.typeSchema(), null, null, null, null, null, true));
                }
                table.columns().values().forEach(c -> columns.putIfAbsent(c.name(), c));
                table = table.withParts(columns, table.primaryKey(), table.uniqueConstraints(), table.foreignKeys(),
                        table.indexes());
                any = true;
            }
            tables.put(table.key(), table);
        }
        return any ? snapshot.withTables(tables) : snapshot;
    }

    /**
     * The constructor's statements: {@code inherits(() -> Schema.EVENTS)}, then {@code redeclares(id)}
     * for the table's own columns that a parent has too.
     */
    static List<CodeBlock> statements(TableSnapshot table, Snapshot snapshot, SchemaNames.TableNames own, SchemaNames names,
                                      ClassName schema) {
        List<CodeBlock> statements = new ArrayList<>();
        if (table.inherits().isEmpty()) {
            return statements;
        }
        List<CodeBlock> parents = new ArrayList<>();
        for (ParentSnapshot parent : table.inherits()) {
            if (names.table(parent.key()) == null) {
                throw new SleetException("Table " + table.key() + " inherits from " + parent.key()
                        + ", which is not pulled: pull both (tablesFilter, schemaFilter) or neither");
            }
            parents.add(CodeBlock.of("() -> $T.$L", schema, names.table(parent.key()).constant()));
        }
        statements.add(CodeBlock.of("inherits($L)", CodeBlock.join(parents, ", ")));
        Set<String> inherited = InheritanceSnapshots.inheritedColumns(table, snapshot.tables()).keySet();
        List<CodeBlock> redeclared = table.columns().values().stream()
                .filter(c -> !c.inherited() && inherited.contains(c.name()))
                .map(c -> CodeBlock.of("$L", own.column(c.name()))).toList();
        if (!redeclared.isEmpty()) {
            statements.add(CodeBlock.of("redeclares($L)", CodeBlock.join(redeclared, ", ")));
        }
        return statements;
    }
}
