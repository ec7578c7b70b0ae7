package dev.sleet.migrate.internal;

import dev.sleet.dialect.PostgresDialect;
import dev.sleet.migrate.MigrationException;

import java.util.List;
import java.util.stream.Collectors;

/** Picks the {@link MigrationDialect} for a journal and checks it against the connected database. */
public final class Dialects {

    private static final List<MigrationDialect> ALL = List.of(PostgresDialect.INSTANCE);

    private Dialects() {
    }

    /**
     * The dialect named by the journal. The connection's product name is checked too, because
     * running PostgreSQL DDL against another database fails in confusing ways much later.
     */
    public static MigrationDialect select(String journalDialect, String databaseProductName) {
        MigrationDialect dialect = ALL.stream()
                .filter(d -> d.name().equals(journalDialect))
                .findFirst()
                .orElseThrow(() -> new MigrationException("The migration journal's dialect '" + journalDialect
                        + "' is not supported by this migrator (supported: "
                        + ALL.stream().map(MigrationDialect::name).collect(Collectors.joining(", ")) + ")"));
        if (!dialect.matchesProduct(databaseProductName)) {
            throw new MigrationException("The migrations were written for " + journalDialect
                    + " but the connection is to " + databaseProductName);
        }
        return dialect;
    }

    /** The dialect for a connected database, by its JDBC product name (for read-only queries that have no journal at hand). */
    public static MigrationDialect forProduct(String databaseProductName) {
        return ALL.stream()
                .filter(d -> d.matchesProduct(databaseProductName))
                .findFirst()
                .orElseThrow(() -> new MigrationException("Migrations are not supported on " + databaseProductName
                        + " (supported: " + ALL.stream().map(MigrationDialect::name).collect(Collectors.joining(", ")) + ")"));
    }
}
