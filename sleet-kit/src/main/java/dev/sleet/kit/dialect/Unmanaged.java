package dev.sleet.kit.dialect;

import dev.sleet.kit.Output;

import java.util.ArrayList;
import java.util.List;

/**
 * What a database holds that Sleet does not carry into code or migrations (event triggers, rules,
 * foreign tables, ...): reported once per kind with a count, in plain words, never object by object
 * unless asked ({@code --verbose}).
 *
 * @param groups one per kind that has objects, in a fixed order
 */
public record Unmanaged(List<Group> groups) {

    public static final Unmanaged NONE = new Unmanaged(List.of());

    /** The objects of one kind: {@code singular}/{@code plural} in plain words ("event trigger"), their names sorted. */
    public record Group(String singular, String plural, List<String> names) {
        public Group {
            names = List.copyOf(names);
        }

        /** {@code 2 event triggers}. */
        public String counted() {
            return names.size() + " " + (names.size() == 1 ? singular : plural);
        }
    }

    public Unmanaged {
        groups = groups.stream().filter(g -> !g.names().isEmpty()).toList();
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }

    public int count() {
        return groups.stream().mapToInt(g -> g.names().size()).sum();
    }

    /** {@code 2 event triggers, 1 foreign table}. */
    public String summary() {
        return String.join(", ", groups.stream().map(Group::counted).toList());
    }

    /** {@code 3 objects}. */
    public String counted() {
        return count() + (count() == 1 ? " object" : " objects");
    }

    /**
     * One line per kind, with its names (the first few, or all of them when {@code verbose}), each
     * to be printed under a line that says what they have in common.
     */
    public List<String> lines(boolean verbose) {
        List<String> lines = new ArrayList<>();
        for (Group group : groups) {
            lines.add(group.counted() + ": " + (verbose ? String.join(", ", group.names()) : Output.names(group.names())));
        }
        return lines;
    }

    /**
     * Warns once, with a line per kind: what is not managed, then {@code consequence} (what it means
     * for the command that found them). Nothing when there is nothing.
     */
    public void warn(Output out, String consequence) {
        if (isEmpty()) {
            return;
        }
        boolean cut = !out.verbose() && groups.stream().anyMatch(g -> g.names().size() > Output.NAMED);
        out.warn(summary() + (count() == 1 ? " is" : " are") + " not managed by Sleet: " + consequence
                + (cut ? " (--verbose lists every one)" : ""));
        lines(out.verbose()).forEach(line -> out.warn("  " + line));
    }
}
