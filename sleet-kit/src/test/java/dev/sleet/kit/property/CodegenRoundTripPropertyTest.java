package dev.sleet.kit.property;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Property: for a random schema A, the schema code JavaSchemaWriter writes compiles, and the
 * tables and schema objects (enum types, sequences, views, roles) it declares read back
 * (CodeSnapshots) as A, how indexes and views are built included. Compiling costs more than a
 * database try, so this property makes fewer tries than the database ones.
 */
class CodegenRoundTripPropertyTest {

    private static Path dir;

    @BeforeContainer
    static void createFolder() throws IOException {
        dir = Files.createTempDirectory("sleet-property-codegen");
    }

    @AfterContainer
    static void deleteFolder() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 250)
    void schemaCodeRoundTrips(@ForAll("schemas") SchemaRecipe recipe) throws IOException {
        Path sources = Files.createTempDirectory(dir, "src");
        dev.sleet.kit.snapshot.Snapshot schema = recipe.draft().toSnapshot();
        Coverage.objects(schema);
        RoundTrips.code(schema, sources, dir.resolve("cache"));
    }

    @Provide
    Arbitrary<SchemaRecipe> schemas() {
        return SchemaArbitraries.schemas();
    }
}
