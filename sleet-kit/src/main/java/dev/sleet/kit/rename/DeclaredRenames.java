package dev.sleet.kit.rename;

import dev.sleet.schema.Table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renames declared in schema code: {@code renamedFrom("users")} in a table's constructor and
 * {@code text("full_name").renamedFrom("name")} on a column. A declaration answers a question only
 * when its old name is one of the candidates; once the rename has been generated no question arises
 * and the declaration is ignored. A declaration whose old name is not a candidate is reported.
 */
public final class DeclaredRenames implements RenameResolver {

    private final Map<String, String> tables;
    private final Map<String, String> columns;
    private final List<String> notes = new ArrayList<>();

    private DeclaredRenames(Map<String, String> tables, Map<String, String> columns) {
        this.tables = tables;
        this.columns = columns;
    }

    public static final DeclaredRenames NONE = new DeclaredRenames(Map.of(), Map.of());

    public static DeclaredRenames of(Collection<? extends Table<?>> declared) {
        Map<String, String> tables = new LinkedHashMap<>();
        Map<String, String> columns = new LinkedHashMap<>();
        for (Table<?> table : declared) {
            String key = table.schemaName() + "." + table.tableName();
            table.previousTableName().ifPresent(previous -> tables.put(key, table.schemaName() + "." + previous));
            table.previousColumnNames().forEach((column, previous) -> columns.put(key + "." + column, key + "." + previous));
        }
        return new DeclaredRenames(tables, columns);
    }

    @Override
    public RenameAnswer resolve(RenameQuestion question) {
        Map<String, String> declared = question.kind() == RenameKinds.TABLE ? tables
                : question.kind() == RenameKinds.COLUMN ? columns : Map.of();
        String from = declared.get(question.created());
        if (from == null) {
            return RenameAnswer.UNANSWERED;
        }
        if (question.candidates().contains(from)) {
            return RenameAnswer.renamedFrom(from);
        }
        notes.add("the schema code declares " + question.kind().name() + " " + question.created()
                + " renamedFrom(\"" + from.substring(from.lastIndexOf('.') + 1) + "\"), but " + from
                + " is not a " + question.kind().name() + " that disappeared");
        return RenameAnswer.UNANSWERED;
    }

    /** Declarations that matched a question but named no candidate. */
    public List<String> notes() {
        return List.copyOf(notes);
    }
}
