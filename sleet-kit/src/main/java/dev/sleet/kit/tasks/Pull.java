package dev.sleet.kit.tasks;

import dev.sleet.kit.AtomicFiles;
import dev.sleet.kit.Output;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.codegen.JavaSchemaWriter;
import dev.sleet.kit.codegen.RowsWriter;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.config.TablesFilter;
import dev.sleet.kit.dialect.Dialect;
import dev.sleet.kit.dialect.Introspection;
import dev.sleet.kit.dialect.Unmanaged;
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
import dev.sleet.kit.snapshot.TableSnapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code sleet pull}: introspect the database, write Schema.java, Relations.java and Rows.java for it, and
 * keep the migration history true. When the database differs from the latest snapshot (or there is
 * no history yet), the difference becomes a <em>pulled</em> migration: the migrator records it
 * without running it on a database that already has it, and runs it on one that does not.
 */
public final class Pull {

    private static final String HEADER = "-- Pulled by sleet pull from an existing database. `sleet migrate` records this file\n"
            + "-- without running it where its objects already exist, and runs it on a database without them.\n";

    /**
     * @param renames     answers to rename questions: when the database lost something and gained
     *                    something similar since the latest snapshot, the pulled migration renames it
     *                    (keeping its data on every database it runs on) or drops and creates it, as for
     *                    {@code generate}
     * @param losses      answers about type changes that may lose values: the pulled migration changes
     *                    the type on every database it runs on, with a guard or, when the loss is
     *                    accepted, without
     * @param acceptDrops write a migration that drops objects holding data without asking
     * @param confirm     asks a person whether to write such a migration; null when there is no terminal
     */
    public record Options(RenameInput renames, LossInput losses, boolean acceptDrops, Push.Confirmation confirm) {
        public Options {
            renames = renames == null ? RenameInput.NONE : renames;
            losses = losses == null ? LossInput.NONE : losses;
        }
    }

    /** What pull did: the migration it wrote (if any) and the Java files it changed; nothing when cancelled. */
    public record Result(String migrationTag, List<Path> javaFilesWritten, int tables, List<String> warnings, Unmanaged unmanaged) {}

    private Pull() {}

    public static Result run(SleetConfig config, Options options, Output out) {
        Dialect dialect = Dialect.forName(config.dialect());
        MigrationHistory history = MigrationHistory.open(config.out(), dialect.name());
        Snapshot latest = history.latestSnapshot();
        // Roles are read by name: those the config names and those the history already manages.
        Set<String> roles = new TreeSet<>(config.roles());
        roles.addAll(latest.roles().keySet());
        Introspection introspection = Databases.introspect(config, dialect, roles, latest);
        List<String> warnings = new ArrayList<>(introspection.warnings());
        TablesFilter filter = config.tables();
        Snapshot pulled = filter.apply(introspection.snapshot(), warnings);
        warnings.forEach(out::warn);
        introspection.unmanaged().warn(out, "pull writes no code or migration for them, so the pulled history cannot rebuild"
                + " a database that has them: where you migrate it, create them by hand or in a migration you write");
        // The history compares with, and records, the tables the filter leaves out as they were.
        Snapshot live = filter.keep(pulled, latest);
        String database = config.requireDbCredentials().describe();
        out.info("Pulled " + pulled.tables().size() + " table" + (pulled.tables().size() == 1 ? "" : "s") + " from "
                + database + " (schemas " + String.join(", ", config.schemaFilter()) + ")");

        // The code first: what cannot be written as code stops pull before anything is written.
        JavaSchemaWriter.GeneratedSources sources = new JavaSchemaWriter(dialect).write(pulled, config.javaPackage());
        String rowsJava = RowsWriter.fromSnapshot(pulled, config.javaPackage(), dialect);
        Renames decided = RenameDecisions.decide(latest, live, options.renames(), DeclaredRenames.NONE, out, "nothing was written")
                .renames();
        List<Change> changes = LossDecisions.decide(Differ.diff(latest, live, decided), dialect, options.losses(),
                DeclaredLossAnswers.NONE, out, "nothing was written");
        String accepted = acceptDrops(config, latest, pulled, Drops.of(latest, changes), options, out);
        if (accepted == null) {
            out.info("Pull cancelled; nothing was written");
            return new Result(null, List.of(), pulled.tables().size(), warnings, introspection.unmanaged());
        }

        // Then the code, then the migration: a crash in between leaves code the next pull finds up to date
        // and a history the next pull completes, never a history the code does not follow.
        List<Path> written = new ArrayList<>();
        Path javaOut = config.javaOut();
        AtomicFiles.removeTemporaryFiles(javaOut);
        writeIfChanged(javaOut.resolve("Schema.java"), sources.schemaJava(), written);
        writeIfChanged(javaOut.resolve("Relations.java"), sources.relationsJava(), written);
        writeIfChanged(javaOut.resolve("Rows.java"), rowsJava, written);
        String tag = null;
        if (!changes.isEmpty()) {
            tag = MigrationWriter.write(config, dialect, history, MigrationSteps.split(latest, live, changes), step -> {
                Drops drops = Drops.of(latest, step);
                return HEADER + (drops.isEmpty() ? "" : drops.header(accepted));
            }, null, true, out);
        } else {
            MigrationWriter.removeLeftovers(history, out);
            out.info("The migration history already matches the database; no migration written");
        }
        for (Path file : written) {
            out.info("Wrote " + relative(config, file));
        }
        if (written.isEmpty()) {
            out.info("Schema.java, Relations.java and Rows.java are up to date");
        }
        return new Result(tag, written, pulled.tables().size(), warnings, introspection.unmanaged());
    }

    /**
     * Settles whether a migration that drops objects holding data may be written: it would drop
     * them on every database it runs on. Returns how that was settled, for the migration's header
     * (empty when nothing is dropped), or null when the person at the terminal said no; throws when
     * nobody can say yes.
     */
    private static String acceptDrops(SleetConfig config, Snapshot latest, Snapshot pulled, Drops drops, Options options,
                                      Output out) {
        if (drops.isEmpty()) {
            return "";
        }
        if (options.acceptDrops()) {
            drops.objects().forEach(o -> out.warn("the pulled migration drops " + o + " (--accept-drops)"));
            return "accepted with --accept-drops";
        }
        String database = config.requireDbCredentials().describe();
        List<String> tables = latest.tables().values().stream().filter(t -> config.tables().matches(t.schema(), t.name()))
                .map(TableSnapshot::key).sorted().toList();
        // No table at all where the history has some is more likely the wrong database than a dropped schema.
        boolean empty = pulled.tables().isEmpty() && !tables.isEmpty();
        if (options.confirm() == null) {
            String wrongDatabase = "Pulled no tables from " + database + ", but the migration history has " + tables.size()
                    + " (" + Output.names(tables) + "). Does the config point at the right database? ";
            throw new SleetException((empty ? wrongDatabase : "") + drops.describe() + " Nothing was written. If "
                    + (empty ? "the tables were" : "they were") + " dropped on purpose, run pull on a terminal to confirm, "
                    + "or pass --accept-drops; if not, " + (empty ? "point --db or [dbCredentials] in " + config.file().getFileName() + " at it"
                    : "check that " + database + " is the database you meant") + ".");
        }
        String question = drops.describe() + "\n" + (empty ? database + " has none of the " + tables.size()
                + " tables the migration history has. Is it the right database, and were they all dropped on purpose? "
                + "Write the migration that drops them everywhere?" : "Write it?");
        return options.confirm().confirm(question) ? "confirmed on the terminal" : null;
    }

    static void writeIfChanged(Path file, String content, List<Path> written) {
        try {
            if (Files.exists(file) && Files.readString(file).equals(content)) {
                return;
            }
        } catch (IOException e) {
            throw new SleetException("Cannot read " + file + ": " + e.getMessage());
        }
        AtomicFiles.write(file, content);
        written.add(file);
    }

    static String relative(SleetConfig config, Path file) {
        Path base = config.baseDir();
        Path absolute = file.toAbsolutePath();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }
}
