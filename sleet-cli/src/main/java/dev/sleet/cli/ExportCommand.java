package dev.sleet.cli;

import dev.sleet.kit.Output;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.tasks.Export;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Print the whole schema from the schema code as SQL (as for an empty database) to standard output; nothing else is printed there.")
final class ExportCommand extends TaskCommand {

    @Override
    void run(SleetConfig config, Output out) {
        PrintWriter writer = spec.commandLine().getOut();
        writer.print(Export.run(config));
        writer.flush();
    }
}
