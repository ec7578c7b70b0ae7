package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A foreign server ({@code CREATE SERVER name [TYPE] [VERSION] FOREIGN DATA WRAPPER wrapper
 * OPTIONS (...)}), keyed by name: only one whose wrapper an extension brings is carried, and never
 * one with an option named like a credential. {@code options} keep the catalog's order.
 */
public record ForeignServerSnapshot(String name, String wrapper,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) String type,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) String version,
                                    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> options) {

    public ForeignServerSnapshot {
        Objects.requireNonNull(name);
        Objects.requireNonNull(wrapper);
        options = new LinkedHashMap<>(options == null ? Map.of() : options);
    }

    /** Whether {@code other} is the same server up to its version and options, which {@code ALTER SERVER} changes. */
    public boolean sameShapeAs(ForeignServerSnapshot other) {
        return name.equals(other.name) && wrapper.equals(other.wrapper) && Objects.equals(type, other.type);
    }
}
