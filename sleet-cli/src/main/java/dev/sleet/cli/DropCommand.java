package dev.sleet.cli;

import dev.sleet.kit.Output;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.tasks.Drop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "drop", mixinStandardHelpOptions = true,
        description = {"Remove the latest migration: its .sql file, its snapshot and its journal entry, so it can be generated again.",
                "Refused when the configured database has applied it (always), or when no database is configured or reachable "
                        + "(unless --force). Other databases are not checked."})
final class DropCommand extends DatabaseCommand {

    @Option(names = "--force", description = "Drop even when no database is configured or reachable to check (never when it is applied).")
    boolean force;

    @Override
    void run(SleetConfig config, Output out) {
        Drop.run(config, force, out);
    }
}
