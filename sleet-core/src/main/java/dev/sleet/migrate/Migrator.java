package dev.sleet.migrate;

import dev.sleet.migrate.internal.ConnectionOpener;
import dev.sleet.migrate.internal.MigrationRun;
import dev.sleet.migrate.internal.TrackingReader;
import dev.sleet.migrate.internal.TrackingTable;

import java.sql.DriverManager;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Applies pending migrations to a database; safe to call from every application instance at
 * start-up, concurrently.
 *
 * <pre>{@code
 * MigrationReport report = Migrator.builder(dataSource)
 *         .source(MigrationSource.classpath("db/migrations"))
 *         .build()
 *         .migrate();
 * }</pre>
 *
 * <p>Behaviour (locking, verification, pulled migrations, out-of-order files) is described in
 * {@code docs/migrations.md}. A {@code Migrator} holds no connection between calls and may be reused.
 */
public final class Migrator {

    /** Default schema of the tracking table. */
    public static final String DEFAULT_TRACKING_SCHEMA = "sleet";
    /** Default name of the tracking table. */
    public static final String DEFAULT_TRACKING_TABLE = "__sleet_migrations";

    private final ConnectionOpener connections;
    private final MigrationSource source;
    private final TrackingTable trackingTable;
    private final MigrationListener listener;

    private Migrator(Builder builder) {
        this.connections = builder.connections;
        this.source = Objects.requireNonNull(builder.source, "source: call source(MigrationSource.folder(...)) or source(MigrationSource.classpath(...))");
        this.trackingTable = new TrackingTable(builder.trackingSchema, builder.trackingTable);
        this.listener = builder.listener;
    }

    /** Migrates the database behind {@code dataSource}; one connection is borrowed per {@link #migrate()}. */
    public static Builder builder(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new Builder(dataSource::getConnection);
    }

    /**
     * Migrates the database at {@code jdbcUrl} through {@link DriverManager} (the driver must be on
     * the class path), e.g. for command-line tools that have a URL rather than a pool.
     */
    public static Builder builder(String jdbcUrl, Properties connectionProperties) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Properties props = new Properties();
        if (connectionProperties != null) {
            props.putAll(connectionProperties);
        }
        return new Builder(() -> DriverManager.getConnection(jdbcUrl, props));
    }

    /**
     * Locks, verifies already-applied migrations and applies the pending ones in journal order.
     *
     * @throws MigrationException if verification fails or a migration fails; migrations applied
     *                            before the failing one stay applied
     */
    public MigrationReport migrate() {
        return new MigrationRun(connections, source, trackingTable, listener).execute();
    }

    /**
     * The rows of the tracking table, oldest first, read without changing anything: no lock is
     * taken and nothing is created, so it is safe against a production database. A database
     * without the tracking table has applied nothing (an empty list). Tools compare these rows with
     * the journal (applied, pending, changed since applied, missing) using {@link MigrationFile#hash()}.
     *
     * @throws MigrationException if the database cannot be reached or read
     */
    public java.util.List<AppliedMigration> applied() {
        return TrackingReader.read(connections, trackingTable);
    }

    /** Configures a {@link Migrator}. */
    public static final class Builder {
        private final ConnectionOpener connections;
        private MigrationSource source;
        private String trackingSchema = DEFAULT_TRACKING_SCHEMA;
        private String trackingTable = DEFAULT_TRACKING_TABLE;
        private MigrationListener listener = MigrationListener.NONE;

        private Builder(ConnectionOpener connections) {
            this.connections = connections;
        }

        /** Where the journal and files come from. Required. */
        public Builder source(MigrationSource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /** Schema of the tracking table (created if missing); default {@value Migrator#DEFAULT_TRACKING_SCHEMA}. */
        public Builder trackingSchema(String schema) {
            this.trackingSchema = requireName(schema, "trackingSchema");
            return this;
        }

        /** Name of the tracking table (created if missing); default {@value Migrator#DEFAULT_TRACKING_TABLE}. */
        public Builder trackingTable(String table) {
            this.trackingTable = requireName(table, "trackingTable");
            return this;
        }

        /** Progress callbacks; default {@link MigrationListener#NONE}. */
        public Builder listener(MigrationListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public Migrator build() {
            return new Migrator(this);
        }

        private static String requireName(String name, String what) {
            Objects.requireNonNull(name, what);
            if (name.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return name;
        }
    }
}
