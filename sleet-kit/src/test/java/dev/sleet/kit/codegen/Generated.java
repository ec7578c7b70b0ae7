package dev.sleet.kit.codegen;

import dev.sleet.kit.compile.SchemaCompiler;
import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.kit.snapshot.CodeSnapshots;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helper: generate schema code for a snapshot, compile it, load it and read it back. */
final class Generated {

    final JavaSchemaWriter.GeneratedSources sources;
    final SchemaCompiler.LoadedSchema loaded;
    final Snapshot readBack;

    private Generated(JavaSchemaWriter.GeneratedSources sources, SchemaCompiler.LoadedSchema loaded, Snapshot readBack) {
        this.sources = sources;
        this.loaded = loaded;
        this.readBack = readBack;
    }

    static Generated roundTrip(Snapshot snapshot, String javaPackage, Path dir) {
        JavaSchemaWriter.GeneratedSources sources = new JavaSchemaWriter(PostgresDialect.INSTANCE).write(snapshot, javaPackage);
        List<Path> files = write(sources, javaPackage, dir.resolve("src"));
        SchemaCompiler.LoadedSchema loaded = SchemaCompiler.withCacheDir(dir.resolve("cache")).load(files);
        Snapshot readBack = CodeSnapshots.of(loaded.tables(), loaded.objects(), PostgresDialect.INSTANCE);
        return new Generated(sources, loaded, readBack);
    }

    static List<Path> write(JavaSchemaWriter.GeneratedSources sources, String javaPackage, Path root) {
        try {
            Path folder = javaPackage.isEmpty() ? root : root.resolve(javaPackage.replace('.', '/'));
            Files.createDirectories(folder);
            List<Path> files = new ArrayList<>();
            files.add(Files.writeString(folder.resolve("Schema.java"), sources.schemaJava()));
            files.add(Files.writeString(folder.resolve("Relations.java"), sources.relationsJava()));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The read-back snapshot describes the same tables (columns in the same order) and other objects. */
    static void assertSameSchema(Snapshot actual, Snapshot expected) {
        assertThat(actual.tables().keySet()).containsExactlyElementsOf(expected.tables().keySet());
        for (TableSnapshot table : expected.tables().values()) {
            TableSnapshot other = actual.tables().get(table.key());
            assertThat(other).as(table.key()).isEqualTo(table);
            assertThat(List.copyOf(other.columns().keySet())).as(table.key() + " column order")
                    .containsExactlyElementsOf(table.columns().keySet());
        }
        assertThat(actual.schemas()).isEqualTo(expected.schemas());
        assertThat(actual.enums()).isEqualTo(expected.enums());
        assertThat(actual.sequences()).isEqualTo(expected.sequences());
        assertThat(actual.views()).isEqualTo(expected.views());
        assertThat(actual.roles()).isEqualTo(expected.roles());
    }
}
