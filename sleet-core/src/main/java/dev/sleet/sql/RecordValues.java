package dev.sleet.sql;

import dev.sleet.schema.Column;
import dev.sleet.schema.Table;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records as column values: {@code insert(TASKS).values(newTask)} and {@code update(TASKS).set(patch)}.
 * Each record component goes to the column of the same name (the one {@link RecordMapping} reads
 * it from: the SQL name in camel case, see {@link #componentName}). A {@link Given} component that is
 * absent is left out of the statement (the column's default on insert, unchanged on update); any
 * other value, null included, is written. The components are matched and type-checked once per
 * record class and table; a component that fits no column fails naming it.
 */
public final class RecordValues {

    /** Words a record component cannot be called: Java's keywords, and the methods every record has. */
    private static final Set<String> RESERVED = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null", "_", "var", "yield", "record", "sealed", "permits",
            "clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait", "of");

    /** One component: how to read it and where it goes. */
    private record Slot(Method accessor, Column<?> column, boolean given) {
    }

    private static final ClassValue<Map<Table<?>, Slot[]>> PLANS = new ClassValue<>() {
        @Override
        protected Map<Table<?>, Slot[]> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private RecordValues() {
    }

    /**
     * The record component that holds column {@code sqlName}: the name in camel case
     * ({@code epic_id} → {@code epicId}), as record mapping reads it; a name that cannot be a
     * component (a keyword, {@code hashCode}, characters Java does not allow) gets a trailing
     * underscore, with the characters Java does not allow as underscores ({@code class} → {@code class_}),
     * and a name with nothing left in camel case ({@code _}) is {@code column_}.
     */
    public static String componentName(String sqlName) {
        String camel = RecordMapping.camel(sqlName);
        if (isIdentifier(camel) && !RESERVED.contains(camel)) {
            return camel;
        }
        if (camel.isEmpty()) {
            // Nothing of the name is left ("_", "-"): "_" alone is a keyword.
            return "column_";
        }
        StringBuilder out = new StringBuilder(camel.length() + 2);
        camel.codePoints().forEach(cp -> {
            if (out.length() == 0 && !Character.isJavaIdentifierStart(cp)) {
                out.append('_');
            }
            if (Character.isJavaIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append('_');
            }
        });
        return out.append('_').toString();
    }

    private static boolean isIdentifier(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.codePointAt(0))) {
            return false;
        }
        return name.codePoints().allMatch(cp -> Character.isJavaIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp));
    }

    /** Sets each column the record gives in {@code target}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void apply(Table<?> table, Record row, Assignments target) {
        if (row == null) {
            throw new IllegalArgumentException("values for " + table + ": the record is null");
        }
        Slot[] slots = PLANS.get(row.getClass()).computeIfAbsent(table, t -> plan(t, row.getClass()));
        for (Slot slot : slots) {
            Object value = read(slot, row);
            if (slot.given) {
                if (value == null) {
                    throw new IllegalArgumentException("Record " + row.getClass().getSimpleName() + ": component '"
                            + slot.accessor.getName() + "' is null; leave the column out with Given.absent(), write NULL with "
                            + "Given.ofNull()");
                }
                if (!(value instanceof Given.Value<?> given)) {
                    continue;
                }
                value = given.value();
            }
            target.set((Column) slot.column, value);
        }
    }

    private static Object read(Slot slot, Record row) {
        try {
            return slot.accessor.invoke(row);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Slot[] plan(Table<?> table, Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        List<Slot> slots = new ArrayList<>(components.length);
        for (RecordComponent component : components) {
            String name = component.getName();
            String where = "Record " + type.getSimpleName() + ": component '" + name + "'";
            Column<?> column = null;
            for (Column<?> candidate : table.columns()) {
                if (RecordMapping.matches(name, candidate.name())) {
                    if (column != null) {
                        throw new IllegalArgumentException(where + " fits both columns " + column.name() + " and "
                                + candidate.name() + " of " + table);
                    }
                    column = candidate;
                }
            }
            if (column == null) {
                throw new IllegalArgumentException(where + " fits no column of " + table + " (its columns: "
                        + String.join(", ", table.columns().stream().map(Column::name).toList()) + ")");
            }
            boolean given = component.getType() == Given.class;
            Class<?> valueType = given ? typeArgument(component.getGenericType()) : RecordMapping.box(component.getType());
            Class<?> takes = column.type().javaType();
            if (valueType != null && valueType != Object.class && takes != Object.class && !takes.isAssignableFrom(valueType)) {
                throw new IllegalArgumentException(where + " is " + valueType.getSimpleName() + " but column " + column
                        + " takes " + takes.getSimpleName());
            }
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            slots.add(new Slot(accessor, column, given));
        }
        return slots.toArray(new Slot[0]);
    }

    /** {@code X} of {@code Given<X>} when it is a class; null when it cannot be told (a type variable, a wildcard). */
    private static Class<?> typeArgument(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return null;
    }
}
