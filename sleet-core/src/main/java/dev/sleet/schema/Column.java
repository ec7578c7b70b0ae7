package dev.sleet.schema;

import dev.sleet.sql.Expression;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A typed column of a {@link Table}. Columns are immutable: each modifier returns a new column
 * and puts it in the place of the old one on its table, so declarations chain naturally:
 *
 * <pre>{@code public final Column<String> email = varchar("email", 320).notNull().unique();}</pre>
 *
 * @param <T> the Java type of the column's values
 */
public final class Column<T> implements Expression<T> {

    private final Table<?> table;
    private final String name;
    private final DataType<T> type;
    private final EnumType<?> enumType;
    // Set only on a fresh copy, before it is published: a column never changes once it is on its table.
    private boolean notNull;
    private boolean primaryKey;
    private boolean serial;
    private ColumnDefault defaultValue;
    private String uniqueName;
    private boolean unique;
    private Identity identity;
    private String generated;
    private String comment;
    private Converter<?, T> converter;
    private Domain<?> domain;
    private String collation;
    private String collationSchema;

    /** How an identity column is generated. */
    public enum IdentityGeneration {
        ALWAYS, BY_DEFAULT
    }

    /**
     * An identity column's generation, the options of its sequence and the sequence's name ({@code SEQUENCE NAME});
     * {@code sequenceName} is null for PostgreSQL's own choice ({@code table_column_seq}).
     */
    public record Identity(IdentityGeneration generation, SequenceOptions options, String sequenceName) {
        public Identity {
            Objects.requireNonNull(generation);
            Objects.requireNonNull(options);
        }

        /** An identity whose sequence is named by PostgreSQL. */
        public Identity(IdentityGeneration generation, SequenceOptions options) {
            this(generation, options, null);
        }
    }

    Column(Table<?> table, String name, DataType<T> type, boolean serial) {
        this(table, name, type, null);
        this.serial = serial;
    }

    Column(Table<?> table, String name, Domain<T> domain) {
        this(table, name, domain.dataType(), null);
        this.domain = domain;
    }

    Column(Table<?> table, String name, DataType<T> type, EnumType<?> enumType) {
        this.table = Objects.requireNonNull(table);
        this.name = Objects.requireNonNull(name, "column name");
        this.type = Objects.requireNonNull(type);
        this.enumType = enumType;
    }

    /** A copy of this column with another type, keeping every modifier. */
    private <U> Column<U> copy(DataType<U> newType) {
        Column<U> copy = new Column<>(table, name, newType, enumType);
        copy.notNull = notNull;
        copy.primaryKey = primaryKey;
        copy.serial = serial;
        copy.defaultValue = defaultValue;
        copy.uniqueName = uniqueName;
        copy.unique = unique;
        copy.identity = identity;
        copy.generated = generated;
        copy.comment = comment;
        copy.domain = domain;
        copy.collation = collation;
        copy.collationSchema = collationSchema;
        return copy;
    }

    private Column<T> copy() {
        Column<T> copy = copy(type);
        copy.converter = converter;
        return copy;
    }

    /**
     * The column with its values converted to and from an application type ({@code U}); its SQL
     * type, and so the schema, stay the same. See {@link Converter}.
     */
    public <U> Column<U> convert(Converter<T, U> converter) {
        if (this.converter != null) {
            throw new IllegalStateException("Column " + this + " has a converter already");
        }
        if (!converter.databaseType().equals(type.javaType())) {
            throw new IllegalArgumentException("Column " + this + " reads " + type.javaType().getSimpleName()
                    + " but the converter expects " + converter.databaseType().getSimpleName());
        }
        Column<U> next = copy(new DataType<>(type.sql(), converter.userType()));
        next.converter = converter;
        table.replace(this, next);
        return next;
    }

    /** The converter attached with {@link #convert(Converter)}, if any. */
    public Optional<Converter<?, T>> converter() {
        return Optional.ofNullable(converter);
    }

    /** Marks the column NOT NULL. */
    public Column<T> notNull() {
        Column<T> next = copy();
        next.notNull = true;
        return replaceWith(next);
    }

    /** Makes this column the table's primary key (which implies NOT NULL). */
    public Column<T> primaryKey() {
        Column<T> next = copy();
        next.notNull = true;
        next.primaryKey = true;
        return replaceWith(next);
    }

    /** A unique constraint on this column alone, named as PostgreSQL would ({@code <table>_<column>_key}). */
    public Column<T> unique() {
        Column<T> next = copy();
        next.unique = true;
        next.uniqueName = null;
        return replaceWith(next);
    }

    /** A unique constraint on this column alone, with the given name. */
    public Column<T> unique(String constraintName) {
        Column<T> next = copy();
        next.unique = true;
        next.uniqueName = Objects.requireNonNull(constraintName);
        return replaceWith(next);
    }

    /**
     * A default given as a Java value; Sleet writes it as an SQL literal of the column's type. For
     * an enum column the value is a label or a constant of the Java enum; for an array column, a
     * Java array ({@code new String[] {"a", "b"}}).
     */
    public Column<T> defaultValue(T value) {
        Column<T> next = copy();
        next.defaultValue = new ColumnDefault.Value(Objects.requireNonNull(value));
        return replaceWith(next);
    }

    /** A default given as an SQL expression, written out as it is: {@code now()}, {@code gen_random_uuid()}. */
    public Column<T> defaultSql(String expression) {
        Column<T> next = copy();
        next.defaultValue = new ColumnDefault.Sql(Objects.requireNonNull(expression));
        return replaceWith(next);
    }

    /** {@code GENERATED ALWAYS AS IDENTITY}: the column draws from a sequence it owns and takes no other values. */
    public Column<T> generatedAlwaysAsIdentity() {
        return identity(IdentityGeneration.ALWAYS, SequenceOptions.defaults());
    }

    /** {@code GENERATED ALWAYS AS IDENTITY (...)}: {@code .generatedAlwaysAsIdentity(s -> s.startWith(100))}. */
    public Column<T> generatedAlwaysAsIdentity(java.util.function.UnaryOperator<SequenceOptions> options) {
        return identity(IdentityGeneration.ALWAYS, options.apply(SequenceOptions.defaults()));
    }

    /** {@code GENERATED BY DEFAULT AS IDENTITY}: the sequence fills the column unless a value is given. */
    public Column<T> generatedByDefaultAsIdentity() {
        return identity(IdentityGeneration.BY_DEFAULT, SequenceOptions.defaults());
    }

    /** {@code GENERATED BY DEFAULT AS IDENTITY (...)}. */
    public Column<T> generatedByDefaultAsIdentity(java.util.function.UnaryOperator<SequenceOptions> options) {
        return identity(IdentityGeneration.BY_DEFAULT, options.apply(SequenceOptions.defaults()));
    }

    private Column<T> identity(IdentityGeneration generation, SequenceOptions options) {
        Column<T> next = copy();
        next.identity = new Identity(generation, options);
        next.notNull = true;
        return replaceWith(next);
    }

    /**
     * The name of an identity column's sequence, {@code GENERATED ... AS IDENTITY (SEQUENCE NAME name)}, where it is
     * not the one PostgreSQL would choose ({@code table_column_seq}): {@code .generatedAlwaysAsIdentity().sequenceName("ids")}.
     * The sequence is in the table's schema.
     */
    public Column<T> sequenceName(String sequenceName) {
        if (identity == null) {
            throw new IllegalStateException("Column " + name + " is not an identity column: only an identity column names its sequence"
                    + " (declare a Sequence with ownedBy for a serial column's)");
        }
        Column<T> next = copy();
        next.identity = new Identity(identity.generation(), identity.options(), Objects.requireNonNull(sequenceName, "sequenceName"));
        return replaceWith(next);
    }

    /**
     * A stored generated column, {@code GENERATED ALWAYS AS (expression) STORED}. The expression is
     * compared as PostgreSQL prints it back ({@code pg_get_expr}: {@code (price * (qty)::numeric)}),
     * so write it in that form, or let {@code sleet pull} write it for you.
     */
    public Column<T> generatedAlwaysAs(String expression) {
        Column<T> next = copy();
        next.generated = Objects.requireNonNull(expression);
        return replaceWith(next);
    }

    /**
     * The column as an array of its type: {@code integer("scores").array()} is {@code integer[]},
     * {@code column("moods", MOOD).array()} is {@code mood[]}. PostgreSQL does not enforce the
     * number of dimensions, so one {@code .array()} is all there is.
     */
    @SuppressWarnings("unchecked")
    public Column<T[]> array() {
        if (type.sql().endsWith("[]")) {
            throw new IllegalStateException("Column " + this + " is an array already (one .array() covers any number of dimensions)");
        }
        if (serial) {
            throw new IllegalStateException("Column " + this + " is serial and cannot be an array");
        }
        if (defaultValue instanceof ColumnDefault.Value) {
            throw new IllegalStateException("Column " + this + ": call .array() before .defaultValue(...)");
        }
        Class<T[]> arrayClass = (Class<T[]>) java.lang.reflect.Array.newInstance(type.javaType(), 0).getClass();
        Column<T[]> next = copy(new DataType<>(type.sql() + "[]", arrayClass));
        table.replace(this, next);
        return next;
    }

    /**
     * An unnamed foreign key from this column (named as PostgreSQL would: {@code <table>_<column>_fkey}).
     * The target is a supplier so that tables may refer to each other, or to themselves, in any order.
     */
    public Column<T> references(Supplier<Column<?>> target) {
        table.register(new ForeignKey(table, null, java.util.List.of(name), java.util.List.of(target),
                ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION));
        return this;
    }

    /**
     * Declares that this column was called {@code previousName} before, so that {@code sleet generate}
     * and {@code sleet push} rename it, keeping its values, instead of asking whether it is new:
     * {@code text("full_name").renamedFrom("name")}. Returns this column. Once the rename has been
     * generated the declaration is harmless and may be removed.
     */
    public Column<T> renamedFrom(String previousName) {
        table.declareColumnRename(name, previousName);
        return this;
    }

    /**
     * Answers the question {@code sleet generate} asks when this column's type changes from
     * {@code previousType} in a way that may lose values ({@code text} to {@code varchar(10)}): the
     * migration is written with a guard that, on every database it runs on, counts the values that
     * would not survive and fails the migration, changing nothing, if there are any. Name the old type
     * as the snapshot spells it ({@code text}, {@code varchar(50)}, {@code numeric(10,2)},
     * {@code text[]}); the declaration answers a change from that type only, so it never answers a
     * later change from another. Returns this column.
     */
    public Column<T> allowLossyFrom(String previousType) {
        table.declareLossyChange(name, new LossyTypeChange(previousType, false));
        return this;
    }

    /**
     * Like {@link #allowLossyFrom(String)}, but accepts the loss: the change is written without a
     * guard (the file says so), and values that do not fit the new type are cut, rounded or
     * converted as PostgreSQL's cast does.
     */
    public Column<T> acceptLossFrom(String previousType) {
        table.declareLossyChange(name, new LossyTypeChange(previousType, true));
        return this;
    }

    /** {@code COLLATE "name"}: a collation PostgreSQL ships ({@code "C"}, {@code "POSIX"}, {@code "en-x-icu"}). */
    public Column<T> collate(String collationName) {
        Column<T> next = copy();
        next.collation = Objects.requireNonNull(collationName, "collation");
        next.collationSchema = null;
        return replaceWith(next);
    }

    /** {@code COLLATE schema.name}: a collation the schema declares. */
    public Column<T> collate(Collation declared) {
        Objects.requireNonNull(declared, () -> "The collation of column " + this + " is null: declare the collation first");
        Column<T> next = copy();
        next.collation = declared.objectName();
        next.collationSchema = declared.schemaName();
        return replaceWith(next);
    }

    /** The column's own collation; empty for its type's. */
    public Optional<String> collation() {
        return Optional.ofNullable(collation);
    }

    /** The schema of a declared collation; empty for one PostgreSQL ships ({@code pg_catalog}). */
    public Optional<String> collationSchema() {
        return Optional.ofNullable(collationSchema);
    }

    /** The domain a column of a domain type is of (an array of it too); empty for other columns. */
    public Optional<Domain<?>> domain() {
        return Optional.ofNullable(domain);
    }

    /** The column's {@code COMMENT ON COLUMN}. */
    public Column<T> comment(String text) {
        Column<T> next = copy();
        next.comment = Objects.requireNonNull(text, "comment");
        return replaceWith(next);
    }

    /** The column's comment; empty when it has none. */
    public Optional<String> columnComment() {
        return Optional.ofNullable(comment);
    }

    /** This column as an ascending index key. */
    public IndexKey asc() {
        return IndexKey.of(this);
    }

    /** This column as a descending index key: {@code index("recent").on(createdAt.desc())}. */
    public IndexKey desc() {
        return IndexKey.of(this).desc();
    }

    private Column<T> replaceWith(Column<T> next) {
        table.replace(this, next);
        return next;
    }

    public Table<?> table() {
        return table;
    }

    /** The column's SQL name. */
    public String name() {
        return name;
    }

    @Override
    public DataType<T> type() {
        return type;
    }

    /** The enum type of an enum column (or of an array of enums); empty for other columns. */
    public Optional<EnumType<?>> enumType() {
        return Optional.ofNullable(enumType);
    }

    /** True for an array column ({@code integer[]}). */
    public boolean isArray() {
        return type.sql().endsWith("[]");
    }

    public boolean isNotNull() {
        return notNull;
    }

    public boolean isPrimaryKey() {
        return primaryKey;
    }

    /** True for serial, bigserial and smallserial: an integer column with a sequence it owns. */
    public boolean isSerial() {
        return serial;
    }

    public Optional<ColumnDefault> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** The identity of a {@code GENERATED ... AS IDENTITY} column; empty for other columns. */
    public Optional<Identity> identity() {
        return Optional.ofNullable(identity);
    }

    /** The expression of a stored generated column; empty for other columns. */
    public Optional<String> generatedExpression() {
        return Optional.ofNullable(generated);
    }

    public boolean isUnique() {
        return unique;
    }

    /** The unique constraint's declared name, empty when it takes the default name. */
    public Optional<String> uniqueName() {
        return Optional.ofNullable(uniqueName);
    }

    @Override
    public String toString() {
        return table.tableName() + "." + name;
    }
}
