package dev.sleet.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A foreign server ({@code CREATE SERVER}) of a foreign-data wrapper that an extension brings
 * ({@code file_fdw}, {@code postgres_fdw}): its {@code TYPE}, {@code VERSION} and options, in the
 * order written. Declare the wrapper's extension too. Servers belong to the whole database, not to
 * a schema.
 *
 * <pre>{@code
 * public static final ForeignServer IMPORT_CSV = ForeignServer.of("import_csv", "file_fdw");
 * public static final ForeignServer REPORTS = ForeignServer.of("reports", "postgres_fdw")
 *         .option("host", "reports.internal").option("dbname", "reports");
 * }</pre>
 *
 * Credentials belong in user mappings, which Sleet never carries: a server option named like one
 * ({@code password}, {@code secret}, {@code token}, ...) is refused.
 */
public final class ForeignServer implements SchemaObject {

    private final String name;
    private final String wrapper;
    private final String type;
    private final String version;
    private final Map<String, String> options;

    private ForeignServer(String name, String wrapper, String type, String version, Map<String, String> options) {
        this.name = Objects.requireNonNull(name, "server name");
        this.wrapper = Objects.requireNonNull(wrapper, "foreign-data wrapper");
        this.type = type;
        this.version = version;
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** A server of the foreign-data wrapper (by name), without type, version or options. */
    public static ForeignServer of(String name, String wrapper) {
        return new ForeignServer(name, wrapper, null, null, Map.of());
    }

    /** {@code TYPE 'type'}. */
    public ForeignServer type(String serverType) {
        return new ForeignServer(name, wrapper, Objects.requireNonNull(serverType), version, options);
    }

    /** {@code VERSION 'version'}. */
    public ForeignServer version(String serverVersion) {
        return new ForeignServer(name, wrapper, type, Objects.requireNonNull(serverVersion), options);
    }

    /** An option ({@code OPTIONS (name 'value')}), after those already declared. */
    public ForeignServer option(String optionName, String value) {
        if (ForeignOptions.isCredential(optionName)) {
            throw new IllegalArgumentException("Option " + optionName + " of foreign server " + name + " looks like a credential:"
                    + " put it in a user mapping, which Sleet does not carry, and create that by hand");
        }
        Map<String, String> next = new LinkedHashMap<>(options);
        next.put(Objects.requireNonNull(optionName), Objects.requireNonNull(value));
        return new ForeignServer(name, wrapper, type, version, next);
    }

    @Override
    public String schemaName() {
        return "";
    }

    @Override
    public String objectName() {
        return name;
    }

    public String wrapper() {
        return wrapper;
    }

    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    /** The options in the order declared. */
    public Map<String, String> options() {
        return options;
    }

    @Override
    public String toString() {
        return "foreign server " + name;
    }
}
