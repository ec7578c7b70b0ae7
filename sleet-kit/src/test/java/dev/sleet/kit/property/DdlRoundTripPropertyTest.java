package dev.sleet.kit.property;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property: for a random valid schema A, the migration for diff(empty, A), run on an empty
 * PostgreSQL database file by file as {@code migrate} runs it, leaves a database that introspects
 * as A — every kind of object, in PostgreSQL's normal form — and diff(database, A) is empty.
 */
class DdlRoundTripPropertyTest {

    private static PropertyDatabase db;

    @BeforeContainer
    static void createDatabase() {
        db = PropertyDatabase.create("sleet_property_ddl");
    }

    @AfterContainer
    static void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Property(tries = 500)
    void ddlRoundTrips(@ForAll("schemas") SchemaRecipe recipe) {
        dev.sleet.kit.snapshot.Snapshot schema = recipe.draft().toSnapshot();
        Coverage.objects(schema);
        RoundTrips.ddl(db, schema);
    }

    @Provide
    Arbitrary<SchemaRecipe> schemas() {
        return SchemaArbitraries.schemas();
    }
}
