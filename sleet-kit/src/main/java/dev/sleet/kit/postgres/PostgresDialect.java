package dev.sleet.kit.postgres;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.dialect.Dialect;
import dev.sleet.kit.dialect.ExpressionForm;
import dev.sleet.kit.dialect.IntrospectOptions;
import dev.sleet.kit.dialect.Introspection;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.Snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** PostgreSQL: the DDL, the catalog reader, its naming rules and its literal spelling. */
public final class PostgresDialect implements Dialect {

    public static final PostgresDialect INSTANCE = new PostgresDialect();

    private PostgresDialect() {}

    @Override
    public String name() {
        return "postgresql";
    }

    /** The DDL, with literals and quoted names that hold line breaks written on one line (see {@link PostgresEscapes}). */
    @Override
    public List<String> sql(List<Change> changes) {
        return PostgresDdl.sql(changes).stream().map(PostgresEscapes::escapeLineBreaks).toList();
    }

    @Override
    public Optional<String> typeChangeLoss(ColumnSnapshot from, ColumnSnapshot to) {
        return Optional.ofNullable(PostgresTypeChange.of(from, to).loss());
    }

    @Override
    public Introspection introspect(Connection connection, IntrospectOptions options) throws SQLException {
        return new PostgresIntrospector(connection, options).read();
    }

    @Override
    public Introspection introspect(Connection connection, IntrospectOptions options, Snapshot expected) throws SQLException {
        Introspection live = introspect(connection, options);
        PostgresExpressions printer = new PostgresExpressions(connection);
        Snapshot respelled = ExpressionForm.respell(live.snapshot(), expected, printer);
        if (printer.refused() == null) {
            return new Introspection(respelled, live.warnings(), live.unmanaged());
        }
        List<String> warnings = new ArrayList<>(live.warnings());
        warnings.add("Expressions (checks, defaults, indexes, policies, views) that read differently from the expected schema "
                + "could not be compared in PostgreSQL's own form, which needs temporary objects (" + printer.refused()
                + "); they are compared as text, and a difference there may be one of spelling only");
        return new Introspection(respelled, warnings, live.unmanaged());
    }

    @Override
    public String defaultConstraintName(String table, List<String> columns, String suffix) {
        return PostgresNames.defaultName(table, columns, suffix);
    }

    @Override
    public String literal(Object value, String type) {
        return PostgresLiterals.literal(value, type);
    }

    @Override
    public Optional<Object> parseLiteral(String expression, String type) {
        return PostgresLiterals.parse(expression, type);
    }

    @Override
    public String literal(Object value, String type, String typeSchema) {
        return PostgresLiterals.literal(value, type, typeSchema);
    }

    @Override
    public Optional<Object> parseLiteral(String expression, String type, String typeSchema) {
        return PostgresLiterals.parse(expression, type, typeSchema);
    }

    @Override
    public String sequenceDefault(String schema, String sequence) {
        return PostgresLiterals.nextValue(schema, sequence);
    }

    @Override
    public String defaultSchema() {
        return "public";
    }
}
