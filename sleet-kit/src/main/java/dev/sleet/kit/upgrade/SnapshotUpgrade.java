package dev.sleet.kit.upgrade;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One step of the snapshot format: turns a snapshot of version {@link #from()} into version
 * {@code from() + 1}. Steps work on the JSON tree, because an old format does not fit today's
 * records; {@link SnapshotUpgrades} chains them up to {@code Snapshot.CURRENT_VERSION}.
 */
public interface SnapshotUpgrade {

    /** The version this step reads. */
    int from();

    /** What the step does, for the output of {@code sleet up}. */
    String describe();

    /**
     * @param snapshot a snapshot in version {@link #from()} (may be modified)
     * @param warnings where to say what could not be carried over
     * @return the snapshot in version {@code from() + 1}
     */
    ObjectNode apply(ObjectNode snapshot, List<String> warnings);
}
