package dev.sleet.kit.diff;

import dev.sleet.kit.snapshot.CheckSnapshot;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.EnumSnapshot;
import dev.sleet.kit.snapshot.IdentitySnapshot;
import dev.sleet.kit.snapshot.SequenceSnapshot;
import dev.sleet.schema.SequenceOptions;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.KeySnapshot;
import dev.sleet.kit.snapshot.PolicySnapshot;
import dev.sleet.kit.snapshot.RoleSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Terse snapshot builders for table-driven tests. */
final class Snapshots {

    private Snapshots() {}

    static Snapshot schemaOf(TableSnapshot... tables) {
        TreeMap<String, TableSnapshot> map = new TreeMap<>();
        TreeSet<String> schemas = new TreeSet<>();
        for (TableSnapshot t : tables) {
            map.put(t.key(), t);
            if (!t.schema().equals("public")) {
                schemas.add(t.schema());
            }
        }
        return new Snapshot(1, "postgresql", Snapshot.NO_PARENT, "", schemas, map);
    }

    static ColumnSnapshot col(String name, String type) {
        return new ColumnSnapshot(name, type, false, false, null);
    }

    static ColumnSnapshot notNull(ColumnSnapshot c) {
        return new ColumnSnapshot(c.name(), c.type(), c.serial(), true, c.defaultValue(), c.typeSchema(), c.identity(),
                c.generated(), c.comment());
    }

    static ColumnSnapshot withDefault(ColumnSnapshot c, String expression) {
        return new ColumnSnapshot(c.name(), c.type(), c.serial(), c.notNull(), expression, c.typeSchema(), c.identity(),
                c.generated(), c.comment());
    }

    static ColumnSnapshot serial(String name) {
        return new ColumnSnapshot(name, "integer", true, true, null);
    }

    /** A column of the enum type public.{@code type} (an array of it when the type ends in []). */
    static ColumnSnapshot enumCol(String name, String type) {
        return new ColumnSnapshot(name, type, false, false, null, "public");
    }

    static EnumSnapshot enumType(String name, String... values) {
        return new EnumSnapshot("public", name, List.of(values));
    }

    /** The snapshot with these objects (enum types, sequences, views) as well, and their schemas. */
    static Snapshot with(Snapshot snapshot, Object... objects) {
        TreeMap<String, EnumSnapshot> enums = new TreeMap<>(snapshot.enums());
        TreeMap<String, SequenceSnapshot> sequences = new TreeMap<>(snapshot.sequences());
        TreeMap<String, ViewSnapshot> views = new TreeMap<>(snapshot.views());
        TreeMap<String, RoleSnapshot> roles = new TreeMap<>(snapshot.roles());
        TreeSet<String> schemas = new TreeSet<>(snapshot.schemas());
        for (Object object : objects) {
            String schema;
            if (object instanceof EnumSnapshot type) {
                enums.put(type.key(), type);
                schema = type.schema();
            } else if (object instanceof RoleSnapshot role) {
                roles.put(role.name(), role);
                continue;
            } else if (object instanceof ViewSnapshot view) {
                views.put(view.key(), view);
                schema = view.schema();
            } else {
                SequenceSnapshot sequence = (SequenceSnapshot) object;
                sequences.put(sequence.key(), sequence);
                schema = sequence.schema();
            }
            if (!schema.equals("public")) {
                schemas.add(schema);
            }
        }
        return new Snapshot(snapshot.version(), snapshot.dialect(), snapshot.id(), snapshot.prevId(), schemas,
                snapshot.tables(), enums, sequences, views, roles);
    }

    static ViewSnapshot view(String name, String definition, boolean materialized) {
        return new ViewSnapshot("public", name, definition, materialized, null, false, null);
    }

    static SequenceSnapshot sequence(String name, String type, SequenceOptions options) {
        return SequenceSnapshot.of("public", name, type, options);
    }

    static ColumnSnapshot identity(ColumnSnapshot c, String generation, SequenceOptions options) {
        return new ColumnSnapshot(c.name(), c.type(), false, true, null, c.typeSchema(),
                IdentitySnapshot.of(generation, c.type(), options), null, c.comment());
    }

    static ColumnSnapshot generated(ColumnSnapshot c, String expression) {
        return new ColumnSnapshot(c.name(), c.type(), false, c.notNull(), null, c.typeSchema(), null, expression, c.comment());
    }

    static T table(String name) {
        return new T("public", name);
    }

    static T table(String schema, String name) {
        return new T(schema, name);
    }

    /** A table under construction. */
    static final class T {
        final String schema;
        final String name;
        final Map<String, ColumnSnapshot> columns = new LinkedHashMap<>();
        KeySnapshot pk;
        final Map<String, KeySnapshot> uniques = new TreeMap<>();
        final Map<String, ForeignKeySnapshot> fks = new TreeMap<>();
        final Map<String, IndexSnapshot> indexes = new TreeMap<>();
        final Map<String, CheckSnapshot> checks = new TreeMap<>();
        final Map<String, PolicySnapshot> policies = new TreeMap<>();
        String comment;
        boolean rls;
        boolean forceRls;

        T(String schema, String name) {
            this.schema = schema;
            this.name = name;
        }

        T columns(ColumnSnapshot... cs) {
            for (ColumnSnapshot c : cs) {
                columns.put(c.name(), c);
            }
            return this;
        }

        T pkNamed(String constraint, String... cols) {
            pk = new KeySnapshot(constraint, List.of(cols));
            return this;
        }

        T pk(String... cols) {
            pk = new KeySnapshot(name + "_pkey", List.of(cols));
            return this;
        }

        T unique(String constraint, String... cols) {
            uniques.put(constraint, new KeySnapshot(constraint, List.of(cols)));
            return this;
        }

        T uniqueNullsNotDistinct(String constraint, String... cols) {
            uniques.put(constraint, new KeySnapshot(constraint, List.of(cols), true));
            return this;
        }

        T policy(PolicySnapshot policy) {
            policies.put(policy.name(), policy);
            return this;
        }

        T rls(boolean enabled, boolean forced) {
            rls = enabled;
            forceRls = forced;
            return this;
        }

        T comment(String text) {
            comment = text;
            return this;
        }

        T check(String constraint, String expression) {
            checks.put(constraint, new CheckSnapshot(constraint, expression));
            return this;
        }

        T fk(String constraint, String column, String refTable, String refColumn, String onDelete) {
            fks.put(constraint, new ForeignKeySnapshot(constraint, List.of(column), "public", refTable, List.of(refColumn), onDelete, "no action"));
            return this;
        }

        T fk(ForeignKeySnapshot key) {
            fks.put(key.name(), key);
            return this;
        }

        T index(IndexSnapshot index) {
            indexes.put(index.name(), index);
            return this;
        }

        T index(String index, boolean unique, String method, String... cols) {
            indexes.put(index, new IndexSnapshot(index, List.of(cols), unique, method));
            return this;
        }

        TableSnapshot build() {
            return new TableSnapshot(schema, name, columns, pk, new TreeMap<>(uniques), new TreeMap<>(fks), new TreeMap<>(indexes),
                    new TreeMap<>(checks), comment, new TreeMap<>(policies), rls, forceRls);
        }
    }

    static Snapshot schema(T... tables) {
        return schemaOf(java.util.Arrays.stream(tables).map(T::build).toArray(TableSnapshot[]::new));
    }
}
