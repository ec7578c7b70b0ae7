package dev.sleet.cli;

import dev.sleet.kit.rename.RenameInput;
import dev.sleet.kit.tasks.Push;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** How generate, push and pull learn about renames besides asking and the schema code, and whether they may ask at all. */
final class RenameOptions {

    @Option(names = "--rename", paramLabel = "FROM=TO",
            description = {"Answer a rename question: FROM was renamed to TO. Repeatable. Qualified names: "
                    + "schema, schema.name (a table, enum, sequence or view) or schema.table.column; both sides use the new "
                    + "name of what contains them (a column of a renamed table is named by the table's new name), e.g. "
                    + "--rename public.users=public.accounts --rename public.accounts.name=public.accounts.full_name. "
                    + "A kind prefix (table:, enum:, sequence:, view:) settles which kind is meant when two could be."})
    List<String> renames = new ArrayList<>();

    @Option(names = "--create", paramLabel = "NAME",
            description = "Answer a rename question: NAME is new, not a renamed object (e.g. --create public.accounts, "
                    + "--create enum:public.feeling). Repeatable.")
    List<String> creates = new ArrayList<>();

    @Option(names = "--no-interactive",
            description = "Never ask on the terminal: take answers from --rename/--create and the schema code, and fail listing any open question.")
    boolean noInteractive;

    RenameInput input(Terminal terminal) {
        return new RenameInput(renames, creates, asks(terminal) ? new TerminalRenameResolver(terminal) : null);
    }

    /** Yes/no questions on the terminal; null when nothing may be asked. */
    Push.Confirmation confirmation(Terminal terminal) {
        return asks(terminal) ? terminal::confirm : null;
    }

    /** Whether questions go to the terminal: there is one, and --no-interactive is not given. */
    boolean asks(Terminal terminal) {
        return !noInteractive && terminal.interactive();
    }
}
