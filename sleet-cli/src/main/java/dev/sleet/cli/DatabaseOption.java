package dev.sleet.cli;

import dev.sleet.kit.config.DbCredentials;
import dev.sleet.kit.config.SleetConfig;
import picocli.CommandLine.Option;

/** {@code --db URL}: use this database instead of the config's [dbCredentials]. */
final class DatabaseOption {

    @Option(names = "--db", paramLabel = "URL",
            description = "Database to use instead of [dbCredentials]: postgresql://user:password@host:5432/database "
                    + "(the password is never printed).")
    String url;

    SleetConfig apply(SleetConfig config) {
        return url == null ? config : config.withDbCredentials(DbCredentials.fromUrl(url));
    }
}
