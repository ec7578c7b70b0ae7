package dev.sleet.kit.codegen;

import org.junit.jupiter.api.Test;

import javax.lang.model.SourceVersion;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JavaNamesTest {

    @Test
    void splitsSqlNamesIntoWords() {
        assertThat(JavaNames.words("epic_id")).containsExactly("epic", "id");
        assertThat(JavaNames.words("epicId")).containsExactly("epic", "Id");
        assertThat(JavaNames.words("EPIC_ID")).containsExactly("EPIC", "ID");
        assertThat(JavaNames.words("XMLHttpRequest")).containsExactly("XML", "Http", "Request");
        assertThat(JavaNames.words("user2Id")).containsExactly("user2", "Id");
        assertThat(JavaNames.words("has space-and.dots")).containsExactly("has", "space", "and", "dots");
        assertThat(JavaNames.words("__$__")).isEmpty();
    }

    @Test
    void fieldsAreCamelCase() {
        assertThat(SchemaNames.field("epic_id")).isEqualTo("epicId");
        assertThat(SchemaNames.field("epicId")).isEqualTo("epicId");
        assertThat(SchemaNames.field("EPIC_ID")).isEqualTo("epicId");
        assertThat(SchemaNames.field("userID")).isEqualTo("userId");
        assertThat(SchemaNames.field("2fa_secret")).isEqualTo("_2faSecret");
        assertThat(SchemaNames.field("class")).isEqualTo("class_");
        assertThat(SchemaNames.field("Default")).isEqualTo("default_");
        assertThat(SchemaNames.field("var")).isEqualTo("var_");
        assertThat(SchemaNames.field("straße")).isEqualTo("straße");
        assertThat(SchemaNames.field("名前")).isEqualTo("名前");
        assertThat(SchemaNames.field("%")).isEmpty();
    }

    @Test
    void classesArePascalCaseAndConstantsUpperSnake() {
        assertThat(JavaNames.pascal("tasks_tags")).isEqualTo("TasksTags");
        assertThat(JavaNames.pascal("TASKS")).isEqualTo("Tasks");
        assertThat(JavaNames.pascal("2fa")).isEqualTo("_2fa");
        assertThat(JavaNames.upperSnake("tasksTags")).isEqualTo("TASKS_TAGS");
        assertThat(JavaNames.upperSnake("tasks tags")).isEqualTo("TASKS_TAGS");
        assertThat(JavaNames.upperSnake("2fa")).isEqualTo("_2FA");
    }

    @Test
    void everyNameIsAValidIdentifier() {
        for (String sql : List.of("a", "A", "1", "über", "ça va", "x$y", "_a", "a__b", "select", "null", "true", "ǅemal")) {
            String field = SchemaNames.field(sql);
            assertThat(SourceVersion.isName(field)).as(sql + " → " + field).isTrue();
            assertThat(SourceVersion.isName(JavaNames.pascal(sql))).as(sql).isTrue();
            assertThat(SourceVersion.isName(JavaNames.upperSnake(sql))).as(sql).isTrue();
        }
    }

    @Test
    void relationNamesDropTheIdSuffix() {
        assertThat(SchemaNames.withoutIdSuffix("user_id")).isEqualTo("user");
        assertThat(SchemaNames.withoutIdSuffix("USER_ID")).isEqualTo("USER");
        assertThat(SchemaNames.withoutIdSuffix("userId")).isEqualTo("user");
        assertThat(SchemaNames.withoutIdSuffix("tag")).isEqualTo("tag");
        assertThat(SchemaNames.withoutIdSuffix("id")).isEqualTo("id");
        assertThat(SchemaNames.withoutIdSuffix("_id")).isEqualTo("_id");
        assertThat(SchemaNames.withoutIdSuffix("paid")).isEqualTo("paid");
        assertThat(SchemaNames.withoutIdSuffix("ID")).isEqualTo("ID");
    }

    @Test
    void allocatorNumbersClashes() {
        JavaNames.Allocator names = new JavaNames.Allocator(false);
        names.reserve("taken");

        assertThat(names.allocate(List.of("epicId"), "column")).isEqualTo("epicId");
        assertThat(names.allocate(List.of("epicId"), "column")).isEqualTo("epicId2");
        assertThat(names.allocate(List.of("epicId", "other"), "column")).isEqualTo("other");
        assertThat(names.allocate(List.of("taken"), "column")).isEqualTo("taken2");
        assertThat(names.allocate(List.of("col1"), "column")).isEqualTo("col1");
        assertThat(names.allocate(List.of("col1"), "column")).isEqualTo("col1_2");
        assertThat(names.allocate(List.of(""), "column")).isEqualTo("column");
        assertThat(names.allocate(List.of(""), "column")).isEqualTo("column2");

        JavaNames.Allocator classes = new JavaNames.Allocator(true);
        assertThat(classes.allocate(List.of("AB"), "Table")).isEqualTo("AB");
        assertThat(classes.allocate(List.of("Ab", "AbTable"), "Table")).isEqualTo("AbTable");
    }
}
