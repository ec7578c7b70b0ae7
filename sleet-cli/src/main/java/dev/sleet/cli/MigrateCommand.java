package dev.sleet.cli;

import dev.sleet.kit.Output;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.tasks.Migrate;
import picocli.CommandLine.Command;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Apply pending migrations to the database, each file in its own transaction.",
                "Verifies that applied files are unchanged; applies pending files that sort before applied ones; "
                        + "records pulled migrations without running them on the database they came from."})
final class MigrateCommand extends DatabaseCommand {

    @Override
    void run(SleetConfig config, Output out) {
        Migrate.run(config, out);
    }
}
