package dev.sleet.cli;

import dev.sleet.kit.Secrets;
import dev.sleet.kit.SleetException;
import dev.sleet.migrate.MigrationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The {@code sleet} command: parses arguments, runs a kit task, turns errors into messages and exit codes. */
@Command(name = "sleet", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Schema-as-code and migrations for Java.",
        subcommands = {PullCommand.class, GenerateCommand.class, MigrateCommand.class, PushCommand.class, CheckCommand.class,
                StatusCommand.class, ExportCommand.class, DropCommand.class, UpCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code for a failed command (bad config, unreachable database, failing migration...). */
    public static final int EXIT_ERROR = 1;
    /** Exit code for a command line that could not be understood. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where questions are asked; {@link Terminal#system()} unless a test injects one. */
    final Terminal terminal;

    Main(Terminal terminal) {
        this.terminal = terminal;
    }

    public Main() {
        this(Terminal.system());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests and embedding). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, Terminal.system());
    }

    /** As {@link #execute(String[], PrintWriter, PrintWriter)}, asking questions on {@code terminal}. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, Terminal terminal) {
        CommandLine cli = new CommandLine(new Main(terminal));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? EXIT_USAGE : EXIT_ERROR);
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean verbose = parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose");
            Secrets secrets = commandLine.getCommand() instanceof TaskCommand task ? task.secrets() : Secrets.NONE;
            // MigrationException (a journal or migration problem found by sleet-core) is a user error too.
            boolean expected = e instanceof SleetException || e instanceof MigrationException;
            PrintWriter errors = commandLine.getErr();
            errors.println(secrets.mask("Error: " + (expected ? e.getMessage()
                    : "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + (verbose ? "" : " (run again with --verbose for details)"))));
            if (verbose) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace, true));
                errors.print(secrets.mask(trace.toString()));
            }
            errors.flush();
            return EXIT_ERROR;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * A command line that could not be understood: picocli's message (which repeats the arguments,
     * a --db URL's password with them) masked, then its suggestions or the usage.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getColorScheme().errorText(Secrets.NONE.mask(e.getMessage())));
        StringWriter suggestions = new StringWriter();
        if (CommandLine.UnmatchedArgumentException.printSuggestions(e, new PrintWriter(suggestions, true))) {
            err.print(Secrets.NONE.mask(suggestions.toString()));
        } else {
            command.usage(err);
        }
        err.flush();
        return EXIT_USAGE;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"sleet " + (version == null ? "development build" : version)};
        }
    }
}
