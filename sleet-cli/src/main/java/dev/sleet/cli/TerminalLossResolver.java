package dev.sleet.cli;

import dev.sleet.kit.loss.LossAnswer;
import dev.sleet.kit.loss.LossResolver;
import dev.sleet.kit.loss.LossyChange;

/**
 * Asks on a terminal how to write a type change that may lose values: with a guard, accepting the
 * loss, or not at all. Stopping, or end of input, leaves the question open (the command then fails
 * listing it, and nothing is written).
 */
final class TerminalLossResolver implements LossResolver {

    private final Terminal terminal;

    TerminalLossResolver(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public LossAnswer resolve(LossyChange change) {
        String prompt = "\n? " + change.describe() + ". How should the migration change it?\n"
                + "  1) guard    with a guard: the migration stops, changing nothing, where a value would not survive\n"
                + "  2) accept   without a guard, accepting the loss (the file says so)\n"
                + "  3) stop     write nothing\n"
                + "Choose 1-3: ";
        return switch (terminal.choose(prompt, 3)) {
            case 1 -> LossAnswer.GUARD;
            case 2 -> LossAnswer.ACCEPT;
            default -> LossAnswer.UNANSWERED;
        };
    }
}
