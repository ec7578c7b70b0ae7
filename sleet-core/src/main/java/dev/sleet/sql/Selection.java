package dev.sleet.sql;

import dev.sleet.dialect.Binder;
import dev.sleet.schema.Column;
import dev.sleet.schema.Table;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a query returns: its expressions in order, the binder that reads each, and the tables it
 * reads from (for mapping joined tables into nested records). Made once per execution.
 */
final class Selection {

    final Expression<?>[] expressions;
    final Binder<?>[] binders;
    final List<Object> sources;
    private Map<Object, Integer> positions;

    Selection(Expression<?>[] expressions, Binder<?>[] binders, List<Object> sources) {
        this.expressions = expressions;
        this.binders = binders;
        this.sources = sources;
    }

    int size() {
        return expressions.length;
    }

    Object[] read(ResultSet result) throws SQLException {
        Object[] values = new Object[binders.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = binders[i].get(result, i + 1);
        }
        return values;
    }

    /** Selections this wide or narrower are searched in place: a few identity checks beat hashing on every {@code row.get}. */
    private static final int SCANNED = 12;

    /** The position of an expression (the aliased one or what it aliases), or -1; the first one when several match. */
    int indexOf(Object expression) {
        if (expressions.length <= SCANNED) {
            for (int i = 0; i < expressions.length; i++) {
                if (expressions[i] == expression
                        || expressions[i] instanceof Nodes.Aliased<?> aliased && aliased.expression() == expression) {
                    return i;
                }
            }
            return derivedIndex(expression);
        }
        Map<Object, Integer> map = positions;
        if (map == null) {
            map = new IdentityHashMap<>();
            for (int i = expressions.length - 1; i >= 0; i--) {
                map.put(expressions[i], i);
                if (expressions[i] instanceof Nodes.Aliased<?> aliased) {
                    map.put(aliased.expression(), i);
                }
            }
            positions = map;
        }
        Integer position = map.get(expression);
        return position == null ? derivedIndex(expression) : position;
    }

    /** Derived.field(...) makes a new object per call; the same table, name and expression are the same column. */
    private int derivedIndex(Object expression) {
        if (expression instanceof Nodes.DerivedField<?>) {
            for (int i = 0; i < expressions.length; i++) {
                if (expression.equals(expressions[i])) {
                    return i;
                }
            }
        }
        return -1;
    }

    int indexOf(String name) {
        for (int i = 0; i < expressions.length; i++) {
            if (name.equals(name(expressions[i]))) {
                return i;
            }
        }
        return -1;
    }

    /** The name a result column goes by: the alias, the column's name, or null for an unnamed expression. */
    static String name(Expression<?> expression) {
        if (expression instanceof Nodes.Aliased<?> aliased) {
            return aliased.alias();
        }
        if (expression instanceof Column<?> column) {
            return column.name();
        }
        if (expression instanceof Nodes.DerivedField<?> field) {
            return field.name();
        }
        return null;
    }

    /** The table (or derived table) an expression's values come from, or null. */
    static Object source(Expression<?> expression) {
        Expression<?> inner = expression instanceof Nodes.Aliased<?> aliased ? aliased.expression() : expression;
        if (inner instanceof Column<?> column) {
            return column.table();
        }
        if (inner instanceof Nodes.DerivedField<?> field) {
            return field.table();
        }
        return null;
    }

    /** The name a from item goes by: alias, else table name. */
    static String sourceName(Object source) {
        if (source instanceof Table<?> table) {
            return table.reference();
        }
        return ((Source) source).alias();
    }
}
