package dev.sleet.sql;

import dev.sleet.dialect.Binder;
import dev.sleet.dialect.Feature;
import dev.sleet.schema.Column;
import dev.sleet.schema.DataType;

import java.util.List;
import java.util.Objects;

/** The expression nodes behind {@link Sql}'s functions; each writes itself through the {@link RenderContext}. */
final class Nodes {

    private Nodes() {
    }

    /** An expression with a name in a select list; elsewhere (order by) it is that name. */
    record Aliased<T>(Expression<T> expression, String alias) implements Expression<T>, QueryPart {
        Aliased {
            Objects.requireNonNull(expression);
            Objects.requireNonNull(alias, "alias");
        }

        @Override
        public DataType<T> type() {
            return expression.type();
        }

        @Override
        public void render(RenderContext context) {
            context.quote(alias);
        }

        void renderDeclaration(RenderContext context) {
            context.expression(expression);
            context.sql(" as ").quote(alias);
        }
    }

    /** A bound value; it takes the binder of the expression it meets ({@code like}), so enums, json and converters bind right. */
    record Param<T>(T value, Expression<T> like, DataType<T> type) implements Expression<T>, QueryPart {
        @Override
        public DataType<T> type() {
            return like != null ? like.type() : type;
        }

        @Override
        public void render(RenderContext context) {
            context.bind(value, context.binder(like, type));
        }
    }

    /** {@code left op right} for comparisons and {@code like}. */
    record Comparison(Expression<?> left, String operator, Expression<?> right) implements Condition, QueryPart {
        @Override
        public void render(RenderContext context) {
            if (operator.equals(" ilike ") || operator.equals(" not ilike ")) {
                context.require(Feature.ILIKE);
            }
            context.expression(left);
            context.sql(operator);
            context.expression(right);
        }
    }

    /** {@code (a and b and c)} / {@code (a or b)}. */
    record Junction(String operator, List<Expression<Boolean>> conditions) implements Condition, QueryPart {
        @Override
        public void render(RenderContext context) {
            if (conditions.isEmpty()) {
                // The neutral element: and() is true, or() is false, as drizzle renders them.
                context.sql(operator.equals(" and ") ? "true" : "false");
                return;
            }
            context.sql('(');
            for (int i = 0; i < conditions.size(); i++) {
                if (i > 0) {
                    context.sql(operator);
                }
                context.expression(conditions.get(i));
            }
            context.sql(')');
        }
    }

    /** {@code not (c)}, {@code x is null}, {@code exists (...)}: a keyword before or after one operand. */
    record Affixed(String prefix, Object operand, String suffix) implements Condition, QueryPart {
        @Override
        public void render(RenderContext context) {
            context.sql(prefix);
            context.part(operand);
            context.sql(suffix);
        }
    }

    record Between<T>(Expression<T> expression, Expression<T> low, Expression<T> high, boolean not)
            implements Condition, QueryPart {
        @Override
        public void render(RenderContext context) {
            context.expression(expression);
            context.sql(not ? " not between " : " between ");
            context.expression(low);
            context.sql(" and ");
            context.expression(high);
        }
    }

    /** {@code x in (?, ?)}; an empty list is false ({@code not in}: true), as no row's value is in it. */
    record InList<T>(Expression<T> expression, List<T> values, boolean not) implements Condition, QueryPart {
        @Override
        public void render(RenderContext context) {
            if (values.isEmpty()) {
                context.sql(not ? "true" : "false");
                return;
            }
            Binder<T> binder = context.binder(expression);
            context.expression(expression);
            context.sql(not ? " not in (" : " in (");
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    context.sql(", ");
                }
                context.bind(values.get(i), binder);
            }
            context.sql(')');
        }
    }

    /** {@code x in (select ...)}. */
    record InSelect(Expression<?> expression, Select<?> query, boolean not) implements Condition, QueryPart {
        @Override
        public void render(RenderContext context) {
            context.expression(expression);
            context.sql(not ? " not in (" : " in (");
            query.render(context);
            context.sql(')');
        }
    }

    /** A function call: {@code lower(x)}, {@code coalesce(a, b)}, {@code count(*)}. */
    record Call<T>(String name, DataType<T> type, String prefix, List<?> arguments) implements Expression<T>, QueryPart {
        @Override
        public void render(RenderContext context) {
            context.sql(name).sql('(').sql(prefix);
            context.list(arguments);
            context.sql(')');
        }
    }

    /** Literal SQL text chosen by Sleet itself (never user input): {@code *} in {@code count(*)}. */
    record Keyword(String text) implements QueryPart {
        @Override
        public void render(RenderContext context) {
            context.sql(text);
        }
    }

    /** {@code (a + b)}. */
    record Arithmetic<T>(Expression<T> left, String operator, Expression<T> right) implements Expression<T>, QueryPart {
        @Override
        public DataType<T> type() {
            return left.type();
        }

        @Override
        public void render(RenderContext context) {
            context.sql('(');
            context.expression(left);
            context.sql(operator);
            context.expression(right);
            context.sql(')');
        }
    }

    /** {@code (left op right)} of a given result type: jsonb's {@code ->}, {@code #>} ... */
    record Binary<T>(Expression<?> left, String operator, Expression<?> right, DataType<T> type)
            implements Expression<T>, QueryPart {
        @Override
        public void render(RenderContext context) {
            context.sql('(');
            context.expression(left);
            context.sql(operator);
            context.expression(right);
            context.sql(')');
        }
    }

    /** {@code cast(x as type)}; the type is the schema DSL's spelling. */
    record Cast<T>(Expression<?> expression, DataType<T> type) implements Expression<T>, QueryPart {
        @Override
        public void render(RenderContext context) {
            context.sql("cast(");
            context.expression(expression);
            context.sql(" as ").sql(type.sql()).sql(')');
        }
    }

    /** {@code (x) collate "name"}: the parentheses keep the collation on the whole expression. */
    record Collate(Expression<String> expression, String collation) implements Expression<String>, QueryPart {
        @Override
        public DataType<String> type() {
            return expression.type();
        }

        @Override
        public void render(RenderContext context) {
            context.sql('(');
            context.expression(expression);
            context.sql(") collate ").quote(collation);
        }
    }

    /** A one-column select used as a value: {@code (select max(x) from t)}. */
    record Scalar<T>(Select<T> query, DataType<T> type) implements Expression<T>, QueryPart {
        @Override
        public void render(RenderContext context) {
            context.sql('(');
            query.render(context);
            context.sql(')');
        }
    }

    /** {@code excluded."name"}: the row an upsert tried to insert. */
    record Excluded<T>(Column<T> column) implements Expression<T>, QueryPart {
        @Override
        public DataType<T> type() {
            return column.type();
        }

        @Override
        public void render(RenderContext context) {
            context.sql("excluded.").quote(column.name());
        }
    }

    /** A column of a subquery in {@code from}: {@code "t"."name"}. */
    record DerivedField<T>(String table, String name, Expression<T> inner) implements Expression<T>, QueryPart {
        @Override
        public DataType<T> type() {
            return inner.type();
        }

        @Override
        public void render(RenderContext context) {
            context.quote(table).sql('.').quote(name);
        }
    }

    /** A quoted identifier inside an SQL template. */
    record Identifier(String name) implements QueryPart {
        @Override
        public void render(RenderContext context) {
            context.quote(name);
        }
    }
}
