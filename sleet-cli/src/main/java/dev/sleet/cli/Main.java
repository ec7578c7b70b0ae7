package dev.sleet.cli;

import dev.sleet.kit.SleetException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

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
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean verbose = parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose");
            // MigrationException (a journal or migration problem found by sleet-core) is a user error too.
            boolean expected = e instanceof SleetException || e instanceof dev.sleet.migrate.MigrationException;
            commandLine.getErr().println("Error: " + (expected ? e.getMessage()
                    : "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + (verbose ? "" : " (run again with --verbose for details)")));
            if (verbose) {
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return EXIT_ERROR;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"sleet " + (version == null ? "development build" : version)};
        }
    }
}
