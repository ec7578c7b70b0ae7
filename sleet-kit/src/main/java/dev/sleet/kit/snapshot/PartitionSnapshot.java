package dev.sleet.kit.snapshot;

/**
 * How a table is partitioned ({@code partitionBy}, e.g. {@code RANGE (created_at)}) or which table it is a partition of, and its bound.
 */
public record PartitionSnapshot(String partitionBy, String partitionOf, String bound) {
}
