package dev.sleet.cli;

import dev.sleet.kit.Output;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.tasks.Generate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Compile the schema code, compare it with the latest snapshot and write the next migration.",
                "Writes nothing and exits 0 when nothing changed. When objects disappeared and others appeared, asks on the "
                        + "terminal whether each new one is new or renamed; without a terminal the answers come from --rename, "
                        + "--create and renamedFrom(...) in the schema code, and an open question is an error that lists them all.",
                "A type change that may lose values (text to varchar(10), numeric(10,2) to numeric(10,0), an array to one value, "
                        + "timestamptz to date ...) is asked about too: written with a guard that stops the migration where a value "
                        + "would not survive (--allow-lossy, allowLossyFrom(...)), or without, accepting the loss (--accept-loss, "
                        + "acceptLossFrom(...)). Unanswered, nothing is written."})
final class GenerateCommand extends TaskCommand {

    @Option(names = "--name", paramLabel = "NAME", description = "Name the migration NNNN_NAME instead of two random words.")
    String name;

    @Option(names = "--custom", description = "Write an empty migration for hand-written SQL.")
    boolean custom;

    @CommandLine.Mixin
    RenameOptions renames;

    @CommandLine.Mixin
    LossOptions losses;

    @Override
    void run(SleetConfig config, Output out) {
        Terminal terminal = terminal();
        Generate.run(config, new Generate.Options(name, custom, renames.input(terminal), losses.input(terminal, renames)), out);
    }
}
