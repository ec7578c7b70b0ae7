package dev.sleet.dialect;

import dev.sleet.schema.Column;
import dev.sleet.schema.DataType;

/**
 * Everything that differs between databases at run time, in one object per database: how names
 * are quoted, how values are bound and read, which SQL forms exist. The query renderer asks it;
 * the migrator uses the same object through its {@code MigrationDialect} facet; the kit's DDL
 * dialect builds on it. See docs/architecture.md, "The dialect seam".
 */
public interface Dialect {

    /** PostgreSQL's dialect. */
    static Dialect postgresql() {
        return PostgresDialect.INSTANCE;
    }

    /** The name used in config files, snapshots and journals: {@code postgresql}. */
    String name();

    /** An identifier, always quoted: {@code "user"}, {@code "My ""Table"""}. */
    String quote(String identifier);

    /** Appends an identifier, quoted, without building a String for it (the renderer's hot path). */
    default void quote(StringBuilder out, String identifier) {
        out.append(quote(identifier));
    }

    /** A schema-qualified, quoted name. */
    default String qualify(String schema, String name) {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }

    /**
     * Text as an SQL string literal. Only DDL (defaults, comments) writes literals; query values are
     * always bound parameters.
     */
    String stringLiteral(String text);

    /** Whether the database has a construct; the renderer fails naming this dialect when not. */
    boolean supports(Feature feature);

    /**
     * Appends this database's limit/offset clause; null means the clause is absent. The counts are
     * Java integers, written as numbers (they cannot carry SQL).
     */
    void renderLimitOffset(StringBuilder sql, Integer limit, Integer offset);

    /** How a column's values are bound and read (its enum type and converter included). */
    <T> Binder<T> binder(Column<T> column);

    /** How values of a type are bound and read. */
    <T> Binder<T> binder(DataType<T> type);

    /** What kind of failure an SQLState stands for. */
    ErrorKind errorKind(String sqlState);

    /** The element type name of an array type ({@code integer[]} → {@code integer}), for {@code createArrayOf}. */
    String arrayElementType(String sqlType);

    /** Fails, naming this dialect, when it lacks {@code feature}. */
    default void require(Feature feature) {
        if (!supports(feature)) {
            throw new UnsupportedFeatureException(name(), feature);
        }
    }
}
