package dev.sleet.kit.snapshot;

/**
 * A domain over a base type.
 */
public record DomainSnapshot(String schema, String name, String baseType) {
}
