package dev.sleet.kit.loss;

import dev.sleet.kit.SleetException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers from the command line: {@code --allow-lossy schema.table.column} (with a guard) and
 * {@code --accept-loss schema.table.column} (without). A column named by both is an error; so is an
 * option that names no lossy type change, reported by {@link #problems(List)}.
 */
public final class ExplicitLossAnswers implements LossResolver {

    /** Column to the option that names it and its answer. */
    private final Map<String, Option> options;
    private final Set<String> used = new LinkedHashSet<>();

    private record Option(String argument, LossAnswer answer) {}

    private ExplicitLossAnswers(Map<String, Option> options) {
        this.options = options;
    }

    /** Parses the options; a malformed one, or a column given both answers, is a {@link SleetException}. */
    public static ExplicitLossAnswers parse(List<String> allow, List<String> accept) {
        Map<String, Option> options = new LinkedHashMap<>();
        add(options, "--allow-lossy", allow, LossAnswer.GUARD);
        add(options, "--accept-loss", accept, LossAnswer.ACCEPT);
        return new ExplicitLossAnswers(options);
    }

    private static void add(Map<String, Option> options, String name, List<String> columns, LossAnswer answer) {
        for (String value : columns) {
            String column = value.trim();
            String argument = name + " " + column;
            String[] parts = column.split("\\.", -1);
            if (parts.length != 3 || List.of(parts).stream().anyMatch(String::isBlank)) {
                throw new SleetException(argument + ": expected schema.table.column, e.g. " + name + " public.items.name");
            }
            Option earlier = options.putIfAbsent(column, new Option(argument, answer));
            if (earlier != null && earlier.answer() != answer) {
                throw new SleetException(earlier.argument() + " and " + argument + " answer the same change both ways: give one");
            }
        }
    }

    @Override
    public LossAnswer resolve(LossyChange change) {
        Option option = options.get(change.subject());
        if (option == null) {
            return LossAnswer.UNANSWERED;
        }
        used.add(change.subject());
        return option.answer();
    }

    /** Why each option that answered nothing is wrong, given every lossy change there is. */
    public List<String> problems(List<LossyChange> lossy) {
        List<String> problems = new ArrayList<>();
        options.forEach((column, option) -> {
            if (!used.contains(column) && lossy.stream().noneMatch(c -> c.subject().equals(column))) {
                problems.add(option.argument() + ": no type change of " + column + " loses values, so there is nothing to answer"
                        + (lossy.isEmpty() ? "" : " (these may: " + String.join(", ", lossy.stream().map(LossyChange::subject).toList()) + ")"));
            }
        });
        return problems;
    }
}
