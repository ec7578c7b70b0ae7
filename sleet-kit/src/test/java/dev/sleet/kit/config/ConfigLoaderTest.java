package dev.sleet.kit.config;

import dev.sleet.kit.SleetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private SleetConfig load(String toml, Map<String, String> env) throws IOException {
        Path file = dir.resolve("sleet.toml");
        Files.writeString(file, toml);
        return new ConfigLoader(env::get).load(file);
    }

    @Test
    void readsTheSeedConfigAndResolvesPathsAgainstItsFolder() throws IOException {
        SleetConfig config = load("""
                dialect = "postgresql"
                out = "./drizzle-schema"
                schema = ["./drizzle-schema/Schema.java", "./drizzle-schema/Relations.java"]
                package = "jira.schema"
                [dbCredentials]
                host = "localhost"
                port = 5432
                user = "docker"
                password = "docker"
                database = "jira"
                ssl = false
                [migrations]
                table = "history"
                schema = "ops"
                """, Map.of());
        assertThat(config.out()).isEqualTo(dir.resolve("drizzle-schema").toAbsolutePath().normalize());
        assertThat(config.javaOut()).isEqualTo(config.out());
        assertThat(config.schema()).containsExactly("./drizzle-schema/Schema.java", "./drizzle-schema/Relations.java");
        assertThat(config.javaPackage()).isEqualTo("jira.schema");
        assertThat(config.schemaFilter()).containsExactly("public");
        assertThat(config.dbCredentials().jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/jira");
        assertThat(config.migrationsSchema()).isEqualTo("ops");
        assertThat(config.migrationsTable()).isEqualTo("history");
    }

    @Test
    void rolesAreReadOnlyWhenNamed() throws IOException {
        SleetConfig none = load("dialect = \"postgresql\"\nout = \"out\"\n", Map.of());
        assertThat(none.roles()).isEmpty();
        SleetConfig named = load("dialect = \"postgresql\"\nout = \"out\"\nroles = [\"app_user\", \"${env:ADMIN}\"]\n",
                Map.of("ADMIN", "app_admin"));
        assertThat(named.roles()).containsExactly("app_user", "app_admin");
        assertThatThrownBy(() -> load("dialect = \"postgresql\"\nout = \"out\"\nroles = [1]\n", Map.of()))
                .isInstanceOf(SleetException.class).hasMessageContaining("`roles` must be a list of strings");
    }

    @Test
    void tablesFilterListsGlobs() throws IOException {
        SleetConfig config = load("dialect = \"postgresql\"\nout = \"out\"\ntablesFilter = [\"users*\", \"!users_tmp\"]\n", Map.of());
        assertThat(config.tablesFilter()).containsExactly("users*", "!users_tmp");
        assertThat(config.tables().matches("public", "users_roles")).isTrue();
        assertThat(config.tables().matches("public", "users_tmp")).isFalse();
        assertThat(load("dialect = \"postgresql\"\nout = \"out\"\n", Map.of()).tables().isAll()).isTrue();
    }

    @Test
    void expandsEnvironmentVariablesAndKeepsThePasswordOutOfText() throws IOException {
        SleetConfig config = load("""
                dialect = "postgresql"
                out = "out"
                schemaFilter = ["public", "audit"]
                [dbCredentials]
                url = "postgresql://app:${env:DB_PASS}@db.example:6543/${env:DB_NAME}"
                """, Map.of("DB_PASS", "p%40ss", "DB_NAME", "shop"));
        DbCredentials db = config.dbCredentials();
        assertThat(db.user()).isEqualTo("app");
        assertThat(db.password()).isEqualTo("p@ss");
        assertThat(db.port()).isEqualTo(6543);
        assertThat(db.database()).isEqualTo("shop");
        assertThat(db.toString()).doesNotContain("p@ss");
        assertThat(db.describe()).isEqualTo("app@db.example:6543/shop");
        assertThat(db.redact("failed for p@ss")).isEqualTo("failed for ****");
        assertThat(config.schemaFilter()).containsExactly("public", "audit");
    }

    @Test
    void rejectsUnknownKeysMissingValuesAndUnsetVariables() {
        assertThatThrownBy(() -> load("dialect = \"postgresql\"\nout = \"o\"\nschemas = [\"x\"]\n", Map.of()))
                .isInstanceOf(SleetException.class).hasMessageContaining("unknown key").hasMessageContaining("`schemas`");
        assertThatThrownBy(() -> load("dialect = \"postgresql\"\nout = \"o\"\n[dbCredentials]\nhost = \"h\"\ndatabse = \"x\"\n", Map.of()))
                .isInstanceOf(SleetException.class).hasMessageContaining("`dbCredentials.databse`");
        assertThatThrownBy(() -> load("dialect = \"postgresql\"\n", Map.of()))
                .isInstanceOf(SleetException.class).hasMessageContaining("`out` is required");
        assertThatThrownBy(() -> load("dialect = \"mysql\"\nout = \"o\"\n", Map.of()))
                .isInstanceOf(SleetException.class).hasMessageContaining("not supported yet");
        assertThatThrownBy(() -> load("dialect = \"postgresql\"\nout = \"${env:NOPE}\"\n", Map.of()))
                .isInstanceOf(SleetException.class).hasMessageContaining("NOPE is not set");
        assertThatThrownBy(() -> load("dialect = = \n", Map.of()))
                .isInstanceOf(SleetException.class).hasMessageContaining("not valid TOML");
        assertThatThrownBy(() -> new ConfigLoader(k -> null).load(dir.resolve("missing.toml")))
                .isInstanceOf(SleetException.class).hasMessageContaining("not found");
    }

    @Test
    void aCommandChecksOnlyWhatItReads() throws IOException {
        SleetConfig config = load("dialect = \"postgresql\"\nout = \"o\"\n", Map.of());
        assertThatThrownBy(config::requireSchema).isInstanceOf(SleetException.class).hasMessageContaining("`schema` is not set");
        assertThatThrownBy(config::requireDbCredentials).isInstanceOf(SleetException.class).hasMessageContaining("[dbCredentials]");
        assertThat(config.schema()).isNull();
        assertThat(List.of(config.out())).hasSize(1);
    }
}
