package dev.sleet.kit.rename;

import dev.sleet.schema.Column;
import dev.sleet.schema.SchemaObject;
import dev.sleet.schema.Table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renames declared in schema code: {@code renamedFrom("users")} in a table's constructor,
 * {@code text("full_name").renamedFrom("name")} on a column, {@code .renamedFrom("mood")} on an enum
 * type, a sequence or a view. A declaration answers a question only when its old name is one of the
 * candidates; once the rename has been generated no question arises and the declaration is ignored.
 * A declaration whose old name is not a candidate is reported.
 */
public final class DeclaredRenames implements RenameResolver {

    /** By kind: new qualified name to previous qualified name. */
    private final Map<RenameKind, Map<String, String>> declared;
    private final List<String> notes = new ArrayList<>();

    private DeclaredRenames(Map<RenameKind, Map<String, String>> declared) {
        this.declared = declared;
    }

    public static final DeclaredRenames NONE = new DeclaredRenames(Map.of());

    public static DeclaredRenames of(Collection<? extends Table<?>> tables) {
        return of(tables, List.of());
    }

    /**
     * The renames declared by tables, their columns and the other objects; enum types used by columns
     * count whether or not they are declared as objects too.
     */
    public static DeclaredRenames of(Collection<? extends Table<?>> tables, Collection<? extends SchemaObject> objects) {
        Map<RenameKind, Map<String, String>> declared = new HashMap<>();
        List<SchemaObject> all = new ArrayList<>(objects);
        for (Table<?> table : tables) {
            String key = table.schemaName() + "." + table.tableName();
            table.previousTableName().ifPresent(previous -> put(declared, RenameKinds.TABLE, key, table.schemaName() + "." + previous));
            table.previousColumnNames().forEach((column, previous) -> put(declared, RenameKinds.COLUMN, key + "." + column,
                    key + "." + previous));
            for (Column<?> column : table.columns()) {
                column.enumType().ifPresent(all::add);
            }
        }
        for (SchemaObject object : all) {
            object.previousName().ifPresent(previous -> {
                RenameKind kind = RenameKinds.ALL.stream()
                        .filter(k -> k instanceof SchemaObjectKind<?> s && s.declares(object))
                        .findFirst().orElseThrow(() -> new IllegalStateException(object + " declares a rename no kind takes"));
                put(declared, kind, object.schemaName() + "." + object.objectName(), object.schemaName() + "." + previous);
            });
        }
        return new DeclaredRenames(declared);
    }

    private static void put(Map<RenameKind, Map<String, String>> declared, RenameKind kind, String name, String previous) {
        declared.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(name, previous);
    }

    @Override
    public RenameAnswer resolve(RenameQuestion question) {
        String from = declared.getOrDefault(question.kind(), Map.of()).get(question.created());
        if (from == null) {
            return RenameAnswer.UNANSWERED;
        }
        if (question.candidates().contains(from)) {
            return RenameAnswer.renamedFrom(from);
        }
        notes.add("the schema code declares " + question.kind().name() + " " + question.created()
                + " renamedFrom(\"" + from.substring(from.lastIndexOf('.') + 1) + "\"), but " + from
                + " is not " + question.kind().withArticle() + " that disappeared");
        return RenameAnswer.UNANSWERED;
    }

    /** Declarations that matched a question but named no candidate. */
    public List<String> notes() {
        return List.copyOf(notes);
    }
}
