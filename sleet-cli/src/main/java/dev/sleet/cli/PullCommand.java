package dev.sleet.cli;

import dev.sleet.kit.Output;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.tasks.Pull;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Read the database's schema into Schema.java and Relations.java.",
                "Also records the database's state in the migration history (a pulled migration), so that a later "
                        + "generate does not re-create what the database already has. When, since the latest snapshot, "
                        + "objects disappeared from the database and similar ones appeared, asks (or takes --rename, "
                        + "--create) whether each was renamed, as generate does. A column whose type changed in a way that may lose values "
                        + "is asked about as generate does (--allow-lossy, --accept-loss): the pulled migration changes it on the "
                        + "databases it runs on.",
                "A pulled migration that drops tables, columns, schemas, sequences, materialized views or enum types in use "
                        + "would drop them on every database it runs on: pull asks on a terminal, and otherwise refuses "
                        + "(exit 1, nothing written) unless --accept-drops is given."})
final class PullCommand extends DatabaseCommand {

    @Option(names = "--accept-drops",
            description = "Write a pulled migration that drops objects holding data without asking (it drops them on every database it runs on).")
    boolean acceptDrops;

    @CommandLine.Mixin
    RenameOptions renames;

    @CommandLine.Mixin
    LossOptions losses;

    @Override
    void run(SleetConfig config, Output out) {
        Terminal terminal = terminal();
        Pull.run(config, new Pull.Options(renames.input(terminal), losses.input(terminal, renames), acceptDrops,
                renames.confirmation(terminal)), out);
    }
}
