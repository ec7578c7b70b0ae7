package dev.sleet.kit.tasks;

import dev.sleet.kit.SleetException;
import dev.sleet.kit.config.DbCredentials;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.dialect.Dialect;
import dev.sleet.kit.dialect.IntrospectOptions;
import dev.sleet.kit.dialect.Introspection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Reading a configured database's catalog, shared by the tasks that talk to a database. */
final class Databases {

    private Databases() {}

    static Introspection introspect(SleetConfig config, Dialect dialect) {
        return introspect(config, dialect, config.roles());
    }

    /** Reads the configured schemas and the given roles (roles are read only by name, never all of them). */
    static Introspection introspect(SleetConfig config, Dialect dialect, java.util.Collection<String> roles) {
        DbCredentials credentials = config.requireDbCredentials();
        try (Connection connection = credentials.connect()) {
            return dialect.introspect(connection, new IntrospectOptions(
                    config.schemaFilter(), config.migrationsSchema(), config.migrationsTable(), List.copyOf(roles)));
        } catch (SQLException e) {
            throw new SleetException("Cannot read the schema of " + credentials.describe() + ": "
                    + credentials.redact(e.getMessage()), e);
        }
    }
}
