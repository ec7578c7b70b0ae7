package dev.sleet.kit.rename;

/**
 * Answers rename questions: from {@code --rename}/{@code --create} options, from declarations in
 * schema code, or from a person at a terminal (the CLI's implementation). A resolver that does not
 * know returns {@link RenameAnswer#UNANSWERED}; it never guesses.
 */
@FunctionalInterface
public interface RenameResolver {

    RenameAnswer resolve(RenameQuestion question);

    /** Knows nothing: every question stays open. */
    RenameResolver NONE = question -> RenameAnswer.UNANSWERED;

    /** Asks each resolver in turn; the first answer wins. */
    static RenameResolver firstOf(RenameResolver... resolvers) {
        return question -> {
            for (RenameResolver resolver : resolvers) {
                if (resolver == null) {
                    continue;
                }
                RenameAnswer answer = resolver.resolve(question);
                if (!(answer instanceof RenameAnswer.Unanswered)) {
                    return answer;
                }
            }
            return RenameAnswer.UNANSWERED;
        };
    }
}
