package dev.sleet.cli;

import dev.sleet.kit.tasks.Generate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Compile the schema code, compare it with the latest snapshot and write the next migration.",
                "Writes nothing and exits 0 when nothing changed."})
final class GenerateCommand implements Runnable {

    @CommandLine.Mixin
    CommonOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--name", paramLabel = "NAME", description = "Name the migration NNNN_NAME instead of two random words.")
    String name;

    @Option(names = "--custom", description = "Write an empty migration for hand-written SQL.")
    boolean custom;

    @Override
    public void run() {
        Generate.run(options.load(), new Generate.Options(name, custom), CommonOptions.output(spec));
    }
}
