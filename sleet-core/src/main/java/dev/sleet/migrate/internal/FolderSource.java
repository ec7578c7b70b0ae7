package dev.sleet.migrate.internal;

import dev.sleet.migrate.Journal;
import dev.sleet.migrate.JournalEntry;
import dev.sleet.migrate.MigrationException;
import dev.sleet.migrate.MigrationSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/** Migrations in a folder on disk. */
public final class FolderSource implements MigrationSource {

    private final Path folder;

    public FolderSource(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    @Override
    public Journal journal() {
        return Journal.read(Journal.location(folder));
    }

    @Override
    public String sql(JournalEntry entry) {
        Path file = folder.resolve(entry.fileName());
        try {
            return MigrationText.decode(Files.readAllBytes(file), entry.fileName());
        } catch (NoSuchFileException e) {
            throw new MigrationException("Migration file " + entry.fileName() + " is listed in the journal but missing from "
                    + folder);
        } catch (IOException e) {
            throw new MigrationException("Cannot read migration file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return folder.toString();
    }
}
