package dev.sleet.sql;

import dev.sleet.dialect.Binder;
import dev.sleet.dialect.Dialect;
import dev.sleet.schema.Column;
import dev.sleet.schema.Table;

/**
 * The text of {@code insert into t (columns) values (?, ?), ...} by shape: dialect, table, columns
 * (all by identity) and row count. An application inserts the same few shapes over and over, and
 * rendering a thousand-row statement again each time is most of what a multi-row insert costs
 * beyond the driver. Only text and binders are kept, never values.
 *
 * <p>Direct-mapped and bounded ({@value #SIZE} slots, a newer shape replaces an older one in its
 * slot): nothing to evict, no lock and no allocation on a hit. Slots are read and written without
 * synchronisation on purpose: an entry is immutable (final fields), so a thread sees either a whole
 * entry or another, and a lost write only costs a render.
 */
final class InsertShapes {

    static final int SIZE = 64;
    /** Larger statements are rare and their text and binders would hold megabytes in the cache. */
    static final int MAX_CELLS = 10_000;

    /** A rendered shape: {@code sql} with one {@code ?} per cell, bound by {@code binders} (rows × columns). */
    record Shape(Dialect dialect, Table<?> table, Column<?>[] columns, int rows, String sql, Binder<?>[] binders) {

        boolean matches(Dialect dialect, Table<?> table, Column<?>[] columns, int width, int rows) {
            if (this.dialect != dialect || this.table != table || this.rows != rows || this.columns.length != width) {
                return false;
            }
            for (int c = 0; c < width; c++) {
                if (this.columns[c] != columns[c]) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Shape[] SLOTS = new Shape[SIZE];

    private InsertShapes() {
    }

    /** The cached shape, or null. */
    static Shape find(Dialect dialect, Table<?> table, Column<?>[] columns, int width, int rows) {
        Shape shape = SLOTS[slot(dialect, table, columns, width, rows)];
        return shape != null && shape.matches(dialect, table, columns, width, rows) ? shape : null;
    }

    static void keep(Shape shape) {
        SLOTS[slot(shape.dialect, shape.table, shape.columns, shape.columns.length, shape.rows)] = shape;
    }

    /** Empties the cache (tests). */
    static void clear() {
        for (int i = 0; i < SIZE; i++) {
            SLOTS[i] = null;
        }
    }

    private static int slot(Dialect dialect, Table<?> table, Column<?>[] columns, int width, int rows) {
        int hash = System.identityHashCode(dialect) * 31 + System.identityHashCode(table);
        for (int c = 0; c < width; c++) {
            hash = hash * 31 + System.identityHashCode(columns[c]);
        }
        hash = hash * 31 + rows;
        hash ^= hash >>> 16;
        return hash & (SIZE - 1);
    }
}
