package dev.sleet.migrate.internal;

import dev.sleet.migrate.MigrationException;
import dev.sleet.migrate.MigrationFile;
import dev.sleet.migrate.Probe;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what to do with a pending migration written by {@code sleet pull}. Such a migration
 * describes a database that already existed, so on that database (or a copy) it must be recorded,
 * not run; on a fresh database it must run so the pulled history can rebuild the schema. Its probes
 * tell the two apart. They are checked just before the file would run, so earlier migrations in the
 * same run have already had their effect.
 */
public final class PulledCheck {

    /** The outcome for one pulled file. */
    public enum Decision {
        /** Every probe matches: the database already has this migration's effect. */
        RECORD,
        /** No probe matches, or there are no probes: run the file. */
        RUN
    }

    private PulledCheck() {
    }

    public static Decision decide(Connection connection, MigrationDialect dialect, MigrationFile file)
            throws SQLException {
        List<Probe> probes = file.entry().pulled();
        // No probes means the migration only changes attributes (types, defaults), which is
        // idempotent: running it is always right.
        if (probes == null || probes.isEmpty()) {
            return Decision.RUN;
        }
        List<Probe> existing = new ArrayList<>();
        List<Probe> missing = new ArrayList<>();
        int matching = 0;
        for (Probe probe : probes) {
            ProbeTarget target;
            try {
                target = ProbeTarget.of(probe);
            } catch (IllegalArgumentException e) {
                throw new MigrationException("Pulled migration " + file.fileName() + " has an invalid probe: "
                        + e.getMessage());
            }
            boolean exists = dialect.exists(connection, target);
            (exists ? existing : missing).add(probe);
            if (exists == probe.present()) {
                matching++;
            }
        }
        if (matching == probes.size()) {
            return Decision.RECORD;
        }
        if (matching == 0) {
            return Decision.RUN;
        }
        throw new MigrationException("Pulled migration " + file.fileName()
                + " matches the database only partly, so it can neither be recorded as applied nor run:\n"
                + list("exists", existing) + list("does not exist", missing)
                + "The database is partly in the state this migration produces (perhaps it was changed by hand, or a"
                + " previous attempt stopped half-way). Bring those objects fully to one state or the other,"
                + " then migrate again.");
    }

    private static String list(String heading, List<Probe> probes) {
        if (probes.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("  ").append(heading).append(":\n");
        for (Probe probe : probes) {
            out.append("    - ").append(probe.describe())
                    .append(probe.present() ? " (the migration creates it)" : " (the migration drops it)")
                    .append('\n');
        }
        return out.toString();
    }
}
