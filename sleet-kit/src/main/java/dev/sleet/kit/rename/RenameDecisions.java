package dev.sleet.kit.rename;

import dev.sleet.kit.Output;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * Settles every rename question between two snapshots from, in this order, {@code --rename}/{@code
 * --create}, declarations in schema code and a person at a terminal. When a question stays open, or
 * an option answers nothing, it fails with one message listing every open question with the exact
 * options that answer it — it never guesses, so nothing is dropped by accident.
 */
public final class RenameDecisions {

    private RenameDecisions() {}

    /**
     * @param nothingDone what the failure message says about the outcome, e.g. "nothing was written"
     * @return the plan, whose renames go to {@code Differ.diff}
     */
    public static RenamePlanner.Plan decide(Snapshot from, Snapshot to, RenameInput input, DeclaredRenames declared,
                                            Output out, String nothingDone) {
        ExplicitRenames explicit = ExplicitRenames.parse(input.renames(), input.creates());
        List<RenameQuestion> asked = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        RenameResolver resolver = question -> {
            asked.add(question);
            RenameAnswer answer = explicit.resolve(question);
            String source = "command line";
            if (answer instanceof RenameAnswer.Unanswered) {
                answer = declared.resolve(question);
                source = "declared in the schema code";
            }
            if (answer instanceof RenameAnswer.Unanswered && input.interactive() != null) {
                answer = input.interactive().resolve(question);
                source = "answered";
            }
            if (!(answer instanceof RenameAnswer.Unanswered)) {
                sources.add(source);
            }
            return answer;
        };
        RenamePlanner.Plan plan = RenamePlanner.plan(from, to, resolver);
        List<String> problems = new ArrayList<>(explicit.problems(asked));
        problems.addAll(declared.notes());
        if (!plan.open().isEmpty() || !problems.isEmpty()) {
            throw new SleetException(message(plan.open(), asked, problems, nothingDone));
        }
        for (int i = 0; i < plan.decisions().size(); i++) {
            RenamePlanner.Decision decision = plan.decisions().get(i);
            RenameQuestion q = decision.question();
            if (decision.answer() instanceof RenameAnswer.RenamedFrom rename) {
                out.info("Renaming " + q.kind().name() + " " + rename.from() + " to " + q.created() + " (" + sources.get(i) + ")");
            } else {
                out.info("Creating " + q.kind().name() + " " + q.created() + " as a new " + q.kind().name() + " (" + sources.get(i) + ")");
            }
        }
        return plan;
    }

    /** @param asked every question asked, open or not (a bare option for an open one must not fit another) */
    static String message(List<RenameQuestion> open, List<RenameQuestion> asked, List<String> problems, String nothingDone) {
        StringBuilder text = new StringBuilder();
        if (!problems.isEmpty()) {
            text.append(problems.size() == 1 ? "A rename option is wrong" : "Rename options are wrong")
                    .append(" (").append(nothingDone).append("):");
            problems.forEach(p -> text.append("\n  - ").append(p));
            if (!open.isEmpty()) {
                text.append("\n");
            }
        }
        if (!open.isEmpty()) {
            text.append(problems.isEmpty() ? "Sleet cannot tell renamed objects from new ones without you ("
                    + nothingDone + "). " : "")
                    .append(open.size() == 1 ? "One question is open:" : open.size() + " questions are open:");
            int n = 1;
            for (RenameQuestion q : open) {
                // A bare option would fit another kind's question about the same name as well.
                boolean withKind = asked.stream().anyMatch(other -> other.kind() != q.kind()
                        && other.kind().dots() == q.kind().dots() && other.created().equals(q.created()));
                text.append("\n  ").append(n++).append(". ").append(q.describe()).append(".");
                for (int i = 0; i < q.candidates().size(); i++) {
                    text.append("\n       ").append(i == 0 ? "renamed: " : "         ")
                            .append(q.renameArgument(q.candidates().get(i), withKind));
                }
                text.append("\n       new:     ").append(q.createArgument(withKind));
            }
            text.append("\nAnswer them on a terminal (without --no-interactive), with the options above, or by declaring "
                    + "renames in the schema code: renamedFrom(\"old_name\") in a table's constructor, on a column, an enum type, "
                    + "a sequence or a view. What is neither renamed nor kept is dropped with its data.");
            if (open.stream().anyMatch(q -> q.kind() == RenameKinds.SCHEMA || q.kind() == RenameKinds.TABLE)) {
                text.append(" Renaming a schema or table may raise questions about what it contains.");
            }
        }
        return text.toString();
    }
}
