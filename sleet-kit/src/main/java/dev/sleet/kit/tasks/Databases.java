package dev.sleet.kit.tasks;

import dev.sleet.kit.config.DbCredentials;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.dialect.Dialect;
import dev.sleet.kit.dialect.IntrospectOptions;
import dev.sleet.kit.dialect.Introspection;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.migrate.MigrationSource;
import dev.sleet.migrate.Migrator;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/** A configured database: reading its catalog, and the migrator on it; shared by the tasks that talk to a database. */
final class Databases {

    private Databases() {}

    static Introspection introspect(SleetConfig config, Dialect dialect) {
        return introspect(config, dialect, config.roles());
    }

    /** Reads the configured schemas and the given roles (roles are read only by name, never all of them). */
    static Introspection introspect(SleetConfig config, Dialect dialect, Collection<String> roles) {
        return introspect(config, dialect, roles, null);
    }

    /**
     * The same, to compare with {@code expected} (null for nothing): expressions that mean what the
     * expected ones mean once the database prints them take their spelling ({@code ExpressionForm}).
     */
    static Introspection introspect(SleetConfig config, Dialect dialect, Collection<String> roles, Snapshot expected) {
        DbCredentials credentials = config.requireDbCredentials();
        try (Connection connection = credentials.connect()) {
            IntrospectOptions options = new IntrospectOptions(
                    config.schemaFilter(), config.migrationsSchema(), config.migrationsTable(), List.copyOf(roles));
            return expected == null ? dialect.introspect(connection, options) : dialect.introspect(connection, options, expected);
        } catch (SQLException e) {
            throw credentials.failure("read the schema of", e);
        }
    }

    /** The runtime migrator on the configured folder and tracking table, connecting through the credentials. */
    static Migrator.Builder migrator(SleetConfig config) {
        return Migrator.builder(config.requireDbCredentials().dataSource())
                .source(MigrationSource.folder(config.out()))
                .trackingSchema(config.migrationsSchema())
                .trackingTable(config.migrationsTable());
    }
}
