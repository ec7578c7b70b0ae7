package dev.sleet.migrate;

/**
 * Migrating failed or was refused. The message is written for the person running the migration:
 * it names the file, the statement and what the database said, and never contains connection
 * details.
 */
public class MigrationException extends RuntimeException {

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
