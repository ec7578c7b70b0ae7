package dev.sleet.kit.compile;

import dev.sleet.kit.SleetException;
import dev.sleet.schema.Column;
import dev.sleet.schema.ForeignKey;
import dev.sleet.schema.Relation;
import dev.sleet.schema.SchemaObject;
import dev.sleet.schema.Table;
import dev.sleet.schema.TableRelations;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Loads compiled schema classes and reads what they declare: every public static field of a
 * {@link Table} type (the tables), of type {@link TableRelations} (the relations) and of a
 * {@link SchemaObject} type (enum types and the other schema objects), in the top-level classes. The classes are loaded by a child of Sleet core's class loader, so that
 * {@code Table} is one and the same class on both sides.
 */
public final class SchemaLoader {

    private SchemaLoader() {}

    /** Loads {@code compiled} and collects its tables and relations. */
    public static SchemaCompiler.LoadedSchema load(SchemaCompiler.CompiledSchema compiled) {
        return load(compiled.classesDir(), compiled.classNames());
    }

    /** Loads every class file under {@code classesDir} and collects the tables and relations. */
    public static SchemaCompiler.LoadedSchema load(Path classesDir) {
        return load(classesDir, SchemaCompiler.classNames(classesDir));
    }

    private static SchemaCompiler.LoadedSchema load(Path classesDir, List<String> classNames) {
        ClassLoader loader = classLoader(classesDir);
        Set<String> schemaClasses = Set.copyOf(classNames);
        List<Class<?>> topLevel = new ArrayList<>();
        for (String name : classNames) {
            Class<?> type = loadClass(name, loader, false, schemaClasses);
            if (type.getEnclosingClass() == null && !type.isSynthetic()) {
                topLevel.add(type);
            }
        }
        // Classes declaring tables first, so that an error in a table is reported for the class that
        // declares it rather than for the Relations class whose initialisation set it off.
        topLevel.sort(Comparator.comparing((Class<?> type) -> !declaresTables(type)).thenComparing(Class::getName));

        List<Table<?>> tables = new ArrayList<>();
        List<TableRelations> relations = new ArrayList<>();
        List<SchemaObject> objects = new ArrayList<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Class<?> type : topLevel) {
            loadClass(type.getName(), loader, true, schemaClasses);
            List<Field> fields = new ArrayList<>();
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers)
                        && (Table.class.isAssignableFrom(field.getType()) || field.getType() == TableRelations.class
                            || SchemaObject.class.isAssignableFrom(field.getType()))) {
                    fields.add(field);
                }
            }
            fields.sort(Comparator.comparing(Field::getName));
            for (Field field : fields) {
                Object value = read(type, field, schemaClasses);
                if (value == null || !seen.add(value)) {
                    continue;
                }
                if (value instanceof Table<?> table) {
                    if (table.alias().isEmpty()) {
                        tables.add(table);
                    }
                } else if (value instanceof SchemaObject object) {
                    objects.add(object);
                } else {
                    relations.add((TableRelations) value);
                }
            }
        }
        if (tables.isEmpty()) {
            throw new SleetException("The schema code declares no tables: declare each table as a public static field "
                    + "of a top-level class, e.g. public static final Users USERS = new Users();");
        }
        validate(tables, relations);
        return new SchemaCompiler.LoadedSchema(tables, relations, objects);
    }

    private static ClassLoader classLoader(Path classesDir) {
        try {
            URL url = classesDir.toUri().toURL();
            return new URLClassLoader("sleet-schema", new URL[] {url}, Table.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new SleetException("Cannot load the compiled schema from " + classesDir + ": " + e.getMessage(), e);
        }
    }

    private static boolean declaresTables(Class<?> type) {
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Table.class.isAssignableFrom(field.getType())) {
                return true;
            }
        }
        return false;
    }

    private static Class<?> loadClass(String name, ClassLoader loader, boolean initialise, Set<String> schemaClasses) {
        try {
            return Class.forName(name, initialise, loader);
        } catch (ExceptionInInitializerError e) {
            throw failure(name, e.getCause() != null ? e.getCause() : e, schemaClasses);
        } catch (ClassNotFoundException | LinkageError e) {
            throw failure(name, e, schemaClasses);
        }
    }

    private static Object read(Class<?> type, Field field, Set<String> schemaClasses) {
        try {
            field.setAccessible(true);
            return field.get(null);
        } catch (ExceptionInInitializerError e) {
            throw failure(type.getName(), e.getCause() != null ? e.getCause() : e, schemaClasses);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw failure(type.getName() + "." + field.getName(), e, schemaClasses);
        }
    }

    /** The message names the class, the cause and, when known, the line of schema code that failed. */
    private static SleetException failure(String what, Throwable cause, Set<String> schemaClasses) {
        String reason = cause.getMessage() == null ? cause.getClass().getName()
                : cause instanceof SleetException || cause instanceof IllegalArgumentException
                        || cause instanceof IllegalStateException ? cause.getMessage()
                        : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        String at = "";
        for (StackTraceElement frame : cause.getStackTrace()) {
            if (schemaClasses.contains(frame.getClassName()) && frame.getFileName() != null && frame.getLineNumber() > 0) {
                at = " (at " + frame.getFileName() + ":" + frame.getLineNumber() + ")";
                break;
            }
        }
        return new SleetException("Loading the schema class " + what + " failed: " + reason + at, cause);
    }

    /**
     * Light checks of the relations: fields belong to the relation's own table, references to its
     * target, and each {@code many} is matched by a foreign key or a {@code one} on the other side.
     */
    static void validate(List<Table<?>> tables, List<TableRelations> relations) {
        Set<String> tableKeys = new HashSet<>();
        tables.forEach(t -> tableKeys.add(key(t)));
        // Relations by their table, so that finding the other side of a many() is not a scan of all
        // relations (which made loading a 1,000-table schema quadratic).
        java.util.Map<String, List<TableRelations>> byTable = new java.util.HashMap<>();
        relations.forEach(r -> byTable.computeIfAbsent(key(r.table()), k -> new ArrayList<>()).add(r));
        for (TableRelations tableRelations : relations) {
            Table<?> table = tableRelations.table();
            if (!tableKeys.contains(key(table))) {
                throw new SleetException("Relations are declared for table " + key(table)
                        + ", which is not among the schema's tables");
            }
            Set<String> names = new HashSet<>();
            for (Relation relation : tableRelations.relations()) {
                String where = "Relation \"" + relation.name() + "\" of " + key(table);
                if (!names.add(relation.name())) {
                    throw new SleetException(where + " is declared twice");
                }
                if (!tableKeys.contains(key(relation.target()))) {
                    throw new SleetException(where + " points at table " + key(relation.target())
                            + ", which is not among the schema's tables");
                }
                for (Column<?> field : relation.fields()) {
                    if (!sameTable(field.table(), table)) {
                        throw new SleetException(where + ": field " + field + " is not a column of " + key(table));
                    }
                }
                for (Column<?> reference : relation.references()) {
                    if (!sameTable(reference.table(), relation.target())) {
                        throw new SleetException(where + ": reference " + reference + " is not a column of its target "
                                + key(relation.target()));
                    }
                }
                if (relation.junction().isPresent()) {
                    Table<?> junction = relation.junction().get();
                    Relation toJunction = Relation.many(relation.name(), junction);
                    List<TableRelations> junctionRelations = byTable.getOrDefault(key(junction), List.of());
                    if (!tableKeys.contains(key(junction)) || !hasReverse(table, toJunction, junctionRelations)
                            || !hasReverse(relation.target(), toJunction, junctionRelations)) {
                        throw new SleetException(where + " goes through " + key(junction) + ", which needs a foreign key"
                                + " or one(...) relation to each of " + key(table) + " and " + key(relation.target()));
                    }
                } else if (relation.kind() == Relation.Kind.MANY
                        && !hasReverse(table, relation, byTable.getOrDefault(key(relation.target()), List.of()))) {
                    throw new SleetException(where + " has nothing on the other side: " + key(relation.target())
                            + " has no foreign key" + relation.relationName().map(n -> " \"" + n + "\"").orElse("")
                            + " to " + key(table) + " and no one(...) relation"
                            + relation.relationName().map(n -> " via \"" + n + "\"").orElse("") + " pointing back");
                }
            }
        }
    }

    /**
     * A foreign key or a {@code one} relation from the many-relation's target back to {@code table};
     * {@code relations} are those declared for tables with the target's key.
     */
    private static boolean hasReverse(Table<?> table, Relation many, List<TableRelations> relations) {
        String via = many.relationName().orElse(null);
        for (TableRelations other : relations) {
            if (!sameTable(other.table(), many.target())) {
                continue;
            }
            for (Relation relation : other.relations()) {
                if (relation.kind() == Relation.Kind.ONE && sameTable(relation.target(), table)
                        && (via == null || via.equals(relation.relationName().orElse(null)))) {
                    return true;
                }
            }
        }
        for (ForeignKey fk : many.target().foreignKeys()) {
            if (via != null && !via.equals(fk.name().orElse(null))) {
                continue;
            }
            try {
                List<Column<?>> targets = fk.referencedColumns();
                if (sameTable(targets.get(0).table(), table)) {
                    return true;
                }
            } catch (RuntimeException e) {
                // a broken key is reported where the snapshot is made
            }
        }
        return false;
    }

    private static boolean sameTable(Table<?> a, Table<?> b) {
        return a == b || key(a).equals(key(b)) && Objects.equals(a.alias(), b.alias());
    }

    private static String key(Table<?> table) {
        return table.schemaName() + "." + table.tableName();
    }
}
