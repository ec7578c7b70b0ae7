package dev.sleet.kit.loss;

import dev.sleet.kit.dialect.Dialect;
import dev.sleet.kit.diff.Change;

import java.util.ArrayList;
import java.util.List;

/**
 * "May this column lose values?" — asked about a type change that may not keep every value of the
 * column (text to {@code varchar(10)}, {@code numeric(10,2)} to {@code numeric(10,0)}, an array to
 * one value). Named in the new naming: a column of a renamed table by the table's new name.
 *
 * @param fromType the type the column has, as the snapshot spells it
 * @param toType   the type it gets
 * @param reason   what may be lost, e.g. "values longer than 10 characters are cut"
 */
public record LossyChange(String schema, String table, String column, String fromType, String toType, String reason) {

    /** The lossy type changes among {@code changes}, as the dialect judges them. */
    public static List<LossyChange> in(List<Change> changes, Dialect dialect) {
        List<LossyChange> lossy = new ArrayList<>();
        for (Change change : changes) {
            if (change instanceof Change.ColumnConversion c) {
                dialect.typeChangeLoss(c.valuesFrom(), c.valuesTo()).ifPresent(reason -> lossy.add(new LossyChange(
                        c.schema(), c.table(), c.to().name(), c.valuesFrom().type(), c.valuesTo().type(), reason)));
            }
        }
        return lossy;
    }

    /** {@code schema.table.column}. */
    public String subject() {
        return schema + "." + table + "." + column;
    }

    /** The option that writes the change with a guard. */
    public String allowArgument() {
        return "--allow-lossy " + subject();
    }

    /** The option that writes the change without a guard, accepting the loss. */
    public String acceptArgument() {
        return "--accept-loss " + subject();
    }

    /** One line: the column, the types and what may be lost. */
    public String describe() {
        return subject() + ": " + fromType + " -> " + toType + ": " + reason;
    }
}
