package dev.sleet.kit.rename;

import dev.sleet.kit.diff.Renames;
import dev.sleet.kit.snapshot.Snapshot;

import java.util.List;
import java.util.Map;

/**
 * A kind of named object that can be renamed (schema, table, column, enum, sequence, view).
 * Candidate detection ({@link RenamePlanner}) is generic over kinds: a kind lists its objects by
 * container, says how similar two objects are, and adds a confirmed rename to {@link Renames}.
 * A new kind implements this, carries its renames through {@code Renames}/{@code RenameStep}, and
 * joins {@link RenameKinds#ALL} after the kinds whose renames change its containers' names.
 */
public interface RenameKind {

    /** Singular, as used in messages and as the optional {@code --rename kind:FROM=TO} prefix: {@code table}. */
    String name();

    default String plural() {
        return name() + "s";
    }

    /**
     * Every object of this kind, qualified, grouped by the container renames stay within (the
     * database {@code ""} for schemas, the schema for tables, the table for columns). Lists keep a
     * natural order (columns: ordinal), so questions come in a stable order.
     */
    Map<String, List<String>> objects(Snapshot snapshot);

    /** Higher is more alike; candidates are offered most similar first. */
    default int similarity(Snapshot from, String dropped, Snapshot to, String created) {
        return 0;
    }

    /** {@code renames} plus "{@code from} is now {@code to}". */
    Renames add(Renames renames, String from, String to);

    /** The name with its indefinite article, for messages: {@code a table}, {@code an enum}. */
    default String withArticle() {
        return ("aeiou".indexOf(name().charAt(0)) >= 0 ? "an " : "a ") + name();
    }

    /**
     * Dots in a qualified name of this kind ({@code schema}: 0, {@code schema.name}: 1, {@code
     * schema.table.column}: 2). Kinds with the same number share one spelling of {@code --rename}
     * arguments, told apart by what disappeared and appeared, or by a {@code kind:} prefix.
     */
    int dots();
}
