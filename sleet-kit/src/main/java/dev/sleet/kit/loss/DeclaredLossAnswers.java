package dev.sleet.kit.loss;

import dev.sleet.schema.LossyTypeChange;
import dev.sleet.schema.Table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers declared in schema code: {@code varchar("name", 10).allowLossyFrom("text")} writes the
 * change from text with a guard, {@code .acceptLossFrom("text")} without. A declaration answers a
 * change from the type it names only: a later change from another type is asked about again, and
 * the declaration is reported so that it can be brought up to date or removed.
 */
public final class DeclaredLossAnswers implements LossResolver {

    public static final DeclaredLossAnswers NONE = new DeclaredLossAnswers(Map.of());

    /** {@code schema.table.column} to its declaration. */
    private final Map<String, LossyTypeChange> declared;
    private final List<String> notes = new ArrayList<>();

    private DeclaredLossAnswers(Map<String, LossyTypeChange> declared) {
        this.declared = declared;
    }

    public static DeclaredLossAnswers of(Collection<? extends Table<?>> tables) {
        Map<String, LossyTypeChange> declared = new LinkedHashMap<>();
        for (Table<?> table : tables) {
            table.lossyTypeChanges().forEach((column, change) ->
                    declared.put(table.schemaName() + "." + table.tableName() + "." + column, change));
        }
        return new DeclaredLossAnswers(declared);
    }

    @Override
    public LossAnswer resolve(LossyChange change) {
        LossyTypeChange declaration = declared.get(change.subject());
        if (declaration == null) {
            return LossAnswer.UNANSWERED;
        }
        if (declaration.fromType().trim().equals(change.fromType())) {
            return declaration.accepted() ? LossAnswer.ACCEPT : LossAnswer.GUARD;
        }
        notes.add("the schema code declares " + change.subject() + " " + call(declaration.accepted(), declaration.fromType())
                + ", but the column changes from " + change.fromType() + " (a declaration answers a change from the type it names only: "
                + "write " + call(declaration.accepted(), change.fromType()) + " to answer this one)");
        return LossAnswer.UNANSWERED;
    }

    /** Declarations that named another old type than the change they were asked about. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** The declaration as written in code, e.g. {@code allowLossyFrom("text")}. */
    static String call(boolean accepted, String fromType) {
        return (accepted ? "acceptLossFrom" : "allowLossyFrom") + "(\"" + fromType + "\")";
    }
}
