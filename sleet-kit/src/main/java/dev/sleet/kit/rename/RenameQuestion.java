package dev.sleet.kit.rename;

import java.util.List;

/**
 * "Is {@code created} new, or one of {@code candidates} renamed?" — asked when, within one container
 * (the database for schemas, a schema for tables, a table for columns), objects of a kind disappeared
 * and others appeared. Names are qualified in the new naming: a column of a renamed table is named
 * by the table's new name.
 *
 * @param kind       the kind of object, e.g. {@code table}
 * @param created    the object that appeared
 * @param candidates the objects of the same kind that disappeared and are still unclaimed, most similar first
 */
public record RenameQuestion(RenameKind kind, String created, List<String> candidates) {

    public RenameQuestion {
        candidates = List.copyOf(candidates);
    }

    /** The {@code --rename} argument that answers "renamed from {@code candidate}". */
    public String renameArgument(String candidate) {
        return renameArgument(candidate, false);
    }

    /**
     * The {@code --rename} argument that answers "renamed from {@code candidate}", with the kind
     * prefix when {@code withKind} (needed where an object of another kind has the same names).
     */
    public String renameArgument(String candidate, boolean withKind) {
        return "--rename " + prefix(withKind) + candidate + "=" + created;
    }

    /** The {@code --create} argument that answers "it is new". */
    public String createArgument() {
        return createArgument(false);
    }

    /** The {@code --create} argument that answers "it is new", with the kind prefix when {@code withKind}. */
    public String createArgument(boolean withKind) {
        return "--create " + prefix(withKind) + created;
    }

    private String prefix(boolean withKind) {
        return withKind ? kind.name() + ":" : "";
    }

    /** One line: what appeared and what disappeared. */
    public String describe() {
        String plural = candidates.size() == 1 ? kind.name() : kind.plural();
        return kind.name() + " " + created + " is new, and " + plural + " " + String.join(", ", candidates)
                + " disappeared";
    }
}
