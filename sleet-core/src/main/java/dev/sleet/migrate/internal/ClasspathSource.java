package dev.sleet.migrate.internal;

import dev.sleet.migrate.Journal;
import dev.sleet.migrate.JournalEntry;
import dev.sleet.migrate.MigrationException;
import dev.sleet.migrate.MigrationSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Migrations packaged as class-path resources. Only named resources are opened — the journal,
 * then each file it lists — because resources inside a jar cannot be listed portably.
 */
public final class ClasspathSource implements MigrationSource {

    private final String prefix;
    private final ClassLoader classLoader;

    public ClasspathSource(String prefix, ClassLoader classLoader) {
        Objects.requireNonNull(prefix, "prefix");
        // ClassLoader resource names never start with '/'; accept "/db/migrations/" anyway.
        String trimmed = prefix.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        this.prefix = trimmed;
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    }

    @Override
    public Journal journal() {
        String name = resource("meta/_journal.json");
        try (InputStream in = classLoader.getResourceAsStream(name)) {
            if (in == null) {
                throw new MigrationException("No migration journal at classpath:" + name
                        + " (package the migrations folder, including meta/_journal.json, as resources under "
                        + (prefix.isEmpty() ? "the class-path root" : prefix) + ")");
            }
            return JournalJson.parse(in, "classpath:" + name);
        } catch (IOException e) {
            throw new MigrationException("Cannot read classpath:" + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String sql(JournalEntry entry) {
        String name = resource(entry.fileName());
        try (InputStream in = classLoader.getResourceAsStream(name)) {
            if (in == null) {
                throw new MigrationException("Migration file " + entry.fileName()
                        + " is listed in the journal but missing from classpath:" + (prefix.isEmpty() ? "/" : prefix));
            }
            return MigrationText.decode(in.readAllBytes(), entry.fileName());
        } catch (IOException e) {
            throw new MigrationException("Cannot read classpath:" + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "classpath:" + prefix;
    }

    private String resource(String relative) {
        return prefix.isEmpty() ? relative : prefix + "/" + relative;
    }
}
