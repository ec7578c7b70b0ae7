package dev.sleet.kit.loss;

import java.util.List;

/**
 * Where a command's answers to lossy type changes come from, besides declarations in schema code.
 *
 * @param allow       {@code --allow-lossy} values ({@code schema.table.column}): written with a guard
 * @param accept      {@code --accept-loss} values: written without one
 * @param interactive asks a person, or null when there is no terminal (or {@code --no-interactive})
 */
public record LossInput(List<String> allow, List<String> accept, LossResolver interactive) {

    public static final LossInput NONE = new LossInput(List.of(), List.of(), null);

    public LossInput {
        allow = allow == null ? List.of() : List.copyOf(allow);
        accept = accept == null ? List.of() : List.copyOf(accept);
    }

    public boolean hasOptions() {
        return !allow.isEmpty() || !accept.isEmpty();
    }
}
