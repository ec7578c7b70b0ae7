package dev.sleet.kit.tasks;

import dev.sleet.kit.Output;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.history.MigrationHistory;
import dev.sleet.migrate.AppliedMigration;
import dev.sleet.migrate.Journal;
import dev.sleet.migrate.JournalEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code sleet drop}: remove the latest migration — its SQL file, its snapshot and its journal
 * entry — so it can be generated again. Refused when the configured database has applied it, and
 * when no database can be asked, unless {@code --force}.
 */
public final class Drop {

    private Drop() {}

    /** Returns the tag dropped. */
    public static String run(SleetConfig config, boolean force, Output out) {
        MigrationHistory history = MigrationHistory.open(config.out(), config.dialect());
        Journal journal = history.journal();
        if (journal.entries().isEmpty()) {
            throw new SleetException("There is no migration to drop in " + Pull.relative(config, config.out()));
        }
        JournalEntry last = journal.entries().get(journal.entries().size() - 1);
        String tag = last.tag();
        if (config.dbCredentials() == null) {
            if (!force) {
                throw new SleetException("Refusing to drop " + tag + ": no database is configured to check that it is not applied "
                        + "there. Configure [dbCredentials] or pass --db URL; pass --force if you are sure no database has applied it.");
            }
            out.warn("no database configured; dropping " + tag + " without checking that it is not applied (--force)");
        } else {
            String db = config.dbCredentials().describe();
            List<AppliedMigration> applied = null;
            try {
                applied = MigrationStates.applied(config);
            } catch (SleetException e) {
                if (!force) {
                    throw new SleetException("Refusing to drop " + tag + ": cannot check whether " + db + " has applied it ("
                            + e.getMessage() + "). Pass --force if you are sure no database has applied it.", e);
                }
                out.warn("cannot reach " + db + "; dropping " + tag + " without checking that it is not applied (--force)");
            }
            if (applied != null) {
                for (AppliedMigration row : applied) {
                    if (row.tag().equals(tag)) {
                        throw new SleetException("Refusing to drop " + tag + ": it is applied to " + db
                                + (row.appliedAt() == null ? "" : " (since " + row.appliedAt() + ")")
                                + ". Dropping it would leave that database ahead of the migrations; write a new migration "
                                + "that undoes it instead (`sleet generate` after editing the schema code).");
                    }
                }
                out.info(tag + " is not applied to " + db + " (other databases are not checked)");
            }
        }
        List<String> removed = new ArrayList<>();
        for (String file : history.removeLatest()) {
            removed.add(Pull.relative(config, config.out().resolve(file)));
        }
        removed.add("its journal entry");
        out.info("Dropped " + tag + ": removed " + String.join(", ", removed));
        return tag;
    }
}
