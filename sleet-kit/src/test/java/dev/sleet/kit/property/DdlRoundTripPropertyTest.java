package dev.sleet.kit.property;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property: for a random valid schema A, the SQL of diff(empty, A) runs on an empty PostgreSQL
 * database, and introspecting that database gives A again — types, defaults, keys, foreign keys
 * and indexes, in PostgreSQL's normal form.
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

    @Property(tries = 150)
    void ddlRoundTrips(@ForAll("schemas") SchemaRecipe recipe) {
        RoundTrips.ddl(db, recipe.draft().toSnapshot());
    }

    @Provide
    Arbitrary<SchemaRecipe> schemas() {
        return SchemaArbitraries.schemas();
    }
}
