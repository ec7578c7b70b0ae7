package dev.sleet.kit.property;

/**
 * Everything a generated schema depends on. jqwik shrinks the knobs (fewer tables, fewer columns,
 * fewer kinds of objects, plain names) towards a small failing case, and a failing recipe is
 * reproduced exactly by pasting its {@link #toString()} into a test.
 *
 * @param seed the random source for every choice
 * @param tables how many tables
 * @param maxColumns the most columns a table starts with (foreign keys may add some)
 * @param features 0: tables and columns of built-in types (arrays too), serial, defaults; 1: and primary
 *     keys and unique constraints; 2: and foreign keys; 3: and indexes; 4: and enum types and columns,
 *     sequences, identity and generated columns, checks, NULLS NOT DISTINCT, indexes on expressions
 *     with orders, operator classes, predicates and parameters, comments; 5: and views, materialized
 *     views, roles, row-level security and policies
 * @param oddNames whether names may be mixed case, reserved words, long, with spaces or quotes
 * @param otherSchema whether some objects go to schemas other than public
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
