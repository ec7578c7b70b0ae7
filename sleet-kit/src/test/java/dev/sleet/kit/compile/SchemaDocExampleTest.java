package dev.sleet.kit.compile;

import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.diff.MigrationSteps;
import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.kit.snapshot.CodeSnapshots;
import dev.sleet.kit.snapshot.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The example in docs/schema.md compiles, loads and migrates as the page says. */
class SchemaDocExampleTest {

    @TempDir
    Path dir;

    @Test
    void theSchemaDocExampleCompilesAndDeclaresWhatItSays() throws IOException {
        String doc = Files.readString(Path.of("../docs/schema.md"));
        String code = doc.substring(doc.indexOf("```java") + "```java".length(), doc.indexOf("```", doc.indexOf("```java") + 7));
        Path source = dir.resolve("src/app/db/Schema.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package app.db;\n\nimport dev.sleet.schema.*;\nimport java.math.BigDecimal;\n" + code);

        SchemaCompiler.LoadedSchema loaded = SchemaCompiler.withCacheDir(dir.resolve("cache")).load(List.of(source));
        Snapshot snapshot = CodeSnapshots.of(loaded.tables(), loaded.objects(), PostgresDialect.INSTANCE);

        assertThat(snapshot.enums()).containsOnlyKeys("public.status", "audit.mood");
        assertThat(snapshot.sequences()).containsOnlyKeys("public.invoice_numbers");
        assertThat(snapshot.views()).containsOnlyKeys("public.active_accounts", "public.totals");
        assertThat(snapshot.roles()).containsOnlyKeys("app_user");
        var accounts = snapshot.tables().get("public.accounts");
        assertThat(accounts.policies()).containsOnlyKeys("accounts_own");
        assertThat(accounts.rowLevelSecurity()).isTrue();
        assertThat(accounts.columns().get("moods").defaultValue()).isEqualTo("'{happy}'::audit.mood[]");
        // A new table's index is built in the one transaction; nothing needs a file of its own.
        var steps = MigrationSteps.split(Snapshot.empty("postgresql"), snapshot, Differ.diff(Snapshot.empty("postgresql"), snapshot));
        assertThat(steps).singleElement().satisfies(step -> assertThat(step.transactional()).isTrue());
    }
}
