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
 * Test helper: {@code pg_dump --schema-only} of a test database as comparable lines, and the lines
 * two dumps do not share: a database rebuilt from pulled migrations must dump as its source does.
 */
final class PgDump {

    private PgDump() {}

    /** The schema-only dump as statements' lines, without comments, SET lines, blank lines and the migrations' schema. */
    static List<String> of(TestDatabase db, String migrationsSchema) throws IOException, InterruptedException {
        List<String> command = List.of("pg_dump", "-h", TestDatabase.HOST, "-p", Integer.toString(TestDatabase.PORT),
                "-U", TestDatabase.USER, "--schema-only", "--no-owner", "--no-privileges", "--exclude-schema=" + migrationsSchema,
                db.name());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + text).isZero();
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
}
