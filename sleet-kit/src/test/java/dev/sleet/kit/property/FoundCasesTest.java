package dev.sleet.kit.property;

import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.kit.property.SchemaDraft.ColumnDraft;
import dev.sleet.kit.property.SchemaDraft.ForeignKeyDraft;
import dev.sleet.kit.property.SchemaDraft.IndexDraft;
import dev.sleet.kit.property.SchemaDraft.KeyDraft;
import dev.sleet.kit.property.SchemaDraft.TableDraft;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failures the property tests found, each kept as the smallest case that showed it (the
 * properties' shrunk samples, written out by hand so that they do not depend on the generator).
 * Each failed before the fix named in its comment.
 */
class FoundCasesTest {

    private static final PostgresDialect PG = PostgresDialect.INSTANCE;
    private static PropertyDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = PropertyDatabase.create("sleet_property_found");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    /**
     * PostgreSQL folds a UNIQUE over the same columns as the primary key (or an earlier UNIQUE) of
     * the same CREATE TABLE into that key, so the constraint was missing from the database.
     * Found as {@code new SchemaRecipe(1L, 2, 1, 1, false, false)}; fixed in PostgresDdl (such a
     * unique is added by its own ALTER TABLE).
     */
    @Test
    void uniqueOverTheColumnsOfAnotherKeyIsCreated(@TempDir Path dir) {
        SchemaDraft draft = draft();
        TableDraft t = table(draft, "public", "t3");
        column(t, "c2", "bytea").notNull = true;
        column(t, "c3", "integer");
        t.primaryKey = new KeyDraft("t3_pkey", List.of("c2"));
        t.uniques.put("t3_c2_key", new KeyDraft("t3_c2_key", List.of("c2")));
        t.uniques.put("t3_c3_key", new KeyDraft("t3_c3_key", List.of("c3")));
        t.uniques.put("uq_again", new KeyDraft("uq_again", List.of("c3")));

        RoundTrips.ddl(db, draft.toSnapshot());
        RoundTrips.code(draft.toSnapshot(), dir.resolve("src"), dir.resolve("cache"));
    }

    /**
     * An integral default beyond bigint (a numeric 1e20, a real's Float.MAX_VALUE) made
     * {@code dialect.literal} throw ArithmeticException. Found as
     * {@code new SchemaRecipe(-2672404631L, 6, 4, 1, false, false)}; fixed in PostgresLiterals (such
     * a value is a quoted numeric constant, as the catalog prints it).
     */
    @Test
    void integralDefaultsBeyondBigintRoundTrip(@TempDir Path dir) {
        assertThat(PG.literal(new BigDecimal("1e20"), "numeric")).isEqualTo("'100000000000000000000'::numeric");
        assertThat(PG.literal(new BigDecimal("-1e20"), "numeric")).isEqualTo("'-100000000000000000000'::numeric");
        assertThat(PG.literal(5_000_000_000L, "bigint")).isEqualTo("'5000000000'::bigint");
        SchemaDraft draft = draft();
        TableDraft t = table(draft, "public", "big");
        column(t, "n", "numeric").defaultValue = new BigDecimal("-99999999999999999999999999999");
        column(t, "r", "real").defaultValue = Float.MAX_VALUE;
        column(t, "d", "double precision").defaultValue = 1e300;
        column(t, "p", "numeric(12,2)").defaultValue = new BigDecimal("9223372036854775808");

        RoundTrips.ddl(db, draft.toSnapshot());
        RoundTrips.code(draft.toSnapshot(), dir.resolve("src"), dir.resolve("cache"));
    }

    /**
     * PostgreSQL allows a table without columns; introspection read tables from their columns and
     * lost it. Found as {@code new SchemaRecipe(-1L, 1, 1, 0, false, false)}; fixed in
     * PostgresIntrospector (tables are outer-joined to their columns).
     */
    @Test
    void tableWithoutColumnsRoundTrips(@TempDir Path dir) {
        SchemaDraft draft = draft();
        table(draft, "public", "t5");
        column(table(draft, "public", "t6"), "c", "text");

        RoundTrips.ddl(db, draft.toSnapshot());
        RoundTrips.code(draft.toSnapshot(), dir.resolve("src"), dir.resolve("cache"));
    }

    /**
     * A foreign key depends on the index of the key it references: renaming that key (drop and add)
     * failed with "cannot drop constraint t_pkey ... because other objects depend on it" while the
     * foreign key, unchanged, was left in place. Found as {@code new SchemaRecipe(1L, 2, 1, 2, false,
     * false)} with {@code new EditRecipe(-3L, 6)}; fixed in Differ (such foreign keys are dropped
     * before and added again after).
     */
    @Test
    void renamingAReferencedPrimaryKeyRecreatesItsForeignKeys() {
        SchemaDraft from = parentAndChild();
        SchemaDraft to = from.copy();
        to.tables.get("public.parent").primaryKey = new KeyDraft("parent_pk", List.of("id"));

        RoundTrips.migration(db, from.toSnapshot(), to.toSnapshot());
    }

    /** The shrunk sample itself: the key moves to another column and a new unique takes over the reference. */
    @Test
    void movingAPrimaryKeyBehindAUniqueRecreatesForeignKeys() {
        SchemaDraft from = parentAndChild();
        SchemaDraft to = from.copy();
        TableDraft parent = to.tables.get("public.parent");
        column(parent, "code", "varchar(20)").notNull = true;
        parent.primaryKey = new KeyDraft("parent_pkey", List.of("code"));
        parent.uniques.put("parent_id_key", new KeyDraft("parent_id_key", List.of("id")));

        RoundTrips.migration(db, from.toSnapshot(), to.toSnapshot());
    }

    /**
     * A dropped table's foreign key to a key that is renamed in the same migration: the table was
     * dropped last, after the key. Found as {@code new SchemaRecipe(0L, 2, 2, 2, true, false)} with
     * {@code new EditRecipe(-201L, 4)}; fixed in Differ.
     */
    @Test
    void droppingAReferencingTableWhileItsTargetKeyIsRenamed() {
        SchemaDraft from = parentAndChild();
        SchemaDraft to = from.copy();
        to.tables.remove("public.child");
        to.tables.get("public.parent").primaryKey = new KeyDraft("parent_pk", List.of("id"));

        RoundTrips.migration(db, from.toSnapshot(), to.toSnapshot());
    }

    /**
     * Tables, indexes and key constraints share one namespace per schema; a dropped table's unique
     * constraint name reused on another table failed with "relation uq3 already exists", since the
     * table was dropped after the new constraint was added. Found as
     * {@code new SchemaRecipe(-5596L, 6, 6, 1, true, true)} with {@code new EditRecipe(-123331L, 5)};
     * fixed in Differ (tables are dropped before anything is created).
     */
    @Test
    void aDroppedTablesConstraintAndIndexNamesMayBeReused() {
        SchemaDraft from = draft();
        TableDraft old = table(from, "public", "old");
        column(old, "a", "integer");
        old.uniques.put("uq3", new KeyDraft("uq3", List.of("a")));
        old.indexes.put("ix1", new IndexDraft("ix1", List.of("a"), false, TypeCatalog.Method.BTREE));
        TableDraft user = table(from, "public", "user");
        column(user, "c11", "text");
        SchemaDraft to = from.copy();
        to.tables.remove("public.old");
        TableDraft target = to.tables.get("public.user");
        target.uniques.put("uq3", new KeyDraft("uq3", List.of("c11")));
        target.indexes.put("ix1", new IndexDraft("ix1", List.of("c11"), false, TypeCatalog.Method.HASH));
        TableDraft renamed = table(to, "public", "old_pkey");
        column(renamed, "x", "integer");

        RoundTrips.migration(db, from.toSnapshot(), to.toSnapshot());
    }

    /**
     * A serial column's sequence keeps its name when the column (or its table) is renamed, and
     * making the column a plain integer dropped the sequence by the default name of the new column:
     * "sequence parent_parent_id_seq does not exist". Found with the rename edits of the migration
     * property (a targeted case: it needs a rename and a serial change of the same column); fixed in
     * PostgresDdl (the sequence is found with pg_get_serial_sequence).
     */
    @Test
    void renamedSerialColumnStopsBeingSerial() {
        SchemaDraft from = parentAndChild();
        SchemaDraft to = from.copy();
        TableDraft parent = to.tables.get("public.parent");
        parent.renameColumn("id", "parent_id");
        parent.columns.get("parent_id").serial = false;
        to.tables.get("public.child").foreignKeys.replaceAll((k, fk) -> new ForeignKeyDraft(fk.name(), fk.columns(),
                fk.refSchema(), fk.refTable(), List.of("parent_id"), fk.onDelete(), fk.onUpdate()));
        to.columnRenames.put("public.parent.id", "public.parent.parent_id");

        RoundTrips.migration(db, from.toSnapshot(), to.toSnapshot(), to.renames());
    }

    /** The same after renaming the table. */
    @Test
    void renamedTableSerialColumnStopsBeingSerial() {
        SchemaDraft from = parentAndChild();
        SchemaDraft to = from.copy();
        TableDraft parent = to.tables.remove("public.parent").renamed("mother");
        parent.columns.get("id").serial = false;
        to.tables.put(parent.key(), parent);
        to.tables.get("public.child").foreignKeys.replaceAll((k, fk) -> new ForeignKeyDraft(fk.name(), fk.columns(),
                fk.refSchema(), "mother", fk.refColumns(), fk.onDelete(), fk.onUpdate()));
        to.tableRenames.put("public.parent", "public.mother");

        RoundTrips.migration(db, from.toSnapshot(), to.toSnapshot(), to.renames());
    }

    // ---- building cases by hand ---------------------------------------------------------------

    /** parent(id serial primary key) and child(parent_id references parent). */
    private static SchemaDraft parentAndChild() {
        SchemaDraft draft = draft();
        TableDraft parent = table(draft, "public", "parent");
        ColumnDraft id = column(parent, "id", "integer");
        id.serial = true;
        parent.primaryKey = new KeyDraft("parent_pkey", List.of("id"));
        TableDraft child = table(draft, "public", "child");
        column(child, "parent_id", "integer");
        child.foreignKeys.put("child_parent_fk", new ForeignKeyDraft("child_parent_fk", List.of("parent_id"), "public",
                "parent", List.of("id"), "cascade", "no action"));
        return draft;
    }

    private static SchemaDraft draft() {
        return new SchemaDraft(PG, new Names(0), "other");
    }

    private static TableDraft table(SchemaDraft draft, String schema, String name) {
        TableDraft table = new TableDraft(schema, name);
        draft.tables.put(table.key(), table);
        return table;
    }

    private static ColumnDraft column(TableDraft table, String name, String type) {
        ColumnDraft column = new ColumnDraft(name, type);
        table.columns.put(name, column);
        return column;
    }
}
