package dev.sleet.kit.property;

/**
 * Random edits that turn one schema into another: {@code renames} tables or columns renamed first,
 * then {@code count} edits drawn with {@code seed}.
 * Reproduce a failing case with its {@link #toString()}.
 */
record EditRecipe(long seed, int count, int renames) {

    /** Edits without renames. */
    EditRecipe(long seed, int count) {
        this(seed, count, 0);
    }

    /** A copy of {@code from} with the edits applied; {@code from} is left as it was. */
    SchemaDraft apply(SchemaDraft from) {
        return SchemaEdits.apply(from, this);
    }

    @Override
    public String toString() {
        return "new EditRecipe(" + seed + "L, " + count + ", " + renames + ")";
    }
}
