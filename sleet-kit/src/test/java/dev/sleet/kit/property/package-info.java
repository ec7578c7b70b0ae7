/**
 * Property tests (jqwik) of the kit's round trips, on random but valid PostgreSQL schemas that use
 * everything the kit models.
 *
 * <ul>
 *   <li>{@code DdlRoundTripPropertyTest} (500 tries): the migration for A, run on an empty database
 *       file by file as {@code migrate} would, introspects as A (column order included), and the
 *       differ then finds nothing: generate, migrate, pull and generate again says nothing.</li>
 *   <li>{@code CodegenRoundTripPropertyTest} (250 tries): A written as schema code, compiled and read
 *       back (tables and schema objects), is A.</li>
 *   <li>{@code MigrationPropertyTest} (500 tries): a database at A migrated with diff(A, B), for B
 *       made from A by random edits (some of them renames the differ is told of), is B after every
 *       migration file and at the end.</li>
 *   <li>{@code PartitionPropertyTest}: partitioned tables built, written as code and migrated.</li>
 *   <li>{@code ObjectsPropertyTest} (25 tries): collations, domains (over arrays, domains and arrays
 *       of domains), routines, triggers, deferrable and NOT VALID constraints and the expressions
 *       people write, made by hand-written SQL ({@code ObjectsSql}) and pulled, round-trip through
 *       the migration and schema code, and migrate to a second state of the same objects.</li>
 *   <li>{@code FoundCasesTest}, {@code ObjectsCasesTest}: what the properties found, kept as plain tests.</li>
 * </ul>
 *
 * <p>What a schema holds, by {@code SchemaRecipe.features} level: tables and columns of built-in
 * types, arrays of many of them, serial columns, literal and expression defaults; primary keys and
 * unique constraints, composite ones too; foreign keys, composite and across schemas; indexes; then
 * enum types in any schema, enum and enum-array columns with label defaults, standalone sequences
 * with random options and {@code nextval} defaults, identity columns (ALWAYS, BY DEFAULT, with
 * options), stored generated columns, check constraints, NULLS NOT DISTINCT, index keys on
 * expressions, descending, NULLS FIRST/LAST, with operator classes, partial indexes, storage
 * parameters, every index method, indexes built concurrently, comments on tables and columns; then
 * views and materialized views over tables and views (with options, comments, WITH NO DATA), roles
 * with every flag, row-level security (enabled, forced) and policies (permissive or restrictive, any
 * command, to public or roles, USING and WITH CHECK). Objects go to public or to one or two other
 * schemas. The edits add, drop and change all of these, including enum labels added and removed
 * while columns use them, type changes that need USING, and a key column retyped with the foreign
 * key columns over it.
 *
 * <p>How a schema is made: a {@code SchemaRecipe} (seed and size knobs, which jqwik shrinks) drives
 * {@code SchemaGenerator}, whose parts add objects kind by kind to a mutable {@code SchemaDraft};
 * column types, literal values, expression defaults and index methods come from
 * {@code TypeCatalog}, names from {@code Names}, and every expression (checks, generated columns,
 * index keys and predicates, policies, view definitions) from {@code Expressions}: most spelled as
 * PostgreSQL prints them back, and some as PostgreSQL prints them but not once that text is applied
 * (a varchar IN list) or as a person writes them (IN lists, ANY over arrays, casts, coalesce,
 * function calls, defaults that need parentheses); the database is read against the expected
 * snapshot, as check, pull and push read it, so those compare in PostgreSQL's fixed-point form
 * ({@code ExpressionForm}). {@code Sql} quotes as PostgreSQL does. The draft keeps expressions as variants over column names and renders them when
 * it builds the snapshot, so that a rename or a type change gives the text PostgreSQL would then
 * print. {@code SchemaEdits} turns a draft into another ({@code EditRecipe}); {@code repair()} drops
 * what an edit left invalid. Only the draft builds snapshot records. A failure prints the recipes;
 * paste them into a test to reproduce it. {@code -Dsleet.coverage=true} reports how often each kind
 * of object and each kind of change came up ({@code Coverage}).
 *
 * <p>What the generator keeps out, as PostgreSQL (not the kit) refuses it or cannot do it on a
 * fresh database: foreign keys over varchar arrays (PostgreSQL 15's check query fails on them), an
 * index predicate that is just {@code true} (PostgreSQL drops it), bounds that leave a sequence's
 * current value outside (a question of data), foreign keys over generated columns (PostgreSQL
 * limits their actions).
 *
 * <p>Each property uses one database for all its tries, emptied between tries by dropping its
 * schemas and the roles the tries created (roles belong to the whole cluster, so their names carry
 * a prefix of this run's own); the whole package runs in about a minute.
 */
package dev.sleet.kit.property;
