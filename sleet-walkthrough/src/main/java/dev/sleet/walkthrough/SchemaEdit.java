package dev.sleet.walkthrough;

import java.util.ArrayList;
import java.util.List;

/**
 * The walkthrough's schema edit, made the way a user makes it: by editing the pulled Schema.java.
 * Adds {@code tasks.importance}, the index {@code idx_tasks_epicId} on {@code tasks.epic_id}, and
 * {@code ON DELETE CASCADE} on {@code fk_task_user}.
 */
final class SchemaEdit {

    private SchemaEdit() {}

    static String apply(String schemaJava) {
        List<String> lines = new ArrayList<>(schemaJava.lines().toList());
        int tasksStart = indexOf(lines, 0, "class Tasks extends Table<Tasks>");
        int userId = indexOf(lines, tasksStart, "integer(\"user_id\")");
        String indent = lines.get(userId).substring(0, lines.get(userId).indexOf("public"));
        int end = statementEnd(lines, userId);
        lines.add(end + 1, indent + "public final Column<Integer> importance = integer(\"importance\");");

        int fk = indexOf(lines, tasksStart, "foreignKey(\"fk_task_user\"");
        int fkEnd = statementEnd(lines, fk);
        String line = lines.get(fkEnd);
        lines.set(fkEnd, line.substring(0, line.lastIndexOf(';')) + ".onDelete(ReferentialAction.CASCADE);");

        int constructor = indexOf(lines, tasksStart, "public Tasks()");
        lines.add(constructor, "");
        lines.add(constructor, indent + "public final Index idxTasksEpicId = index(\"idx_tasks_epicId\").on(epicId);");

        String result = String.join("\n", lines) + "\n";
        for (String type : List.of("Index", "ReferentialAction")) {
            String importLine = "import dev.sleet.schema." + type + ";";
            if (!result.contains(importLine)) {
                result = result.replaceFirst("import dev\\.sleet\\.schema\\.", importLine + "\nimport dev.sleet.schema.");
            }
        }
        return result;
    }

    private static int indexOf(List<String> lines, int from, String needle) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i;
            }
        }
        throw new IllegalStateException("Walkthrough edit: Schema.java has no line containing " + needle);
    }

    private static int statementEnd(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).trim().endsWith(";")) {
                return i;
            }
        }
        throw new IllegalStateException("Walkthrough edit: unterminated declaration at line " + (from + 1));
    }
}
