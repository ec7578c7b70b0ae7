package dev.sleet.bench;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs Flyway's {@code migrate} on a folder of {@code V<n>__<name>.sql} files, the way an
 * application (or the Flyway command line) would: one cold JVM per run. Used by run.sh.
 *
 * <p>Arguments: {@code <jdbc-url> <user> <folder>}.
 */
public final class FlywayMigrate {

    private FlywayMigrate() {}

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: FlywayMigrate <jdbc-url> <user> <folder>");
            System.exit(2);
        }
        MigrateResult result = Flyway.configure()
                .dataSource(args[0], args[1], "")
                .locations("filesystem:" + args[2])
                .load()
                .migrate();
        System.out.println("Flyway applied " + result.migrationsExecuted + " migrations"
                + (result.targetSchemaVersion == null ? "" : ", schema version " + result.targetSchemaVersion));
    }
}
