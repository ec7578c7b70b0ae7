package dev.sleet.kit.tasks;

import dev.sleet.kit.Output;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.history.FolderCheck;
import dev.sleet.migrate.AppliedMigration;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sleet status}: one line per migration — applied (when, how), pending, changed since it was
 * applied, or applied but missing from the journal.
 */
public final class Status {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /** The lines printed, and what is wrong (a changed migration, or one missing from the folder or the journal). */
    public record Result(List<String> lines, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private Status() {}

    public static Result run(SleetConfig config, Output out) {
        FolderCheck.Result folder = FolderCheck.run(config.out(), config.dialect());
        if (folder.journal() == null) {
            if (folder.problems().isEmpty()) {
                out.info("No migrations in " + Pull.relative(config, config.out()) + " yet");
                return new Result(List.of(), List.of());
            }
            throw new SleetException(String.join("\n", folder.problems()));
        }
        if (!folder.leftovers().isEmpty()) {
            out.warn(folder.leftovers().describe());
        }
        List<AppliedMigration> applied = MigrationStates.applied(config);
        List<MigrationStates.Migration> states = MigrationStates.compare(folder.journal(), folder.sql(), applied);
        int width = states.stream().mapToInt(m -> m.tag().length()).max().orElse(0);
        String db = config.requireDbCredentials().describe();
        out.info("Migrations in " + Pull.relative(config, config.out()) + " on " + db + ":");
        List<String> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int pending = 0;
        int done = 0;
        for (MigrationStates.Migration m : states) {
            String tag = String.format("%-" + width + "s", m.tag());
            String line = switch (m.state()) {
                case APPLIED -> "applied   " + tag + "  " + applied(m.row());
                case PENDING -> "pending   " + tag;
                case CHANGED -> "CHANGED   " + tag + "  " + applied(m.row()) + "; the file was edited since";
                case MISSING -> "MISSING   " + tag + "  " + applied(m.row()) + "; not in the journal any more";
                case UNREADABLE -> (m.row() == null ? "pending   " : "applied   ") + tag + "  but " + m.tag() + ".sql is missing";
            };
            switch (m.state()) {
                case APPLIED -> done++;
                case PENDING -> pending++;
                default -> problems.add(MigrationStates.problem(m, db));
            }
            lines.add(line.stripTrailing());
            out.info("  " + line.stripTrailing());
        }
        out.info(done + " applied, " + pending + " pending" + (problems.isEmpty() ? "" : "; problems above (see `sleet check`)"));
        return new Result(lines, problems);
    }

    private static String applied(AppliedMigration row) {
        String when = row.appliedAt() == null ? "" : WHEN.format(row.appliedAt()) + " ";
        return when + ("recorded".equals(row.mode()) ? "(recorded: pulled, already present)"
                : "(run" + (row.executionMs() == null ? "" : ", " + row.executionMs() + " ms") + ")");
    }
}
