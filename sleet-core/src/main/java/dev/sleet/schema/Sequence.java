package dev.sleet.schema;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A standalone sequence ({@code CREATE SEQUENCE}). Sequences that belong to a column (serial and
 * identity columns) are part of their column, never declared on their own. Declare it as a
 * public static final field of a schema class:
 *
 * <pre>{@code
 * public static final Sequence INVOICE_NUMBERS = Sequence.of("invoice_numbers").as(DataType.INTEGER)
 *         .options(s -> s.startWith(1000).incrementBy(10));
 * }</pre>
 *
 * Immutable: each method returns a new sequence.
 */
public final class Sequence implements SchemaObject {

    private final String schema;
    private final String name;
    private final String type;
    private final SequenceOptions options;

    private Sequence(String schema, String name, String type, SequenceOptions options) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.name = Objects.requireNonNull(name, "sequence name");
        this.type = type;
        this.options = Objects.requireNonNull(options);
    }

    /** A {@code bigint} sequence in the {@code public} schema with default options. */
    public static Sequence of(String name) {
        return new Sequence("public", name, "bigint", SequenceOptions.defaults());
    }

    public Sequence inSchema(String schemaName) {
        return new Sequence(schemaName, name, type, options);
    }

    /** The sequence's type: {@link DataType#SMALLINT}, {@link DataType#INTEGER} or {@link DataType#BIGINT} (the default). */
    public Sequence as(DataType<?> dataType) {
        String sql = dataType.sql();
        if (!sql.equals("smallint") && !sql.equals("integer") && !sql.equals("bigint")) {
            throw new IllegalArgumentException("A sequence is smallint, integer or bigint, not " + sql);
        }
        return new Sequence(schema, name, sql, options);
    }

    /** The sequence with its options changed: {@code .options(s -> s.startWith(100).cycle())}. */
    public Sequence options(UnaryOperator<SequenceOptions> change) {
        return new Sequence(schema, name, type, Objects.requireNonNull(change.apply(options)));
    }

    @Override
    public String schemaName() {
        return schema;
    }

    @Override
    public String objectName() {
        return name;
    }

    /** {@code smallint}, {@code integer} or {@code bigint}. */
    public String type() {
        return type;
    }

    public SequenceOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "sequence " + schema + "." + name;
    }
}
