package dev.sleet.kit.rename;

import dev.sleet.kit.diff.Renames;
import dev.sleet.kit.snapshot.SchemaObjectSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.schema.SchemaObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A kind of object that lives in a schema under a name of its own (enum type, sequence, view) and
 * is renamed within it. Schema code declares such objects as {@link SchemaObject}s of {@code codeType}.
 * A kind only says how alike two of its objects are.
 */
abstract class SchemaObjectKind<T extends SchemaObjectSnapshot<T>> implements RenameKind {

    /** Adds a confirmed rename of this kind, e.g. {@code Renames::withEnum}. */
    @FunctionalInterface
    interface Add {
        Renames add(Renames renames, String from, String to);
    }

    private final String name;
    private final Class<? extends SchemaObject> codeType;
    private final Function<Snapshot, ? extends Map<String, T>> objects;
    private final Add add;

    SchemaObjectKind(String name, Class<? extends SchemaObject> codeType, Function<Snapshot, ? extends Map<String, T>> objects,
                     Add add) {
        this.name = name;
        this.codeType = codeType;
        this.objects = objects;
        this.add = add;
    }

    /** Higher is more alike. */
    abstract int similarity(T dropped, T created);

    /** Whether an object declared in schema code is of this kind. */
    boolean declares(SchemaObject object) {
        return codeType.isInstance(object);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, List<String>> objects(Snapshot snapshot) {
        Map<String, List<String>> bySchema = new TreeMap<>();
        for (T object : objects.apply(snapshot).values()) {
            bySchema.computeIfAbsent(object.schema(), k -> new ArrayList<>()).add(object.key());
        }
        return bySchema;
    }

    @Override
    public int similarity(Snapshot from, String dropped, Snapshot to, String created) {
        return similarity(objects.apply(from).get(dropped), objects.apply(to).get(created));
    }

    @Override
    public Renames add(Renames renames, String from, String to) {
        return add.add(renames, from, to);
    }

    @Override
    public int dots() {
        return 1;
    }
}
