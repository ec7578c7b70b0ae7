package dev.sleet.kit.tasks;

import dev.sleet.kit.diff.Change;
import dev.sleet.migrate.Probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a pulled migration makes exist or not exist, so that the migrator can tell the database it
 * was pulled from (everything already there: record it) from an empty one (nothing there: run it).
 * Changes to an object's attributes (a column's type, a key dropped and added again with other
 * actions) get no probe: running them again is harmless.
 */
final class Probes {

    private Probes() {}

    static List<Probe> of(List<Change> changes) {
        Map<String, Probe> probes = new LinkedHashMap<>();
        List<String> reshaped = new ArrayList<>();
        for (Change change : changes) {
            Probe probe = probe(change);
            if (probe == null) {
                continue;
            }
            String key = probe.kind() + " " + probe.name();
            Probe earlier = probes.put(key, probe);
            if (earlier != null && earlier.present() != probe.present()) {
                reshaped.add(key);
            }
        }
        reshaped.forEach(probes::remove);
        return new ArrayList<>(probes.values());
    }

    private static Probe probe(Change change) {
        if (change instanceof Change.CreateTable c) {
            return Probe.exists(Probe.Kind.TABLE, c.subject());
        }
        if (change instanceof Change.DropTable c) {
            return Probe.absent(Probe.Kind.TABLE, c.subject());
        }
        if (change instanceof Change.AddColumn c) {
            return Probe.exists(Probe.Kind.COLUMN, c.subject());
        }
        if (change instanceof Change.DropColumn c) {
            return Probe.absent(Probe.Kind.COLUMN, c.subject());
        }
        if (change instanceof Change.CreateIndex c) {
            return Probe.exists(Probe.Kind.INDEX, c.subject());
        }
        if (change instanceof Change.DropIndex c) {
            return Probe.absent(Probe.Kind.INDEX, c.subject());
        }
        if (change instanceof Change.CreateSequence c) {
            return Probe.exists(Probe.Kind.SEQUENCE, c.subject());
        }
        if (change instanceof Change.DropSequence c) {
            return Probe.absent(Probe.Kind.SEQUENCE, c.subject());
        }
        if (change instanceof Change.CreatePolicy c) {
            return Probe.exists(Probe.Kind.POLICY, c.subject());
        }
        if (change instanceof Change.DropPolicy c) {
            return Probe.absent(Probe.Kind.POLICY, c.subject());
        }
        if (change instanceof Change.CreateRole c) {
            return Probe.exists(Probe.Kind.ROLE, c.subject());
        }
        if (change instanceof Change.DropRole c) {
            return Probe.absent(Probe.Kind.ROLE, c.subject());
        }
        if (change instanceof Change.CreateView c) {
            return Probe.exists(Probe.Kind.VIEW, c.subject());
        }
        if (change instanceof Change.DropView c) {
            return Probe.absent(Probe.Kind.VIEW, c.subject());
        }
        if (change instanceof Change.CreateEnum c) {
            return Probe.exists(Probe.Kind.TYPE, c.subject());
        }
        if (change instanceof Change.DropEnum c) {
            return Probe.absent(Probe.Kind.TYPE, c.subject());
        }
        if (change instanceof Change.AddForeignKey || change instanceof Change.AddUnique || change instanceof Change.AddCheck
                || change instanceof Change.AddPrimaryKey) {
            return Probe.exists(Probe.Kind.CONSTRAINT, change.subject());
        }
        if (change instanceof Change.DropForeignKey || change instanceof Change.DropUnique || change instanceof Change.DropCheck
                || change instanceof Change.DropPrimaryKey) {
            return Probe.absent(Probe.Kind.CONSTRAINT, change.subject());
        }
        return null;
    }
}
