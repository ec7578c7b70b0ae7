package dev.sleet.migrate.internal;

import dev.sleet.migrate.Probe;

/**
 * A probe's name split into parts. Identifiers could contain dots; splitting table, index and
 * sequence names on the first dot and column and constraint names on the first and last dot covers
 * every realistic name (a dot in a schema or object name on the "wrong" side is not supported).
 *
 * @param schema   the schema (null for a role)
 * @param relation table, index, sequence, type, view or role name
 * @param member   column, constraint or policy name, or null for the other probes
 */
public record ProbeTarget(Probe.Kind kind, String schema, String relation, String member) {

    public static ProbeTarget of(Probe probe) {
        String name = probe.name();
        if (probe.kind() == Probe.Kind.ROLE || probe.kind() == Probe.Kind.SCHEMA) {
            return new ProbeTarget(probe.kind(), null, name, null);
        }
        int first = name.indexOf('.');
        if (first <= 0 || first == name.length() - 1) {
            throw new IllegalArgumentException("probe " + probe.describe() + " must be schema-qualified ("
                    + shape(probe.kind()) + ")");
        }
        String schema = name.substring(0, first);
        String rest = name.substring(first + 1);
        return switch (probe.kind()) {
            case TABLE, INDEX, SEQUENCE, TYPE, VIEW, ROLE, SCHEMA, COLLATION, TEXT_SEARCH_CONFIGURATION, TEXT_SEARCH_DICTIONARY ->
                    new ProbeTarget(probe.kind(), schema, rest, null);
            case COLUMN, CONSTRAINT, POLICY -> {
                int last = rest.lastIndexOf('.');
                if (last <= 0 || last == rest.length() - 1) {
                    throw new IllegalArgumentException("probe " + probe.describe() + " must look like "
                            + shape(probe.kind()));
                }
                yield new ProbeTarget(probe.kind(), schema, rest.substring(0, last), rest.substring(last + 1));
            }
        };
    }

    private static String shape(Probe.Kind kind) {
        return switch (kind) {
            case TABLE -> "schema.table";
            case COLUMN -> "schema.table.column";
            case INDEX -> "schema.index";
            case CONSTRAINT -> "schema.table.constraint";
            case SEQUENCE -> "schema.sequence";
            case TYPE -> "schema.type";
            case VIEW -> "schema.view";
            case POLICY -> "schema.table.policy";
            case ROLE -> "role";
            case SCHEMA -> "schema";
            case COLLATION -> "schema.collation";
            case TEXT_SEARCH_CONFIGURATION -> "schema.configuration";
            case TEXT_SEARCH_DICTIONARY -> "schema.dictionary";
        };
    }
}
