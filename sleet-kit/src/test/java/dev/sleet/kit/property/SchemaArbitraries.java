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
                Arbitraries.integers().between(0, 3),
                Arbitraries.of(false, true),
                Arbitraries.of(false, true)).as(SchemaRecipe::new);
    }

    static Arbitrary<EditRecipe> edits() {
        return Combinators.combine(Arbitraries.longs().withoutEdgeCases(), Arbitraries.integers().between(1, 6),
                Arbitraries.integers().between(0, 2)).as(EditRecipe::new);
    }
}
