/**
 * Property tests (jqwik) of the kit's round trips, on random but valid PostgreSQL schemas.
 *
 * <ul>
 *   <li>{@code DdlRoundTripPropertyTest}: diff(empty, A) as SQL on an empty database, introspected,
 *       is A.</li>
 *   <li>{@code CodegenRoundTripPropertyTest}: A written as schema code, compiled and read back, is A.</li>
 *   <li>{@code MigrationPropertyTest}: a database at A migrated with diff(A, B), for B made from A by
 *       random edits, is B.</li>
 *   <li>{@code FoundCasesTest}: what the properties found, kept as plain tests.</li>
 * </ul>
 *
 * <p>How a schema is made: a {@code SchemaRecipe} (seed and size knobs, which jqwik shrinks) drives
 * {@code SchemaGenerator}, whose parts add tables and columns, primary keys, uniques, foreign keys
 * and indexes, in that order, to a mutable {@code SchemaDraft}; column types, literal values,
 * expression defaults and valid index methods come from {@code TypeCatalog}, names from
 * {@code Names}. {@code SchemaEdits} turns a draft into another ({@code EditRecipe}). Only the draft
 * builds snapshot records. A failure prints the recipes; paste them into a test to reproduce it.
 *
 * <p>When a new kind of object lands (enums, sequences, views): give {@code SchemaDraft} a field for
 * it and fill it in {@code toSnapshot()} (and its namespace in {@code relationNames} if it takes a
 * relation name); add a {@code SchemaGenerator.Part} that creates some; add edits to
 * {@code SchemaEdits.EDITS}; and, for a new column type such as an enum, a {@code TypeCatalog.Spec}.
 *
 * <p>Each property uses one database for all its tries, emptied between tries by dropping its
 * schemas; the whole package runs in about a minute.
 */
package dev.sleet.kit.property;
