package dev.sleet.cli;

import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The database-first path on public schemas nobody on the project wrote (issue 11): load a real
 * schema, {@code sleet pull} it, {@code sleet migrate} the pulled history into an empty database,
 * and compare {@code pg_dump --schema-only} of both; then pull and generate again: nothing to do.
 *
 * <p>The schemas themselves are third-party files that are not kept in this repository (see
 * docs/real-schemas/README.md for where each comes from and how it was edited). They are read from
 * {@code SLEET_REAL_SCHEMAS} or else {@code ../shared/real-schemas} beside the clone; a schema that
 * is not there is skipped with a message saying where it was looked for.
 *
 * <p>Owners and grants are left out of the comparison ({@code --no-owner --no-privileges}): the
 * rebuilt database is created by whoever runs {@code migrate}, and Sleet does not manage grants.
 * So is Sleet's own tracking table, which only the rebuilt database has.
 */
class RealSchemaCliTest {

    /** Roles the corpus files create (cluster-wide), dropped after the test when it created them. */
    private static final List<String> CORPUS_ROLES = List.of("rnacen", "reader", "postgrest_test_anonymous",
            "postgrest_test_default_role", "postgrest_test_author", "postgrest_test_superuser");

    /** Where migrate keeps its tracking table (the config's default); none of the corpus schemas uses it. */
    private static final String MIGRATIONS_SCHEMA = "sleet";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"pagila", "pkgsite", "hungry-hungry-hippo", "adventureworks", "hatchet", "postgrest", "rnacentral"})
    void pulledHistoryRebuildsTheDatabaseAndPullsBackToNoChanges(String name) throws Exception {
        Path schemaFile = corpus().resolve(name).resolve("schema.sql");
        assumeTrue(Files.isRegularFile(schemaFile), "real schema " + name + " not found at " + schemaFile
                + " (set SLEET_REAL_SCHEMAS to the folder holding <name>/schema.sql)");
        Set<String> rolesBefore = roles();
        try (TestDatabase source = TestDatabase.create("real_" + name); TestDatabase rebuilt = TestDatabase.create("rebuilt_" + name)) {
            run(List.of("psql", "-h", TestDatabase.HOST, "-p", Integer.toString(TestDatabase.PORT), "-U", TestDatabase.USER,
                    "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", source.name(), "-f", schemaFile.toString()));
            Project project = new Project(dir, source).schemaFilter(userSchemas(source));

            Sleet pulled = project.sleet("pull");
            assertThat(pulled.exitCode()).as(pulled.all()).isZero();
            Sleet migrated = project.on(rebuilt).sleet("migrate");
            assertThat(migrated.exitCode()).as(migrated.all()).isZero();

            assertThat(differingLines(dump(source), dump(rebuilt))).as("pg_dump of %s and of the database rebuilt from its pulled history", name)
                    .isEmpty();
            project.assertSettled();
        } finally {
            dropRolesCreatedSince(rolesBefore);
        }
    }

    private static Path corpus() {
        String configured = System.getenv("SLEET_REAL_SCHEMAS");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        // Tests run in the module folder: the clone's parent holds shared/.
        return Path.of("").toAbsolutePath().getParent().getParent().resolve("shared").resolve("real-schemas");
    }

    private static List<String> userSchemas(TestDatabase db) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT nspname FROM pg_namespace n WHERE nspname NOT IN ('pg_catalog', 'information_schema')"
                     + " AND nspname NOT LIKE 'pg\\_%' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass"
                     + " AND d.objid = n.oid AND d.deptype = 'e') ORDER BY nspname")) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        return schemas;
    }

    /** The schema-only dump as statements' lines, without comments, SET lines and blank lines. */
    static List<String> dump(TestDatabase db) throws IOException, InterruptedException {
        String text = run(List.of("pg_dump", "-h", TestDatabase.HOST, "-p", Integer.toString(TestDatabase.PORT), "-U", TestDatabase.USER,
                "--schema-only", "--no-owner", "--no-privileges", "--exclude-schema=" + MIGRATIONS_SCHEMA, db.name()));
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            // pg_dump 15.14 and later writes restrict/unrestrict meta-commands that carry a random key per dump.
            if (!line.isBlank() && !line.startsWith("--") && !line.startsWith("SET ") && !line.startsWith("SELECT pg_catalog.set_config(")
                    && !line.startsWith("\\restrict ") && !line.startsWith("\\unrestrict ")) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Lines one dump has more often than the other, marked {@code -} (source only) or {@code +} (rebuilt only). */
    static List<String> differingLines(List<String> source, List<String> rebuilt) {
        Map<String, Integer> counts = new HashMap<>();
        source.forEach(line -> counts.merge(line, 1, Integer::sum));
        rebuilt.forEach(line -> counts.merge(line, -1, Integer::sum));
        List<String> differing = new ArrayList<>();
        counts.forEach((line, n) -> {
            for (int i = 0; i < Math.abs(n); i++) {
                differing.add((n > 0 ? "- " : "+ ") + line);
            }
        });
        differing.sort(null);
        return differing;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + text).isZero();
        return text;
    }

    private static Set<String> roles() throws SQLException {
        Set<String> roles = new TreeSet<>();
        try (TestDatabase any = TestDatabase.create("roles"); Connection c = any.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT rolname FROM pg_roles")) {
            while (rs.next()) {
                roles.add(rs.getString(1));
            }
        }
        return roles;
    }

    private static void dropRolesCreatedSince(Set<String> before) throws SQLException {
        try (TestDatabase any = TestDatabase.create("roles"); Connection c = any.connect(); Statement st = c.createStatement()) {
            for (String role : CORPUS_ROLES) {
                if (!before.contains(role)) {
                    st.execute("DROP ROLE IF EXISTS \"" + role + "\"");
                }
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("could not drop the corpus roles", e));
        }
    }
}
