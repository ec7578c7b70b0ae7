package dev.sleet.kit.tasks;

import dev.sleet.kit.Output;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.dialect.Dialect;
import dev.sleet.kit.diff.MigrationSteps;
import dev.sleet.kit.history.MigrationHistory;

import java.util.List;

/**
 * Writes the migration files for a list of steps, one file each, for {@code generate} and
 * {@code pull} alike; a pulled file also records the probes that tell the migrator whether to run it.
 */
final class MigrationWriter {

    private MigrationWriter() {}

    /** Appends each step to the history and returns the last tag written. */
    static String write(SleetConfig config, Dialect dialect, MigrationHistory history, List<MigrationSteps.Step> steps,
                        String header, String name, boolean pulled, Output out) {
        String tag = null;
        for (MigrationSteps.Step step : steps) {
            List<String> sql = dialect.sql(step.changes());
            MigrationHistory.Written written = history.append(sql, header, step.after(), name,
                    pulled ? Probes.of(step.changes()) : null, step.transactional());
            history = written.history();
            tag = written.tag();
            out.info("Wrote " + Pull.relative(config, written.sqlFile()) + " (" + sql.size() + " statements"
                    + (pulled ? ", pulled" : "") + (step.transactional() ? "" : ", outside a transaction") + ")");
        }
        return tag;
    }
}
