package dev.sleet.sql;

import dev.sleet.dialect.Binder;
import dev.sleet.dialect.Dialect;
import dev.sleet.schema.DataType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps result rows into Java records by component name, planned once per query: a component
 * takes the selected expression of the same name (alias, or the column's SQL name in camel case:
 * {@code user_id} → {@code userId}); a record-typed component takes a table of the query by its
 * alias or name (singular or plural: {@code user} ↔ {@code users}) and is mapped from that table's
 * columns, null when they are all NULL (an outer join without a match). Anything that does not fit
 * fails before the first row is read, naming the record and the component.
 */
final class RecordMapping {

    /** Record components and canonical constructors, looked up once per class. */
    static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + " is not a record: map rows into records, or pass a RowMapper");
            }
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                // A spreading method handle: reflection's newInstance costs a tenth of a findMany's client time.
                MethodHandle factory = MethodHandles.lookup().unreflectConstructor(constructor)
                        .asSpreader(Object[].class, components.length)
                        .asType(MethodType.methodType(Object.class, Object[].class));
                return new Shape(components, factory);
            } catch (NoSuchMethodException | IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    record Shape(RecordComponent[] components, MethodHandle factory) {
    }

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, boolean.class, Boolean.class, double.class, Double.class, float.class, Float.class,
            byte.class, Byte.class, char.class, Character.class);

    private RecordMapping() {
    }

    /**
     * Plans already made, by record type and selection: a query that runs again (same columns, same
     * tables) is not planned again. Bounded, since selections with values in them never repeat.
     */
    private static final Map<PlanKey, Node> PLANS = new ConcurrentHashMap<>();
    private static final int MAX_PLANS = 4096;

    private record PlanKey(Class<?> type, Expression<?>[] expressions, List<Object> sources) {
        @Override
        public boolean equals(Object other) {
            return other instanceof PlanKey key && key.type == type && Arrays.equals(key.expressions, expressions)
                    && key.sources.equals(sources);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * type.hashCode() + Arrays.hashCode(expressions)) + sources.hashCode();
        }
    }

    /**
     * The plan each record type was last mapped with: a query run again and again (the usual case)
     * finds it without building a key. One racy slot per type, holding an immutable entry.
     */
    private static final ClassValue<Planned[]> LAST = new ClassValue<>() {
        @Override
        protected Planned[] computeValue(Class<?> type) {
            return new Planned[1];
        }
    };

    private record Planned(Expression<?>[] expressions, List<Object> sources, Node node) {
        boolean fits(Selection selection) {
            return Arrays.equals(expressions, selection.expressions) && sources.equals(selection.sources);
        }
    }

    /** A reader of records of {@code type} from a DSL query's selection. */
    static <R> RowReader<R> plan(Selection selection, Class<R> type) {
        Planned last = LAST.get(type)[0];
        Node node;
        if (last != null && last.fits(selection)) {
            node = last.node;
        } else {
            PlanKey key = new PlanKey(type, selection.expressions, selection.sources);
            node = PLANS.get(key);
            if (node == null) {
                node = node(selection, type, allPositions(selection), true);
                if (PLANS.size() < MAX_PLANS) {
                    PLANS.put(key, node);
                }
            }
            LAST.get(type)[0] = new Planned(selection.expressions, selection.sources, node);
        }
        Node planned = node;
        if (planned.flat()) {
            // Components are the selected columns in order: the row's values are the constructor's arguments.
            return result -> type.cast(planned.fromRow(selection.read(result)));
        }
        return result -> type.cast(planned.build(selection.read(result)));
    }

    /** A reader of records of {@code type} from a raw query, by result column labels, each read with its component type's binder. */
    static <R> RowReader<R> planByLabels(ResultSetMetaData metaData, Dialect dialect, Class<R> type) throws SQLException {
        Shape shape = SHAPES.get(type);
        int count = metaData.getColumnCount();
        Binder<?>[] binders = new Binder<?>[shape.components.length];
        int[] columns = new int[shape.components.length];
        for (int c = 0; c < shape.components.length; c++) {
            RecordComponent component = shape.components[c];
            columns[c] = -1;
            for (int i = 1; i <= count; i++) {
                if (matches(component.getName(), metaData.getColumnLabel(i))) {
                    columns[c] = i;
                    break;
                }
            }
            if (columns[c] < 0) {
                throw new IllegalArgumentException("Record " + type.getSimpleName() + ": component '" + component.getName()
                        + "' matches no result column");
            }
            binders[c] = dialect.binder(new DataType<>("unknown", box(component.getType())));
        }
        return result -> {
            Object[] arguments = new Object[binders.length];
            for (int c = 0; c < binders.length; c++) {
                arguments[c] = binders[c].get(result, columns[c]);
                checkPrimitive(type, shape.components[c], arguments[c]);
            }
            return type.cast(construct(shape, arguments));
        };
    }

    private static List<Integer> allPositions(Selection selection) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < selection.size(); i++) {
            positions.add(i);
        }
        return positions;
    }

    private static Node node(Selection selection, Class<?> type, List<Integer> available, boolean top) {
        Shape shape = SHAPES.get(type);
        RecordComponent[] components = shape.components;
        Object[] parts = new Object[components.length];
        List<Integer> free = new ArrayList<>(available);
        // Record-typed components claim their tables first, so that the rest do not see those columns.
        for (int c = 0; c < components.length; c++) {
            RecordComponent component = components[c];
            if (!component.getType().isRecord()) {
                continue;
            }
            Object source = null;
            for (Object candidate : selection.sources) {
                if (matchesTable(component.getName(), Selection.sourceName(candidate))) {
                    source = candidate;
                    break;
                }
            }
            if (source == null) {
                throw new IllegalArgumentException("Record " + type.getSimpleName() + ": component '" + component.getName()
                        + "' is a record but no table of the query is called " + component.getName());
            }
            List<Integer> columns = new ArrayList<>();
            for (Integer position : free) {
                if (Selection.source(selection.expressions[position]) == source) {
                    columns.add(position);
                }
            }
            free.removeAll(columns);
            parts[c] = node(selection, component.getType(), columns, false);
        }
        Object first = selection.sources.isEmpty() ? null : selection.sources.get(0);
        for (int c = 0; c < components.length; c++) {
            RecordComponent component = components[c];
            if (component.getType().isRecord()) {
                continue;
            }
            List<Integer> found = new ArrayList<>();
            for (Integer position : free) {
                String name = Selection.name(selection.expressions[position]);
                if (name != null && matches(component.getName(), name)) {
                    found.add(position);
                }
            }
            if (found.size() > 1 && top) {
                found.removeIf(p -> {
                    Object source = Selection.source(selection.expressions[p]);
                    return source != null && source != first;
                });
            }
            if (found.isEmpty()) {
                throw new IllegalArgumentException("Record " + type.getSimpleName() + ": component '" + component.getName()
                        + "' matches no selected column or alias");
            }
            if (found.size() > 1) {
                throw new IllegalArgumentException("Record " + type.getSimpleName() + ": component '" + component.getName()
                        + "' matches " + found.size() + " selected columns; alias one of them");
            }
            int position = found.get(0);
            Class<?> reads = selection.expressions[position].type().javaType();
            Class<?> wants = box(component.getType());
            if (reads != Object.class && !wants.isAssignableFrom(reads)) {
                throw new IllegalArgumentException("Record " + type.getSimpleName() + ": component '" + component.getName()
                        + "' is " + component.getType().getSimpleName() + " but " + selection.expressions[position]
                        + " reads as " + reads.getSimpleName());
            }
            parts[c] = position;
        }
        return new Node(type, shape, parts, !top);
    }

    /**
     * A record to build: each part is a position in the row or a nested node. Flat when the
     * components take positions 0, 1, 2 ... of the row with nothing nested (the row's values are then
     * the constructor's arguments); worked out once, since a plan is read on every run.
     */
    private record Node(Class<?> type, Shape shape, Object[] parts, boolean nullWhenEmpty, boolean flat) {
        Node(Class<?> type, Shape shape, Object[] parts, boolean nullWhenEmpty) {
            this(type, shape, parts, nullWhenEmpty, takesRowInOrder(parts));
        }

        private static boolean takesRowInOrder(Object[] parts) {
            for (int c = 0; c < parts.length; c++) {
                if (!(parts[c] instanceof Integer position) || position != c) {
                    return false;
                }
            }
            return true;
        }

        Object fromRow(Object[] values) {
            if (values.length != parts.length) {
                return build(values);
            }
            for (int c = 0; c < parts.length; c++) {
                checkPrimitive(type, shape.components[c], values[c]);
            }
            return RecordMapping.construct(shape, values);
        }

        Object build(Object[] values) {
            Object[] arguments = new Object[parts.length];
            boolean empty = true;
            for (int c = 0; c < parts.length; c++) {
                Object part = parts[c];
                Object value = part instanceof Node node ? node.build(values) : values[(Integer) part];
                empty &= value == null;
                arguments[c] = value;
            }
            if (empty && nullWhenEmpty) {
                return null;
            }
            for (int c = 0; c < parts.length; c++) {
                checkPrimitive(type, shape.components[c], arguments[c]);
            }
            return construct(shape, arguments);
        }
    }

    static void checkPrimitive(Class<?> type, RecordComponent component, Object value) {
        if (value == null && component.getType().isPrimitive()) {
            throw new IllegalStateException("Record " + type.getSimpleName() + ": component '" + component.getName()
                    + "' is " + component.getType() + " but the value is NULL; declare it as "
                    + box(component.getType()).getSimpleName());
        }
    }

    static Object construct(Shape shape, Object[] arguments) {
        try {
            return (Object) shape.factory.invokeExact(arguments);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static Class<?> box(Class<?> type) {
        return type.isPrimitive() ? BOXES.get(type) : type;
    }

    /**
     * A component name matches a result name written the same, or in camel case ({@code user_id} →
     * {@code userId}), or as the generated row records spell a name Java does not allow ({@code class_}).
     */
    static boolean matches(String component, String name) {
        return component.equals(name) || component.equals(camel(name))
                || component.endsWith("_") && component.equals(RecordValues.componentName(name));
    }

    private static boolean matchesTable(String component, String table) {
        if (matches(component, table)) {
            return true;
        }
        String singular = table.endsWith("ies") ? table.substring(0, table.length() - 3) + "y"
                : table.endsWith("s") ? table.substring(0, table.length() - 1) : table + "s";
        return matches(component, singular);
    }

    static String camel(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_' || c == ' ' || c == '-') {
                upper = out.length() > 0;
            } else {
                out.append(upper ? Character.toUpperCase(c) : out.length() == 0 ? Character.toLowerCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
