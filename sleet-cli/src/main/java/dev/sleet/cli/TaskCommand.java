package dev.sleet.cli;

import dev.sleet.kit.Output;
import dev.sleet.kit.Secrets;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.config.SleetConfig;
import picocli.CommandLine;

import java.util.List;

/** A command that loads the config and hands it to one kit task. */
abstract class TaskCommand implements Runnable {

    @CommandLine.Mixin
    CommonOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** What no message may show: the database password, once the config is loaded. */
    private Secrets secrets = Secrets.NONE;

    @Override
    public final void run() {
        SleetConfig config = configure(options.load());
        secrets = config.dbCredentials() == null ? Secrets.NONE : config.dbCredentials().secrets();
        run(config, CommonOptions.output(spec, secrets, options.verbose));
    }

    /** The config the task runs with: the loaded one, or that with another database ({@link DatabaseCommand}). */
    SleetConfig configure(SleetConfig loaded) {
        return loaded;
    }

    abstract void run(SleetConfig config, Output out);

    /** What to mask in this command's messages, errors included. */
    Secrets secrets() {
        return secrets;
    }

    /** The error for a command that found problems: how many, then one line each. */
    static SleetException found(String command, List<String> problems) {
        return new SleetException("sleet " + command + " found " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + ":\n  - " + String.join("\n  - ", problems));
    }

    /** Where questions are asked (the root command's terminal). */
    Terminal terminal() {
        return spec.root().userObject() instanceof Main main ? main.terminal : Terminal.NONE;
    }
}
