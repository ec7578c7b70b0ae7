package dev.sleet.kit.diff;

import dev.sleet.kit.snapshot.ObjectNames;
import dev.sleet.kit.snapshot.Snapshot;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a type made anew is renamed to while its columns move over ({@code status__old}):
 * one that no type or relation of either snapshot has in that schema (a relation's row type takes
 * its name too), nor another type of the same plan, whose name may be cut to the same 63 bytes
 * ({@code status__old2} ... then).
 */
final class RetiredNames {

    private final Snapshot from;
    private final Snapshot to;
    /** Read on the first name asked for: most diffs make no type anew, and a diff of 1,000 tables should not pay for it. */
    private Set<String> taken;

    RetiredNames(Snapshot from, Snapshot to) {
        this.from = from;
        this.to = to;
    }

    String next(String schema, String name) {
        if (taken == null) {
            taken = new HashSet<>();
            for (Snapshot snapshot : List.of(from, to)) {
                for (Map<String, ?> objects : List.of(snapshot.enums(), snapshot.domains(), snapshot.types(), snapshot.tables(),
                        snapshot.views(), snapshot.sequences(), snapshot.foreignTables())) {
                    taken.addAll(objects.keySet());
                }
            }
        }
        for (int i = 1; ; i++) {
            String candidate = ObjectNames.make(name, null, i == 1 ? "_old" : "_old" + i);
            if (taken.add(Snapshot.key(schema, candidate))) {
                return candidate;
            }
        }
    }
}
