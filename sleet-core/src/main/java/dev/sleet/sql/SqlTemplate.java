package dev.sleet.sql;

import dev.sleet.dialect.Binder;
import dev.sleet.schema.Column;
import dev.sleet.schema.DataType;
import dev.sleet.schema.Table;

import java.util.Objects;

/**
 * Raw SQL with holes ({@link Sql#sql}): usable as an expression in the DSL, or run as a whole
 * statement with {@code db.execute(...)} / {@code db.fetch(...)}. Tables and columns are written as
 * quoted names and every other argument is a bound parameter, never text.
 */
public final class SqlTemplate<T> implements Expression<T>, QueryPart {

    private final DataType<T> type;
    private final String template;
    private final Object[] arguments;

    SqlTemplate(DataType<T> type, String template, Object[] arguments) {
        this.type = Objects.requireNonNull(type);
        this.template = Objects.requireNonNull(template, "template");
        this.arguments = arguments.clone();
        int holes = holes(template);
        if (holes != arguments.length) {
            throw new IllegalArgumentException("The SQL template has " + holes + " {} but " + arguments.length
                    + " arguments were given: " + template);
        }
    }

    @Override
    public DataType<T> type() {
        return type;
    }

    @Override
    public void render(RenderContext context) {
        int argument = 0;
        int start = 0;
        for (int i = 0; i < template.length(); i++) {
            if (template.startsWith("{{}}", i)) {
                context.sql(template.substring(start, i)).sql("{}");
                i += 3;
                start = i + 1;
            } else if (template.startsWith("{}", i)) {
                context.sql(template.substring(start, i));
                argument(context, arguments[argument++]);
                i += 1;
                start = i + 1;
            }
        }
        context.sql(template.substring(start));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void argument(RenderContext context, Object argument) {
        if (argument instanceof Table<?> table) {
            context.table(table);
        } else if (argument instanceof Column<?> column) {
            context.column(column);
        } else if (argument instanceof Select<?> select) {
            context.sql('(');
            select.render(context);
            context.sql(')');
        } else if (argument instanceof Expression<?> || argument instanceof QueryPart) {
            context.part(argument);
        } else if (argument == null) {
            context.bind(null, context.dialect().binder(new DataType<>("unknown", Object.class)));
        } else {
            Binder binder = context.dialect().binder(new DataType<>("unknown", (Class) argument.getClass()));
            context.bind(argument, binder);
        }
    }

    private static int holes(String template) {
        int holes = 0;
        for (int i = 0; i < template.length(); i++) {
            if (template.startsWith("{{}}", i)) {
                i += 3;
            } else if (template.startsWith("{}", i)) {
                holes++;
                i += 1;
            }
        }
        return holes;
    }

    @Override
    public String toString() {
        return template;
    }
}
