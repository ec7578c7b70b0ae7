package dev.sleet.kit.property;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** The arbitraries the properties draw from. */
final class SchemaArbitraries {

    private SchemaArbitraries() {}

    static Arbitrary<SchemaRecipe> schemas() {
        return Combinators.combine(
                Arbitraries.longs().withoutEdgeCases(),
                Arbitraries.integers().between(1, 6),
                Arbitraries.integers().between(1, 7),
                // Half the cases have every kind of object; shrinking still goes down to 0.
                Arbitraries.integers().between(0, 2 * SchemaGenerator.MAX_FEATURES)
                        .map(f -> Math.min(f, SchemaGenerator.MAX_FEATURES)),
                Arbitraries.of(false, true),
                Arbitraries.of(false, true)).as(SchemaRecipe::new);
    }

    static Arbitrary<EditRecipe> edits() {
        return Combinators.combine(Arbitraries.longs().withoutEdgeCases(), Arbitraries.integers().between(1, 8),
                Arbitraries.integers().between(0, 2)).as(EditRecipe::new);
    }
}
