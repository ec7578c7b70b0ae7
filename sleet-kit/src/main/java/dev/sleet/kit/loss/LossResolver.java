package dev.sleet.kit.loss;

/**
 * Answers lossy type change questions: from {@code --allow-lossy}/{@code --accept-loss}, from
 * declarations in schema code, or from a person at a terminal (the CLI's implementation). A
 * resolver that does not know returns {@link LossAnswer#UNANSWERED}; it never guesses.
 */
@FunctionalInterface
public interface LossResolver {

    LossAnswer resolve(LossyChange change);
}
