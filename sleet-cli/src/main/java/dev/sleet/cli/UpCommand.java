package dev.sleet.cli;

import dev.sleet.kit.Output;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.tasks.Up;
import picocli.CommandLine.Command;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Upgrade the migrations folder's snapshots and journal to the current format, rewriting only files that change.",
                "Also converts a drizzle-kit migrations folder (snapshot version \"7\") into a Sleet one: snapshots, journal, "
                        + "statement breakpoints, and probes so that migrate records migrations drizzle-kit already applied."})
final class UpCommand extends TaskCommand {

    @Override
    void run(SleetConfig config, Output out) {
        Up.run(config, out);
    }
}
