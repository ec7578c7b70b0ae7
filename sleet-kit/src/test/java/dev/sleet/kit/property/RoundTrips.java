package dev.sleet.kit.property;

import dev.sleet.kit.codegen.JavaSchemaWriter;
import dev.sleet.kit.compile.SchemaCompiler;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.diff.Renames;
import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.kit.snapshot.CodeSnapshots;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks the properties make, shared with the tests that keep the cases they found. */
final class RoundTrips {

    static final PostgresDialect PG = PostgresDialect.INSTANCE;
    static final String PACKAGE = "property.schema";

    private RoundTrips() {}

    /** The DDL for {@code schema}, run on an empty database, reads back as {@code schema}. */
    static void ddl(PropertyDatabase db, Snapshot schema) {
        db.reset();
        db.execute(PG.sql(Differ.diff(Snapshot.empty(PG.name()), schema)));
        assertSame(db.introspect(), schema, "the database built from the snapshot");
    }

    /** Schema code written for {@code schema}, compiled and loaded, reads back as {@code schema}. */
    static void code(Snapshot schema, Path dir, Path cache) {
        JavaSchemaWriter.GeneratedSources sources = new JavaSchemaWriter(PG).write(schema, PACKAGE);
        Path folder = dir.resolve(PACKAGE.replace('.', '/'));
        List<Path> files;
        try {
            Files.createDirectories(folder);
            files = List.of(Files.writeString(folder.resolve("Schema.java"), sources.schemaJava()),
                    Files.writeString(folder.resolve("Relations.java"), sources.relationsJava()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SchemaCompiler.LoadedSchema loaded = SchemaCompiler.withCacheDir(cache).load(files);
        assertSame(CodeSnapshots.of(loaded.tables(), PG), schema, "the schema code written for the snapshot");
    }

    /** Migrating a database at {@code from} with diff(from, to) leaves it exactly at {@code to}. */
    static void migration(PropertyDatabase db, Snapshot from, Snapshot to) {
        migration(db, from, to, Renames.NONE);
    }

    /** The same, with tables and columns renamed rather than dropped and created. */
    static void migration(PropertyDatabase db, Snapshot from, Snapshot to, Renames renames) {
        ddl(db, from);
        List<Change> changes = Differ.diff(from, to, renames);
        db.execute(PG.sql(changes));
        assertSame(db.introspect(), to, "the database migrated from the first snapshot to the second");
        assertThat(Differ.diff(to, to)).isEmpty();
    }

    /** Same schema, column order included (the JSON keeps it), whatever the snapshots' identities. */
    static void assertSame(Snapshot actual, Snapshot expected, String what) {
        String expectedJson = SnapshotJson.toJson(expected);
        String actualJson = SnapshotJson.toJson(actual.withIdentity(expected.id(), expected.prevId()));
        if (!actualJson.equals(expectedJson)) {
            throw new AssertionError(what + " differs from the snapshot:\n" + differences(expected, actual));
        }
        assertThat(Differ.diff(actual, expected)).as(what + ": differences left").isEmpty();
    }

    /** The tables that differ, each as expected and actual, in the records' compact form. */
    static String differences(Snapshot expected, Snapshot actual) {
        StringBuilder text = new StringBuilder();
        if (!expected.schemas().equals(actual.schemas())) {
            text.append("  schemas: expected ").append(expected.schemas()).append(" but was ").append(actual.schemas()).append('\n');
        }
        java.util.Set<String> keys = new java.util.TreeSet<>(expected.tables().keySet());
        keys.addAll(actual.tables().keySet());
        for (String key : keys) {
            var e = expected.tables().get(key);
            var a = actual.tables().get(key);
            String ej = e == null ? "(none)" : e.toString();
            String aj = a == null ? "(none)" : a.toString();
            if (!ej.equals(aj)) {
                text.append("  table ").append(key).append("\n    expected: ").append(ej).append("\n    actual:   ")
                        .append(aj).append('\n');
            }
        }
        return text.toString();
    }
}
