package dev.sleet.kit.config;

import dev.sleet.kit.SleetException;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A loaded {@code sleet.toml}. Paths are already resolved against the config file's folder.
 * Fields a command does not need may be absent; each command asks for what it reads through the
 * {@code require...} methods, which fail with a message naming the missing key.
 */
public record SleetConfig(Path file, String dialect, Path out, List<String> schema, String javaPackage,
                          List<String> schemaFilter, Path schemaOut, DbCredentials dbCredentials,
                          String migrationsSchema, String migrationsTable, List<String> roles,
                          List<String> tablesFilter) {

    public SleetConfig {
        roles = roles == null ? List.of() : List.copyOf(roles);
        tablesFilter = tablesFilter == null ? List.of() : List.copyOf(tablesFilter);
    }

    /** The tables and views Sleet manages, from {@code tablesFilter}. */
    public TablesFilter tables() {
        return new TablesFilter(tablesFilter);
    }

    public Path baseDir() {
        return file.toAbsolutePath().getParent();
    }

    public List<String> requireSchema() {
        if (schema == null || schema.isEmpty()) {
            throw new SleetException(file + ": `schema` is not set; generate needs the schema sources, e.g. "
                    + "schema = [\"./src/main/java/app/db/Schema.java\"]");
        }
        return schema;
    }

    public DbCredentials requireDbCredentials() {
        if (dbCredentials == null) {
            throw new SleetException(file + ": [dbCredentials] is not set; this command needs a database");
        }
        return dbCredentials;
    }

    /** The same config with other database credentials (from {@code --db}). */
    public SleetConfig withDbCredentials(DbCredentials credentials) {
        return new SleetConfig(file, dialect, out, schema, javaPackage, schemaFilter, schemaOut, credentials,
                migrationsSchema, migrationsTable, roles, tablesFilter);
    }

    /** Where pull writes Schema.java and Relations.java: {@code schemaOut}, or else {@code out}. */
    public Path javaOut() {
        return Optional.ofNullable(schemaOut).orElse(out);
    }
}
