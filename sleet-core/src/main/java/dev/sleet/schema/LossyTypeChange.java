package dev.sleet.schema;

import java.util.Objects;

/**
 * A column's answer to the question {@code sleet generate} asks about a type change that may lose
 * values, declared with {@link Column#allowLossyFrom(String)} or {@link Column#acceptLossFrom(String)}.
 * It answers only a change from {@code fromType}, so it cannot answer a later change from another type.
 *
 * @param fromType the type the column changes from, in the snapshot's spelling ({@code text},
 *                 {@code varchar(50)}, {@code numeric(10,2)}, {@code timestamptz}, {@code text[]})
 * @param accepted true when the loss is accepted (no guard); false for a change written with a guard
 */
public record LossyTypeChange(String fromType, boolean accepted) {

    public LossyTypeChange {
        Objects.requireNonNull(fromType, "fromType");
    }
}
