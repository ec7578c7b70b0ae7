package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sleet.schema.Deferral;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * An exclusion constraint ({@code EXCLUDE USING method (key WITH operator, ...) WHERE (...)}):
 * its keys in index form ({@link IndexKeySnapshot}), one operator per key, the predicate as
 * {@code pg_get_expr} prints it, and {@code deferral} only when deferrable.
 */
public record ExclusionSnapshot(String name, String method, List<IndexKeySnapshot> keys, List<String> operators,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String where,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Deferral deferral) {

    public ExclusionSnapshot {
        Objects.requireNonNull(name);
        Objects.requireNonNull(method);
        keys = List.copyOf(keys);
        operators = List.copyOf(operators);
        if (keys.size() != operators.size()) {
            throw new IllegalArgumentException("Exclusion constraint " + name + " has " + keys.size() + " keys and "
                    + operators.size() + " operators");
        }
        deferral = deferral == Deferral.NOT_DEFERRABLE ? null : deferral;
    }

    @JsonIgnore
    public Deferral deferralOrDefault() {
        return deferral == null ? Deferral.NOT_DEFERRABLE : deferral;
    }

    /** The same constraint with every column name mapped (a column was renamed). */
    public ExclusionSnapshot withRenamedColumns(UnaryOperator<String> rename) {
        return new ExclusionSnapshot(name, method,
                keys.stream().map(k -> k.column() == null ? k : k.withColumn(rename.apply(k.column()))).toList(),
                operators, where, deferral);
    }
}
