package dev.sleet.kit.dialect;

import java.util.List;

/**
 * What to read: the schemas, and the migration tracking table to leave out.
 */
public record IntrospectOptions(List<String> schemas, String trackingSchema, String trackingTable) {

    public IntrospectOptions {
        schemas = List.copyOf(schemas);
    }
}
