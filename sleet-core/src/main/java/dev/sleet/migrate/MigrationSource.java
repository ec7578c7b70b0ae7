package dev.sleet.migrate;

import dev.sleet.migrate.internal.ClasspathSource;
import dev.sleet.migrate.internal.FolderSource;

import java.nio.file.Path;

/**
 * Where the migrator reads the journal and the migration files from. Implementations throw
 * {@link MigrationException} with a clear message when something is missing.
 */
public interface MigrationSource {

    /** The parsed {@code meta/_journal.json}. */
    Journal journal();

    /** The raw content of {@code <tag>.sql} for this entry. */
    String sql(JournalEntry entry);

    /** Where this source reads from, for messages: a folder path or {@code classpath:db/migrations}. */
    String describe();

    /** A migrations folder on disk: {@code <folder>/meta/_journal.json} and {@code <folder>/<tag>.sql}. */
    static MigrationSource folder(Path folder) {
        return new FolderSource(folder);
    }

    /**
     * Migrations packaged as resources (for example in the application jar) under {@code prefix}:
     * reads {@code <prefix>/meta/_journal.json}, then each {@code <prefix>/<tag>.sql} it lists, through
     * {@code classLoader}. A jar cannot list a folder, which is why the journal drives the lookup.
     */
    static MigrationSource classpath(String prefix, ClassLoader classLoader) {
        return new ClasspathSource(prefix, classLoader);
    }

    /** {@link #classpath(String, ClassLoader)} with the thread's context class loader. */
    static MigrationSource classpath(String prefix) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return classpath(prefix, loader != null ? loader : MigrationSource.class.getClassLoader());
    }
}
