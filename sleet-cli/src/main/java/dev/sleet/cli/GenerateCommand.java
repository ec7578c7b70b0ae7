package dev.sleet.cli;

import dev.sleet.kit.Output;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.tasks.Generate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Compile the schema code, compare it with the latest snapshot and write the next migration.",
                "Writes nothing and exits 0 when nothing changed."})
final class GenerateCommand extends TaskCommand {

    @Option(names = "--name", paramLabel = "NAME", description = "Name the migration NNNN_NAME instead of two random words.")
    String name;

    @Option(names = "--custom", description = "Write an empty migration for hand-written SQL.")
    boolean custom;

    @Override
    void run(SleetConfig config, Output out) {
        Generate.run(config, new Generate.Options(name, custom), out);
    }
}
