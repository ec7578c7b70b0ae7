package dev.sleet.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a real migrations folder (SQL files + meta/_journal.json) the way the kit does. */
final class MigrationFolder {

    private final Path dir;
    private Journal journal = Journal.empty("postgresql");
    private long when = 1_795_628_397_000L;

    MigrationFolder(Path dir) {
        this.dir = dir;
        journal.write(Journal.location(dir));
    }

    MigrationFolder add(String tag, String... statements) {
        return add(tag, true, null, statements);
    }

    MigrationFolder addNonTransactional(String tag, String... statements) {
        return add(tag, false, null, statements);
    }

    MigrationFolder addPulled(String tag, List<Probe> probes, String... statements) {
        return add(tag, true, probes, statements);
    }

    private MigrationFolder add(String tag, boolean transactional, List<Probe> probes, String... statements) {
        writeFile(tag, String.join("\n--> statement-breakpoint\n", statements) + "\n");
        journal = journal.append(tag, when++, transactional, probes);
        journal.write(Journal.location(dir));
        return this;
    }

    /** Replaces the content of {@code <tag>.sql}. */
    MigrationFolder writeFile(String tag, String content) {
        try {
            Files.writeString(dir.resolve(tag + ".sql"), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    String readFile(String tag) {
        try {
            return Files.readString(dir.resolve(tag + ".sql"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the journal (e.g. to drop or reorder entries). */
    MigrationFolder journal(Journal replacement) {
        journal = replacement;
        journal.write(Journal.location(dir));
        return this;
    }

    Journal journal() {
        return journal;
    }

    Path path() {
        return dir;
    }

    MigrationSource source() {
        return MigrationSource.folder(dir);
    }
}
