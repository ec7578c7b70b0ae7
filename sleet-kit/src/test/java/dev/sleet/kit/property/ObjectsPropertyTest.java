package dev.sleet.kit.property;

import dev.sleet.kit.diff.Renames;
import dev.sleet.kit.snapshot.Snapshot;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Property: a random schema of collations, domains, routines, triggers, casts, rules, deferrable and NOT VALID
 * constraints and the expressions people write ({@link ObjectsSql}), made by hand-written SQL and
 * pulled, is built again by the migration for it and reads back as itself; its schema code reads
 * back as itself; and a database at it, migrated to a second random state of the same objects
 * (changed expressions, validity, deferral, enabled triggers and rules, objects added and dropped), reads
 * back as that state.
 */
class ObjectsPropertyTest {

    private static PropertyDatabase db;
    private static Path dir;

    @BeforeContainer
    static void create() throws IOException {
        db = PropertyDatabase.create("sleet_property_objects");
        dir = Files.createTempDirectory("sleet-property-objects");
    }

    @AfterContainer
    static void drop() {
        if (db != null) {
            db.close();
        }
    }

    @Property(tries = 25)
    void objectsRoundTrip(@ForAll long seed) throws IOException {
        Snapshot first = ObjectsCasesTest.pulled(db, ObjectsSql.of(seed, 0));
        Snapshot second = ObjectsCasesTest.pulled(db, ObjectsSql.of(seed, 1));
        RoundTrips.ddl(db, first);
        RoundTrips.code(first, Files.createTempDirectory(dir, "src"), dir.resolve("cache"));
        RoundTrips.migration(db, first, second, Renames.NONE);
    }
}
