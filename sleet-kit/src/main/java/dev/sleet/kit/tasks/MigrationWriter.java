package dev.sleet.kit.tasks;

import dev.sleet.kit.Output;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.dialect.Dialect;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.MigrationSteps;
import dev.sleet.kit.history.Leftovers;
import dev.sleet.kit.history.MigrationHistory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes the migration files for a list of steps, one file each, for {@code generate} and
 * {@code pull} alike, as one change of the folder (see {@link MigrationHistory#append(List)}); a
 * pulled file also records the probes that tell the migrator whether to run it.
 */
final class MigrationWriter {

    private MigrationWriter() {}

    /**
     * Appends each step to the history and returns the last tag written.
     *
     * @param header the comment put before a step's statements, given its changes
     */
    static String write(SleetConfig config, Dialect dialect, MigrationHistory history, List<MigrationSteps.Step> steps,
                        Function<List<Change>, String> header, String name, boolean pulled, Output out) {
        removeLeftovers(history, out);
        List<MigrationHistory.Draft> drafts = new ArrayList<>();
        for (MigrationSteps.Step step : steps) {
            drafts.add(new MigrationHistory.Draft(dialect.sql(step.changes()), header.apply(step.changes()), step.after(), name,
                    pulled ? Probes.of(step.changes()) : null, step.transactional()));
        }
        List<MigrationHistory.Written> written = history.append(drafts);
        for (int i = 0; i < written.size(); i++) {
            out.info("Wrote " + Pull.relative(config, written.get(i).sqlFile()) + " (" + written.get(i).statements() + " statements"
                    + (pulled ? ", pulled" : "") + (drafts.get(i).transactional() ? "" : ", outside a transaction") + ")");
        }
        return written.get(written.size() - 1).tag();
    }

    /** Removes what an interrupted run left (the run writing now, or one that finds nothing to write, replaces it). */
    static void removeLeftovers(MigrationHistory history, Output out) {
        Leftovers removed = history.removeLeftovers();
        if (!removed.isEmpty()) {
            out.info("Removed what an interrupted run left: " + String.join(", ", removed.files()));
        }
    }
}
