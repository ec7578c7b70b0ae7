package dev.sleet.cli;

import dev.sleet.testing.TestDatabase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test helper: {@code pg_dump --schema-only} of two databases, compared line by line. Owners and
 * grants are left out (the rebuilt database is made by whoever migrates; Sleet does not manage
 * grants), and so are comments, SET lines, blank lines, the per-dump restrict keys and Sleet's own
 * tracking schema.
 */
final class PgDump {

    private static final String MIGRATIONS_SCHEMA = "sleet";

    private PgDump() {}

    /** Lines one database's dump has more often than the other's: {@code -} first only, {@code +} second only. */
    static List<String> differingLines(TestDatabase first, TestDatabase second) throws IOException, InterruptedException {
        Map<String, Integer> counts = new HashMap<>();
        lines(first).forEach(line -> counts.merge(line, 1, Integer::sum));
        lines(second).forEach(line -> counts.merge(line, -1, Integer::sum));
        List<String> differing = new ArrayList<>();
        counts.forEach((line, n) -> {
            for (int i = 0; i < Math.abs(n); i++) {
                differing.add((n > 0 ? "- " : "+ ") + line);
            }
        });
        differing.sort(null);
        return differing;
    }

    /**
     * Migrates {@code rebuilt} with the project's history and asserts that its dump equals
     * {@code source}'s, the database the history was pulled from.
     */
    static void assertMigratesToSameDump(Project project, TestDatabase source, TestDatabase rebuilt) throws Exception {
        Sleet migrated = project.on(rebuilt).sleet("migrate");
        assertThat(migrated.exitCode()).as(migrated.all()).isZero();
        assertThat(differingLines(source, rebuilt)).as("pg_dump of the pulled database and of the one migrated"
                + " from its pulled history").isEmpty();
    }

    static List<String> lines(TestDatabase db) throws IOException, InterruptedException {
        List<String> command = List.of("pg_dump", "-h", TestDatabase.HOST, "-p", Integer.toString(TestDatabase.PORT),
                "-U", TestDatabase.USER, "--schema-only", "--no-owner", "--no-privileges",
                "--exclude-schema=" + MIGRATIONS_SCHEMA, db.name());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + text).isZero();
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("--") && !line.startsWith("SET ") && !line.startsWith("SELECT pg_catalog.set_config(")
                    && !line.startsWith("\\restrict ") && !line.startsWith("\\unrestrict ")) {
                lines.add(line);
            }
        }
        return lines;
    }
}
