package dev.sleet.schema;

import java.util.List;
import java.util.Objects;

/** The relations of one table: {@code TableRelations.of(TASKS, one(...), many(...))}. */
public record TableRelations(Table<?> table, List<Relation> relations) {

    public TableRelations {
        Objects.requireNonNull(table);
        relations = List.copyOf(relations);
    }

    public static TableRelations of(Table<?> table, Relation... relations) {
        return new TableRelations(table, List.of(relations));
    }
}
