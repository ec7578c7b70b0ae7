package dev.sleet.migrate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every listener callback as a line of text, the way the CLI would print it. */
class RecordingListener implements MigrationListener {

    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void waitingForLock(String trackingTable) {
        events.add("waiting " + trackingTable);
    }

    @Override
    public void planned(List<MigrationFile> pending, int alreadyApplied) {
        events.add("planned " + pending.stream().map(MigrationFile::tag).toList() + " applied=" + alreadyApplied);
    }

    @Override
    public void outOfOrder(MigrationFile file, String lastApplied) {
        events.add("out-of-order " + file.tag() + " before " + lastApplied);
    }

    @Override
    public void fileStarting(MigrationFile file, int statements) {
        events.add("start " + file.fileName() + " " + statements);
    }

    @Override
    public void outsideTransaction(MigrationFile file) {
        events.add("no-transaction " + file.fileName());
    }

    @Override
    public void statementStarting(MigrationFile file, int number, int total, String sql) {
        events.add("statement " + number + "/" + total);
    }

    @Override
    public void fileApplied(MigrationFile file, Duration elapsed) {
        events.add("applied " + file.fileName() + (elapsed.isNegative() ? " negative!" : ""));
    }

    @Override
    public void fileRecorded(MigrationFile file, List<Probe> probes) {
        events.add("recorded " + file.fileName() + " " + probes.size());
    }

    @Override
    public void finished(MigrationReport report) {
        events.add("finished");
    }
}
