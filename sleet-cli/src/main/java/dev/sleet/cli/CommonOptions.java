package dev.sleet.cli;

import dev.sleet.kit.Output;
import dev.sleet.kit.Secrets;
import dev.sleet.kit.config.ConfigLoader;
import dev.sleet.kit.config.SleetConfig;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Options every command takes. */
final class CommonOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "sleet.toml",
            description = "Config file (default: ${DEFAULT-VALUE} in the current folder). Relative paths in it resolve against its folder.")
    Path config;

    @Option(names = "--verbose", description = "Show stack traces on errors, and name every object Sleet does not manage "
            + "(event triggers, rules, foreign tables ...), not just the first few of each kind.")
    boolean verbose;

    SleetConfig load() {
        return new ConfigLoader().load(config);
    }

    /** Prints the kit's progress, credentials masked; says everything when {@code verbose}. */
    static Output output(CommandLine.Model.CommandSpec spec, Secrets secrets, boolean verbose) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return new Output() {
            @Override
            public void info(String line) {
                out.println(secrets.mask(line));
                out.flush();
            }

            @Override
            public void warn(String line) {
                err.println("Warning: " + secrets.mask(line));
                err.flush();
            }

            @Override
            public boolean verbose() {
                return verbose;
            }
        };
    }
}
