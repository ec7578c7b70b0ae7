package dev.sleet.schema;

import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A standalone sequence ({@code CREATE SEQUENCE}). Sequences of serial and identity columns are part of their
 * column, never declared on their own; a sequence a column owns otherwise is declared with {@link #ownedBy}. Declare it as a
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
    private final String previousName;
    private final String ownedBy;

    private Sequence(String schema, String name, String type, SequenceOptions options, String previousName, String ownedBy) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.name = Objects.requireNonNull(name, "sequence name");
        this.type = type;
        this.options = Objects.requireNonNull(options);
        this.previousName = previousName;
        this.ownedBy = ownedBy;
    }

    /** A {@code bigint} sequence in the {@code public} schema with default options. */
    public static Sequence of(String name) {
        return new Sequence("public", name, "bigint", SequenceOptions.defaults(), null, null);
    }

    public Sequence inSchema(String schemaName) {
        return new Sequence(schemaName, name, type, options, previousName, ownedBy);
    }

    /** The sequence's type: {@link DataType#SMALLINT}, {@link DataType#INTEGER} or {@link DataType#BIGINT} (the default). */
    public Sequence as(DataType<?> dataType) {
        String sql = dataType.sql();
        if (!sql.equals("smallint") && !sql.equals("integer") && !sql.equals("bigint")) {
            throw new IllegalArgumentException("A sequence is smallint, integer or bigint, not " + sql);
        }
        return new Sequence(schema, name, sql, options, previousName, ownedBy);
    }

    /** The sequence with its options changed: {@code .options(s -> s.startWith(100).cycle())}. */
    public Sequence options(UnaryOperator<SequenceOptions> change) {
        return new Sequence(schema, name, type, Objects.requireNonNull(change.apply(options)), previousName, ownedBy);
    }

    /**
     * Declares that this sequence was called {@code previousName} (in the same schema) before, so that
     * {@code sleet generate} and {@code sleet push} rename it, keeping its current value, instead of asking whether it is new.
     * Once the rename has been generated the declaration is harmless and may be removed.
     */
    public Sequence renamedFrom(String previousName) {
        return new Sequence(schema, name, type, options, Objects.requireNonNull(previousName, "previousName"), ownedBy);
    }

    @Override
    public String schemaName() {
        return schema;
    }

    @Override
    public String objectName() {
        return name;
    }

    @Override
    public Optional<String> previousName() {
        return Optional.ofNullable(previousName);
    }

    /**
     * {@code ALTER SEQUENCE ... OWNED BY table.column}: the sequence belongs to that column of a table in its schema and is
     * dropped with it. Serial columns own their sequence already; this is for one named or typed otherwise than
     * {@code serial} makes it ({@code sleet pull} writes it so), the column taking {@code .defaultSql("nextval('name'::regclass)")}.
     */
    public Sequence ownedBy(String table, String column) {
        return new Sequence(schema, name, type, options, previousName,
                Objects.requireNonNull(table, "table") + "." + Objects.requireNonNull(column, "column"));
    }

    /** The {@code table.column} that owns the sequence; empty when none does. */
    public Optional<String> owner() {
        return Optional.ofNullable(ownedBy);
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
