package dev.sleet.kit.tasks;

import dev.sleet.kit.Output;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.config.DbCredentials;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.migrate.MigrationException;
import dev.sleet.migrate.MigrationFile;
import dev.sleet.migrate.MigrationListener;
import dev.sleet.migrate.MigrationReport;
import dev.sleet.migrate.Migrator;
import dev.sleet.migrate.Probe;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/** {@code sleet migrate}: the runtime migrator pointed at the configured folder and database. */
public final class Migrate {

    private Migrate() {}

    public static MigrationReport run(SleetConfig config, Output out) {
        DbCredentials credentials = config.requireDbCredentials();
        if (!Files.isDirectory(config.out())) {
            throw new SleetException("The migrations folder " + config.out() + " does not exist; run `sleet generate` or `sleet pull` first");
        }
        Migrator migrator = Databases.migrator(config).listener(new Printer(out)).build();
        try {
            MigrationReport report = migrator.migrate();
            if (report.isNoOp()) {
                out.info("Nothing to migrate: all " + report.alreadyApplied().size() + " migrations are applied");
            } else {
                out.info("Applied " + report.applied().size() + ", recorded " + report.recorded().size()
                        + " pulled without running; " + report.alreadyApplied().size() + " were applied before");
            }
            return report;
        } catch (MigrationException e) {
            throw new SleetException(credentials.secrets().mask(e.getMessage()), e);
        }
    }

    /** Prints the migrator's progress. */
    private record Printer(Output out) implements MigrationListener {
        @Override
        public void waitingForLock(String trackingTable) {
            out.info("Waiting for another migrate to finish (lock on " + trackingTable + ")");
        }

        @Override
        public void outOfOrder(MigrationFile file, String lastApplied) {
            out.warn(file.fileName() + " sorts before the applied " + lastApplied + " (a merged branch?); applying it");
        }

        @Override
        public void outsideTransaction(MigrationFile file) {
            out.info(file.fileName() + " runs outside a transaction: a failure leaves its earlier statements applied");
        }

        @Override
        public void fileApplied(MigrationFile file, Duration elapsed) {
            out.info("Applied " + file.fileName() + " (" + elapsed.toMillis() + " ms)");
        }

        @Override
        public void fileRecorded(MigrationFile file, List<Probe> probes) {
            out.info("Recorded " + file.fileName() + " without running it: the database already has its "
                    + probes.size() + " objects (pulled from it)");
        }
    }
}
