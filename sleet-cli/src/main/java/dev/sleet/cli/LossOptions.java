package dev.sleet.cli;

import dev.sleet.kit.loss.LossInput;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** How generate and pull learn about type changes that may lose values, besides asking and the schema code. */
final class LossOptions {

    @Option(names = "--allow-lossy", paramLabel = "COLUMN",
            description = "Answer a lossy type change (one that may not keep every value, e.g. text to varchar(10)): write it "
                    + "with a guard that counts the values that would not survive and stops the migration, changing nothing, "
                    + "on any database that has one. COLUMN is schema.table.column, e.g. --allow-lossy public.items.name. Repeatable.")
    List<String> allow = new ArrayList<>();

    @Option(names = "--accept-loss", paramLabel = "COLUMN",
            description = "Answer a lossy type change by accepting the loss: write it without a guard (the file says so); values "
                    + "that do not fit the new type are cut, rounded or converted. Repeatable.")
    List<String> accept = new ArrayList<>();

    LossInput input(Terminal terminal, RenameOptions questions) {
        return new LossInput(allow, accept, questions.asks(terminal) ? new TerminalLossResolver(terminal) : null);
    }
}
