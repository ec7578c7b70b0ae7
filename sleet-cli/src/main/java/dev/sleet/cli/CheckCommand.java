package dev.sleet.cli;

import dev.sleet.kit.Output;
import dev.sleet.kit.config.SleetConfig;
import dev.sleet.kit.tasks.Check;
import picocli.CommandLine.Command;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check that the migrations folder is consistent: journal entries, .sql files and snapshots agree, and the "
                + "snapshots form one chain (parallel branches after a merge are reported with the fix).",
                "With a database ([dbCredentials] or --db): which migrations are applied, pending, changed since they were "
                        + "applied or missing from the journal, and whether the live schema drifted from the migrations. "
                        + "Exits 1 when anything is wrong."})
final class CheckCommand extends DatabaseCommand {

    @Override
    void run(SleetConfig config, Output out) {
        Check.Result result = Check.run(config, out);
        if (!result.ok()) {
            throw found("check", result.problems());
        }
    }
}
