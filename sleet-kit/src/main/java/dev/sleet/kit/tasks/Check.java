package dev.sleet.kit.tasks;

import dev.sleet.kit.Output;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.dialect.Dialect;
import dev.sleet.kit.dialect.Introspection;
import dev.sleet.kit.dialect.Unmanaged;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.history.FolderCheck;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.migrate.AppliedMigration;
import dev.sleet.migrate.Journal;
import dev.sleet.migrate.JournalEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code sleet check}: is the migrations folder consistent (journal, files, snapshots, one chain of
 * snapshots), and — with a database — which migrations are applied, pending, changed since they were
 * applied or missing from the journal, and has the live schema drifted from the migrations?
 */
public final class Check {

    /** Everything found wrong; empty when all is well. */
    public record Result(List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private Check() {}

    /** Prints what it checks and finds; returns the problems (the CLI exits 1 when there are any). */
    public static Result run(SleetConfig config, Output out) {
        Dialect dialect = Dialect.forName(config.dialect());
        FolderCheck.Result folder = FolderCheck.run(config.out(), dialect.name());
        List<String> problems = new ArrayList<>(folder.problems());
        String where = Pull.relative(config, config.out());
        int count = folder.journal() == null ? 0 : folder.journal().entries().size();
        out.info("Migrations folder " + where + ": " + count + " migration" + (count == 1 ? "" : "s") + ", "
                + (folder.problems().isEmpty() ? "consistent (journal, files and snapshots agree; one chain of snapshots)"
                : folder.problems().size() + " problem" + (folder.problems().size() == 1 ? "" : "s")));
        folder.problems().forEach(p -> out.info("  - " + p));
        if (!folder.leftovers().isEmpty()) {
            out.warn(folder.leftovers().describe());
        }

        RowsFile.check(config, dialect, out);

        if (config.dbCredentials() == null) {
            out.info("No database configured: applied migrations and drift not checked ([dbCredentials] or --db)");
        } else if (folder.journal() != null) {
            problems.addAll(database(config, dialect, folder, out));
        }
        if (problems.isEmpty()) {
            out.info("Everything is consistent");
        }
        return new Result(problems);
    }

    private static List<String> database(SleetConfig config, Dialect dialect, FolderCheck.Result folder, Output out) {
        List<String> problems = new ArrayList<>();
        String db = config.dbCredentials().describe();
        List<AppliedMigration> applied;
        try {
            applied = MigrationStates.applied(config);
        } catch (SleetException e) {
            problems.add(e.getMessage());
            out.info("Database " + db + ": cannot be read");
            return problems;
        }
        List<MigrationStates.Migration> states = MigrationStates.compare(folder.journal(), folder.sql(), applied);
        long pending = states.stream().filter(m -> m.state() == MigrationStates.State.PENDING).count();
        long done = states.stream().filter(m -> m.state() == MigrationStates.State.APPLIED).count();
        out.info("Database " + db + ": " + done + " applied, " + pending + " pending");
        for (MigrationStates.Migration m : states) {
            if (m.state() == MigrationStates.State.PENDING) {
                out.info("  pending: " + m.tag());
            } else if (m.state() != MigrationStates.State.UNREADABLE && MigrationStates.problem(m, db) != null) {
                // A file missing from the folder is a folder problem, reported above.
                problems.add(MigrationStates.problem(m, db));
            }
        }
        // Drift: the live schema against the schema after the latest applied migration.
        String lastApplied = null;
        for (MigrationStates.Migration m : states) {
            if (m.row() != null && m.state() != MigrationStates.State.MISSING) {
                lastApplied = m.tag();
            }
        }
        if (lastApplied == null) {
            baseline(config, dialect, folder.journal(), db, out).ifPresent(problems::add);
            return problems;
        }
        Snapshot expected = folder.snapshots().get(lastApplied);
        if (expected == null) {
            out.info("The snapshot after " + lastApplied + " cannot be read: drift not checked");
            return problems;
        }
        Introspection introspection;
        try {
            introspection = Databases.introspect(config, dialect, config.roles(), expected);
        } catch (SleetException e) {
            problems.add(e.getMessage());
            return problems;
        }
        Snapshot live = introspection.snapshot();
        Unmanaged unmanaged = introspection.unmanaged();
        List<Change> drift = Differ.diff(expected, live);
        if (drift.isEmpty() && !unmanaged.isEmpty()) {
            // Not drift (no migration made them), but not "no drift" either: the migrations do not rebuild them.
            out.info("No drift in what Sleet manages: " + db + " matches the schema after " + lastApplied + "; "
                    + unmanaged.counted() + (unmanaged.count() == 1 ? " is" : " are") + " unmanaged (no migration creates them): "
                    + unmanaged.summary());
            unmanaged.lines(out.verbose()).forEach(line -> out.info("  " + line));
        } else if (drift.isEmpty()) {
            out.info("No drift: " + db + " matches the schema after " + lastApplied);
        } else {
            out.info("Drift: " + db + " differs from the schema after " + lastApplied + ", the latest applied migration:");
            for (String difference : Differences.describe(drift)) {
                out.info("  - " + difference);
                problems.add("drift: " + difference);
            }
            if (!unmanaged.isEmpty()) {
                out.info("Besides, " + unmanaged.counted() + (unmanaged.count() == 1 ? " is" : " are")
                        + " unmanaged (no migration creates them): " + unmanaged.summary());
                unmanaged.lines(out.verbose()).forEach(line -> out.info("  " + line));
            }
        }
        return problems;
    }

    /**
     * A database to which no migration is applied yet should be empty, or the first migration a
     * pulled one (recorded where its objects exist): otherwise the first migrate fails on objects
     * that already exist. Returns that problem, if it is one.
     */
    private static Optional<String> baseline(SleetConfig config, Dialect dialect, Journal journal, String db, Output out) {
        if (journal.entries().isEmpty()) {
            out.info("No migration in the folder and none applied to " + db);
            return Optional.empty();
        }
        JournalEntry first = journal.entries().get(0);
        if (first.pulled() != null) {
            out.info("No migration is applied to " + db + " yet; the first, " + first.tag() + ", was pulled: migrate records it "
                    + "where its objects exist and runs it where they do not");
            return Optional.empty();
        }
        List<String> tables;
        try {
            tables = Databases.introspect(config, dialect).snapshot().tables().values().stream()
                    .filter(t -> config.tables().matches(t.schema(), t.name())).map(TableSnapshot::key).sorted().toList();
        } catch (SleetException e) {
            return Optional.of(e.getMessage());
        }
        if (tables.isEmpty()) {
            out.info("No migration is applied to " + db + " yet, and it has no tables: migrate builds it from the migrations");
            return Optional.empty();
        }
        return Optional.of(db + " has " + tables.size() + (tables.size() == 1 ? " table (" : " tables (") + Output.names(tables)
                + ") but no migration is recorded as applied there: there is no baseline, and the next `sleet migrate` would run "
                + first.tag() + " and fail on objects that already exist. To keep this database and its data, start the history "
                + "from it with `sleet pull` into an empty migrations folder (a pulled first migration is recorded, not run, where "
                + "its objects exist); to build a database from these migrations, point the config at an empty one");
    }
}
