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
        assertThat(db.secrets().mask("failed for p@ss")).isEqualTo("failed for ****");
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

    private DbCredentials url(String url) throws IOException {
        return load("dialect = \"postgresql\"\nout = \"o\"\n[dbCredentials]\nurl = \"" + url + "\"\n", Map.of()).dbCredentials();
    }

    @Test
    void aUrlIsPercentDecodedOnlySoAPlusStaysAPlus() throws IOException {
        assertThat(url("postgresql://app:p+ss@h/db").password()).isEqualTo("p+ss");
        assertThat(url("postgresql://app:a%2Bb%20c%40d@h/db").password()).isEqualTo("a+b c@d");
        DbCredentials plusInName = url("postgresql://a%2Bb@h/sh+op%20x");
        assertThat(plusInName.user()).isEqualTo("a+b");
        assertThat(plusInName.database()).isEqualTo("sh+op x");
        // pgjdbc form-decodes the database in its URL: encode it so it arrives unchanged
        assertThat(plusInName.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/sh%2Bop+x");
    }

    @Test
    void aJdbcUrlKeepsItsUserPasswordAndSettingsParameters() throws IOException {
        DbCredentials db = url("jdbc:postgresql://db.example:6543/shop?user=app&password=s%2Bcret&sslmode=require&connectTimeout=7");
        assertThat(db.user()).isEqualTo("app");
        assertThat(db.password()).isEqualTo("s+cret");
        assertThat(db.ssl()).isTrue();
        assertThat(db.connectTimeout()).isEqualTo(7);
        assertThat(db.describe()).isEqualTo("app@db.example:6543/shop");
        assertThat(url("postgresql://h/db?connect_timeout=4").connectTimeout()).isEqualTo(4);

        assertThatThrownBy(() -> url("postgresql://h/db?currentSchema=x"))
                .isInstanceOf(SleetException.class).hasMessageContaining("`currentSchema`").hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> url("postgresql://app:pw@h/db?user=other"))
                .isInstanceOf(SleetException.class).hasMessageContaining("user").hasMessageContaining("twice");
        assertThatThrownBy(() -> url("postgresql://h/db?connectTimeout=soon"))
                .isInstanceOf(SleetException.class).hasMessageContaining("connectTimeout").hasMessageContaining("seconds");
    }

    @Test
    void aUrlTogetherWithTheSeparateKeysIsAnError() {
        assertThatThrownBy(() -> load("dialect = \"postgresql\"\nout = \"o\"\n[dbCredentials]\n"
                + "url = \"postgresql://app@h/db\"\nport = 6543\n", Map.of()))
                .isInstanceOf(SleetException.class).hasMessageContaining("`dbCredentials.url`").hasMessageContaining("`port`");
        assertThatThrownBy(() -> load("dialect = \"postgresql\"\nout = \"o\"\n[dbCredentials]\n"
                + "url = \"postgresql://app@h/db\"\nuser = \"x\"\npassword = \"y\"\n", Map.of()))
                .isInstanceOf(SleetException.class).hasMessageContaining("`user`").hasMessageContaining("`password`")
                .hasMessageNotContaining("\"y\"");
    }

    @Test
    void theConnectTimeoutDefaultsTo30SecondsAndBoundsTheLoginButNoStatement() throws IOException {
        DbCredentials fallback = load("dialect = \"postgresql\"\nout = \"o\"\n[dbCredentials]\nhost = \"h\"\ndatabase = \"d\"\n",
                Map.of()).dbCredentials();
        assertThat(fallback.connectTimeout()).isEqualTo(30);
        assertThat(fallback.properties()).containsEntry("connectTimeout", "30").containsEntry("loginTimeout", "30")
                .doesNotContainKey("socketTimeout");
        assertThat(load("dialect = \"postgresql\"\nout = \"o\"\n[dbCredentials]\nhost = \"h\"\ndatabase = \"d\"\n"
                + "connectTimeout = 5\n", Map.of()).dbCredentials().connectTimeout()).isEqualTo(5);
        assertThat(load("dialect = \"postgresql\"\nout = \"o\"\n[dbCredentials]\nurl = \"postgresql://h/d\"\n"
                + "connectTimeout = 5\n", Map.of()).dbCredentials().connectTimeout()).isEqualTo(5);
        assertThatThrownBy(() -> load("dialect = \"postgresql\"\nout = \"o\"\n[dbCredentials]\n"
                + "url = \"postgresql://h/d?connectTimeout=3\"\nconnectTimeout = 5\n", Map.of()))
                .isInstanceOf(SleetException.class).hasMessageContaining("connectTimeout").hasMessageContaining("twice");
        assertThatThrownBy(() -> load("dialect = \"postgresql\"\nout = \"o\"\n[dbCredentials]\nhost = \"h\"\n"
                + "database = \"d\"\nconnectTimeout = 0\n", Map.of()))
                .isInstanceOf(SleetException.class).hasMessageContaining("`dbCredentials.connectTimeout`");
    }
}
