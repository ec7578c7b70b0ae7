package dev.sleet.kit.rename;

import dev.sleet.kit.SleetException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers from the command line: {@code --rename FROM=TO} and {@code --create NAME}, optionally
 * prefixed with a kind ({@code --rename enum:public.mood=public.feeling}). Names are qualified:
 * {@code schema}, {@code schema.name} (a table, enum, sequence or view), {@code schema.table.column};
 * both sides are in the new naming of their container (a column of a renamed table is named by the
 * table's new name; an object of a renamed schema by the schema's new name). Without a prefix, an
 * entry answers the question of whichever kind has {@code FROM} among what disappeared and {@code TO}
 * among what appeared; when two kinds do, the entry is ambiguous. An entry that answers no question,
 * or is ambiguous, is an error, reported by {@link #problems(List)}.
 */
public final class ExplicitRenames implements RenameResolver {

    /** One {@code --rename} ({@code from} set) or {@code --create} ({@code from} null). */
    record Entry(String argument, RenameKind kind, String from, String to) {
        /** Whether the entry names the object this question is about. */
        boolean matches(RenameQuestion question) {
            return to.equals(question.created())
                    && (kind != null ? kind == question.kind() : dots(to) == question.kind().dots());
        }

        /** Whether the entry answers the question: it names its object and, for a rename, one of its candidates. */
        boolean answers(RenameQuestion question) {
            return matches(question) && (from == null || question.candidates().contains(from));
        }

        /** The kind, or every kind the entry could be of. */
        String kindName() {
            return kind != null ? kind.name() : RenameKinds.namesWithDots(dots(to));
        }

        /** The entry with a kind prefix. */
        String argument(RenameKind prefix) {
            return (from == null ? "--create " : "--rename ") + prefix.name() + ":" + (from == null ? "" : from + "=") + to;
        }
    }

    private final List<Entry> entries;
    /** Entries that answered a question, and the kind of that question. */
    private final Map<Entry, RenameKind> used = new LinkedHashMap<>();
    /** Unprefixed entries that would answer questions of more than one kind, with those kinds. */
    private final Map<Entry, Set<RenameKind>> ambiguous = new LinkedHashMap<>();

    private ExplicitRenames(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static final ExplicitRenames NONE = new ExplicitRenames(List.of());

    /** Parses the options; a malformed one is a {@link SleetException} naming it. */
    public static ExplicitRenames parse(List<String> renames, List<String> creates) {
        List<Entry> entries = new ArrayList<>();
        for (String argument : renames == null ? List.<String>of() : renames) {
            String text = "--rename " + argument;
            String[] kindAndRest = splitKind(argument, text);
            String[] sides = kindAndRest[1].split("=", -1);
            if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank()) {
                throw new SleetException(text + ": expected FROM=TO, e.g. --rename public.users=public.accounts "
                        + "(a table, or an enum, sequence or view) or --rename public.users.name=public.users.full_name (a column)");
            }
            String from = sides[0].trim();
            String to = sides[1].trim();
            RenameKind kind = kind(kindAndRest[0], text);
            checkShape(text, kind, from);
            checkShape(text, kind, to);
            if (dots(from) != dots(to)) {
                throw new SleetException(text + ": both sides must name the same kind of object ("
                        + "schema, schema.name or schema.table.column)");
            }
            if (!container(from).equals(container(to))) {
                throw new SleetException(text + ": a rename stays within its " + (dots(to) == 1 ? "schema" : "table")
                        + " (moving objects elsewhere is not supported); name both sides in the new name of "
                        + container(to) + ", e.g. --rename " + container(to) + "." + last(from) + "=" + to);
            }
            if (from.equals(to)) {
                throw new SleetException(text + ": FROM and TO are the same");
            }
            entries.add(new Entry(text, kind, from, to));
        }
        for (String argument : creates == null ? List.<String>of() : creates) {
            String text = "--create " + argument;
            String[] kindAndRest = splitKind(argument, text);
            String name = kindAndRest[1].trim();
            if (name.isEmpty() || name.contains("=")) {
                throw new SleetException(text + ": expected a qualified name, e.g. --create public.accounts");
            }
            RenameKind kind = kind(kindAndRest[0], text);
            checkShape(text, kind, name);
            entries.add(new Entry(text, kind, null, name));
        }
        return new ExplicitRenames(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public RenameAnswer resolve(RenameQuestion question) {
        RenameAnswer answer = RenameAnswer.UNANSWERED;
        for (Entry entry : entries) {
            if (!entry.answers(question)) {
                continue;
            }
            RenameKind earlier = used.get(entry);
            if (earlier != null) {
                // Only an unprefixed entry can answer questions of two kinds; which was meant is the user's to say.
                if (earlier != question.kind()) {
                    ambiguous.computeIfAbsent(entry, e -> new LinkedHashSet<>(List.of(earlier))).add(question.kind());
                }
                continue;
            }
            if (answer instanceof RenameAnswer.Unanswered) {
                used.put(entry, question.kind());
                answer = entry.from() == null ? RenameAnswer.CREATE : RenameAnswer.renamedFrom(entry.from());
            }
        }
        return answer;
    }

    /** Why each entry that answered nothing, or could mean two things, is wrong, given every question that was asked. */
    public List<String> problems(List<RenameQuestion> asked) {
        List<String> problems = new ArrayList<>();
        ambiguous.forEach((entry, kinds) -> problems.add(entry.argument() + " is ambiguous: " + describe(entry, kinds)
                + "; say which with " + String.join(" or ", kinds.stream().map(entry::argument).toList())));
        for (Entry entry : entries) {
            if (used.containsKey(entry)) {
                continue;
            }
            String kind = entry.kindName();
            RenameQuestion sameTarget = asked.stream().filter(entry::matches).findFirst().orElse(null);
            if (entry.from() == null) {
                problems.add(entry.argument() + ": " + entry.to() + (sameTarget != null
                        ? " was answered already by another option"
                        : " is not a new " + kind + " that could be a renamed one, so there is nothing to answer"));
            } else if (sameTarget != null) {
                problems.add(entry.argument() + ": " + entry.from() + " is not " + sameTarget.kind().withArticle() + " that disappeared"
                        + " (or another answer claimed it); " + entry.to() + " can be renamed from: "
                        + String.join(", ", sameTarget.candidates()));
            } else {
                List<RenameQuestion> targets = asked.stream()
                        .filter(q -> q.candidates().contains(entry.from()) && (entry.kind() != null
                                ? entry.kind() == q.kind() : dots(entry.from()) == q.kind().dots()))
                        .toList();
                problems.add(entry.argument() + ": " + entry.to() + " is not a new "
                        + (targets.isEmpty() ? kind + ", and " + entry.from() + " is not one that disappeared: there is no such rename to make"
                        : targets.get(0).kind().name() + "; " + entry.from() + " could be renamed to: "
                        + String.join(", ", targets.stream().map(RenameQuestion::created).toList())));
            }
        }
        return problems;
    }

    private static String describe(Entry entry, Set<RenameKind> kinds) {
        String both = String.join(" and ", kinds.stream().map(RenameKind::withArticle).toList());
        return entry.from() == null ? both + " " + entry.to() + " appeared"
                : both + " " + entry.from() + " disappeared and " + entry.to() + " appeared";
    }

    private static String[] splitKind(String argument, String text) {
        int colon = argument.indexOf(':');
        if (colon < 0) {
            return new String[] {null, argument};
        }
        return new String[] {argument.substring(0, colon).trim(), argument.substring(colon + 1)};
    }

    private static RenameKind kind(String name, String text) {
        if (name == null) {
            return null;
        }
        RenameKind kind = RenameKinds.byName(name);
        if (kind == null) {
            throw new SleetException(text + ": unknown kind \"" + name + "\" (known: "
                    + String.join(", ", RenameKinds.ALL.stream().map(RenameKind::name).toList()) + ")");
        }
        return kind;
    }

    private static void checkShape(String text, RenameKind kind, String name) {
        for (String part : name.split("\\.", -1)) {
            if (part.isBlank()) {
                throw new SleetException(text + ": \"" + name + "\" has an empty part");
            }
        }
        int dots = dots(name);
        if (kind != null ? dots != kind.dots() : dots > 2) {
            throw new SleetException(text + ": \"" + name + "\" should look like " + (kind != null ? shape(kind.dots())
                    : shape(2) + " (a column), " + shape(1) + " (a " + RenameKinds.namesWithDots(1) + ") or " + shape(0)));
        }
    }

    private static String shape(int dots) {
        return switch (dots) {
            case 0 -> "schema";
            case 1 -> "schema.name";
            default -> "schema.table.column";
        };
    }

    static int dots(String name) {
        return (int) name.chars().filter(c -> c == '.').count();
    }

    private static String container(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    private static String last(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
