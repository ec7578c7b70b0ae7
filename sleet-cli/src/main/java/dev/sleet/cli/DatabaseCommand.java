package dev.sleet.cli;

import dev.sleet.kit.config.DbCredentials;
import dev.sleet.kit.config.SleetConfig;
import picocli.CommandLine.Option;

/** A command that talks to a database, which {@code --db URL} may name instead of the config's [dbCredentials]. */
abstract class DatabaseCommand extends TaskCommand {

    @Option(names = "--db", paramLabel = "URL",
            description = "Database to use instead of [dbCredentials]: postgresql://user:password@host:5432/database "
                    + "(or jdbc:postgresql://host:5432/database?user=...&password=...; ?connectTimeout=SECONDS). "
                    + "The password is never printed.")
    String url;

    @Override
    SleetConfig configure(SleetConfig loaded) {
        return url == null ? loaded : loaded.withDbCredentials(DbCredentials.fromUrl(url));
    }
}
