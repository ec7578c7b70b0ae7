package dev.sleet.kit.postgres;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.TableSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** DDL for table inheritance ({@code INHERITS}). */
final class PostgresInheritanceDdl {

    private PostgresInheritanceDdl() {}

    /** The statements for an inheritance change, or null when the change is of another kind. */
    static List<String> sql(Change change) {
        if (change instanceof Change.Inherit c) {
            return List.of(PostgresDdl.alter(c.schema(), c.table()) + "INHERIT " + PostgresDdl.table(c.parentSchema(), c.parent()) + ";");
        }
        if (change instanceof Change.NoInherit c) {
            return List.of(PostgresDdl.alter(c.schema(), c.table()) + "NO INHERIT " + PostgresDdl.table(c.parentSchema(), c.parent())
                    + ";");
        }
        return null;
    }

    /** Whether a column of {@code table} is made by PostgreSQL from a parent, not listed in its CREATE TABLE. */
    static boolean fromParent(TableSnapshot table, ColumnSnapshot column) {
        return column.inherited() && !table.inherits().isEmpty();
    }

    /** {@code  INHERITS ("a", "s"."b")} for a table that inherits, else nothing. */
    static String inherits(TableSnapshot table) {
        return table.inherits().isEmpty() ? "" : " INHERITS (" + table.inherits().stream()
                .map(p -> PostgresDdl.table(p.schema(), p.name())).collect(Collectors.joining(", ")) + ")";
    }

    /**
     * A default of {@code NULL}: a column of a table that inherits, without the default a parent
     * gives it. Written {@code DROP DEFAULT}: {@code SET DEFAULT NULL} on a {@code char(n)} column
     * would store {@code NULL::bpchar}, a default of its own.
     */
    static boolean dropsParentDefault(String defaultValue) {
        return "NULL".equals(defaultValue);
    }

    /** The column as CREATE TABLE lists it: without a {@code NULL} default, which {@link #ownParts} drops after. */
    static ColumnSnapshot asCreated(TableSnapshot table, ColumnSnapshot column) {
        return !table.inherits().isEmpty() && dropsParentDefault(column.defaultValue()) ? column.withDefault(null) : column;
    }

    /**
     * What columns carry of their own against their parents, set on the table alone once it exists,
     * as pg_dump does ({@code ALTER TABLE ONLY}): a default other than the parent's (or none), NOT NULL
     * no parent has.
     */
    static List<String> ownParts(TableSnapshot table) {
        List<String> statements = new ArrayList<>();
        if (table.inherits().isEmpty()) {
            return statements;
        }
        for (ColumnSnapshot column : table.columns().values()) {
            String prefix = "ALTER TABLE ONLY " + PostgresDdl.table(table.schema(), table.name()) + " ALTER COLUMN "
                    + PostgresNames.quote(column.name()) + " ";
            if (dropsParentDefault(column.defaultValue())) {
                statements.add(prefix + "DROP DEFAULT;");
            } else if (column.inherited() && column.defaultValue() != null) {
                statements.add(prefix + "SET DEFAULT " + column.defaultValue() + ";");
            }
            if (column.inherited() && column.notNull()) {
                statements.add(prefix + "SET NOT NULL;");
            }
        }
        return statements;
    }
}
