package dev.sleet.kit.tasks;

import dev.sleet.kit.AtomicFiles;
import dev.sleet.kit.Output;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.codegen.RowsWriter;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.dialect.Dialect;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.schema.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rows.java as the schema code says it should read: beside the source file that declares the
 * tables (the first by key; Schema.java for pulled code), in that class's package. {@code generate}
 * writes it; {@code check} warns when the file there differs.
 */
final class RowsFile {

    /** Where Rows.java belongs and what it should hold. */
    record Expected(Path file, String text) {}

    private RowsFile() {}

    static Expected expected(SleetConfig config, CodeSchema schema) {
        Table<?> first = schema.tables().stream()
                .min(Comparator.comparing((Table<?> t) -> Snapshot.key(t.schemaName(), t.tableName()))).orElseThrow();
        Class<?> top = first.getClass();
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        String fileName = top.getSimpleName() + ".java";
        String folders = top.getPackageName().replace('.', '/');
        Path folder = null;
        for (Path source : schema.sources()) {
            Path parent = source.toAbsolutePath().getParent();
            if (source.getFileName().toString().equals(fileName) && (folders.isEmpty() || parent.endsWith(folders))) {
                folder = parent;
                break;
            }
        }
        if (folder == null) {
            for (Path source : schema.sources()) {
                if (source.getFileName().toString().equals(fileName)) {
                    folder = source.toAbsolutePath().getParent();
                    break;
                }
            }
        }
        if (folder == null) {
            folder = config.javaOut();
        }
        return new Expected(folder.resolve("Rows.java"), RowsWriter.fromCode(schema.snapshot(), schema.tables(), top.getPackageName()));
    }

    /** generate: writes Rows.java when it is missing or differs; true when written. */
    static boolean write(SleetConfig config, CodeSchema schema, Output out) {
        Expected expected = expected(config, schema);
        if (Files.isRegularFile(expected.file()) && !CodeSchema.isRowsFile(expected.file())) {
            out.warn(Pull.relative(config, expected.file()) + " was not written by Sleet: it is left as it is, and row records "
                    + "are not generated");
            return false;
        }
        AtomicFiles.removeTemporaryFiles(expected.file().getParent());
        List<Path> written = new ArrayList<>();
        Pull.writeIfChanged(expected.file(), expected.text(), written);
        written.forEach(file -> out.info("Wrote " + Pull.relative(config, file)));
        return !written.isEmpty();
    }

    /**
     * check: a warning (never a problem: the database and the history are fine) when a Rows.java
     * beside the schema code no longer matches it. The code is compiled only when such a file exists.
     */
    static void check(SleetConfig config, Dialect dialect, Output out) {
        if (config.schema() == null || config.schema().isEmpty()) {
            return;
        }
        List<Path> sources;
        try {
            sources = SchemaSources.resolve(config.baseDir(), config.schema());
        } catch (SleetException e) {
            return;
        }
        Set<Path> candidates = new LinkedHashSet<>();
        candidates.add(config.javaOut().toAbsolutePath().normalize().resolve("Rows.java"));
        sources.forEach(s -> candidates.add(s.toAbsolutePath().normalize().getParent().resolve("Rows.java")));
        if (candidates.stream().noneMatch(Files::isRegularFile)) {
            return;
        }
        Expected expected;
        try {
            expected = expected(config, CodeSchema.load(config, dialect));
        } catch (SleetException e) {
            out.warn("Rows.java not checked: the schema code does not load (" + e.getMessage().lines().findFirst().orElse("") + ")");
            return;
        }
        String where = Pull.relative(config, expected.file());
        try {
            if (!Files.isRegularFile(expected.file()) || !CodeSchema.isRowsFile(expected.file())) {
                return;
            }
            if (!Files.readString(expected.file()).equals(expected.text())) {
                out.warn(where + " is stale: it does not match the schema code; `sleet generate` writes it anew");
            }
        } catch (IOException e) {
            out.warn("Cannot read " + where + ": " + e.getMessage());
        }
    }
}
