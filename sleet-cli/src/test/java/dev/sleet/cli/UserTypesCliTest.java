package dev.sleet.cli;

import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Composite and range types (issue 11): a database built by hand is pulled, the pulled history
 * rebuilds it to the same {@code pg_dump}, and pull and generate then find nothing to do.
 */
class UserTypesCliTest {

    private static final List<String> SCHEMAS = List.of("public", "test");

    /**
     * A composite over a domain and an enum, used by a column, a function's result and a domain; a
     * range type over uuid (whose constructors PostgreSQL makes) used by a column; hostile names.
     */
    static final String HAND_SQL = """
            CREATE SCHEMA test;
            CREATE TYPE test.mood AS ENUM ('ok', 'sad');
            CREATE DOMAIN positive AS integer CONSTRAINT positive_check CHECK (VALUE > 0);
            CREATE TYPE test.point_2d AS (x positive, y integer[], mood test.mood, "La bel" text COLLATE "C");
            CREATE DOMAIN test.composite_domain AS test.point_2d;
            CREATE TYPE uuidrange AS RANGE (subtype = uuid);
            CREATE TYPE "Odd ""range""\" AS RANGE (subtype = numeric, multirange_type_name = test.odd_multi);
            CREATE TABLE places (
                id serial PRIMARY KEY,
                at test.point_2d,
                boxed test.composite_domain,
                many test.point_2d[],
                ids uuidrange,
                idss uuidmultirange,
                odd "Odd ""range""\"
            );
            CREATE FUNCTION test.points() RETURNS SETOF test.point_2d LANGUAGE sql AS 'select at from public.places';
            """;

    @TempDir
    Path dir;

    @Test
    void pulledHistoryRebuildsCompositeAndRangeTypesToTheSameDump() throws Exception {
        try (TestDatabase source = TestDatabase.create("types11_hand"); TestDatabase rebuilt = TestDatabase.create("types11_rebuilt")) {
            source.execute(HAND_SQL);
            Project project = new Project(dir, source).schemaFilter(SCHEMAS);

            Sleet pulled = project.sleet("pull");
            assertThat(pulled.exitCode()).as(pulled.all()).isZero();
            assertThat(pulled.all()).doesNotContain("composite type", "range type");
            assertThat(project.schemaCode()).contains("CompositeType.of(\"point_2d\").inSchema(\"test\")",
                    ".attribute(\"La bel\", \"text\", \"pg_catalog.\\\"C\\\"\")", "RangeType.of(\"uuidrange\", \"uuid\")");
            Sleet migrated = project.on(rebuilt).sleet("migrate");
            assertThat(migrated.exitCode()).as(migrated.all()).isZero();

            assertThat(PgDump.differingLines(source, rebuilt)).as("pg_dump of the hand-made database and of the one rebuilt"
                    + " from its pulled history\n" + String.join("\n", project.files().stream()
                            .filter(f -> f.endsWith(".sql")).map(project::read).toList())).isEmpty();
            project.assertSettled();
        }
    }
}
