package dev.sleet.kit.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.postgres.DrizzleKitSnapshotUpgrade;
import dev.sleet.kit.snapshot.Snapshot;

import java.util.List;

/**
 * The registry of snapshot format upgrades. Version 0 is drizzle-kit's own snapshot format (its
 * {@code version} is a string such as {@code "7"}); version 1 is Sleet's first. A future format 2
 * adds a step with {@code from() == 1} here, and every older snapshot goes through all steps.
 */
public final class SnapshotUpgrades {

    /** Every step, one per version. */
    public static final List<SnapshotUpgrade> STEPS = List.of(new DrizzleKitSnapshotUpgrade());

    private SnapshotUpgrades() {}

    /** The format version of a snapshot's JSON: drizzle-kit's (a string) counts as 0. */
    public static int version(JsonNode snapshot) {
        JsonNode version = snapshot.get("version");
        if (version == null || version.isNull()) {
            throw new SleetException("the snapshot has no \"version\"");
        }
        if (version.isTextual()) {
            return 0;
        }
        if (!version.canConvertToInt()) {
            throw new SleetException("the snapshot's \"version\" is not a number: " + version);
        }
        return version.asInt();
    }

    /** Runs every step from the snapshot's version up to the current one; unchanged when already current. */
    public static ObjectNode upgrade(ObjectNode snapshot, List<String> warnings, List<String> applied) {
        return upgrade(snapshot, warnings, applied, STEPS, Snapshot.CURRENT_VERSION);
    }

    static ObjectNode upgrade(ObjectNode snapshot, List<String> warnings, List<String> applied,
                              List<SnapshotUpgrade> steps, int current) {
        int version = version(snapshot);
        if (version > current) {
            throw new SleetException("snapshot format version " + version + " is newer than this Sleet understands ("
                    + current + "): upgrade Sleet");
        }
        ObjectNode result = snapshot;
        while (version < current) {
            int from = version;
            SnapshotUpgrade step = steps.stream().filter(s -> s.from() == from).findFirst()
                    .orElseThrow(() -> new SleetException("no upgrade for snapshot format version " + from));
            result = step.apply(result, warnings);
            int reached = version(result);
            if (reached != from + 1) {
                throw new IllegalStateException(step.getClass().getName() + " produced version " + reached + " from " + from);
            }
            applied.add(step.describe());
            version = reached;
        }
        return result;
    }
}
