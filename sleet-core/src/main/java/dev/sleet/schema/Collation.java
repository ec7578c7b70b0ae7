package dev.sleet.schema;

import java.util.Objects;

/**
 * A collation ({@code CREATE COLLATION}): a provider ({@code icu} or {@code libc}), its locale
 * (or, for libc, {@code LC_COLLATE} and {@code LC_CTYPE} apart), and whether it is deterministic.
 * Columns, domains and index keys use it with {@code .collate(COLLATION)}; collations PostgreSQL
 * ships ({@code "C"}, {@code "POSIX"}, {@code "en-x-icu"}) are named with {@code .collate("C")}.
 *
 * <pre>{@code
 * public static final Collation CASE_INSENSITIVE = Collation.icu("case_insensitive", "und-u-ks-level2").nondeterministic();
 * public static final Collation GERMAN = Collation.libc("german", "de_DE.utf8");
 * }</pre>
 *
 * A locale is compared as the catalog keeps it, so write it as {@code sleet pull} does.
 */
public final class Collation implements SchemaObject {

    private final String schema;
    private final String name;
    private final String provider;
    private final String lcCollate;
    private final String lcCtype;
    private final boolean deterministic;

    private Collation(String schema, String name, String provider, String lcCollate, String lcCtype, boolean deterministic) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.name = Objects.requireNonNull(name, "collation name");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.lcCollate = Objects.requireNonNull(lcCollate, "locale");
        this.lcCtype = Objects.requireNonNull(lcCtype, "locale");
        this.deterministic = deterministic;
    }

    /** An ICU collation of the given locale ({@code und-u-ks-level2}), deterministic. */
    public static Collation icu(String name, String locale) {
        return new Collation("public", name, "icu", locale, locale, true);
    }

    /** A libc collation of the given locale (both {@code LC_COLLATE} and {@code LC_CTYPE}). */
    public static Collation libc(String name, String locale) {
        return new Collation("public", name, "libc", locale, locale, true);
    }

    /** A libc collation with {@code LC_COLLATE} and {@code LC_CTYPE} apart. */
    public static Collation libc(String name, String lcCollate, String lcCtype) {
        return new Collation("public", name, "libc", lcCollate, lcCtype, true);
    }

    public Collation inSchema(String schemaName) {
        return new Collation(schemaName, name, provider, lcCollate, lcCtype, deterministic);
    }

    /** {@code DETERMINISTIC = false}: strings that compare equal need not be the same bytes (ICU only). */
    public Collation nondeterministic() {
        return new Collation(schema, name, provider, lcCollate, lcCtype, false);
    }

    @Override
    public String schemaName() {
        return schema;
    }

    @Override
    public String objectName() {
        return name;
    }

    /** {@code icu} or {@code libc}. */
    public String provider() {
        return provider;
    }

    public String lcCollate() {
        return lcCollate;
    }

    public String lcCtype() {
        return lcCtype;
    }

    public boolean isDeterministic() {
        return deterministic;
    }

    @Override
    public String toString() {
        return "collation " + schema + "." + name;
    }
}
