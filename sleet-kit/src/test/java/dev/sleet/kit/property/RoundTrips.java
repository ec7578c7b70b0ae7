package dev.sleet.kit.property;

import dev.sleet.kit.codegen.JavaSchemaWriter;
import dev.sleet.kit.codegen.RowsWriter;
import dev.sleet.kit.compile.SchemaCompiler;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.diff.MigrationSteps;
import dev.sleet.kit.diff.Renames;
import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.kit.snapshot.CodeSnapshots;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotJson;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks the properties make, shared with the tests that keep the cases they found. */
final class RoundTrips {

    static final PostgresDialect PG = PostgresDialect.INSTANCE;
    static final String PACKAGE = "property.schema";

    private RoundTrips() {}

    /**
     * The migration for {@code schema}, run on an empty database, reads back as {@code schema}, and
     * the differ then finds nothing to do: generate, migrate, pull, and generate again says nothing.
     */
    static void ddl(PropertyDatabase db, Snapshot schema) {
        db.reset();
        migrate(db, Snapshot.empty(PG.name()), schema, Renames.NONE);
        assertSame(db.introspect(schema.roles().keySet(), built(schema)), built(schema), "the database built from the snapshot");
    }

    /**
     * Schema code written for {@code schema}, compiled and loaded, reads back as {@code schema}; the
     * Rows.java pull writes beside it compiles, and generate (from the compiled code) writes the same.
     */
    static void code(Snapshot schema, Path dir, Path cache) {
        JavaSchemaWriter.GeneratedSources sources = new JavaSchemaWriter(PG).write(schema, PACKAGE);
        String rows = RowsWriter.fromSnapshot(schema, PACKAGE, PG);
        Path folder = dir.resolve(PACKAGE.replace('.', '/'));
        List<Path> files;
        try {
            Files.createDirectories(folder);
            files = List.of(Files.writeString(folder.resolve("Schema.java"), sources.schemaJava()),
                    Files.writeString(folder.resolve("Relations.java"), sources.relationsJava()),
                    Files.writeString(folder.resolve("Rows.java"), rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SchemaCompiler.LoadedSchema loaded = SchemaCompiler.withCacheDir(cache).load(files);
        Snapshot code = CodeSnapshots.of(loaded.tables(), loaded.objects(), PG);
        assertSame(code, schema, "the schema code written for the snapshot");
        assertThat(RowsWriter.fromCode(code, loaded.tables(), PACKAGE)).as("Rows.java as generate writes it").isEqualTo(rows);
    }

    /** Migrating a database at {@code from} with diff(from, to) leaves it exactly at {@code to}. */
    static void migration(PropertyDatabase db, Snapshot from, Snapshot to) {
        migration(db, from, to, Renames.NONE);
    }

    /** The same, with tables and columns renamed rather than dropped and created. */
    static void migration(PropertyDatabase db, Snapshot from, Snapshot to, Renames renames) {
        ddl(db, from);
        migrate(db, from, to, renames);
        java.util.Set<String> roles = new java.util.TreeSet<>(from.roles().keySet());
        roles.addAll(to.roles().keySet());
        // Column order is not compared after a migration: PostgreSQL 15 changes a generation expression
        // only by adding the column anew, at the end, and the differ rightly ignores the order.
        assertSame(columnsByName(db.introspect(roles, built(to))), columnsByName(built(to)),
                "the database migrated from the first snapshot to the second");
        assertThat(Differ.diff(to, to)).isEmpty();
    }

    /**
     * Runs the migration from {@code from} to {@code to} as {@code generate} writes it and
     * {@code migrate} runs it: one file per {@link MigrationSteps} step, each in a transaction unless
     * it must not be; after each step but the last, the database is at that step's snapshot.
     */
    static void migrate(PropertyDatabase db, Snapshot from, Snapshot to, Renames renames) {
        List<MigrationSteps.Step> steps = MigrationSteps.split(from, to, Differ.diff(from, to, renames));
        java.util.Set<String> roles = new java.util.TreeSet<>(from.roles().keySet());
        roles.addAll(to.roles().keySet());
        for (int i = 0; i < steps.size(); i++) {
            MigrationSteps.Step step = steps.get(i);
            db.execute(step.transactional() ? withSurvivingRows(step.changes()) : PG.sql(step.changes()), step.transactional());
            if (i < steps.size() - 1) {
                assertSame(columnsByName(db.introspect(roles, built(step.after()))), columnsByName(built(step.after())),
                        "the database after migration step " + (i + 1));
            }
        }
    }

    /**
     * The statements of a step, with a row put in before each lossy type change, holding a value that
     * survives it (a value of the new type, converted to the old one), and taken out after it: the
     * change's guard then counts a real value and must find that nothing changes. The row goes in
     * only where the table's other columns and constraints let it (a failed insert is skipped), so
     * the rest of the step still sees an empty table.
     */
    static List<String> withSurvivingRows(List<Change> changes) {
        List<String> statements = new ArrayList<>();
        Random random = new Random(String.join("\n", PG.sql(changes)).hashCode());
        for (Change change : changes) {
            String value = change instanceof Change.AlterColumn c && PG.typeChangeLoss(c.from(), c.to()).isPresent()
                    ? survivingValue(c.from(), c.to(), random) : null;
            if (value == null) {
                statements.addAll(PG.sql(List.of(change)));
                continue;
            }
            Change.AlterColumn c = (Change.AlterColumn) change;
            String table = Sql.ident(c.schema()) + "." + Sql.ident(c.table());
            // As the guard does: the value is read in UTC (a date becomes midnight UTC, which survives).
            String body = " BEGIN SET LOCAL TimeZone = 'UTC'; INSERT INTO " + table + " (" + Sql.ident(c.to().name()) + ") "
                    + value + "; PERFORM set_config('sleet.surviving_rows', (coalesce(nullif(current_setting("
                    + "'sleet.surviving_rows', true), ''), '0')::integer + 1)::text, false); EXCEPTION WHEN others THEN NULL; END ";
            String tag = "$row$";
            for (int i = 1; body.contains(tag); i++) {
                tag = "$row" + i + "$";
            }
            statements.add("DO " + tag + body + tag);
            statements.addAll(PG.sql(List.of(change)));
            statements.add("DELETE FROM " + table);
        }
        return statements;
    }

    /**
     * A query for a value of the old type that a value of the new type converts back to, if it
     * converts forward to that value again (compared as text, in the new type): such a value
     * survives the change. Null when the catalog has no value to give.
     */
    private static String survivingValue(ColumnSnapshot from, ColumnSnapshot to, Random random) {
        TypeCatalog.Spec spec = TypeCatalog.all().stream().filter(t -> t.sql().equals(to.type())).findFirst().orElse(null);
        if (from.typeSchema() != null || to.typeSchema() != null || spec == null || !spec.hasLiterals()) {
            return null;
        }
        Object value = spec.values().apply(random, to.type());
        return value == null ? null : survivingValue(from, to, value);
    }

    /** The same for {@code value}, a Java value of the new type. */
    static String survivingValue(ColumnSnapshot from, ColumnSnapshot to, Object value) {
        // Typed: an untyped 969.377 is a numeric, which as a double is no real's value and does not survive.
        String literal = "((" + PG.literal(value, to.type()) + ")::" + to.type() + ")";
        String back = !from.isArray() && to.isArray() ? literal + "[1]" : from.isArray() && !to.isArray() ? "ARRAY[" + literal + "]" : literal;
        String forward = from.isArray() && !to.isArray() ? "(v)[1]" : !from.isArray() && to.isArray() ? "ARRAY[v]" : "v";
        return "SELECT v FROM (SELECT (" + back + ")::" + from.type() + " AS v) old WHERE (" + forward + ")::" + to.type()
                + "::text = " + literal + "::text";
    }

    /**
     * The snapshot as a database holds it: how indexes and materialized views were built
     * ({@code concurrently}, {@code withNoData}) is no part of what they are, and introspection never
     * reads it (comparisons leave it out; the JSON comparison here must too).
     */
    static Snapshot built(Snapshot snapshot) {
        java.util.SortedMap<String, TableSnapshot> tables = new java.util.TreeMap<>();
        for (TableSnapshot t : snapshot.tables().values()) {
            java.util.SortedMap<String, IndexSnapshot> indexes = new java.util.TreeMap<>();
            t.indexes().forEach((k, v) -> indexes.put(k, v.withConcurrently(false)));
            tables.put(t.key(), t.withParts(t.columns(), t.primaryKey(), t.uniqueConstraints(), t.foreignKeys(), indexes));
        }
        java.util.SortedMap<String, ViewSnapshot> views = new java.util.TreeMap<>();
        snapshot.views().forEach((k, v) -> views.put(k, v.withNoData(false)));
        return snapshot.withTables(tables).withViews(views);
    }

    /** The snapshot with every table's columns in name order. */
    static Snapshot columnsByName(Snapshot snapshot) {
        java.util.SortedMap<String, TableSnapshot> tables = new java.util.TreeMap<>();
        for (TableSnapshot t : snapshot.tables().values()) {
            tables.put(t.key(), t.withParts(new java.util.TreeMap<>(t.columns()), t.primaryKey(), t.uniqueConstraints(),
                    t.foreignKeys(), t.indexes()));
        }
        return snapshot.withTables(tables);
    }

    /** Same schema, column order included (the JSON keeps it), whatever the snapshots' identities. */
    static void assertSame(Snapshot actual, Snapshot expected, String what) {
        String expectedJson = SnapshotJson.toJson(expected);
        String actualJson = SnapshotJson.toJson(actual.withIdentity(expected.id(), expected.prevId()));
        if (!actualJson.equals(expectedJson)) {
            throw new AssertionError(what + " differs from the snapshot:\n" + differences(expected, actual));
        }
        assertThat(Differ.diff(actual, expected)).as(what + ": differences left").isEmpty();
    }

    /** What differs, field by field down to the first values that differ, each as expected and actual. */
    static String differences(Snapshot expected, Snapshot actual) {
        StringBuilder text = new StringBuilder();
        differences(text, "", expected.withIdentity("", ""), actual.withIdentity("", ""));
        return text.toString();
    }

    private static void differences(StringBuilder text, String path, Object expected, Object actual) {
        // Maps compare equal whatever their order, but a table's columns are in order.
        boolean sameOrder = !(expected instanceof java.util.Map<?, ?> e1 && actual instanceof java.util.Map<?, ?> a1)
                || new ArrayList<>(e1.keySet()).equals(new ArrayList<>(a1.keySet()));
        if (java.util.Objects.equals(expected, actual) && sameOrder) {
            return;
        }
        if (expected instanceof Record e && actual instanceof Record a && e.getClass() == a.getClass()) {
            for (java.lang.reflect.RecordComponent component : e.getClass().getRecordComponents()) {
                try {
                    differences(text, path + "." + component.getName(), component.getAccessor().invoke(e),
                            component.getAccessor().invoke(a));
                } catch (ReflectiveOperationException ex) {
                    throw new IllegalStateException(ex);
                }
            }
            return;
        }
        if (expected instanceof java.util.Map<?, ?> e && actual instanceof java.util.Map<?, ?> a) {
            java.util.Set<Object> keys = new java.util.LinkedHashSet<>(e.keySet());
            keys.addAll(a.keySet());
            for (Object key : keys) {
                differences(text, path + "[" + key + "]", e.get(key), a.get(key));
            }
            if (keys.size() == e.size() && keys.size() == a.size() && !new ArrayList<>(e.keySet()).equals(new ArrayList<>(a.keySet()))) {
                text.append("  ").append(path).append(" order\n    expected: ").append(e.keySet())
                        .append("\n    actual:   ").append(a.keySet()).append('\n');
            }
            return;
        }
        text.append("  ").append(path).append("\n    expected: ").append(expected).append("\n    actual:   ").append(actual)
                .append('\n');
    }
}
