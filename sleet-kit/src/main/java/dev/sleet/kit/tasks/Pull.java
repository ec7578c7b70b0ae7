package dev.sleet.kit.tasks;

import dev.sleet.kit.Output;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.codegen.JavaSchemaWriter;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.config.TablesFilter;
import dev.sleet.kit.dialect.Dialect;
import dev.sleet.kit.dialect.Introspection;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.diff.MigrationSteps;
import dev.sleet.kit.diff.Renames;
import dev.sleet.kit.history.MigrationHistory;
import dev.sleet.kit.loss.DeclaredLossAnswers;
import dev.sleet.kit.loss.LossDecisions;
import dev.sleet.kit.loss.LossInput;
import dev.sleet.kit.rename.DeclaredRenames;
import dev.sleet.kit.rename.RenameDecisions;
import dev.sleet.kit.rename.RenameInput;
import dev.sleet.kit.snapshot.Snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sleet pull}: introspect the database, write Schema.java and Relations.java for it, and
 * keep the migration history true. When the database differs from the latest snapshot (or there is
 * no history yet), the difference becomes a <em>pulled</em> migration: the migrator records it
 * without running it on a database that already has it, and runs it on one that does not.
 */
public final class Pull {

    private static final String HEADER = "-- Pulled by sleet pull from an existing database. `sleet migrate` records this file\n"
            + "-- without running it where its objects already exist, and runs it on a database without them.\n";

    /** What pull did: the migration it wrote (if any) and the Java files it changed. */
    public record Result(String migrationTag, List<Path> javaFilesWritten, int tables, List<String> warnings) {}

    private Pull() {}

    /**
     * @param renames answers to rename questions: when the database lost something and gained
     *     something similar since the latest snapshot, the pulled migration renames it (keeping its
     *     data on every database it runs on) or drops and creates it, as for {@code generate}
     * @param losses answers about type changes that may lose values: the pulled migration changes
     *     the type on every database it runs on, with a guard or, when the loss is accepted, without
     */
    public static Result run(SleetConfig config, RenameInput renames, LossInput losses, Output out) {
        Dialect dialect = Dialect.forName(config.dialect());
        MigrationHistory history = MigrationHistory.open(config.out(), dialect.name());
        Snapshot latest = history.latestSnapshot();
        // Roles are read by name: those the config names and those the history already manages.
        java.util.Set<String> roles = new java.util.TreeSet<>(config.roles());
        roles.addAll(latest.roles().keySet());
        Introspection introspection = Databases.introspect(config, dialect, roles);
        List<String> warnings = new ArrayList<>(introspection.warnings());
        TablesFilter filter = config.tables();
        Snapshot pulled = filter.apply(introspection.snapshot(), warnings);
        warnings.forEach(out::warn);
        // The history compares with, and records, the tables the filter leaves out as they were.
        Snapshot live = filter.keep(pulled, latest);
        out.info("Pulled " + pulled.tables().size() + " table" + (pulled.tables().size() == 1 ? "" : "s") + " from "
                + config.requireDbCredentials().describe() + " (schemas " + String.join(", ", config.schemaFilter()) + ")");

        // The code first: what cannot be written as code stops pull before anything is written.
        JavaSchemaWriter.GeneratedSources sources = new JavaSchemaWriter(dialect).write(pulled, config.javaPackage());
        Renames decided = RenameDecisions.decide(latest, live, renames, DeclaredRenames.NONE, out, "nothing was written")
                .renames();
        List<Change> changes = LossDecisions.decide(Differ.diff(latest, live, decided), dialect, losses,
                DeclaredLossAnswers.NONE, out, "nothing was written");
        String tag = null;
        if (!changes.isEmpty()) {
            tag = MigrationWriter.write(config, dialect, history, MigrationSteps.split(latest, live, changes), HEADER, null,
                    true, out);
        } else {
            out.info("The migration history already matches the database; no migration written");
        }

        List<Path> written = new ArrayList<>();
        Path javaOut = config.javaOut();
        writeIfChanged(javaOut.resolve("Schema.java"), sources.schemaJava(), written);
        writeIfChanged(javaOut.resolve("Relations.java"), sources.relationsJava(), written);
        for (Path file : written) {
            out.info("Wrote " + relative(config, file));
        }
        if (written.isEmpty()) {
            out.info("Schema.java and Relations.java are up to date");
        }
        return new Result(tag, written, pulled.tables().size(), warnings);
    }

    private static void writeIfChanged(Path file, String content, List<Path> written) {
        try {
            if (Files.exists(file) && Files.readString(file).equals(content)) {
                return;
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            written.add(file);
        } catch (IOException e) {
            throw new SleetException("Cannot write " + file + ": " + e.getMessage());
        }
    }

    static String relative(SleetConfig config, Path file) {
        Path base = config.baseDir();
        Path absolute = file.toAbsolutePath();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }
}
