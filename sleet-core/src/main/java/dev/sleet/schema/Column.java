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
    private final boolean notNull;
    private final boolean primaryKey;
    private final boolean serial;
    private final ColumnDefault defaultValue;
    private final String uniqueName;
    private final boolean unique;

    Column(Table<?> table, String name, DataType<T> type, boolean serial) {
        this(table, name, type, false, false, serial, null, false, null);
    }

    private Column(Table<?> table, String name, DataType<T> type, boolean notNull, boolean primaryKey,
                   boolean serial, ColumnDefault defaultValue, boolean unique, String uniqueName) {
        this.table = Objects.requireNonNull(table);
        this.name = Objects.requireNonNull(name, "column name");
        this.type = Objects.requireNonNull(type);
        this.notNull = notNull;
        this.primaryKey = primaryKey;
        this.serial = serial;
        this.defaultValue = defaultValue;
        this.unique = unique;
        this.uniqueName = uniqueName;
    }

    /** Marks the column NOT NULL. */
    public Column<T> notNull() {
        return replaceWith(new Column<>(table, name, type, true, primaryKey, serial, defaultValue, unique, uniqueName));
    }

    /** Makes this column the table's primary key (which implies NOT NULL). */
    public Column<T> primaryKey() {
        return replaceWith(new Column<>(table, name, type, true, true, serial, defaultValue, unique, uniqueName));
    }

    /** A unique constraint on this column alone, named as PostgreSQL would ({@code <table>_<column>_key}). */
    public Column<T> unique() {
        return replaceWith(new Column<>(table, name, type, notNull, primaryKey, serial, defaultValue, true, null));
    }

    /** A unique constraint on this column alone, with the given name. */
    public Column<T> unique(String constraintName) {
        return replaceWith(new Column<>(table, name, type, notNull, primaryKey, serial, defaultValue, true,
                Objects.requireNonNull(constraintName)));
    }

    /** A default given as a Java value; Sleet writes it as an SQL literal of the column's type. */
    public Column<T> defaultValue(T value) {
        return replaceWith(new Column<>(table, name, type, notNull, primaryKey, serial,
                new ColumnDefault.Value(Objects.requireNonNull(value)), unique, uniqueName));
    }

    /** A default given as an SQL expression, written out as it is: {@code now()}, {@code gen_random_uuid()}. */
    public Column<T> defaultSql(String expression) {
        return replaceWith(new Column<>(table, name, type, notNull, primaryKey, serial,
                new ColumnDefault.Sql(Objects.requireNonNull(expression)), unique, uniqueName));
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
