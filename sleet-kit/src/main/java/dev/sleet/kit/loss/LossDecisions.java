package dev.sleet.kit.loss;

import dev.sleet.kit.Output;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.dialect.Dialect;
import dev.sleet.kit.diff.Change;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Settles every lossy type change among a migration's changes from, in this order,
 * {@code --allow-lossy}/{@code --accept-loss}, declarations in schema code and a person at a
 * terminal. When a change stays open, or an answer is wrong, it fails with one message listing every
 * open change with the options that answer it — nothing is written that could lose values unasked.
 */
public final class LossDecisions {

    private LossDecisions() {}

    /**
     * @param nothingDone what the failure message says about the outcome, e.g. "nothing was written"
     * @return the changes, those whose loss is accepted marked so (the others are written with a guard)
     */
    public static List<Change> decide(List<Change> changes, Dialect dialect, LossInput input, DeclaredLossAnswers declared,
                                      Output out, String nothingDone) {
        ExplicitLossAnswers explicit = ExplicitLossAnswers.parse(input.allow(), input.accept());
        List<LossyChange> lossy = LossyChange.in(changes, dialect);
        Map<String, LossAnswer> answers = new HashMap<>();
        List<LossyChange> open = new ArrayList<>();
        List<String> decided = new ArrayList<>();
        LossResolver person = input.interactive();
        for (LossyChange change : lossy) {
            LossAnswer answer = explicit.resolve(change);
            String source = "command line";
            if (answer == LossAnswer.UNANSWERED) {
                answer = declared.resolve(change);
                source = "declared in the schema code";
            }
            if (answer == LossAnswer.UNANSWERED && person != null) {
                answer = person.resolve(change);
                source = "answered";
                if (answer == LossAnswer.UNANSWERED) {
                    // The person stopped: the rest are listed, not asked.
                    person = null;
                }
            }
            if (answer == LossAnswer.UNANSWERED) {
                open.add(change);
            } else {
                answers.put(change.subject(), answer);
                decided.add((answer == LossAnswer.GUARD ? "With a guard: " + change.describe()
                        + "; the migration stops, changing nothing, where a value would not survive"
                        : "Accepting the loss: " + change.describe() + "; written without a guard") + " (" + source + ")");
            }
        }
        List<String> problems = new ArrayList<>(explicit.problems(lossy));
        problems.addAll(declared.notes());
        if (!open.isEmpty() || !problems.isEmpty()) {
            throw new SleetException(message(open, problems, nothingDone));
        }
        decided.forEach(out::info);
        return changes.stream()
                .map(c -> c instanceof Change.ColumnConversion a && answers.get(a.subject()) == LossAnswer.ACCEPT ? a.withLossAccepted() : c)
                .toList();
    }

    static String message(List<LossyChange> open, List<String> problems, String nothingDone) {
        StringBuilder text = new StringBuilder();
        if (!problems.isEmpty()) {
            text.append(problems.size() == 1 ? "An answer about a lossy type change is wrong" : "Answers about lossy type changes are wrong")
                    .append(" (").append(nothingDone).append("):");
            problems.forEach(p -> text.append("\n  - ").append(p));
            if (!open.isEmpty()) {
                text.append("\n");
            }
        }
        if (!open.isEmpty()) {
            text.append(problems.isEmpty() ? "Some type changes may lose values, and Sleet does not decide that for you ("
                    + nothingDone + "). " : "")
                    .append(open.size() == 1 ? "One change is open:" : open.size() + " changes are open:");
            int n = 1;
            for (LossyChange change : open) {
                text.append("\n  ").append(n++).append(". ").append(change.describe()).append(".")
                        .append("\n       with a guard:    ").append(change.allowArgument())
                        .append("   or in code .").append(DeclaredLossAnswers.call(false, change.fromType()))
                        .append("\n       accept the loss: ").append(change.acceptArgument())
                        .append("   or in code .").append(DeclaredLossAnswers.call(true, change.fromType()));
            }
            text.append("\nAnswer them on a terminal (without --no-interactive), with the options above, or on the column in the "
                    + "schema code. With a guard, the migration first counts the values that would not survive and, on any database "
                    + "that has one, stops and changes nothing; an accepted loss is written without the guard, and those values are "
                    + "cut, rounded or converted.");
        }
        return text.toString();
    }
}
