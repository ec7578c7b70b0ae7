package dev.sleet.schema;

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
public final class Column<T> {

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

    Column(Table<?> table, String name, DataType<T> type, boolean serial) {
        this(table, name, type, null);
        this.serial = serial;
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
        return copy;
    }

    private Column<T> copy() {
        return copy(type);
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
