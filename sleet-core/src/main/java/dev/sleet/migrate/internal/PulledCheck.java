package dev.sleet.migrate.internal;

import dev.sleet.migrate.MigrationException;
import dev.sleet.migrate.MigrationFile;
import dev.sleet.migrate.Probe;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * @param file           the pending pulled migration
     * @param laterPulled    the pulled migrations pending right after it, in order: when the same
     *                       database was pulled several times before it was migrated, an object the
     *                       first pull saw may be gone by the last one, and the database then matches
     *                       the state at the end of the run rather than this file's own probes
     */
    public static Decision decide(Connection connection, MigrationDialect dialect, MigrationFile file,
                                  List<MigrationFile> laterPulled) throws SQLException {
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
            boolean exists = exists(connection, dialect, file, probe);
            (exists ? existing : missing).add(probe);
            if (exists == probe.present()) {
                matching++;
            }
        }
        if (matching == probes.size() || !laterPulled.isEmpty() && matchesEndState(connection, dialect, file, laterPulled)) {
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

    /** True when every object the run of pulled files touches is as the last of them leaves it. */
    private static boolean matchesEndState(Connection connection, MigrationDialect dialect, MigrationFile file,
                                           List<MigrationFile> laterPulled) throws SQLException {
        Map<String, Probe> endState = new LinkedHashMap<>();
        List<MigrationFile> run = new ArrayList<>();
        run.add(file);
        run.addAll(laterPulled);
        for (MigrationFile each : run) {
            if (each.entry().pulled() != null) {
                for (Probe probe : each.entry().pulled()) {
                    endState.put(probe.kind() + " " + probe.name(), probe);
                }
            }
        }
        for (Probe probe : endState.values()) {
            if (probe.present() && containerGone(probe, endState)) {
                // Made by an earlier file, then gone with its schema or table (dropped or renamed by a later one).
                continue;
            }
            if (exists(connection, dialect, file, probe) != probe.present()) {
                return false;
            }
        }
        return true;
    }

    /** True when the end state has the probe's schema, or its table, absent. */
    private static boolean containerGone(Probe probe, Map<String, Probe> endState) {
        if (probe.kind() == Probe.Kind.ROLE || probe.kind() == Probe.Kind.SCHEMA) {
            return false;
        }
        ProbeTarget target;
        try {
            target = ProbeTarget.of(probe);
        } catch (IllegalArgumentException e) {
            return false; // reported by exists()
        }
        Probe schema = endState.get(Probe.Kind.SCHEMA + " " + target.schema());
        if (schema != null && !schema.present()) {
            return true;
        }
        Probe table = target.member() == null ? null : endState.get(Probe.Kind.TABLE + " " + target.schema() + "." + target.relation());
        return table != null && !table.present();
    }

    private static boolean exists(Connection connection, MigrationDialect dialect, MigrationFile file, Probe probe)
            throws SQLException {
        ProbeTarget target;
        try {
            target = ProbeTarget.of(probe);
        } catch (IllegalArgumentException e) {
            throw new MigrationException("Pulled migration " + file.fileName() + " has an invalid probe: "
                    + e.getMessage());
        }
        return dialect.exists(connection, target);
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
