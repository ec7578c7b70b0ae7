package dev.sleet.kit.codegen;

import dev.sleet.kit.dialect.Dialect;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.KeySnapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.schema.ReferentialAction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each key of a table is declared: on its column, as hand-written code would for a
 * single-column key with the database's default name ({@code .primaryKey()}, {@code .unique()},
 * {@code .references(...)}), or as a field of its own.
 *
 * @param columnPrimaryKey the column declared {@code .primaryKey()}, if any
 * @param tablePrimaryKey the primary key declared as a {@code Constraint} field, if any
 * @param columnUniques by column: the unique constraint's name, empty for the default name
 * @param tableUniques unique constraints declared as {@code Constraint} fields
 * @param columnReferences by column: the foreign key declared with {@code .references(...)}
 * @param tableForeignKeys foreign keys declared as {@code ForeignKey} fields
 */
record TableLayout(Optional<String> columnPrimaryKey, Optional<KeySnapshot> tablePrimaryKey,
                   Map<String, Optional<String>> columnUniques, List<KeySnapshot> tableUniques,
                   Map<String, ForeignKeySnapshot> columnReferences, List<ForeignKeySnapshot> tableForeignKeys) {

    private static final String NO_ACTION = ReferentialAction.NO_ACTION.sql();

    static TableLayout of(TableSnapshot table, Dialect dialect) {
        KeySnapshot pk = table.primaryKey();
        Optional<String> columnPrimaryKey = Optional.empty();
        Optional<KeySnapshot> tablePrimaryKey = Optional.ofNullable(pk);
        if (pk != null && pk.columns().size() == 1 && pk.deferral() == null && isDefaultPrimaryKeyName(table, pk, dialect)) {
            columnPrimaryKey = Optional.of(pk.columns().get(0));
            tablePrimaryKey = Optional.empty();
        }

        Map<String, Optional<String>> columnUniques = new HashMap<>();
        List<KeySnapshot> tableUniques = new ArrayList<>();
        for (KeySnapshot unique : table.uniqueConstraints().values()) {
            String column = unique.columns().size() == 1 && !unique.nullsNotDistinct() && unique.deferral() == null
                    ? unique.columns().get(0) : null;
            if (column != null && !columnUniques.containsKey(column)) {
                boolean defaultName = unique.name().equals(dialect.defaultConstraintName(table.name(), unique.columns(), "key"));
                columnUniques.put(column, defaultName ? Optional.empty() : Optional.of(unique.name()));
            } else {
                tableUniques.add(unique);
            }
        }

        Map<String, ForeignKeySnapshot> columnReferences = new HashMap<>();
        List<ForeignKeySnapshot> tableForeignKeys = new ArrayList<>();
        for (ForeignKeySnapshot fk : table.foreignKeys().values()) {
            boolean plain = fk.columns().size() == 1 && NO_ACTION.equals(fk.onDelete()) && NO_ACTION.equals(fk.onUpdate())
                    && fk.deferral() == null && !fk.notValid()
                    && fk.name().equals(dialect.defaultConstraintName(table.name(), fk.columns(), "fkey"))
                    && !columnReferences.containsKey(fk.columns().get(0));
            if (plain) {
                columnReferences.put(fk.columns().get(0), fk);
            } else {
                tableForeignKeys.add(fk);
            }
        }
        return new TableLayout(columnPrimaryKey, tablePrimaryKey, columnUniques, tableUniques, columnReferences,
                tableForeignKeys);
    }

    static boolean isDefaultPrimaryKeyName(TableSnapshot table, KeySnapshot pk, Dialect dialect) {
        return pk.name().equals(dialect.defaultConstraintName(table.name(), pk.columns(), "pkey"));
    }

    /** The columns of the primary key, wherever it is declared: NOT NULL goes without saying for them. */
    List<String> primaryKeyColumns() {
        return columnPrimaryKey.map(List::of).orElseGet(() -> tablePrimaryKey.map(KeySnapshot::columns).orElse(List.of()));
    }
}
