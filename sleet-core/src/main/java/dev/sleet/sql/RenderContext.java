package dev.sleet.sql;

import dev.sleet.dialect.Binder;
import dev.sleet.dialect.Dialect;
import dev.sleet.dialect.Feature;
import dev.sleet.schema.Column;
import dev.sleet.schema.DataType;
import dev.sleet.schema.Table;

import java.util.Arrays;

/**
 * The one place SQL text is written: nodes append keywords, and ask the context to quote names,
 * to write columns and tables, and to bind values (always as parameters, with the binder of the
 * value's type). It knows the dialect, so nodes never do.
 */
final class RenderContext {

    private final Dialect dialect;
    /** The thread's render buffer until the text is taken ({@link #finish}), then null: nothing may be written after. */
    private StringBuilder sql = RenderBuffer.take();
    private String text;
    /** Text appended whole at the very start (a cached insert shape): when nothing follows it, it is the statement's text as it is. */
    private String whole;
    private Object[] values = new Object[4];
    private Binder<?>[] binders = new Binder<?>[4];
    private int count;
    /** Whether values and binders are a cached insert's arrays, to be copied before anything is written into them. */
    private boolean shared;
    /** A table that the statement being written refers to by another name (a nested level's alias); null for none. */
    private Table<?> scoped;
    private String scopedAlias;

    /** What {@link #scope} replaced, to be put back with {@link #restore}. */
    record Scope(Table<?> table, String alias) {
    }

    RenderContext(Dialect dialect) {
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    RenderContext sql(String text) {
        sql.append(text);
        return this;
    }

    RenderContext sql(char c) {
        sql.append(c);
        return this;
    }

    RenderContext quote(String identifier) {
        dialect.quote(sql, identifier);
        return this;
    }

    void limitOffset(Integer limit, Integer offset) {
        dialect.renderLimitOffset(sql, limit, offset);
    }

    void require(Feature feature) {
        dialect.require(feature);
    }

    /** A table as a FROM item: its qualified name, and its alias when it has one. */
    void table(Table<?> table) {
        if (!table.dialect().name().equals(dialect.name())) {
            throw new IllegalArgumentException("Table " + table + " is declared for " + table.dialect().name()
                    + " but this database is " + dialect.name());
        }
        dialect.quote(sql, table.schemaName());
        sql.append('.');
        dialect.quote(sql, table.tableName());
        if (table.reference() != table.tableName()) {
            sql.append(' ');
            dialect.quote(sql, table.reference());
        }
    }

    /**
     * From here on, columns of {@code table} are qualified by {@code alias}: a relational level
     * nested in a level of the same table (a task's subtasks) names its rows apart from its parent's.
     */
    Scope scope(Table<?> table, String alias) {
        Scope outer = new Scope(scoped, scopedAlias);
        scoped = table;
        scopedAlias = alias;
        return outer;
    }

    boolean scoped() {
        return scoped != null;
    }

    /** A subquery that reads the scoped table itself names it as usual inside: the scope does not reach in. */
    Scope shadow(Iterable<?> sources) {
        for (Object source : sources) {
            if (source == scoped) {
                return scope(null, null);
            }
        }
        return null;
    }

    void restore(Scope outer) {
        if (outer != null) {
            scoped = outer.table();
            scopedAlias = outer.alias();
        }
    }

    /** A column, qualified by its table's alias or name. */
    void column(Column<?> column) {
        Table<?> table = column.table();
        dialect.quote(sql, table == scoped ? scopedAlias : table.reference());
        sql.append('.');
        dialect.quote(sql, column.name());
    }

    /** A column by its name alone: in an INSERT column list, an ON CONFLICT target, an UPDATE SET. */
    void bareColumn(Column<?> column) {
        dialect.quote(sql, column.name());
    }

    void expression(Expression<?> expression) {
        if (expression instanceof Column<?> column) {
            column(column);
        } else {
            ((QueryPart) expression).render(this);
        }
    }

    void part(Object part) {
        if (part instanceof Expression<?> expression) {
            expression(expression);
        } else if (part instanceof Query<?> query) {
            query.render(this);
        } else {
            ((QueryPart) part).render(this);
        }
    }

    /** Parts separated by ", ". */
    void list(Iterable<?> parts) {
        boolean first = true;
        for (Object part : parts) {
            if (!first) {
                sql.append(", ");
            }
            first = false;
            part(part);
        }
    }

    /** A select or returning list ({@code a, b as "x"}); the binder that reads each result column. */
    Binder<?>[] selectList(Expression<?>[] fields) {
        Binder<?>[] readers = new Binder<?>[fields.length];
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sql.append(", ");
            }
            if (fields[i] instanceof Nodes.Aliased<?> aliased) {
                aliased.renderDeclaration(this);
            } else {
                expression(fields[i]);
            }
            readers[i] = binder(fields[i]);
        }
        return readers;
    }

    /** A bound value, with the binder of the type it is compared with or stored in. */
    <T> void bind(T value, Binder<? super T> binder) {
        if (count == values.length || shared) {
            // A shared array may be empty (cached text that binds nothing): grow from at least 4.
            values = Arrays.copyOf(values, Math.max(4, count * 2));
            binders = Arrays.copyOf(binders, Math.max(4, count * 2));
            shared = false;
        }
        values[count] = value;
        binders[count] = binder;
        count++;
        sql.append('?');
    }

    /** A slot whose value comes later: {@link Placeholder} marks it, {@link Prepared} fills it per run. */
    @SuppressWarnings("unchecked")
    void bindSlot(Placeholder<?> placeholder, Binder<?> binder) {
        bind(placeholder, (Binder<Object>) binder);
    }

    /** Makes room for a large statement up front (a many-row insert), instead of growing step by step. */
    void reserve(int chars, int boundValues) {
        sql.ensureCapacity(sql.length() + chars);
        if (count + boundValues > values.length || shared) {
            values = Arrays.copyOf(values, count + boundValues);
            binders = Arrays.copyOf(binders, count + boundValues);
            shared = false;
        }
    }

    /**
     * Text rendered earlier whose {@code ?}s take the first {@code count} values, each with its binder
     * (a cached insert shape). When nothing is bound yet the arrays are used as they are, not copied.
     */
    void sql(String rendered, Object[] values, Binder<?>[] binders, int count) {
        if (sql.length() == 0) {
            whole = rendered;
        }
        sql.append(rendered);
        if (this.count == 0) {
            this.values = values;
            this.binders = binders;
            this.count = count;
            shared = true;
        } else {
            reserve(0, count);
            System.arraycopy(values, 0, this.values, this.count, count);
            System.arraycopy(binders, 0, this.binders, this.count, count);
            this.count += count;
        }
    }

    Statement statement() {
        return new Statement(finish(), values, binders, count);
    }

    String text() {
        return finish();
    }

    /** The SQL text; the buffer goes back to the thread for the next statement. */
    private String finish() {
        if (text == null) {
            text = whole != null && whole.length() == sql.length() ? whole : SqlTexts.of(sql);
            RenderBuffer.give(sql);
            sql = null;
        }
        return text;
    }

    /** The binder of a value that meets {@code like} (its binder), or of {@code type} when it meets nothing typed. */
    <T> Binder<T> binder(Expression<T> like, DataType<T> type) {
        return like != null ? binder(like) : dialect.binder(type);
    }

    /** The binder for an expression's values: a column's own (enum type, converter), else its type's. */
    @SuppressWarnings("unchecked")
    <T> Binder<T> binder(Expression<T> expression) {
        Expression<T> inner = expression instanceof Nodes.Aliased<T> aliased ? aliased.expression() : expression;
        return inner instanceof Column<T> column ? dialect.binder(column) : dialect.binder(inner.type());
    }
}
