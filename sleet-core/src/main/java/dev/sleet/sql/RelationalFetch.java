package dev.sleet.sql;

import dev.sleet.dialect.Binder;
import dev.sleet.dialect.Dialect;
import dev.sleet.dialect.Feature;
import dev.sleet.schema.Column;
import dev.sleet.schema.DataType;
import dev.sleet.schema.Relation;
import dev.sleet.schema.Table;

import java.io.Serial;
import java.io.Serializable;
import java.lang.reflect.Array;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Runs a {@link FindMany}: plans every level against its record type first (so that a component
 * that does not fit fails before any statement runs), then one statement per level, each nested
 * level filtered by the keys its parent rows hold, and builds the records bottom up.
 */
final class RelationalFetch {

    private static final String ROW_NUMBER = "sleet_rn";
    private static final String LEVEL = "sleet_level";

    private final Session session;
    private final Relational relations;

    RelationalFetch(Session session, Relational relations) {
        this.session = session;
        this.relations = relations;
    }

    @SuppressWarnings("unchecked")
    <R> List<R> fetch(Table<?> table, Level<?> options, Class<R> type, FindMany.Strategy strategy) {
        Plan plan = cachedPlan(table, options, type);
        // Every element was made by the canonical constructor of type: the list needs no copy to be a List<R>.
        return (List<R>) (strategy == FindMany.Strategy.SINGLE_STATEMENT
                ? new RelationalJson(session).fetch(plan) : build(plan, rows(plan, null)));
    }

    // ---- planning ---------------------------------------------------------------------------

    /**
     * What a plan depends on besides the relations, table and record type: each level's columns and
     * the relations it loads. Where, orderBy, limit and offset are read from the call's own options
     * when its statements are written, so they are not part of it.
     */
    record LevelShape(List<Column<?>> columns, List<Column<?>> excluded, Map<String, LevelShape> with) {

        static LevelShape of(Level<?> options) {
            Map<String, LevelShape> with = new HashMap<>();
            options.with.forEach((name, nested) -> with.put(name, of(nested)));
            return new LevelShape(options.columns, List.copyOf(options.excluded), with);
        }

        static boolean hasExtras(Level<?> options) {
            return !options.extras.isEmpty() || options.with.values().stream().anyMatch(LevelShape::hasExtras);
        }

        /** Whether a call's options have this shape (and no extras), found without building its key. */
        boolean matches(Level<?> options) {
            if (!Objects.equals(columns, options.columns) || !excluded.equals(options.excluded)
                    || !options.extras.isEmpty() || with.size() != options.with.size()) {
                return false;
            }
            for (Map.Entry<String, NestedLevel> nested : options.with.entrySet()) {
                LevelShape shape = with.get(nested.getKey());
                if (shape == null || !shape.matches(nested.getValue())) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The plan a record type was last fetched with: a findMany run again and again (the usual case) finds it here. */
    private record LastPlan(PlanKey key, Plan plan) {
    }

    private static final ClassValue<LastPlan[]> LAST = new ClassValue<>() {
        @Override
        protected LastPlan[] computeValue(Class<?> type) {
            return new LastPlan[1];
        }
    };

    record PlanKey(Relational relations, Table<?> table, Class<?> type, LevelShape shape) {
    }

    /** Plans kept per {@link Relational} (so they go when it goes), bounded like RecordMapping's. */
    private static final int MAX_PLANS = 4096;

    /**
     * The plan of a call: one made before for the same shape, given this call's options, else a new
     * one. A level with extras is planned every time: an extra is an expression that may carry
     * values, and a plan selects the very expressions it was made with.
     */
    private Plan cachedPlan(Table<?> table, Level<?> options, Class<?> type) {
        LastPlan[] slot = LAST.get(type);
        LastPlan last = slot[0];
        if (last != null && last.key.relations == relations && last.key.table == table && last.key.shape.matches(options)) {
            return last.plan.bound(options);
        }
        if (LevelShape.hasExtras(options)) {
            return plan(table, null, options, type);
        }
        PlanKey key = new PlanKey(relations, table, type, LevelShape.of(options));
        Map<PlanKey, Plan> plans = relations.plans;
        Plan plan = plans.get(key);
        if (plan == null) {
            // Kept without this call's options: they hold its values and its session.
            plan = plan(table, null, options, type).bound(null);
            if (plans.size() < MAX_PLANS) {
                plans.put(key, plan);
            }
        }
        // One racy slot per type, holding an immutable entry: a thread sees a whole entry or another.
        slot[0] = new LastPlan(key, plan);
        return plan.bound(options);
    }

    /** How a record component gets its value: a selected position, or a child level's rows. */
    enum Wrap { VALUE, NULLABLE, OPTIONAL, LIST }

    record Part(Wrap wrap, int index) {
    }

    /**
     * A child level and the positions of the parent's columns its rows hang on; {@code widen} when
     * a key column and the column it matches read as different Java types (an integer key, a bigint
     * foreign key), so that keys are compared as longs; {@code distinct} when the parent rows cannot
     * repeat a key (it is their primary key and no junction repeats them), so keys need no set.
     */
    record Child(Plan plan, int[] parentPositions, boolean widen, boolean distinct) {

        Object key(Object[] row) {
            Object key = RelationalFetch.key(row, parentPositions);
            return widen ? normal(key) : key;
        }

        Object childKey(Object[] row) {
            Object key = RelationalFetch.key(row, plan.linkPositions);
            return widen ? normal(key) : key;
        }
    }

    /** One level: what it selects (visible columns and extras, then key columns it needs), its children, its record. */
    static final class Plan {
        final Table<?> table;
        final Relational.Link link;
        final Level<?> options;
        final List<Expression<?>> selected = new ArrayList<>();
        /** How many of {@code selected} the record reads (the key columns added for linking come after them). */
        int visible;
        int[] linkPositions;
        final List<Child> children = new ArrayList<>();
        Class<?> type;
        RecordMapping.Shape shape;
        Part[] parts;

        /**
         * The statement text of this nested level when it depends on nothing but the plan, its limit
         * and its offset (no where, relation filter or orderBy of its own): written once, shared by
         * every call of the plan's shape, its only values the parent keys.
         */
        LevelText[] text = new LevelText[1];

        /** The single statement's text up to the top level's where, kept like {@link #text}; see {@link RelationalJson.Head}. */
        RelationalJson.Head[] head = new RelationalJson.Head[1];

        Plan(Table<?> table, Relational.Link link, Level<?> options) {
            this.table = table;
            this.link = link;
            this.options = options;
        }

        /**
         * This plan for another call of the same shape: all it worked out, with that call's options at
         * every level (none for a plan kept for later calls).
         */
        Plan bound(Level<?> callOptions) {
            Plan copy = new Plan(table, link, callOptions);
            copy.selected.addAll(selected);
            copy.visible = visible;
            copy.linkPositions = linkPositions;
            copy.type = type;
            copy.shape = shape;
            copy.parts = parts;
            copy.text = text;
            copy.head = head;
            for (Child child : children) {
                Plan nested = child.plan.bound(callOptions == null ? null : callOptions.with.get(child.plan.link.name()));
                copy.children.add(new Child(nested, child.parentPositions, child.widen, child.distinct));
            }
            return copy;
        }

        /** The position of a column in the select list, adding it (unseen by the record) when it is not there. */
        int[] positions(List<Column<?>> columns) {
            int[] positions = new int[columns.size()];
            for (int i = 0; i < positions.length; i++) {
                int position = selected.indexOf(columns.get(i));
                if (position < 0) {
                    position = selected.size();
                    selected.add(columns.get(i));
                }
                positions[i] = position;
            }
            return positions;
        }
    }

    private Plan plan(Table<?> table, Relational.Link link, Level<?> options, Class<?> type) {
        Plan plan = new Plan(table, link, options);
        List<Column<?>> columns = options.columns != null ? options.columns : table.columns();
        for (Column<?> column : columns) {
            if (column.table() != table) {
                throw new IllegalArgumentException("Column " + column.name() + " is not a column of " + table.tableName());
            }
            if (!options.excluded.contains(column)) {
                plan.selected.add(column);
            }
        }
        plan.selected.addAll(options.extras);
        int visible = plan.selected.size();
        plan.visible = visible;
        if (link != null) {
            plan.linkPositions = plan.positions(link.childColumns());
        }
        plan.type = type;
        plan.shape = RecordMapping.SHAPES.get(type);
        RecordComponent[] components = plan.shape.components();
        plan.parts = new Part[components.length];
        Set<String> used = new HashSet<>();
        for (int c = 0; c < components.length; c++) {
            RecordComponent component = components[c];
            NestedLevel nested = options.with.get(component.getName());
            if (nested != null) {
                used.add(component.getName());
                Relational.Link childLink = relations.link(table, component.getName());
                Wrap wrap = wrap(type, component, childLink.kind());
                Class<?> childType = wrap == Wrap.NULLABLE ? component.getType() : argument(type, component);
                Plan child = plan(childLink.child(), childLink, nested, childType);
                plan.parts[c] = new Part(wrap, plan.children.size());
                plan.children.add(new Child(child, plan.positions(childLink.parentColumns()), widens(childLink),
                        (link == null || link.through() == null) && isPrimaryKey(table, childLink.parentColumns())));
            } else {
                plan.parts[c] = new Part(Wrap.VALUE, valuePosition(plan, visible, type, component));
            }
        }
        for (String relation : options.with.keySet()) {
            if (!used.contains(relation)) {
                relations.link(table, relation);
                throw new IllegalArgumentException("Record " + type.getSimpleName() + " has no component '" + relation
                        + "' for the relation loaded with with(\"" + relation + "\")");
            }
        }
        return plan;
    }

    static boolean isPrimaryKey(Table<?> table, List<Column<?>> columns) {
        List<Column<?>> key = table.columns().stream().filter(Column::isPrimaryKey).toList();
        return !key.isEmpty() && key.size() == columns.size() && columns.containsAll(key);
    }

    private static boolean widens(Relational.Link link) {
        for (int i = 0; i < link.parentColumns().size(); i++) {
            if (link.parentColumns().get(i).type().javaType() != link.childColumns().get(i).type().javaType()) {
                return true;
            }
        }
        return false;
    }

    private static Wrap wrap(Class<?> type, RecordComponent component, Relation.Kind kind) {
        Class<?> declared = component.getType();
        if (kind == Relation.Kind.MANY) {
            if (declared != List.class) {
                throw shapeError(type, component, "is " + declared.getSimpleName() + " but relation '"
                        + component.getName() + "' is a many: declare it as List<...>");
            }
            return Wrap.LIST;
        }
        if (declared == Optional.class) {
            return Wrap.OPTIONAL;
        }
        if (!declared.isRecord()) {
            throw shapeError(type, component, "is " + declared.getSimpleName() + " but relation '"
                    + component.getName() + "' is a one: declare it as a record or Optional<record>");
        }
        return Wrap.NULLABLE;
    }

    /** The record type inside {@code List<X>} or {@code Optional<X>}. */
    private static Class<?> argument(Class<?> type, RecordComponent component) {
        Type generic = component.getGenericType();
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> argument && argument.isRecord()) {
            return argument;
        }
        throw shapeError(type, component, "needs a record type argument: " + generic.getTypeName());
    }

    private static int valuePosition(Plan plan, int visible, Class<?> type, RecordComponent component) {
        int found = -1;
        for (int i = 0; i < visible; i++) {
            String name = Selection.name(plan.selected.get(i));
            if (name != null && RecordMapping.matches(component.getName(), name)) {
                found = i;
                break;
            }
        }
        if (found < 0) {
            throw shapeError(type, component, "matches no selected column, extra or relation loaded with with(...) of "
                    + plan.table.tableName());
        }
        Class<?> reads = plan.selected.get(found).type().javaType();
        Class<?> wants = RecordMapping.box(component.getType());
        if (reads != Object.class && !wants.isAssignableFrom(reads)) {
            throw shapeError(type, component, "is " + component.getType().getSimpleName() + " but "
                    + Selection.name(plan.selected.get(found)) + " reads as " + reads.getSimpleName());
        }
        return found;
    }

    private static IllegalArgumentException shapeError(Class<?> type, RecordComponent component, String problem) {
        return new IllegalArgumentException("Record " + type.getSimpleName() + ": component '" + component.getName()
                + "' " + problem);
    }

    // ---- running ----------------------------------------------------------------------------

    /** The level's statement (all of the top level, or the rows hanging on {@code keys}) and the binders that read its columns. */
    private record LevelQuery(Statement statement, Binder<?>[] binders) {

        /** Reads the current row's selected values into {@code row}. */
        void read(ResultSet result, Object[] row) throws SQLException {
            for (int i = 0; i < binders.length; i++) {
                row[i] = binders[i].get(result, i + 1);
            }
        }
    }

    /** A nested level's statement text and what reads and binds it; see {@link Plan#text}. */
    private record LevelText(Dialect dialect, Integer limit, Integer offset, String sql, Binder<?>[] columns, Binder<?>[] keys) {
    }

    private LevelQuery query(Plan plan, Collection<Object> keys) {
        Level<?> options = plan.options;
        boolean fixedText = plan.link != null && options.where == null && plan.link.filter() == null
                && options.orderBy == null && session.dialect.supports(Feature.ARRAY_PARAMETERS);
        LevelText known = fixedText ? plan.text[0] : null;
        if (known != null && known.dialect == session.dialect && Objects.equals(known.limit, options.limit) && Objects.equals(known.offset, options.offset)) {
            Object[] arrays = new Object[known.keys.length];
            for (int k = 0; k < arrays.length; k++) {
                arrays[k] = keyArray(plan.link, keys, k);
            }
            return new LevelQuery(new Statement(known.sql, arrays, known.keys, arrays.length), known.columns);
        }
        LevelQuery query = render(plan, keys);
        int width = plan.link == null ? 0 : plan.link.childColumns().size();
        if (fixedText && query.statement.count() == width) {
            plan.text[0] = new LevelText(session.dialect, options.limit, options.offset, query.statement.sql(), query.binders,
                    Arrays.copyOf(query.statement.binders(), width));
        }
        return query;
    }

    private LevelQuery render(Plan plan, Collection<Object> keys) {
        RenderContext context = new RenderContext(session.dialect);
        Level<?> options = plan.options;
        boolean perParent = plan.link != null && (options.limit != null || options.offset != null);
        OrderField[] order = order(plan);
        context.sql(perParent ? "select * from (select " : "select ");
        Binder<?>[] binders = context.selectList(plan.selected.toArray(new Expression<?>[0]));
        if (perParent) {
            context.sql(", row_number() over (partition by ");
            context.list(plan.link.childColumns());
            if (order.length > 0) {
                context.sql(" order by ");
                context.list(List.of(order));
            }
            context.sql(") as ").quote(ROW_NUMBER);
        }
        context.sql(" from ");
        context.table(plan.table);
        if (plan.link != null && plan.link.through() != null) {
            Relational.Through through = plan.link.through();
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
        Expression<Boolean> where = plan.link == null || plan.link.filter() == null ? options.where
                : options.where == null ? plan.link.filter() : Sql.and(plan.link.filter(), options.where);
        if (plan.link != null) {
            context.sql(" where ");
            keyFilter(context, plan.link, keys);
            if (where != null) {
                context.sql(" and ");
            }
        } else if (where != null) {
            context.sql(" where ");
        }
        if (where != null) {
            context.expression(where);
        }
        if (perParent) {
            int offset = options.offset == null ? 0 : options.offset;
            context.sql(") as ").quote(LEVEL).sql(" where ").quote(ROW_NUMBER).sql(" > " + offset);
            if (options.limit != null) {
                context.sql(" and ").quote(ROW_NUMBER).sql(" <= " + ((long) offset + options.limit));
            }
            context.sql(" order by ").quote(ROW_NUMBER);
        } else {
            if (order.length > 0) {
                context.sql(" order by ");
                context.list(List.of(order));
            }
            if (plan.link == null) {
                context.limitOffset(options.limit, options.offset);
            }
        }
        return new LevelQuery(context.statement(), binders);
    }

    /** The level's rows, each an array of its selected values, kept until its children are loaded. */
    private List<Object[]> rows(Plan plan, Collection<Object> keys) {
        LevelQuery query = query(plan, keys);
        return session.query(query.statement, result -> {
            List<Object[]> rows = new ArrayList<>();
            while (result.next()) {
                Object[] row = new Object[query.binders.length];
                query.read(result, row);
                rows.add(row);
            }
            return rows;
        });
    }

    /**
     * The level's orderBy, else its primary key, so that nested lists have a stable order; a one
     * level needs none (each parent takes a single row).
     */
    static OrderField[] order(Plan plan) {
        if (plan.options.orderBy != null) {
            return plan.options.orderBy;
        }
        if (plan.link != null && plan.link.kind() == Relation.Kind.ONE) {
            return new OrderField[0];
        }
        return plan.table.columns().stream().filter(Column::isPrimaryKey).toArray(OrderField[]::new);
    }

    /**
     * {@code child.key = any(?)} with the parent keys as one array (composite keys: {@code (a, b) in
     * (select * from unnest(?, ?))}, parallel arrays); where the dialect has no array parameters, an
     * {@code in} list of bound values.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void keyFilter(RenderContext context, Relational.Link link, Collection<Object> keys) {
        List<Column<?>> childColumns = link.childColumns();
        List<Column<?>> parentColumns = link.parentColumns();
        int width = childColumns.size();
        if (width > 1) {
            context.sql('(');
        }
        context.list(childColumns);
        if (width > 1) {
            context.sql(')');
        }
        if (session.dialect.supports(Feature.ARRAY_PARAMETERS)) {
            context.sql(width == 1 ? " = any(" : " in (select * from unnest(");
            for (int k = 0; k < width; k++) {
                Object array = keyArray(link, keys, k);
                if (k > 0) {
                    context.sql(", ");
                }
                context.bind(array, (Binder) session.dialect.binder(
                        new DataType<>(parentColumns.get(k).type().sql() + "[]", array.getClass())));
            }
            context.sql(width == 1 ? ")" : "))");
            return;
        }
        context.sql(" in (");
        boolean first = true;
        for (Object key : keys) {
            context.sql(first ? "" : ", ");
            first = false;
            if (width > 1) {
                context.sql('(');
            }
            for (int k = 0; k < width; k++) {
                context.sql(k == 0 ? "" : ", ");
                context.bind(width == 1 ? key : ((List<?>) key).get(k), (Binder) session.dialect.binder(parentColumns.get(k)));
            }
            if (width > 1) {
                context.sql(')');
            }
        }
        context.sql(')');
    }

    /** The parent keys' values of key column {@code k}, as an array of the column's Java type (one array parameter). */
    private static Object keyArray(Relational.Link link, Collection<Object> keys, int k) {
        int width = link.parentColumns().size();
        Class<?> javaType = link.parentColumns().get(k).type().javaType();
        Object array = Array.newInstance(javaType, keys.size());
        if (width == 1 && !javaType.isPrimitive()) {
            // One copy with a type check, rather than a reflective store per key.
            return keys.toArray((Object[]) array);
        }
        int i = 0;
        for (Object key : keys) {
            Array.set(array, i++, width == 1 ? key : ((List<?>) key).get(k));
        }
        return array;
    }

    // ---- building ---------------------------------------------------------------------------

    private List<Object> build(Plan plan, List<Object[]> rows) {
        List<Map<Object, Object>> loaded = new ArrayList<>(plan.children.size());
        for (Child child : plan.children) {
            Collection<Object> keys = new ArrayList<>(rows.size());
            Set<Object> seen = child.distinct ? null : new HashSet<>(rows.size() * 4 / 3 + 1);
            for (Object[] row : rows) {
                Object key = RelationalFetch.key(row, child.parentPositions);
                if (key != null && (seen == null || seen.add(child.widen ? normal(key) : key))) {
                    keys.add(key);
                }
            }
            loaded.add(keys.isEmpty() ? Map.of() : grouped(child, keys));
        }
        List<Object> built = new ArrayList<>(rows.size());
        // One array for every row: the constructor takes the values out of it and keeps none of it.
        Object[] arguments = new Object[plan.parts.length];
        for (Object[] row : rows) {
            built.add(construct(plan, row, arguments, loaded));
        }
        return built;
    }

    /** A record from a row's values and, for its relations, what the child levels loaded. */
    @SuppressWarnings("unchecked")
    private static Object construct(Plan plan, Object[] row, Object[] arguments, List<Map<Object, Object>> loaded) {
        for (int c = 0; c < arguments.length; c++) {
            Part part = plan.parts[c];
            if (part.wrap == Wrap.VALUE) {
                arguments[c] = row[part.index];
                RecordMapping.checkPrimitive(plan.type, plan.shape.components()[c], arguments[c]);
                continue;
            }
            Child child = plan.children.get(part.index);
            Object key = child.key(row);
            Object found = key == null ? null : loaded.get(part.index).get(key);
            arguments[c] = switch (part.wrap) {
                case LIST -> found == null ? List.of() : (List<Object>) found;
                case OPTIONAL -> Optional.ofNullable(found);
                default -> found;
            };
        }
        return RecordMapping.construct(plan.shape, arguments);
    }

    /**
     * A child level's records by the key they hang on: for a many, a {@link Group} in the level's
     * order, which the parents share instead of copying it; for a one, the first record. A level with
     * no children of its own builds each record as its row is read.
     */
    private Map<Object, Object> grouped(Child child, Collection<Object> keys) {
        Plan plan = child.plan;
        Map<Object, Object> groups = new HashMap<>(keys.size() * 4 / 3 + 1);
        boolean many = plan.link.kind() == Relation.Kind.MANY;
        if (plan.children.isEmpty()) {
            LevelQuery query = query(plan, keys);
            Object[] row = new Object[query.binders.length];
            Object[] arguments = new Object[plan.parts.length];
            List<Map<Object, Object>> none = List.of();
            session.query(query.statement, result -> {
                while (result.next()) {
                    query.read(result, row);
                    group(groups, many, child.childKey(row), construct(plan, row, arguments, none));
                }
                return null;
            });
        } else {
            List<Object[]> rows = rows(plan, keys);
            List<Object> built = build(plan, rows);
            for (int i = 0; i < rows.size(); i++) {
                group(groups, many, child.childKey(rows.get(i)), built.get(i));
            }
        }
        return groups;
    }

    private static void group(Map<Object, Object> groups, boolean many, Object key, Object record) {
        if (many) {
            ((Group) groups.computeIfAbsent(key, k -> new Group())).append(record);
        } else {
            groups.putIfAbsent(key, record);
        }
    }

    /**
     * The records of a many relation that hang on one parent: filled here, then read-only for the
     * application (the List methods that change a list throw), so no copy or wrapper is needed.
     */
    static final class Group extends AbstractList<Object> implements RandomAccess, Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        private Object[] items = new Object[4];
        private int size;

        void append(Object item) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = item;
        }

        @Override
        public Object get(int index) {
            return items[Objects.checkIndex(index, size)];
        }

        @Override
        public int size() {
            return size;
        }

        // AbstractList lets a change that changes nothing through (adding an empty list, say); a
        // read-only list refuses every change, as the unmodifiable lists it replaces did.

        @Override
        public boolean addAll(Collection<?> items) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean addAll(int index, Collection<?> items) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean removeAll(Collection<?> items) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean retainAll(Collection<?> items) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean removeIf(Predicate<? super Object> filter) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void replaceAll(UnaryOperator<Object> operator) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sort(Comparator<? super Object> order) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void clear() {
            throw new UnsupportedOperationException();
        }
    }

    /** The value (one column) or values (several) a row holds at these positions; null when any is NULL. */
    private static Object key(Object[] row, int[] positions) {
        if (positions.length == 1) {
            return row[positions[0]];
        }
        Object[] values = new Object[positions.length];
        for (int i = 0; i < positions.length; i++) {
            if (row[positions[i]] == null) {
                return null;
            }
            values[i] = row[positions[i]];
        }
        return Arrays.asList(values);
    }

    /** Keys compared across levels: an integer key and a bigint foreign key to it are the same key. */
    private static Object normal(Object key) {
        if (key instanceof Integer || key instanceof Short || key instanceof Byte) {
            return ((Number) key).longValue();
        }
        if (key instanceof List<?> values) {
            return values.stream().map(RelationalFetch::normal).toList();
        }
        return key;
    }
}
