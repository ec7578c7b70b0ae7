package dev.sleet.migrate;

import java.util.Locale;
import java.util.Objects;

/**
 * One database object a pulled migration makes exist ({@code present = true}) or not exist
 * ({@code present = false}). The migrator compares probes with the live database to decide whether
 * a pulled migration already happened there; see {@code docs/migrations.md}.
 *
 * <p>Names are schema-qualified: {@code schema.table}, {@code schema.table.column},
 * {@code schema.index}, {@code schema.table.constraint}, {@code schema.sequence}, {@code schema.type}, {@code schema.view}, {@code schema.table.policy};
 * a role or schema probe names the role or schema alone.
 */
public record Probe(Kind kind, String name, boolean present) {

    public Probe {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("probe name must not be blank");
        }
    }

    /** A probe saying the migration makes {@code name} exist. */
    public static Probe exists(Kind kind, String name) {
        return new Probe(kind, name, true);
    }

    /** A probe saying the migration makes {@code name} not exist (it drops it). */
    public static Probe absent(Kind kind, String name) {
        return new Probe(kind, name, false);
    }

    /** Human-readable form used in messages: {@code column public.tasks.importance}. */
    public String describe() {
        return kind.jsonName() + " " + name;
    }

    /** The kinds of object a probe can name. */
    public enum Kind {
        TABLE, COLUMN, INDEX, CONSTRAINT, SEQUENCE,
        /** A user-defined type (an enum type). */
        TYPE,
        /** A view or materialized view. */
        VIEW,
        /** A row-level security policy: {@code schema.table.policy}. */
        POLICY,
        /** A role: its name alone, roles belong to no schema. */
        ROLE,
        /** A schema (namespace): its name alone. */
        SCHEMA,
        /** A collation made by {@code CREATE COLLATION}: {@code schema.collation}. */
        COLLATION,
        /** A text search configuration: {@code schema.configuration}. */
        TEXT_SEARCH_CONFIGURATION,
        /** A text search dictionary: {@code schema.dictionary}. */
        TEXT_SEARCH_DICTIONARY;

        /** The spelling used in {@code _journal.json}: lower case. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses the journal spelling; throws {@link IllegalArgumentException} for an unknown kind. */
        public static Kind fromJson(String value) {
            for (Kind kind : values()) {
                if (kind.jsonName().equals(value)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown probe kind '" + value
                    + "' (expected table, column, index, constraint, sequence, type, view, policy, role or schema)");
        }
    }
}
