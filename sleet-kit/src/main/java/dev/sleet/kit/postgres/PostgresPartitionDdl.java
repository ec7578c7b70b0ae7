package dev.sleet.kit.postgres;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.snapshot.CheckSnapshot;
import dev.sleet.kit.snapshot.KeySnapshot;
import dev.sleet.kit.snapshot.PartitionKeySnapshot;
import dev.sleet.kit.snapshot.PartitionSnapshot;
import dev.sleet.kit.snapshot.TableSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.sleet.kit.postgres.PostgresNames.quote;

/** DDL for partitioned tables and partitions. */
final class PostgresPartitionDdl {

    private PostgresPartitionDdl() {}

    /** The statements for a partition change, or null when the change is of another kind. */
    static List<String> sql(Change change) {
        if (change instanceof Change.AttachPartition c) {
            return List.of(PostgresDdl.alter(c.parentSchema(), c.parent()) + "ATTACH PARTITION "
                    + PostgresDdl.table(c.schema(), c.table()) + " " + c.bound() + ";");
        }
        if (change instanceof Change.DetachPartition c) {
            return List.of(PostgresDdl.alter(c.parentSchema(), c.parent()) + "DETACH PARTITION "
                    + PostgresDdl.table(c.schema(), c.table()) + ";");
        }
        return null;
    }

    /** {@code  PARTITION BY RANGE ("a", (lower(b)))} for a partitioned table, else nothing. */
    static String partitionBy(TableSnapshot table) {
        PartitionSnapshot p = table.partitioning();
        if (p == null || !p.isPartitioned()) {
            return "";
        }
        List<String> keys = new ArrayList<>();
        for (PartitionKeySnapshot key : p.keys()) {
            keys.add(key.column() != null ? quote(key.column())
                    : PostgresDdl.parenthesized(key.expression()) ? key.expression() : "(" + key.expression() + ")");
        }
        return " PARTITION BY " + p.strategy().toUpperCase(Locale.ROOT) + " (" + String.join(", ", keys) + ")";
    }

    /**
     * {@code CREATE TABLE ... PARTITION OF ...} with no column list (the columns are the parent's),
     * then the partition's own primary key, unique constraints and checks; foreign keys and indexes
     * follow as for any table.
     */
    static List<String> createPartition(TableSnapshot table) {
        PartitionSnapshot p = table.partitioning();
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TABLE " + PostgresDdl.table(table.schema(), table.name()) + " PARTITION OF "
                + PostgresDdl.table(p.parentSchema(), p.parent()) + " " + p.bound() + partitionBy(table) + ";");
        String alter = PostgresDdl.alter(table.schema(), table.name());
        KeySnapshot pk = table.primaryKey();
        if (pk != null) {
            statements.add(alter + "ADD CONSTRAINT " + quote(pk.name()) + " PRIMARY KEY(" + PostgresDdl.columns(pk.columns()) + ");");
        }
        for (KeySnapshot key : table.uniqueConstraints().values()) {
            statements.add(alter + "ADD " + PostgresDdl.unique(key) + ";");
        }
        for (CheckSnapshot check : table.checkConstraints().values()) {
            statements.add(alter + "ADD " + PostgresDdl.check(check) + ";");
        }
        return statements;
    }

}
