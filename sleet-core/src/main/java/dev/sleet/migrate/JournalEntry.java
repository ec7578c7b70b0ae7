package dev.sleet.migrate;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One migration in {@code meta/_journal.json}. The {@code tag} is the migration's identity and its
 * file name without {@code .sql}.
 *
 * @param idx         position in the journal, 0-based
 * @param tag         e.g. {@code 0001_quiet_thaw}; the file is {@code <tag>.sql}
 * @param when        creation time, epoch milliseconds (informational)
 * @param breakpoints true when statements are separated by {@code --> statement-breakpoint} lines;
 *                    false means the whole file is one statement
 * @param transaction false for files that must run outside a transaction (e.g. {@code CREATE INDEX
 *                    CONCURRENTLY}); written to JSON only when false
 * @param pulled      for migrations written by {@code sleet pull}: what the file makes exist or not
 *                    exist; {@code null} for ordinary migrations. An empty list means "always run".
 */
public record JournalEntry(int idx, String tag, long when, boolean breakpoints, boolean transaction, List<Probe> pulled) {

    public JournalEntry {
        Objects.requireNonNull(tag, "tag");
        // The tag becomes a file name and a classpath resource name, so it must not climb out of
        // the migrations folder, hide in a sub-folder or hold what no file name can (a NUL).
        if (tag.isBlank() || tag.contains("/") || tag.contains("\\") || tag.startsWith(".")
                || tag.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("invalid migration tag '" + tag.chars()
                    .mapToObj(c -> Character.isISOControl(c) ? String.format("\\u%04x", c) : Character.toString(c))
                    .collect(Collectors.joining()) + "'");
        }
        if (idx < 0) {
            throw new IllegalArgumentException("negative idx " + idx + " for " + tag);
        }
        pulled = pulled == null ? null : List.copyOf(pulled);
    }

    /** An ordinary (not pulled) migration with breakpoints, run in a transaction. */
    public static JournalEntry of(int idx, String tag, long when) {
        return new JournalEntry(idx, tag, when, true, true, null);
    }

    /** {@code <tag>.sql}. */
    public String fileName() {
        return tag + ".sql";
    }

    /** True when this migration was written by {@code sleet pull} (it carries probes). */
    public boolean isPulled() {
        return pulled != null;
    }
}
