package dev.sleet.kit.diff;

import dev.sleet.kit.snapshot.Snapshot;

import java.util.ArrayList;

/** The old snapshot as it looks once confirmed renames are carried into it (what the differ compares). */
public final class RenamedSnapshot {

    private RenamedSnapshot() {}

    /** {@code to} is the snapshot it will be compared with, as in {@link Differ#diff}. */
    public static Snapshot apply(Snapshot from, Renames renames, Snapshot to) {
        return renames.isEmpty() ? from : RenameStep.apply(from, renames, new ArrayList<>(), to);
    }
}
