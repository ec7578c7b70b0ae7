package dev.sleet.cli;

import dev.sleet.testing.TestDatabase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code psql} and {@code pg_dump --schema-only} for round-trip tests: load a hand-written SQL file
 * as PostgreSQL's own client would, and compare two databases' schemas line by line. Owners and
 * grants are left out ({@code --no-owner --no-privileges}), and so is Sleet's tracking schema.
 */
final class PgDump {

    private static final String MIGRATIONS_SCHEMA = "sleet";

    private PgDump() {}

    /** Runs the file with psql, stopping at the first error. */
    static void load(TestDatabase db, Path file) throws IOException, InterruptedException {
        run(List.of("psql", "-h", TestDatabase.HOST, "-p", Integer.toString(TestDatabase.PORT), "-U", TestDatabase.USER,
                "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db.name(), "-f", file.toString()));
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

    /** Lines one dump has more often than the other, marked {@code -} (first only) or {@code +} (second only). */
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
}
