package dev.sleet.kit.property;

/**
 * Everything a generated schema depends on. jqwik shrinks the knobs (fewer tables, fewer columns,
 * fewer kinds of objects, plain names) towards a small failing case, and a failing recipe is
 * reproduced exactly by pasting its {@link #toString()} into a test.
 *
 * @param seed the random source for every choice
 * @param tables how many tables
 * @param maxColumns the most columns a table starts with (foreign keys may add some)
 * @param features 0: tables and columns; 1: and keys; 2: and foreign keys; 3: and indexes
 * @param oddNames whether names may be mixed case, reserved words, long, with spaces or quotes
 * @param otherSchema whether some tables go to a schema other than public
 */
record SchemaRecipe(long seed, int tables, int maxColumns, int features, boolean oddNames, boolean otherSchema) {

    SchemaDraft draft() {
        return SchemaGenerator.generate(this);
    }

    @Override
    public String toString() {
        return "new SchemaRecipe(" + seed + "L, " + tables + ", " + maxColumns + ", " + features + ", " + oddNames + ", "
                + otherSchema + ")";
    }
}
