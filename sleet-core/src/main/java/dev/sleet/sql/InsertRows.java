package dev.sleet.sql;

import dev.sleet.dialect.Binder;
import dev.sleet.schema.Column;

import java.util.Arrays;

/**
 * The rows of an insert as one flat array of cells, {@code rows × width}, in the order of the
 * statement's column list: a thousand-row insert keeps its values and nothing per row. A cell is a
 * value to bind, an {@link Part} (an expression or {@code DEFAULT} the row set), or {@link #ABSENT}
 * (the row did not set that column, so it takes its default).
 */
final class InsertRows {

    /** A column the row did not set: written as {@code DEFAULT}. */
    private static final Object ABSENT = new Object();

    /** A cell written as SQL (an expression, or {@code DEFAULT}) rather than bound; users cannot make one, so no value is mistaken for it. */
    private record Part(Object part) {
    }

    private Column<?>[] columns = new Column<?>[0];
    private int width;
    private Object[] cells = new Object[0];
    private int rows;
    /** Whether every cell is a value to bind, so the statement's text depends only on the columns and the row count. */
    private boolean plain = true;
    /** How many rows to make room for once the first row gives the width. */
    private int expected;

    boolean isEmpty() {
        return rows == 0;
    }

    int rows() {
        return rows;
    }

    int width() {
        return width;
    }

    Column<?> column(int c) {
        return columns[c];
    }

    boolean plain() {
        return plain;
    }

    /** The columns, shared: the caller must not change them. */
    Column<?>[] columns() {
        return columns;
    }

    /** The cells, shared; only the first {@code rows() * width()} are rows. */
    Object[] cells() {
        return cells;
    }

    /** Room for this many rows in all, when the caller knows (a collection of items). */
    void expect(int count) {
        expected = count;
    }

    /** Appends the row a user just filled in; {@code row} may be reused afterwards. */
    void add(Assignments row) {
        if (!sameColumns(row)) {
            for (int i = 0; i < row.size(); i++) {
                if (slotOf(row.column(i)) < 0) {
                    widen(row.column(i));
                }
            }
        }
        int needed = (rows + 1) * width;
        if (needed > cells.length) {
            int capacity = Math.max(needed, Math.max(expected * width, cells.length * 2));
            cells = Arrays.copyOf(cells, capacity);
        }
        int base = rows * width;
        boolean inOrder = row.size() == width;
        for (int c = 0; c < width; c++) {
            // Rows that set the same columns in the same order (the usual case) need no search.
            int slot = inOrder && row.column(c) == columns[c] ? c : row.indexOf(columns[c]);
            Object cell;
            if (slot < 0) {
                cell = ABSENT;
                plain = false;
            } else if (row.isExpression(slot)) {
                cell = new Part(row.value(slot));
                plain = false;
            } else {
                cell = row.value(slot);
            }
            cells[base + c] = cell;
        }
        rows++;
    }

    private boolean sameColumns(Assignments row) {
        if (row.size() != width) {
            return false;
        }
        for (int c = 0; c < width; c++) {
            if (row.column(c) != columns[c]) {
                return false;
            }
        }
        return true;
    }

    private int slotOf(Column<?> column) {
        for (int c = 0; c < width; c++) {
            if (columns[c] == column) {
                return c;
            }
        }
        return -1;
    }

    /** A column no earlier row set: every earlier row takes its default there. */
    private void widen(Column<?> column) {
        int wider = width + 1;
        columns = Arrays.copyOf(columns, wider);
        columns[width] = column;
        Object[] relaid = new Object[Math.max(rows + 1, expected) * wider];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(cells, r * width, relaid, r * wider, width);
            relaid[r * wider + width] = ABSENT;
        }
        if (rows > 0) {
            plain = false;
        }
        cells = relaid;
        width = wider;
    }

    /** {@code (?, ?), (?, DEFAULT), ...}: each row in the column order, values bound with their column's binder. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void render(RenderContext context, Binder<?>[] binders) {
        for (int r = 0; r < rows; r++) {
            context.sql(r == 0 ? "(" : ", (");
            int base = r * width;
            for (int c = 0; c < width; c++) {
                if (c > 0) {
                    context.sql(", ");
                }
                Object cell = cells[base + c];
                if (cell == ABSENT) {
                    Assignments.renderDefault(context);
                } else if (cell instanceof Part part) {
                    context.part(part.part());
                } else {
                    context.bind(cell, (Binder) binders[c]);
                }
            }
            context.sql(')');
        }
    }
}
