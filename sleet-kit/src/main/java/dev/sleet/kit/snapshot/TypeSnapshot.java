package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A composite type ({@code CREATE TYPE s.t AS (a int, b text)}, kind {@code composite}) or a range
 * type ({@code CREATE TYPE s.r AS RANGE (subtype = uuid)}, kind {@code range}). Types are spelled as
 * {@code format_type} prints them with the search path {@code public} (qualified outside it), which
 * is also how the DDL writes them. A range keeps only what is not PostgreSQL's default: its subtype's
 * operator class, collation, canonical and subtype-difference functions, and its multirange's name.
 * {@code dependsOn} holds the keys of the domains and composite and range types it uses, which must
 * exist before it.
 */
public record TypeSnapshot(String schema, String name, String kind,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Attribute> attributes,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String subtype,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String subtypeOpclass,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String collation,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String canonical,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String subtypeDiff,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String multirange,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedSet<String> dependsOn) {

    public static final String COMPOSITE = "composite";
    public static final String RANGE = "range";

    /** An attribute of a composite type; {@code collation} (qualified, quoted) only where not its type's. */
    public record Attribute(String name, String type,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String collation) {
        public Attribute {
            Objects.requireNonNull(name);
            Objects.requireNonNull(type);
        }
    }

    public TypeSnapshot {
        Objects.requireNonNull(schema);
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        dependsOn = new TreeSet<>(dependsOn == null ? Set.of() : dependsOn);
    }

    @JsonIgnore
    public String key() {
        return Snapshot.key(schema, name);
    }

    @JsonIgnore
    public boolean isRange() {
        return RANGE.equals(kind);
    }

    /**
     * Domains and types with what each uses before it (a composite may use a domain, a domain may be
     * over a composite), otherwise in key order; each element is a {@link DomainSnapshot} or a
     * {@link TypeSnapshot}.
     */
    public static List<Object> inDependencyOrder(Map<String, DomainSnapshot> domains, Map<String, TypeSnapshot> types) {
        Map<String, Object> all = new java.util.TreeMap<>();
        all.putAll(domains);
        all.putAll(types);
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String key : all.keySet()) {
            place(key, all, types, ordered, new HashSet<>());
        }
        return new ArrayList<>(ordered.values());
    }

    private static void place(String key, Map<String, Object> all, Map<String, TypeSnapshot> types,
                              Map<String, Object> ordered, Set<String> visiting) {
        Object object = all.get(key);
        if (object == null || ordered.containsKey(key) || !visiting.add(key)) {
            return;
        }
        for (String needed : needs(object, types)) {
            place(needed, all, types, ordered, visiting);
        }
        ordered.put(key, object);
    }

    private static Set<String> needs(Object object, Map<String, TypeSnapshot> types) {
        if (object instanceof TypeSnapshot type) {
            return type.dependsOn();
        }
        DomainSnapshot domain = (DomainSnapshot) object;
        Set<String> needs = new TreeSet<>();
        if (domain.baseTypeKey() != null) {
            needs.add(domain.baseTypeKey());
        } else {
            // A domain over a composite or range type names it as format_type prints it.
            String base = domain.baseType().endsWith("[]")
                    ? domain.baseType().substring(0, domain.baseType().length() - 2) : domain.baseType();
            for (TypeSnapshot type : types.values()) {
                if (type.spelledAs(base)) {
                    needs.add(type.key());
                }
            }
        }
        return needs;
    }

    /** Whether {@code typeText} (as {@code format_type} prints it, search path {@code public}) names this type. */
    public boolean spelledAs(String typeText) {
        return spells(typeText, schema, name);
    }

    /**
     * Whether {@code typeText} (as {@code format_type} prints it, search path {@code public}) names
     * the type {@code schema.name}, or an array of it: any type, such as a table's row type.
     */
    public static boolean spells(String typeText, String schema, String name) {
        String element = typeText.endsWith("[]") ? typeText.substring(0, typeText.length() - 2) : typeText;
        String plain = quoteIfNeeded(name);
        return element.equals(quoteIfNeeded(schema) + "." + plain) || schema.equals("public") && element.equals(plain);
    }

    private static String quoteIfNeeded(String identifier) {
        // As quote_ident: keywords are quoted too ("order").
        return identifier.matches("[a-z_][a-z0-9_$]*") && !SqlDefinitions.isKeyword(identifier) ? identifier
                : "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
