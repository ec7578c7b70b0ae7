package dev.sleet.kit.dialect;

import java.util.List;

/**
 * What to read: the schemas, the migration tracking table to leave out, and the roles to read
 * (roles belong to the whole cluster: only those named are read, never all of them).
 */
public record IntrospectOptions(List<String> schemas, String trackingSchema, String trackingTable, List<String> roles) {

    public IntrospectOptions {
        schemas = List.copyOf(schemas);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public IntrospectOptions(List<String> schemas, String trackingSchema, String trackingTable) {
        this(schemas, trackingSchema, trackingTable, List.of());
    }
}
