package dev.sleet.kit.tasks;

import dev.sleet.kit.Output;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.config.TablesFilter;
import dev.sleet.kit.dialect.Dialect;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.diff.MigrationSteps;
import dev.sleet.kit.diff.Renames;
import dev.sleet.kit.history.MigrationHistory;
import dev.sleet.kit.loss.LossDecisions;
import dev.sleet.kit.loss.LossInput;
import dev.sleet.kit.rename.RenameDecisions;
import dev.sleet.kit.rename.RenameInput;
import dev.sleet.kit.snapshot.Snapshot;

import java.util.List;

/**
 * {@code sleet generate}: compile the schema code, write Rows.java for it (when it changed), compare
 * it with the latest snapshot and write the next migration. Nothing is written when nothing changed,
 * or when the code does not compile.
 */
public final class Generate {

    /**
     * {@code name} replaces the random words of the tag; {@code custom} writes an empty file for
     * hand-written SQL; {@code renames} answers rename questions (see {@link RenameDecisions});
     * {@code losses} answers questions about type changes that may lose values (see {@link LossDecisions}).
     */
    public record Options(String name, boolean custom, RenameInput renames, LossInput losses) {
        public static final Options DEFAULT = new Options(null, false);

        public Options {
            renames = renames == null ? RenameInput.NONE : renames;
            losses = losses == null ? LossInput.NONE : losses;
        }

        public Options(String name, boolean custom) {
            this(name, custom, RenameInput.NONE, LossInput.NONE);
        }
    }

    /** The migration written, or null when nothing changed. */
    public record Result(String migrationTag, List<Change> changes) {}

    private Generate() {}

    public static Result run(SleetConfig config, Options options, Output out) {
        Dialect dialect = Dialect.forName(config.dialect());
        MigrationHistory history = MigrationHistory.open(config.out(), dialect.name());
        Snapshot latest = history.latestSnapshot();
        if (options.custom()) {
            if (!options.renames().renames().isEmpty() || !options.renames().creates().isEmpty() || options.losses().hasOptions()) {
                throw new SleetException("--rename, --create, --allow-lossy and --accept-loss do not go with --custom: "
                        + "a custom migration is not compared with the code");
            }
            MigrationHistory.Written written = history.append(List.of(),
                    "-- Custom SQL migration: write your statements below, separated by lines of\n"
                            + "-- " + dev.sleet.migrate.MigrationFile.BREAKPOINT + "\n", latest, options.name(), null);
            out.info("Wrote " + Pull.relative(config, written.sqlFile()) + " (empty, for your own SQL)");
            return new Result(written.tag(), List.of());
        }
        CodeSchema schema = CodeSchema.load(config, dialect);
        TablesFilter filter = config.tables();
        Snapshot declared = schema.snapshot();
        List<String> warnings = new java.util.ArrayList<>();
        // Tables the filter leaves out are neither created nor changed nor dropped.
        Snapshot code = filter.keep(filter.apply(declared, warnings), latest);
        declared.tables().values().stream().filter(t -> !filter.matches(t.schema(), t.name()))
                .forEach(t -> warnings.add("Table " + t.key() + " is declared in the schema code but tablesFilter leaves it out:"
                        + " it is not migrated"));
        warnings.forEach(out::warn);
        Renames renames = RenameDecisions.decide(latest, code, options.renames(), schema.declared(), out,
                "nothing was written").renames();
        List<Change> changes = LossDecisions.decide(Differ.diff(latest, code, renames), dialect, options.losses(),
                schema.losses(), out, "nothing was written");
        // Rows.java follows the code whether or not the database has to: a crash after it leaves a
        // migration the next generate writes.
        RowsFile.write(config, schema, out);
        if (changes.isEmpty()) {
            MigrationWriter.removeLeftovers(history, out);
            out.info("No schema changes, nothing to migrate (" + code.tables().size() + " tables)");
            return new Result(null, List.of());
        }
        String tag = MigrationWriter.write(config, dialect, history, MigrationSteps.split(latest, code, changes), step -> "",
                options.name(), false, out);
        return new Result(tag, changes);
    }
}
