package dev.sleet.kit.dialect;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.Snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What differs between databases, in one seam: SQL for typed changes, catalog introspection, the
 * names a database gives unnamed constraints, and how a Java value is written as a default.
 * Everything else in the kit (differ, history, code generation) is dialect-neutral.
 */
public interface Dialect {

    /** The name used in config files, snapshots and journals: {@code postgresql}. */
    String name();

    /** SQL statements, in executable order, that carry out the given changes. */
    List<String> sql(List<Change> changes);

    /**
     * What changing a column from {@code from}'s type to {@code to}'s may lose ("values longer than
     * 10 characters are cut"), or empty when every value converts back unchanged. Pairs the dialect
     * does not know are lossy. {@code generate} asks about each lossy change; the dialect writes it
     * with a guard unless the loss is accepted, and {@code push} counts its rows, by this one rule.
     */
    Optional<String> typeChangeLoss(ColumnSnapshot from, ColumnSnapshot to);

    /** Reads the schemas named by {@code options} from a live database. */
    Introspection introspect(Connection connection, IntrospectOptions options) throws SQLException;

    /**
     * Reads the live database to compare it with {@code expected} (the history's snapshot, or the
     * code's): each expression that reads differently from the expected one but means the same once
     * the database has printed both (see {@link ExpressionForm}) is given the expected spelling, so
     * that the comparison sees only real differences. Needs a database that allows temporary objects;
     * where it does not, expressions are compared as text and a warning says so.
     */
    default Introspection introspect(Connection connection, IntrospectOptions options, Snapshot expected) throws SQLException {
        return introspect(connection, options);
    }

    /** The name the database gives an unnamed constraint; {@code suffix} is pkey, key, fkey or idx. */
    String defaultConstraintName(String table, List<String> columns, String suffix);

    /** A Java value as an SQL literal of {@code type}, in the form the catalog prints defaults. */
    String literal(Object value, String type);

    /** The Java value a default expression stands for, if it is a plain literal of {@code type}. */
    Optional<Object> parseLiteral(String expression, String type);

    /**
     * A Java value as an SQL literal of a column's type, where {@code typeSchema} is the schema of
     * a user-defined type (an enum label, a Java array for an array of enums) and null otherwise.
     */
    default String literal(Object value, String type, String typeSchema) {
        return literal(value, type);
    }

    /** The Java value a default expression of a column's type stands for; see {@link #literal(Object, String, String)}. */
    default Optional<Object> parseLiteral(String expression, String type, String typeSchema) {
        return parseLiteral(expression, type);
    }

    /**
     * A column default that draws the next value from a standalone sequence, in the form the catalog
     * prints defaults, so that a default naming a renamed sequence can be renamed with it.
     */
    String sequenceDefault(String schema, String sequence);

    /** The schema unqualified names live in. */
    String defaultSchema();

    static Dialect forName(String name) {
        if ("postgresql".equals(name)) {
            return dev.sleet.kit.postgres.PostgresDialect.INSTANCE;
        }
        throw new dev.sleet.kit.SleetException("Unsupported dialect \"" + name
                + "\": this version of Sleet supports \"postgresql\"");
    }
}
