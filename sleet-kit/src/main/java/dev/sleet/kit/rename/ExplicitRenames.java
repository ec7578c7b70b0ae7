package dev.sleet.kit.rename;

import dev.sleet.kit.SleetException;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers from the command line: {@code --rename FROM=TO} and {@code --create NAME}, optionally
 * prefixed with a kind ({@code --rename table:public.users=public.accounts}). Names are qualified:
 * {@code schema}, {@code schema.table}, {@code schema.table.column}; both sides are in the new
 * naming of their container (a column of a renamed table is named by the table's new name; a table
 * of a renamed schema by the schema's new name). An entry that answers no question is an error,
 * reported by {@link #problems(List)}.
 */
public final class ExplicitRenames implements RenameResolver {

    /** One {@code --rename} ({@code from} set) or {@code --create} ({@code from} null). */
    record Entry(String argument, RenameKind kind, String from, String to) {
        boolean matches(RenameQuestion question) {
            return to.equals(question.created())
                    && (kind != null ? kind == question.kind() : dots(to) == question.kind().dots());
        }

        String kindName() {
            return kind != null ? kind.name() : switch (dots(to)) {
                case 0 -> "schema";
                case 1 -> "table";
                default -> "column";
            };
        }
    }

    private final List<Entry> entries;
    private final List<Entry> used = new ArrayList<>();

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
                        + "(a table) or --rename public.users.name=public.users.full_name (a column)");
            }
            String from = sides[0].trim();
            String to = sides[1].trim();
            RenameKind kind = kind(kindAndRest[0], text);
            checkShape(text, kind, from);
            checkShape(text, kind, to);
            if (dots(from) != dots(to)) {
                throw new SleetException(text + ": both sides must name the same kind of object ("
                        + "schema, schema.table or schema.table.column)");
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
        for (Entry entry : entries) {
            if (used.contains(entry) || !entry.matches(question)) {
                continue;
            }
            if (entry.from() == null) {
                used.add(entry);
                return RenameAnswer.CREATE;
            }
            if (question.candidates().contains(entry.from())) {
                used.add(entry);
                return RenameAnswer.renamedFrom(entry.from());
            }
        }
        return RenameAnswer.UNANSWERED;
    }

    /** Why each entry that answered nothing is wrong, given every question that was asked. */
    public List<String> problems(List<RenameQuestion> asked) {
        List<String> problems = new ArrayList<>();
        for (Entry entry : entries) {
            if (used.contains(entry)) {
                continue;
            }
            String kind = entry.kindName();
            RenameQuestion sameTarget = asked.stream().filter(entry::matches).findFirst().orElse(null);
            if (entry.from() == null) {
                problems.add(entry.argument() + ": " + entry.to() + " is not a new " + kind
                        + " that could be a renamed one, so there is nothing to answer");
            } else if (sameTarget != null) {
                problems.add(entry.argument() + ": " + entry.from() + " is not a " + kind + " that disappeared"
                        + " (or another answer claimed it); " + entry.to() + " can be renamed from: "
                        + String.join(", ", sameTarget.candidates()));
            } else {
                List<String> targets = asked.stream()
                        .filter(q -> q.candidates().contains(entry.from()))
                        .map(RenameQuestion::created).toList();
                problems.add(entry.argument() + ": " + entry.to() + " is not a new " + kind
                        + (targets.isEmpty() ? " and " + entry.from() + " is not one that disappeared: there is no such rename to make"
                        : "; " + entry.from() + " could be renamed to: " + String.join(", ", targets)));
            }
        }
        return problems;
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
            throw new SleetException(text + ": \"" + name + "\" should look like "
                    + shape(kind != null ? kind.dots() : 2) + (kind == null ? " (a column), schema.table or schema" : ""));
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
