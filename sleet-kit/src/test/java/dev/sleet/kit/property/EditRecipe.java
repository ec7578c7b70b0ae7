package dev.sleet.kit.property;

/**
 * Random edits that turn one schema into another: {@code count} edits drawn with {@code seed}.
 * Reproduce a failing case with its {@link #toString()}.
 */
record EditRecipe(long seed, int count) {

    /** A copy of {@code from} with the edits applied; {@code from} is left as it was. */
    SchemaDraft apply(SchemaDraft from) {
        return SchemaEdits.apply(from, this);
    }

    @Override
    public String toString() {
        return "new EditRecipe(" + seed + "L, " + count + ")";
    }
}
