package dev.sleet.kit.property;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property: for a random schema A and a schema B made from A by random edits, a database built at
 * A and migrated with diff(A, B), file by file as {@code migrate} runs it, reads back as exactly B
 * (and as each file's snapshot in between). Some edits rename tables or columns, and the differ is
 * told so (Renames), as a confirmed rename would.
 */
class MigrationPropertyTest {

    private static PropertyDatabase db;

    @BeforeContainer
    static void createDatabase() {
        db = PropertyDatabase.create("sleet_property_migration");
    }

    @AfterContainer
    static void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Property(tries = 500)
    void migrationReachesTheTarget(@ForAll("schemas") SchemaRecipe schema, @ForAll("edits") EditRecipe edits) {
        SchemaDraft from = schema.draft();
        SchemaDraft to = edits.apply(from);
        Coverage.changes(dev.sleet.kit.diff.Differ.diff(from.toSnapshot(), to.toSnapshot(), to.renames()));
        RoundTrips.migration(db, from.toSnapshot(), to.toSnapshot(), to.renames());
        Coverage.survivingRows(db);
    }

    @Provide
    Arbitrary<SchemaRecipe> schemas() {
        return SchemaArbitraries.schemas();
    }

    @Provide
    Arbitrary<EditRecipe> edits() {
        return SchemaArbitraries.edits();
    }
}
