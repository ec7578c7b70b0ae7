package dev.sleet.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An exclusion constraint: no two rows may have all their elements match under the given operators.
 *
 * <pre>{@code
 * public final Exclusion noOverlap = exclude("bookings_no_overlap").using(IndexMethod.GIST)
 *         .with(during, "&&").with(IndexKey.expression("lower(room)"), "=").where("(NOT cancelled)");
 * }</pre>
 *
 * Expressions and the predicate are compared as PostgreSQL prints them back. Immutable: each
 * modifier returns a new constraint and puts it in the place of the old one on its table.
 */
public final class Exclusion {

    /** One element: a column or expression, compared with {@code operator} ({@code =}, {@code &&}). */
    public record Element(IndexKey key, String operator) {
        public Element {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(operator, "operator");
        }
    }

    private final Table<?> table;
    private final String name;
    private final IndexMethod method;
    private final List<Element> elements;
    private final String where;
    private final Deferral deferral;

    Exclusion(Table<?> table, String name, IndexMethod method, List<Element> elements, String where, Deferral deferral) {
        this.table = table;
        this.name = Objects.requireNonNull(name, "exclusion constraint name");
        this.method = Objects.requireNonNull(method);
        this.elements = List.copyOf(elements);
        this.where = where;
        this.deferral = Objects.requireNonNull(deferral);
    }

    /** The index access method that checks it ({@code gist} for ranges and geometry). */
    public Exclusion using(IndexMethod indexMethod) {
        return replaceWith(new Exclusion(table, name, indexMethod, elements, where, deferral));
    }

    /** One more element: the column, compared with {@code operator}. */
    public Exclusion with(Column<?> column, String operator) {
        return with(IndexKey.of(column), operator);
    }

    /** One more element: a key (column with an order or operator class, or expression), compared with {@code operator}. */
    public Exclusion with(IndexKey key, String operator) {
        List<Element> next = new ArrayList<>(elements);
        next.add(new Element(key, operator));
        return replaceWith(new Exclusion(table, name, method, next, where, deferral));
    }

    /** Only rows the predicate holds for take part; write it as PostgreSQL prints it back. */
    public Exclusion where(String predicate) {
        return replaceWith(new Exclusion(table, name, method, elements, Objects.requireNonNull(predicate), deferral));
    }

    public Exclusion deferrable(Deferral when) {
        return replaceWith(new Exclusion(table, name, method, elements, where, when));
    }

    private Exclusion replaceWith(Exclusion next) {
        table.replace(this, next);
        return next;
    }

    public String name() {
        return name;
    }

    public IndexMethod method() {
        return method;
    }

    public List<Element> elements() {
        return elements;
    }

    /** The predicate, or null. */
    public String where() {
        return where;
    }

    public Deferral deferral() {
        return deferral;
    }
}
