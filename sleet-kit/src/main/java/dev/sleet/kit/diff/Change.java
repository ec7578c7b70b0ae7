package dev.sleet.kit.diff;

import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.KeySnapshot;
import dev.sleet.kit.snapshot.TableSnapshot;

/**
 * One typed difference between two snapshots. The differ produces them in executable order; a
 * dialect turns each into SQL. Tables are named by schema and name.
 */
public sealed interface Change {

    /** The qualified table (or schema) a change is about, for messages and probes. */
    String subject();

    record RenameTable(String schema, String from, String to) implements Change {
        public String subject() { return schema + "." + to; }
    }

    record RenameColumn(String schema, String table, String from, String to) implements Change {
        public String subject() { return schema + "." + table + "." + to; }
    }

    record RenameSchema(String from, String to) implements Change {
        public String subject() { return to; }
    }

    record CreateSchema(String schema) implements Change {
        public String subject() { return schema; }
    }

    record DropSchema(String schema) implements Change {
        public String subject() { return schema; }
    }

    /** A new table with its columns, primary key and unique constraints; foreign keys and indexes follow separately. */
    record CreateTable(TableSnapshot table) implements Change {
        public String subject() { return table.key(); }
    }

    record DropTable(String schema, String table) implements Change {
        public String subject() { return schema + "." + table; }
    }

    record AddColumn(String schema, String table, ColumnSnapshot column) implements Change {
        public String subject() { return schema + "." + table + "." + column.name(); }
    }

    record DropColumn(String schema, String table, String column) implements Change {
        public String subject() { return schema + "." + table + "." + column; }
    }

    /** Type, nullability, default or serial-ness of a column changed; {@code from} and {@code to} have the same name. */
    record AlterColumn(String schema, String table, ColumnSnapshot from, ColumnSnapshot to) implements Change {
        public String subject() { return schema + "." + table + "." + to.name(); }
    }

    record AddPrimaryKey(String schema, String table, KeySnapshot key) implements Change {
        public String subject() { return schema + "." + table + "." + key.name(); }
    }

    record DropPrimaryKey(String schema, String table, KeySnapshot key) implements Change {
        public String subject() { return schema + "." + table + "." + key.name(); }
    }

    record AddUnique(String schema, String table, KeySnapshot key) implements Change {
        public String subject() { return schema + "." + table + "." + key.name(); }
    }

    record DropUnique(String schema, String table, KeySnapshot key) implements Change {
        public String subject() { return schema + "." + table + "." + key.name(); }
    }

    record AddForeignKey(String schema, String table, ForeignKeySnapshot key) implements Change {
        public String subject() { return schema + "." + table + "." + key.name(); }
    }

    record DropForeignKey(String schema, String table, ForeignKeySnapshot key) implements Change {
        public String subject() { return schema + "." + table + "." + key.name(); }
    }

    record CreateIndex(String schema, String table, IndexSnapshot index) implements Change {
        public String subject() { return schema + "." + index.name(); }
    }

    record DropIndex(String schema, String table, IndexSnapshot index) implements Change {
        public String subject() { return schema + "." + index.name(); }
    }
}
