package dev.sleet.cli;

import dev.sleet.kit.rename.RenameAnswer;
import dev.sleet.kit.rename.RenameQuestion;
import dev.sleet.kit.rename.RenameResolver;

/**
 * Asks "create or rename?" on a terminal, as drizzle-kit does: the first choice makes the object
 * new, each further one renames a disappeared object into it. End of input leaves the question
 * open (the command then fails listing it, and nothing is written).
 */
final class TerminalRenameResolver implements RenameResolver {

    private final Terminal terminal;

    TerminalRenameResolver(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public RenameAnswer resolve(RenameQuestion question) {
        String kind = question.kind().name();
        int choices = question.candidates().size() + 1;
        StringBuilder prompt = new StringBuilder()
                .append("\n? Is ").append(kind).append(' ').append(question.created())
                .append(" new, or renamed from ").append(question.kind().withArticle()).append(" that disappeared?\n")
                .append("  1) + ").append(question.created()).append("   create ").append(kind).append('\n');
        for (int i = 0; i < question.candidates().size(); i++) {
            prompt.append("  ").append(i + 2).append(") ~ ").append(question.candidates().get(i)).append(" -> ")
                    .append(question.created()).append("   rename ").append(kind).append('\n');
        }
        prompt.append("Choose 1-").append(choices).append(": ");
        int choice = terminal.choose(prompt.toString(), choices);
        return choice == 0 ? RenameAnswer.UNANSWERED : choice == 1 ? RenameAnswer.CREATE
                : RenameAnswer.renamedFrom(question.candidates().get(choice - 2));
    }
}
