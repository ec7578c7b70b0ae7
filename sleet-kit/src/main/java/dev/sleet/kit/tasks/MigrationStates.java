package dev.sleet.kit.tasks;

import dev.sleet.kit.SleetException;
import dev.sleet.kit.config.DbCredentials;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.migrate.AppliedMigration;
import dev.sleet.migrate.Journal;
import dev.sleet.migrate.JournalEntry;
import dev.sleet.migrate.MigrationException;
import dev.sleet.migrate.MigrationFile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The journal's migrations compared with the tracking table's rows. */
final class MigrationStates {

    /** Where a migration stands on the database. */
    enum State {
        /** Applied, and the file is unchanged. */
        APPLIED,
        /** Not applied yet. */
        PENDING,
        /** Applied, but the file was edited since. */
        CHANGED,
        /** Applied, but no longer in the journal. */
        MISSING,
        /** In the journal, applied or not, but its file cannot be read. */
        UNREADABLE
    }

    /** One migration: its tag, its state and its tracking row (null when pending). */
    record Migration(String tag, State state, AppliedMigration row) {}

    private MigrationStates() {}

    /** Reads the tracking table (read-only). */
    static List<AppliedMigration> applied(SleetConfig config) {
        DbCredentials credentials = config.requireDbCredentials();
        try {
            return Databases.migrator(config).build().applied();
        } catch (MigrationException e) {
            throw new SleetException("Cannot read the applied migrations of " + credentials.describe() + ": "
                    + credentials.secrets().mask(e.getMessage()), e);
        }
    }

    /** What is wrong with a migration on {@code db}, and what to do; null when nothing is (applied or pending). */
    static String problem(Migration m, String db) {
        return switch (m.state()) {
            case APPLIED, PENDING -> null;
            case CHANGED -> m.tag() + ".sql was changed after it was applied to " + db
                    + "; revert the edit and put the change in a new migration";
            case MISSING -> m.tag() + " is applied to " + db + " but is not in the journal; restore its "
                    + "file and journal entry (or, if it was reverted by hand on purpose, delete its row from the tracking table)";
            case UNREADABLE -> m.tag() + ".sql is listed in the journal but missing" + (m.row() == null
                    ? " (it is not applied to " + db + "); restore it from version control, or, if it was never applied "
                    + "anywhere and is the latest, remove it with `sleet drop`"
                    : " (it is applied to " + db + "); restore it from version control");
        };
    }

    /** @param sql the files' contents by tag; a journal entry without one is {@link State#UNREADABLE} */
    static List<Migration> compare(Journal journal, Map<String, String> sql, List<AppliedMigration> applied) {
        Map<String, AppliedMigration> byTag = new HashMap<>();
        applied.forEach(row -> byTag.put(row.tag(), row));
        List<Migration> result = new ArrayList<>();
        Set<String> inJournal = new HashSet<>();
        for (JournalEntry entry : journal.entries()) {
            inJournal.add(entry.tag());
            AppliedMigration row = byTag.get(entry.tag());
            String content = sql.get(entry.tag());
            State state;
            if (content == null) {
                state = State.UNREADABLE;
            } else if (row == null) {
                state = State.PENDING;
            } else {
                state = MigrationFile.hash(content).equals(row.hash()) ? State.APPLIED : State.CHANGED;
            }
            result.add(new Migration(entry.tag(), state, row));
        }
        for (AppliedMigration row : applied) {
            if (!inJournal.contains(row.tag())) {
                result.add(new Migration(row.tag(), State.MISSING, row));
            }
        }
        return result;
    }
}
