package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A domain over a base type. {@code baseType} is Sleet's spelling of a built-in type, or the plain
 * name of an enum type or domain whose schema is {@code baseTypeSchema} (absent for built-ins);
 * {@code defaultValue} and the checks' expressions are in {@code pg_get_expr} form
 * ({@code (VALUE > 0)}); {@code collation} is set only where it is not the base type's, with
 * {@code collationSchema} for a collation outside {@code pg_catalog}.
 */
public record DomainSnapshot(String schema, String name, String baseType,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String baseTypeSchema,
                             @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean notNull,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String defaultValue,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, String> checks,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String collation,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String collationSchema) {

    public DomainSnapshot {
        Objects.requireNonNull(schema);
        Objects.requireNonNull(name);
        Objects.requireNonNull(baseType);
        checks = new TreeMap<>(checks == null ? Map.of() : checks);
    }

    @JsonIgnore
    public String key() {
        return Snapshot.key(schema, name);
    }

    /** The key ({@code schema.name}) of the enum type or domain the domain is over, or null for a built-in. */
    public String baseTypeKey() {
        return baseTypeSchema == null ? null : Snapshot.key(baseTypeSchema, baseType.endsWith("[]")
                ? baseType.substring(0, baseType.length() - 2) : baseType);
    }

    /** The same domain in everything but its base type, collation and default: what {@code ALTER DOMAIN} cannot change. */
    public boolean sameShapeAs(DomainSnapshot other) {
        return baseType.equals(other.baseType) && Objects.equals(baseTypeSchema, other.baseTypeSchema)
                && Objects.equals(collation, other.collation) && Objects.equals(collationSchema, other.collationSchema);
    }

    /** Domains with each base domain before the domains over it, otherwise in key order. */
    public static List<DomainSnapshot> inBaseOrder(Map<String, DomainSnapshot> domains) {
        Map<String, DomainSnapshot> ordered = new LinkedHashMap<>();
        for (DomainSnapshot domain : domains.values()) {
            place(domain, domains, ordered, new HashSet<>());
        }
        return new ArrayList<>(ordered.values());
    }

    private static void place(DomainSnapshot domain, Map<String, DomainSnapshot> all, Map<String, DomainSnapshot> ordered,
                              Set<String> visiting) {
        if (ordered.containsKey(domain.key()) || !visiting.add(domain.key())) {
            return;
        }
        DomainSnapshot base = domain.baseTypeKey() == null ? null : all.get(domain.baseTypeKey());
        if (base != null) {
            place(base, all, ordered, visiting);
        }
        ordered.put(domain.key(), domain);
    }
}
