package dev.sleet.kit.tasks;

import dev.sleet.kit.SleetException;
import dev.sleet.kit.codegen.RowsWriter;
import dev.sleet.kit.compile.SchemaCompiler;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.dialect.Dialect;
import dev.sleet.kit.loss.DeclaredLossAnswers;
import dev.sleet.kit.rename.DeclaredRenames;
import dev.sleet.kit.snapshot.CodeSnapshots;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.schema.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The configured schema code, compiled: its snapshot, the renames and lossy type changes it
 * declares, and the tables and source files (for Rows.java).
 */
record CodeSchema(Snapshot snapshot, DeclaredRenames declared, DeclaredLossAnswers losses, List<Table<?>> tables,
                  List<Path> sources) {

    static CodeSchema load(SleetConfig config, Dialect dialect) {
        List<Path> sources = sources(config);
        SchemaCompiler.LoadedSchema loaded = SchemaCompiler.create().load(sources);
        return new CodeSchema(CodeSnapshots.of(loaded.tables(), loaded.objects(), dialect),
                DeclaredRenames.of(loaded.tables(), loaded.objects()), DeclaredLossAnswers.of(loaded.tables()),
                loaded.tables(), sources);
    }

    /**
     * The schema sources, without a Rows.java that Sleet wrote: it is derived from them, and a stale
     * one (naming a type the code no longer has) must not stop generate from writing it anew.
     */
    static List<Path> sources(SleetConfig config) {
        return SchemaSources.resolve(config.baseDir(), config.requireSchema()).stream().filter(p -> !isRowsFile(p)).toList();
    }

    static boolean isRowsFile(Path file) {
        if (!file.getFileName().toString().equals("Rows.java")) {
            return false;
        }
        try {
            return RowsWriter.isGenerated(Files.readString(file));
        } catch (IOException e) {
            throw new SleetException("Cannot read " + file + ": " + e.getMessage());
        }
    }
}
