package dev.sleet.kit.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.sleet.kit.SleetException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code sleet.toml}: checks every key against the known ones (a typo is an error, not a
 * silent default), expands {@code ${env:NAME}} in values, and resolves paths against the file's
 * folder.
 */
public final class ConfigLoader {

    private static final Set<String> TOP_KEYS = Set.of("dialect", "out", "schema", "package", "schemaFilter",
            "schemaOut", "dbCredentials", "migrations", "roles", "tablesFilter");
    private static final Set<String> DB_KEYS = Set.of("host", "port", "user", "password", "database", "ssl", "url",
            "connectTimeout");
    /** What a url holds: given beside one, which would win is a guess, so it is an error. */
    private static final List<String> URL_PARTS = List.of("host", "port", "user", "password", "database", "ssl");
    private static final Set<String> MIGRATION_KEYS = Set.of("table", "schema");
    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private final Function<String, String> environment;

    public ConfigLoader() {
        this(System::getenv);
    }

    public ConfigLoader(Function<String, String> environment) {
        this.environment = environment;
    }

    public SleetConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SleetException("Config file " + file + " not found (use --config FILE, or run from the folder holding sleet.toml)");
        }
        Map<String, Object> root;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = new TomlMapper().readValue(Files.readString(file), Map.class);
            root = parsed;
        } catch (JacksonException e) {
            throw new SleetException(file + " is not valid TOML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new SleetException("Cannot read " + file + ": " + e.getMessage());
        }
        Reader reader = new Reader(file, root, "");
        reader.checkKeys(TOP_KEYS);
        String dialect = reader.string("dialect", true);
        if (!dialect.equals("postgresql")) {
            throw new SleetException(file + ": dialect \"" + dialect + "\" is not supported yet; use \"postgresql\"");
        }
        Path base = file.toAbsolutePath().getParent();
        Path out = base.resolve(reader.string("out", true)).normalize();
        String schemaOut = reader.string("schemaOut", false);
        DbCredentials credentials = null;
        Reader db = reader.table("dbCredentials");
        if (db != null) {
            db.checkKeys(DB_KEYS);
            String url = db.string("url", false);
            Integer connectTimeout = db.has("connectTimeout") ? db.seconds("connectTimeout") : null;
            if (url != null) {
                List<String> beside = URL_PARTS.stream().filter(db::has).map(k -> "`" + k + "`").toList();
                if (!beside.isEmpty()) {
                    throw new SleetException(file + ": `dbCredentials.url` cannot be combined with " + String.join(", ", beside)
                            + ": the URL holds them. Use either url or the separate keys (host, port, user, password, database, ssl).");
                }
                try {
                    credentials = DbCredentials.fromUrl(url, connectTimeout);
                } catch (SleetException e) {
                    throw db.error("url", "is not usable: " + e.getMessage());
                }
            } else {
                credentials = new DbCredentials(db.string("host", true), db.integer("port", DbCredentials.DEFAULT_PORT),
                        db.string("user", false), db.string("password", false), db.string("database", true), db.bool("ssl", false),
                        connectTimeout == null ? DbCredentials.DEFAULT_CONNECT_TIMEOUT : connectTimeout);
            }
        }
        String migrationsSchema = "sleet";
        String migrationsTable = "__sleet_migrations";
        Reader migrations = reader.table("migrations");
        if (migrations != null) {
            migrations.checkKeys(MIGRATION_KEYS);
            migrationsSchema = orDefault(migrations.string("schema", false), migrationsSchema);
            migrationsTable = orDefault(migrations.string("table", false), migrationsTable);
        }
        List<String> filter = reader.strings("schemaFilter");
        return new SleetConfig(file.toAbsolutePath(), dialect, out, reader.strings("schema"), reader.string("package", false),
                filter == null || filter.isEmpty() ? List.of("public") : filter,
                schemaOut == null ? null : base.resolve(schemaOut).normalize(), credentials, migrationsSchema, migrationsTable,
                reader.strings("roles"), reader.strings("tablesFilter"));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private final class Reader {
        private final Path file;
        private final Map<String, Object> values;
        private final String prefix;

        Reader(Path file, Map<String, Object> values, String prefix) {
            this.file = file;
            this.values = values;
            this.prefix = prefix;
        }

        void checkKeys(Set<String> known) {
            Set<String> unknown = new TreeSet<>(values.keySet());
            unknown.removeAll(known);
            if (!unknown.isEmpty()) {
                throw new SleetException(file + ": unknown key" + (unknown.size() > 1 ? "s " : " ")
                        + unknown.stream().map(k -> "`" + prefix + k + "`").toList()
                        + "; known keys" + (prefix.isEmpty() ? "" : " in [" + prefix.replace(".", "") + "]")
                        + ": " + new TreeSet<>(known));
            }
        }

        boolean has(String key) {
            return values.containsKey(key);
        }

        int seconds(String key) {
            int seconds = integer(key, 0);
            if (seconds < 1) {
                throw error(key, "must be a whole number of seconds, at least 1");
            }
            return seconds;
        }

        Reader table(String key) {
            Object value = values.get(key);
            if (value == null) {
                return null;
            }
            if (!(value instanceof Map)) {
                throw error(key, "must be a table, e.g. [" + key + "]");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) value;
            return new Reader(file, map, prefix + key + ".");
        }

        String string(String key, boolean required) {
            Object value = values.get(key);
            if (value == null) {
                if (required) {
                    throw new SleetException(file + ": `" + prefix + key + "` is required");
                }
                return null;
            }
            if (!(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
                throw error(key, "must be a string");
            }
            return expand(key, value.toString());
        }

        int integer(String key, int fallback) {
            String value = string(key, false);
            if (value == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw error(key, "must be a number");
            }
        }

        boolean bool(String key, boolean fallback) {
            String value = string(key, false);
            if (value == null) {
                return fallback;
            }
            if (!value.equals("true") && !value.equals("false")) {
                throw error(key, "must be true or false");
            }
            return Boolean.parseBoolean(value);
        }

        List<String> strings(String key) {
            Object value = values.get(key);
            if (value == null) {
                return null;
            }
            if (value instanceof String s) {
                return List.of(expand(key, s));
            }
            if (!(value instanceof List<?> list)) {
                throw error(key, "must be a list of strings");
            }
            List<String> result = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof String s)) {
                    throw error(key, "must be a list of strings");
                }
                result.add(expand(key, s));
            }
            return result;
        }

        private String expand(String key, String value) {
            Matcher m = ENV.matcher(value);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String resolved = environment.apply(m.group(1));
                if (resolved == null) {
                    throw error(key, "uses ${env:" + m.group(1) + "}, but the environment variable " + m.group(1) + " is not set");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(resolved));
            }
            m.appendTail(out);
            return out.toString();
        }

        private SleetException error(String key, String problem) {
            return new SleetException(file + ": `" + prefix + key + "` " + problem);
        }
    }
}
