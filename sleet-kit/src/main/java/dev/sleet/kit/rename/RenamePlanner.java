package dev.sleet.kit.rename;

import dev.sleet.kit.diff.RenamedSnapshot;
import dev.sleet.kit.diff.Renames;
import dev.sleet.kit.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds rename candidates between two snapshots and settles them with a {@link RenameResolver}, kind
 * by kind ({@link RenameKinds#ALL}): within each container, every object that appeared is asked
 * about while objects that disappeared remain unclaimed. Answers are carried into the old snapshot
 * before the next kind is examined, so a renamed table's columns are compared with the old table's.
 * Questions nobody answers are collected, never guessed.
 */
public final class RenamePlanner {

    private RenamePlanner() {}

    /**
     * @param renames   the confirmed renames, ready for {@code Differ.diff}
     * @param decisions every answered question with its answer, in the order asked
     * @param open      questions nobody answered
     */
    public record Plan(Renames renames, List<Decision> decisions, List<RenameQuestion> open) {
        public Plan {
            decisions = List.copyOf(decisions);
            open = List.copyOf(open);
        }
    }

    /** A question and the answer it got. */
    public record Decision(RenameQuestion question, RenameAnswer answer) {}

    public static Plan plan(Snapshot from, Snapshot to, RenameResolver resolver) {
        return plan(from, to, resolver, RenameKinds.ALL);
    }

    public static Plan plan(Snapshot from, Snapshot to, RenameResolver resolver, List<RenameKind> kinds) {
        Renames renames = Renames.NONE;
        List<Decision> decisions = new ArrayList<>();
        List<RenameQuestion> open = new ArrayList<>();
        for (RenameKind kind : kinds) {
            Snapshot renamed = RenamedSnapshot.apply(from, renames, to);
            Map<String, List<String>> before = kind.objects(renamed);
            Map<String, List<String>> after = kind.objects(to);
            for (String container : new TreeSet<>(before.keySet())) {
                if (!after.containsKey(container)) {
                    continue;
                }
                Set<String> afterSet = Set.copyOf(after.get(container));
                Set<String> beforeSet = Set.copyOf(before.get(container));
                List<String> remaining = new ArrayList<>(before.get(container).stream().filter(o -> !afterSet.contains(o)).toList());
                List<String> created = after.get(container).stream().filter(o -> !beforeSet.contains(o)).toList();
                for (String object : created) {
                    if (remaining.isEmpty()) {
                        break;
                    }
                    List<String> candidates = new ArrayList<>(remaining);
                    candidates.sort(Comparator.comparingInt((String d) -> -kind.similarity(renamed, d, to, object))
                            .thenComparing(d -> remaining.indexOf(d)));
                    RenameQuestion question = new RenameQuestion(kind, object, candidates);
                    RenameAnswer answer = resolver.resolve(question);
                    if (answer instanceof RenameAnswer.RenamedFrom rename) {
                        if (!remaining.contains(rename.from())) {
                            throw new IllegalStateException("A resolver answered " + question.describe()
                                    + " with " + rename.from() + ", which is not a candidate");
                        }
                        remaining.remove(rename.from());
                        renames = kind.add(renames, rename.from(), object);
                        decisions.add(new Decision(question, answer));
                    } else if (answer instanceof RenameAnswer.Create) {
                        decisions.add(new Decision(question, answer));
                    } else {
                        open.add(question);
                    }
                }
            }
        }
        return new Plan(renames, decisions, open);
    }

    /** Every candidate the questions offered, for explaining an explicit rename that matched none. */
    static Set<String> allCreated(List<RenameQuestion> questions) {
        Set<String> created = new LinkedHashSet<>();
        questions.forEach(q -> created.add(q.created()));
        return created;
    }
}
