package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One partition key: a column, or an expression as {@code pg_get_partkeydef} prints it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartitionKeySnapshot(String column, String expression) {
}
