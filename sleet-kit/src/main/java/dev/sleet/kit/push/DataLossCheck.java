package dev.sleet.kit.push;

import dev.sleet.kit.SleetException;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.snapshot.Snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Finds the changes that would lose data on a live database and counts the rows they affect:
 * dropped tables, columns and schemas holding rows, narrowed types with values that do not fit,
 * NOT NULL on columns holding NULLs, NOT NULL columns without a default added to tables with rows.
 * Changes that touch no row are not reported. Counting is dialect-specific.
 */
public interface DataLossCheck {

    /**
     * @param live    the database's schema as introspected (before the changes)
     * @param changes the planned changes, named after renames
     * @param names   maps names after renames back to the live database's names
     */
    List<DataLoss> check(Connection connection, Snapshot live, List<Change> changes, LiveNames names) throws SQLException;

    static DataLossCheck forDialect(String dialect) {
        if ("postgresql".equals(dialect)) {
            return new dev.sleet.kit.postgres.PostgresDataLoss();
        }
        throw new SleetException("push does not support dialect " + dialect + " yet");
    }
}
