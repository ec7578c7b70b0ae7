package dev.sleet.sql;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sleet.dialect.Binder;
import dev.sleet.dialect.Dialect;
import dev.sleet.dialect.Feature;
import dev.sleet.schema.Column;
import dev.sleet.schema.Relation;
import dev.sleet.schema.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The single-statement strategy of a {@link FindMany} (drizzle's): the top level is a plain select,
 * and each nested level a {@code left join lateral} subquery correlated with its parent row that
 * aggregates its rows into JSON, nested levels inside it the same way, so the whole tree is one
 * statement and one round trip:
 * <pre>{@code
 * select "users"."id", "users"."name", "sleet_j1"."sleet_v" from "public"."users"
 *   left join lateral (select coalesce(json_agg(json_build_array("tasks"."id", "tasks"."name") order by "tasks"."id"), '[]') as "sleet_v"
 *     from "public"."tasks" where "tasks"."assignee_id" = "users"."id") "sleet_j1" on true
 * }</pre>
 * A level with a limit or offset picks its rows in a derived table numbered by its order; a
 * {@code one} level is a single {@code json_build_array} or NULL. A {@code one} level of the top
 * level that hangs on the child's primary key and has no levels of its own is a plain {@code left
 * join} instead, its columns read with their binders (no JSON to build or parse). A joined level, and
 * a level of the same table as its parent (a task's subtasks), gets an alias of its own, and the render
 * context's scope qualifies the level's columns (in its where, orderBy and extras) by it. Values come
 * back through {@link JsonValues}.
 */
final class RelationalJson {

    private static final String VALUE = "sleet_v";
    private static final String ORDINAL = "sleet_n";
    private static final String ROWS = "sleet_rows";

    private final Session session;
    private int aliases;

    RelationalJson(Session session) {
        this.session = session;
    }

    List<Object> fetch(RelationalFetch.Plan plan) {
        Head head = plan.head[0];
        boolean fixed = fixedHead(plan);
        // A plan serves every database of its relations; the text is one dialect's (and checked its features).
        if (head == null || !fixed || head.dialect != session.dialect) {
            head = head(plan);
            if (fixed) {
                plan.head[0] = head;
            }
        }
        RenderContext context = new RenderContext(session.dialect);
        Statement rendered = head.statement;
        context.sql(rendered.sql(), rendered.values(), rendered.binders(), rendered.count());
        Level<?> options = plan.options;
        if (options.where != null) {
            context.sql(" where ");
            context.expression(options.where);
        }
        OrderField[] order = RelationalFetch.order(plan);
        if (order.length > 0) {
            context.sql(" order by ");
            context.list(List.of(order));
        }
        context.limitOffset(options.limit, options.offset);
        Binder<?>[] binders = head.binders;
        int count = head.joined.length;
        Joined[] joined = new Joined[count];
        Decoder[] decoders = new Decoder[count];
        for (int i = 0; i < count; i++) {
            if (head.joined[i] != null) {
                joined[i] = new Joined(head.joined[i].plan, head.joined[i].binders);
            } else {
                decoders[i] = new Decoder(head.decoders[i]);
            }
        }
        Object[] row = new Object[binders.length];
        Object[] nested = new Object[count];
        Object[] arguments = new Object[plan.parts.length];
        return session.query(context.statement(), result -> {
            List<Object> records = new ArrayList<>();
            while (result.next()) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = binders[i].get(result, i + 1);
                }
                int column = binders.length + 1;
                for (int i = 0; i < count; i++) {
                    if (joined[i] != null) {
                        nested[i] = joined[i].read(result, column);
                        column += joined[i].binders.length;
                    } else {
                        nested[i] = decoders[i].parse(result.getBytes(column++));
                    }
                }
                records.add(construct(plan, row, nested, arguments));
            }
            return records;
        });
    }

    /**
     * The statement up to the top level's where: its select list and every nested level's join, with
     * what reads them (the top level's binders, a joined level's binders, a lateral level's decoder).
     * Kept with the plan when no nested level has options of its own ({@link #fixedHead}): then it
     * depends on the plan alone (a relation filter is the same expression, values and all, every call).
     * The decoders and joined levels here are templates; each call reads with copies of them.
     */
    record Head(Dialect dialect, Statement statement, Binder<?>[] binders, Joined[] joined, Decoder[] decoders) {
    }

    private Head head(RelationalFetch.Plan plan) {
        RenderContext context = new RenderContext(session.dialect);
        context.sql("select ");
        Expression<?>[] visible = plan.selected.subList(0, plan.visible).toArray(new Expression<?>[0]);
        Binder<?>[] binders = visible.length == 0 ? new Binder<?>[0] : context.selectList(visible);
        int count = plan.children.size();
        String[] children = childAliases(plan);
        Joined[] joined = new Joined[count];
        boolean first = visible.length == 0;
        for (int i = 0; i < count; i++) {
            RelationalFetch.Plan child = plan.children.get(i).plan();
            if (joinable(child)) {
                RenderContext.Scope outer = context.scope(child.table, children[i]);
                context.sql(first ? "" : ", ");
                joined[i] = new Joined(child, joinedColumns(context, child, children[i]));
                context.restore(outer);
            } else {
                context.require(Feature.LATERAL);
                context.sql(first ? "" : ", ").quote(children[i]).sql('.').quote(VALUE);
            }
            first = false;
        }
        if (first) {
            context.sql("1");
        }
        context.sql(" from ");
        context.table(plan.table);
        Decoder[] decoders = new Decoder[count];
        for (int i = 0; i < count; i++) {
            if (joined[i] != null) {
                leftJoin(context, joined[i].plan, plan.table.reference(), children[i]);
            } else {
                lateral(context, plan.children.get(i).plan(), plan.table.reference(), children[i]);
                decoders[i] = new Decoder(plan.children.get(i).plan());
            }
        }
        return new Head(session.dialect, context.statement(), binders, joined, decoders);
    }

    /** Whether no nested level, at any depth, has a where, orderBy, limit or offset of its own. */
    private static boolean fixedHead(RelationalFetch.Plan plan) {
        for (RelationalFetch.Child child : plan.children) {
            Level<?> options = child.plan().options;
            if (options.where != null || options.orderBy != null || options.limit != null || options.offset != null
                    || !fixedHead(child.plan())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A {@code one} level that can be a plain left join of the top level, read from its columns with
     * their binders like the hand-written query would: it hangs on the child's primary key (so the
     * join cannot repeat a parent row), has no levels of its own and skips no rows.
     */
    private static boolean joinable(RelationalFetch.Plan child) {
        Relational.Link link = child.link;
        return link.kind() == Relation.Kind.ONE && link.through() == null && child.children.isEmpty()
                && child.options.offset == null && child.options.limit == null
                && RelationalFetch.isPrimaryKey(child.table, link.childColumns());
    }

    /**
     * A joined level's select list, each value under an alias of its own ({@code "sleet_j1_0"}, ...):
     * its column names and extras' aliases must not meet the top level's, which an orderBy may name.
     */
    private static Binder<?>[] joinedColumns(RenderContext context, RelationalFetch.Plan child, String alias) {
        Binder<?>[] binders = new Binder<?>[child.selected.size()];
        for (int i = 0; i < binders.length; i++) {
            Expression<?> expression = child.selected.get(i);
            context.sql(i == 0 ? "" : ", ");
            context.expression(expression instanceof Nodes.Aliased<?> aliased ? aliased.expression() : expression);
            context.sql(" as ").quote(alias + "_" + i);
            binders[i] = context.binder(expression);
        }
        return binders;
    }

    /** A joined level's columns in the top level's result: its selected values, then the key that tells a missing row. */
    private static final class Joined {
        private final RelationalFetch.Plan plan;
        private final Binder<?>[] binders;
        private final Object[] values;
        private final Object[] arguments;

        Joined(RelationalFetch.Plan plan, Binder<?>[] binders) {
            this.plan = plan;
            this.binders = binders;
            this.values = new Object[binders.length];
            this.arguments = new Object[plan.parts.length];
        }

        /** The level's record from the columns starting at {@code column}; null when the join found no row. */
        Object read(ResultSet result, int column) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                values[i] = binders[i].get(result, column + i);
            }
            for (int position : plan.linkPositions) {
                if (values[position] == null) {
                    return null;
                }
            }
            return construct(plan, values, NO_VALUES, arguments);
        }
    }

    private static final Object[] NO_VALUES = new Object[0];

    /** {@code left join <child> <alias> on <child key> = <parent column> [and <relation filter>] [and <where>]}. */
    private static void leftJoin(RenderContext context, RelationalFetch.Plan plan, String parentReference, String alias) {
        Relational.Link link = plan.link;
        RenderContext.Scope outer = context.scope(plan.table, alias);
        context.sql(" left join ");
        from(context, plan.table, alias);
        context.sql(" on ");
        keyMatch(context, link, parentReference);
        and(context, link.filter());
        and(context, plan.options.where);
        context.restore(outer);
    }

    private String[] childAliases(RelationalFetch.Plan plan) {
        String[] names = new String[plan.children.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = "sleet_j" + (++aliases);
        }
        return names;
    }

    private void joinChildren(RenderContext context, RelationalFetch.Plan plan, String reference, String[] children) {
        for (int i = 0; i < children.length; i++) {
            lateral(context, plan.children.get(i).plan(), reference, children[i]);
        }
    }

    private void lateral(RenderContext context, RelationalFetch.Plan plan, String parentReference, String alias) {
        context.sql(" left join lateral (");
        level(context, plan, parentReference);
        context.sql(") ").quote(alias).sql(" on true");
    }

    /** A nested level's subquery: its rows as a JSON array (many) or one JSON array or NULL (one). */
    private void level(RenderContext context, RelationalFetch.Plan plan, String parentReference) {
        Relational.Link link = plan.link;
        Level<?> options = plan.options;
        Table<?> table = plan.table;
        String reference = link.child() == link.parent() ? "sleet_t" + (++aliases) : table.reference();
        RenderContext.Scope outer = context.scope(table, reference);
        String[] children = childAliases(plan);
        boolean many = link.kind() == Relation.Kind.MANY;
        boolean paged = many && (options.limit != null || options.offset != null);
        OrderField[] order = RelationalFetch.order(plan);
        if (paged) {
            context.sql("select coalesce(json_agg(").quote(ROWS).sql('.').quote(VALUE).sql(" order by ")
                    .quote(ROWS).sql('.').quote(ORDINAL).sql("), '[]') as ").quote(VALUE).sql(" from (select ");
            element(context, plan, children);
            context.sql(" as ").quote(VALUE).sql(", row_number() over (");
            orderBy(context, order);
            context.sql(") as ").quote(ORDINAL);
        } else if (many) {
            context.sql("select coalesce(json_agg(");
            element(context, plan, children);
            if (order.length > 0) {
                context.sql(' ');
            }
            orderBy(context, order);
            context.sql("), '[]') as ").quote(VALUE);
        } else {
            context.sql("select ");
            element(context, plan, children);
            context.sql(" as ").quote(VALUE);
        }
        context.sql(" from ");
        from(context, table, reference);
        if (link.through() != null) {
            Relational.Through through = link.through();
            context.sql(" inner join ");
            context.table(through.junction());
            context.sql(" on ");
            for (int i = 0; i < through.junctionColumns().size(); i++) {
                context.sql(i == 0 ? "" : " and ");
                context.column(through.junctionColumns().get(i));
                context.sql(" = ");
                context.column(through.childColumns().get(i));
            }
        }
        joinChildren(context, plan, reference, children);
        context.sql(" where ");
        keyMatch(context, link, parentReference);
        and(context, link.filter());
        and(context, options.where);
        if (paged) {
            if (order.length > 0) {
                context.sql(" ");
            }
            orderBy(context, order);
            context.limitOffset(options.limit, options.offset);
            context.sql(") ").quote(ROWS);
        } else if (!many) {
            // A one takes the first row, like the per-level strategy; its offset skips rows in its order.
            if (options.orderBy != null) {
                context.sql(" ");
                orderBy(context, order);
            }
            context.limitOffset(options.limit == null ? 1 : Math.min(options.limit, 1), options.offset);
        }
        context.restore(outer);
    }

    /** A table as a FROM item under {@code reference}: its own name, or an alias when the level needs one. */
    private static void from(RenderContext context, Table<?> table, String reference) {
        if (reference.equals(table.reference())) {
            context.table(table);
        } else {
            context.quote(table.schemaName()).sql('.').quote(table.tableName()).sql(' ').quote(reference);
        }
    }

    /** The child's key columns (qualified by the scope) equal to the parent row's columns. */
    private static void keyMatch(RenderContext context, Relational.Link link, String parentReference) {
        List<Column<?>> parentColumns = link.parentColumns();
        for (int i = 0; i < parentColumns.size(); i++) {
            context.sql(i == 0 ? "" : " and ");
            context.column(link.childColumns().get(i));
            context.sql(" = ").quote(parentReference).sql('.').quote(parentColumns.get(i).name());
        }
    }

    private static void and(RenderContext context, Expression<Boolean> condition) {
        if (condition != null) {
            context.sql(" and (");
            context.expression(condition);
            context.sql(")");
        }
    }

    private static void orderBy(RenderContext context, OrderField[] order) {
        if (order.length > 0) {
            context.sql("order by ");
            context.list(List.of(order));
        }
    }

    /** {@code json_build_array(<the record's values>, <each child level's JSON>)}. */
    private static void element(RenderContext context, RelationalFetch.Plan plan, String[] children) {
        context.sql("json_build_array(");
        for (int i = 0; i < plan.visible; i++) {
            context.sql(i == 0 ? "" : ", ");
            JsonValues.render(context, plan.selected.get(i));
        }
        for (int i = 0; i < children.length; i++) {
            context.sql(plan.visible == 0 && i == 0 ? "" : ", ").quote(children[i]).sql('.').quote(VALUE);
        }
        context.sql(")");
    }

    /**
     * A record from its values (by the plan's parts) and its loaded relations (a list, a record or
     * null per child); {@code arguments} is scratch space, since the constructor keeps none of it.
     */
    private static Object construct(RelationalFetch.Plan plan, Object[] row, Object[] nested, Object[] arguments) {
        for (int c = 0; c < arguments.length; c++) {
            RelationalFetch.Part part = plan.parts[c];
            Object value = part.wrap() == RelationalFetch.Wrap.VALUE ? row[part.index()] : nested[part.index()];
            if (part.wrap() == RelationalFetch.Wrap.VALUE) {
                RecordMapping.checkPrimitive(plan.type, plan.shape.components()[c], value);
            } else if (part.wrap() == RelationalFetch.Wrap.OPTIONAL) {
                value = Optional.ofNullable(value);
            }
            arguments[c] = value;
        }
        return RecordMapping.construct(plan.shape, arguments);
    }

    /** Reads one level's JSON into records, with a reader per value and a decoder per child level. */
    private static final class Decoder {
        private final RelationalFetch.Plan plan;
        private final JsonValues.Reader[] values;
        private final Decoder[] children;
        private final boolean many;
        // Scratch space for one row at a time: a row's record is built before the next row is read.
        private final Object[] row;
        private final Object[] nested;
        private final Object[] arguments;

        Decoder(RelationalFetch.Plan plan) {
            this.plan = plan;
            this.values = new JsonValues.Reader[plan.visible];
            for (int i = 0; i < values.length; i++) {
                values[i] = JsonValues.reader(plan.selected.get(i));
            }
            this.children = new Decoder[plan.children.size()];
            for (int i = 0; i < children.length; i++) {
                children[i] = new Decoder(plan.children.get(i).plan());
            }
            this.many = plan.link.kind() == Relation.Kind.MANY;
            this.row = new Object[values.length];
            this.nested = new Object[children.length];
            this.arguments = new Object[plan.parts.length];
        }

        /** A decoder reading with the same readers into scratch space of its own (decoders are not shared between calls). */
        Decoder(Decoder template) {
            this.plan = template.plan;
            this.values = template.values;
            this.children = new Decoder[template.children.length];
            for (int i = 0; i < children.length; i++) {
                children[i] = new Decoder(template.children[i]);
            }
            this.many = template.many;
            this.row = new Object[values.length];
            this.nested = new Object[children.length];
            this.arguments = new Object[plan.parts.length];
        }

        /**
         * The level from its JSON text as the driver's bytes (UTF-8, as PostgreSQL sends text to
         * pgjdbc): parsed as they are, without first decoding them into a string.
         */
        Object parse(byte[] json) {
            if (json == null) {
                return many ? List.of() : null;
            }
            try (JsonParser parser = JsonValues.FACTORY.createParser(json)) {
                parser.nextToken();
                return level(parser);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the JSON of relation '" + plan.link.name() + "'", e);
            }
        }

        /** The level's value the parser stands on: an array of rows (many), or one row or null (one). */
        Object level(JsonParser parser) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_NULL) {
                return many ? List.of() : null;
            }
            if (!many) {
                return row(parser);
            }
            // The same read-only list the per-level strategy fills (no list to copy into an immutable one).
            RelationalFetch.Group rows = new RelationalFetch.Group();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                rows.append(row(parser));
            }
            return rows;
        }

        private Object row(JsonParser parser) throws IOException {
            for (int i = 0; i < row.length; i++) {
                parser.nextToken();
                row[i] = values[i].read(parser);
            }
            for (int i = 0; i < nested.length; i++) {
                parser.nextToken();
                nested[i] = children[i].level(parser);
            }
            parser.nextToken();
            return construct(plan, row, nested, arguments);
        }
    }
}
