package dev.sleet.kit.codegen;

import dev.sleet.kit.snapshot.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A schema as large as real ones get: the generated code must stay within the JVM's class file limits. */
class LargeSchemaTest {

    static final int TABLES = 1200;

    @Test
    void twelveHundredTablesCompileAndRoundTrip(@TempDir Path dir) {
        Snapshot snapshot = largeSnapshot(TABLES);

        Generated generated = Generated.roundTrip(snapshot, "big.schema", dir);

        assertThat(generated.loaded.tables()).hasSize(TABLES);
        Generated.assertSameSchema(generated.readBack, snapshot);
        // Every table has relations; their initialisers moved into methods, in nested classes of 500 tables
        // each, to keep <clinit> under 64 KB and each constant pool under 65,535 entries.
        assertThat(generated.loaded.relations()).hasSize(TABLES);
        assertThat(generated.sources.relationsJava())
                .contains("public static final TableRelations T0500 = Part1.t0500();")
                .contains("public static final TableRelations T0501 = Part2.t0501();")
                .contains("private static final class Part3 {")
                .contains("    static TableRelations t1200() {");
    }

    static Snapshot largeSnapshot(int count) {
        List<SnapshotBuilder> tables = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = name(i);
            SnapshotBuilder table = SnapshotBuilder.table(name).id()
                    .column("name", "varchar(100)", true, null)
                    .column("code", "text")
                    .column("parent_id", "integer")
                    .column("owner_id", "integer")
                    .column("amount", "numeric(10,2)", true, "0")
                    .column("active", "boolean", true, "false")
                    .column("created_at", "timestamptz", true, "now()")
                    .unique(name + "_code_key", "code")
                    .index(name + "_parent_idx", false, "btree", "parent_id")
                    .index(name + "_name_code_idx", true, "btree", "name", "code");
            table.references("parent_id", name(i == 1 ? count : i - 1));
            table.foreignKey("fk_" + name + "_owner", List.of("owner_id"), "public", name(i <= 2 ? count - 2 + i : i - 2),
                    List.of("id"), "cascade", "no action");
            tables.add(table);
        }
        return SnapshotBuilder.snapshot(tables.toArray(SnapshotBuilder[]::new));
    }

    private static String name(int i) {
        return String.format("t%04d", i);
    }
}
