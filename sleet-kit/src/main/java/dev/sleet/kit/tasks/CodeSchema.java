package dev.sleet.kit.tasks;

import dev.sleet.kit.compile.SchemaCompiler;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.dialect.Dialect;
import dev.sleet.kit.loss.DeclaredLossAnswers;
import dev.sleet.kit.rename.DeclaredRenames;
import dev.sleet.kit.snapshot.CodeSnapshots;
import dev.sleet.kit.snapshot.Snapshot;

import java.nio.file.Path;
import java.util.List;

/** The configured schema code, compiled: its snapshot, and the renames and lossy type changes it declares. */
record CodeSchema(Snapshot snapshot, DeclaredRenames declared, DeclaredLossAnswers losses) {

    static CodeSchema load(SleetConfig config, Dialect dialect) {
        List<Path> sources = SchemaSources.resolve(config.baseDir(), config.requireSchema());
        SchemaCompiler.LoadedSchema loaded = SchemaCompiler.create().load(sources);
        return new CodeSchema(CodeSnapshots.of(loaded.tables(), loaded.objects(), dialect),
                DeclaredRenames.of(loaded.tables(), loaded.objects()), DeclaredLossAnswers.of(loaded.tables()));
    }
}
