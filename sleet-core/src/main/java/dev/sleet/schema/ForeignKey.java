package dev.sleet.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A foreign key declared on a table. Referenced columns are suppliers, resolved only when the
 * schema is read, so that tables may reference each other (or themselves) in any order.
 */
public final class ForeignKey {

    private final Table<?> table;
    private final String name;
    private final List<String> columns;
    private final List<Supplier<Column<?>>> references;
    private final ReferentialAction onDelete;
    private final ReferentialAction onUpdate;
    private final Deferral deferral;
    private final boolean notValid;

    ForeignKey(Table<?> table, String name, List<String> columns, List<Supplier<Column<?>>> references,
               ReferentialAction onDelete, ReferentialAction onUpdate) {
        this(table, name, columns, references, onDelete, onUpdate, Deferral.NOT_DEFERRABLE, false);
    }

    private ForeignKey(Table<?> table, String name, List<String> columns, List<Supplier<Column<?>>> references,
                       ReferentialAction onDelete, ReferentialAction onUpdate, Deferral deferral, boolean notValid) {
        this.deferral = Objects.requireNonNull(deferral);
        this.notValid = notValid;
        this.table = table;
        this.name = name;
        this.columns = List.copyOf(columns);
        this.references = List.copyOf(references);
        this.onDelete = Objects.requireNonNull(onDelete);
        this.onUpdate = Objects.requireNonNull(onUpdate);
    }

    /** The referenced columns, in the order of this key's columns. */
    @SafeVarargs
    public final ForeignKey references(Supplier<Column<?>>... targets) {
        return replaceWith(new ForeignKey(table, name, columns, List.of(targets), onDelete, onUpdate, deferral, notValid));
    }

    public ForeignKey onDelete(ReferentialAction action) {
        return replaceWith(new ForeignKey(table, name, columns, references, action, onUpdate, deferral, notValid));
    }

    public ForeignKey onUpdate(ReferentialAction action) {
        return replaceWith(new ForeignKey(table, name, columns, references, onDelete, action, deferral, notValid));
    }

    /** When the key is checked: {@code DEFERRABLE}, {@code DEFERRABLE INITIALLY DEFERRED} (see {@link Deferral}). */
    public ForeignKey deferrable(Deferral when) {
        return replaceWith(new ForeignKey(table, name, columns, references, onDelete, onUpdate, when, notValid));
    }

    /**
     * {@code NOT VALID}: the key binds new and changed rows, rows already there are not checked. Taking
     * it away in code validates the key in place ({@code VALIDATE CONSTRAINT}), without dropping it.
     */
    public ForeignKey notValid() {
        return replaceWith(new ForeignKey(table, name, columns, references, onDelete, onUpdate, deferral, true));
    }

    private ForeignKey replaceWith(ForeignKey next) {
        table.replace(this, next);
        return next;
    }

    /** The declared name; empty when the key takes PostgreSQL's default name. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Table<?> table() {
        return table;
    }

    public List<String> columns() {
        return columns;
    }

    /** Resolves the referenced columns; fails with a clear message if a supplier yields nothing. */
    public List<Column<?>> referencedColumns() {
        List<Column<?>> resolved = new ArrayList<>();
        for (Supplier<Column<?>> supplier : references) {
            Column<?> column = supplier.get();
            if (column == null) {
                throw new IllegalStateException("Foreign key " + describe()
                        + " references a column that is null (is the referenced table declared?)");
            }
            resolved.add(column);
        }
        if (resolved.isEmpty()) {
            throw new IllegalStateException("Foreign key " + describe() + " references no columns");
        }
        if (resolved.size() != columns.size()) {
            throw new IllegalStateException("Foreign key " + describe() + " has " + columns.size()
                    + " columns but references " + resolved.size());
        }
        return resolved;
    }

    public ReferentialAction onDelete() {
        return onDelete;
    }

    public ReferentialAction onUpdate() {
        return onUpdate;
    }

    public Deferral deferral() {
        return deferral;
    }

    public boolean isNotValid() {
        return notValid;
    }

    private String describe() {
        return (name == null ? "" : "\"" + name + "\" ") + "on " + table.tableName() + columns;
    }
}
