package dev.sleet.cli;

import dev.sleet.kit.Output;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.tasks.Status;
import picocli.CommandLine.Command;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"List the migrations, one line each: applied (when, run or recorded), pending, CHANGED since applied, "
                + "or MISSING from the journal though applied. Reads the tracking table without changing anything.",
                "Exits 1 when a migration is changed, missing from the journal, or its file is missing, naming each."})
final class StatusCommand extends DatabaseCommand {

    @Override
    void run(SleetConfig config, Output out) {
        Status.Result result = Status.run(config, out);
        if (!result.ok()) {
            throw found("status", result.problems());
        }
    }
}
