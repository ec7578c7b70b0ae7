package dev.sleet.cli;

import dev.sleet.kit.Output;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.tasks.Push;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Make the database match the schema code directly, without writing a migration.",
                "Reads the database, settles renames (as generate does), prints the SQL and warns about every change "
                        + "that loses data, with the number of rows it touches. Applies all statements in one transaction. "
                        + "A push that loses data needs confirmation on a terminal or --force; without either it is refused "
                        + "(exit 1) and nothing changes. Exits 0 with \"No changes\" when the database already matches."})
final class PushCommand extends TaskCommand {

    @Option(names = "--force", description = "Apply without asking, even when data is lost.")
    boolean force;

    @Option(names = "--strict", description = "Ask for confirmation before every push, also without data loss (refused without a terminal unless --force).")
    boolean strict;

    @CommandLine.Mixin
    RenameOptions renames;

    @CommandLine.Mixin
    DatabaseOption database;

    @Override
    void run(SleetConfig config, Output out) {
        Terminal terminal = terminal();
        Push.run(database.apply(config), new Push.Options(force, strict, options.verbose, renames.input(terminal),
                renames.asks(terminal) ? question -> TerminalRenameResolver.confirm(terminal, question) : null), out);
    }
}
