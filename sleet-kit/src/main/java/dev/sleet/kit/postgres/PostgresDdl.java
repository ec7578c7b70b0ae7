package dev.sleet.kit.postgres;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.KeySnapshot;
import dev.sleet.kit.snapshot.TableSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import static dev.sleet.kit.postgres.PostgresNames.quote;

/**
 * PostgreSQL DDL for typed changes. Tables in the default schema are written unqualified, others
 * as {@code "schema"."table"}; referenced tables are always qualified. Identifiers are always quoted.
 */
final class PostgresDdl {

    private static final String DEFAULT_SCHEMA = "public";

    private PostgresDdl() {}

    static List<String> sql(List<Change> changes) {
        List<String> statements = new ArrayList<>();
        for (Change change : changes) {
            statements.addAll(sql(change));
        }
        return statements;
    }

    static List<String> sql(Change change) {
        if (change instanceof Change.CreateSchema c) {
            return List.of("CREATE SCHEMA " + quote(c.schema()) + ";");
        }
        if (change instanceof Change.DropSchema c) {
            return List.of("DROP SCHEMA " + quote(c.schema()) + ";");
        }
        if (change instanceof Change.RenameSchema c) {
            return List.of("ALTER SCHEMA " + quote(c.from()) + " RENAME TO " + quote(c.to()) + ";");
        }
        if (change instanceof Change.RenameTable c) {
            return List.of("ALTER TABLE " + table(c.schema(), c.from()) + " RENAME TO " + quote(c.to()) + ";");
        }
        if (change instanceof Change.RenameColumn c) {
            return List.of(alter(c.schema(), c.table()) + "RENAME COLUMN " + quote(c.from()) + " TO " + quote(c.to()) + ";");
        }
        if (change instanceof Change.CreateTable c) {
            return createTable(c.table());
        }
        if (change instanceof Change.DropTable c) {
            return List.of("DROP TABLE " + table(c.schema(), c.table()) + ";");
        }
        if (change instanceof Change.AddColumn c) {
            return List.of(alter(c.schema(), c.table()) + "ADD COLUMN " + columnDefinition(c.column(), false) + ";");
        }
        if (change instanceof Change.DropColumn c) {
            return List.of(alter(c.schema(), c.table()) + "DROP COLUMN " + quote(c.column()) + ";");
        }
        if (change instanceof Change.AlterColumn c) {
            return alterColumn(c);
        }
        if (change instanceof Change.AddPrimaryKey c) {
            return List.of(alter(c.schema(), c.table()) + "ADD CONSTRAINT " + quote(c.key().name())
                    + " PRIMARY KEY(" + columns(c.key().columns()) + ");");
        }
        if (change instanceof Change.DropPrimaryKey c) {
            return List.of(alter(c.schema(), c.table()) + "DROP CONSTRAINT " + quote(c.key().name()) + ";");
        }
        if (change instanceof Change.AddUnique c) {
            return List.of(alter(c.schema(), c.table()) + "ADD " + unique(c.key()) + ";");
        }
        if (change instanceof Change.DropUnique c) {
            return List.of(alter(c.schema(), c.table()) + "DROP CONSTRAINT " + quote(c.key().name()) + ";");
        }
        if (change instanceof Change.AddForeignKey c) {
            return List.of(alter(c.schema(), c.table()) + "ADD " + foreignKey(c.key()) + ";");
        }
        if (change instanceof Change.DropForeignKey c) {
            return List.of(alter(c.schema(), c.table()) + "DROP CONSTRAINT " + quote(c.key().name()) + ";");
        }
        if (change instanceof Change.CreateIndex c) {
            return List.of(createIndex(c.schema(), c.table(), c.index()));
        }
        if (change instanceof Change.DropIndex c) {
            return List.of("DROP INDEX " + table(c.schema(), c.index().name()) + ";");
        }
        throw new IllegalArgumentException("No PostgreSQL DDL for " + change);
    }

    /**
     * CREATE TABLE with the columns, primary key and unique constraints. PostgreSQL silently folds a
     * unique constraint into an identical key declared in the same CREATE TABLE, so a unique over the
     * same columns as the primary key or an earlier unique is added by its own ALTER TABLE after it.
     */
    private static List<String> createTable(TableSnapshot table) {
        List<String> lines = new ArrayList<>();
        KeySnapshot pk = table.primaryKey();
        boolean inlinePk = pk != null && pk.columns().size() == 1
                && pk.name().equals(PostgresNames.defaultName(table.name(), pk.columns(), "pkey"));
        for (ColumnSnapshot column : table.columns().values()) {
            lines.add(columnDefinition(column, inlinePk && pk.columns().get(0).equals(column.name())));
        }
        if (pk != null && !inlinePk) {
            lines.add("CONSTRAINT " + quote(pk.name()) + " PRIMARY KEY(" + columns(pk.columns()) + ")");
        }
        List<List<String>> keyColumns = new ArrayList<>();
        if (pk != null) {
            keyColumns.add(pk.columns());
        }
        List<String> duplicates = new ArrayList<>();
        for (KeySnapshot key : table.uniqueConstraints().values()) {
            if (keyColumns.contains(key.columns())) {
                duplicates.add(alter(table.schema(), table.name()) + "ADD " + unique(key) + ";");
            } else {
                lines.add(unique(key));
                keyColumns.add(key.columns());
            }
        }
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TABLE " + table(table.schema(), table.name()) + " (\n\t"
                + String.join(",\n\t", lines) + "\n);");
        statements.addAll(duplicates);
        return statements;
    }

    private static String columnDefinition(ColumnSnapshot column, boolean primaryKey) {
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ')
                .append(column.serial() ? PostgresTypes.serialKeyword(column.type()) : column.type());
        if (primaryKey) {
            sql.append(" PRIMARY KEY");
        }
        if (column.defaultValue() != null) {
            sql.append(" DEFAULT ").append(column.defaultValue());
        }
        if (column.notNull()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    private static List<String> alterColumn(Change.AlterColumn c) {
        ColumnSnapshot from = c.from();
        ColumnSnapshot to = c.to();
        String prefix = alter(c.schema(), c.table()) + "ALTER COLUMN " + quote(to.name()) + " ";
        List<String> statements = new ArrayList<>();
        String sequence = quote(PostgresNames.makeObjectName(c.table(), to.name(), "seq"));
        String qualifiedSequence = c.schema().equals(DEFAULT_SCHEMA) ? sequence : quote(c.schema()) + "." + sequence;
        if (from.serial() && !to.serial()) {
            statements.add(prefix + "DROP DEFAULT;");
            // The owned sequence keeps the name it was created with when its table or column is renamed,
            // so it is found through the column rather than by its default name.
            statements.add("DO $sleet$ BEGIN EXECUTE 'DROP SEQUENCE ' || pg_get_serial_sequence('"
                    + table(c.schema(), c.table()).replace("'", "''") + "', '" + to.name().replace("'", "''")
                    + "'); END $sleet$;");
        }
        boolean typeChanges = !from.type().equals(to.type());
        // An old default may not cast to the new type, so it is dropped first and set again after.
        boolean defaultDropped = typeChanges && !from.serial() && from.defaultValue() != null;
        if (defaultDropped) {
            statements.add(prefix + "DROP DEFAULT;");
        }
        if (typeChanges) {
            String using = PostgresTypes.base(from.type()).equals(PostgresTypes.base(to.type())) ? ""
                    : " USING " + quote(to.name()) + "::" + to.type();
            statements.add(prefix + "SET DATA TYPE " + to.type() + using + ";");
        }
        if (!from.serial() && to.serial()) {
            statements.add("CREATE SEQUENCE " + qualifiedSequence + " AS " + to.type() + ";");
            statements.add(prefix + "SET DEFAULT nextval('" + qualifiedSequence.replace("'", "''") + "'::regclass);");
            statements.add("ALTER SEQUENCE " + qualifiedSequence + " OWNED BY " + table(c.schema(), c.table())
                    + "." + quote(to.name()) + ";");
        } else if (!to.serial() && (defaultDropped || !Objects.equals(from.defaultValue(), to.defaultValue()))) {
            if (to.defaultValue() != null) {
                statements.add(prefix + "SET DEFAULT " + to.defaultValue() + ";");
            } else if (!defaultDropped) {
                statements.add(prefix + "DROP DEFAULT;");
            }
        }
        if (from.notNull() != to.notNull()) {
            statements.add(prefix + (to.notNull() ? "SET NOT NULL;" : "DROP NOT NULL;"));
        }
        return statements;
    }

    private static String unique(KeySnapshot key) {
        return "CONSTRAINT " + quote(key.name()) + " UNIQUE(" + columns(key.columns()) + ")";
    }

    private static String foreignKey(ForeignKeySnapshot fk) {
        return "CONSTRAINT " + quote(fk.name()) + " FOREIGN KEY (" + columns(fk.columns()) + ") REFERENCES "
                + quote(fk.referencedSchema()) + "." + quote(fk.referencedTable()) + "(" + columns(fk.referencedColumns())
                + ") ON DELETE " + fk.onDelete() + " ON UPDATE " + fk.onUpdate();
    }

    private static String createIndex(String schema, String table, IndexSnapshot index) {
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON "
                + table(schema, table) + " USING " + index.method() + " (" + columns(index.columns()) + ");";
    }

    private static String alter(String schema, String table) {
        return "ALTER TABLE " + table(schema, table) + " ";
    }

    static String table(String schema, String name) {
        return schema.equals(DEFAULT_SCHEMA) ? quote(name) : quote(schema) + "." + quote(name);
    }

    private static String columns(List<String> columns) {
        return columns.stream().map(PostgresNames::quote).collect(Collectors.joining(","));
    }
}
