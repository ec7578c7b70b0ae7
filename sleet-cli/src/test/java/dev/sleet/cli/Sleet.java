package dev.sleet.cli;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs the real command line in-process and captures what it prints. */
record Sleet(int exitCode, String out, String err) {

    static Sleet run(String... args) {
        return run(Terminal.NONE, args);
    }

    /** Runs with a scripted terminal standing in for a person. */
    static Sleet run(Terminal terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintWriter o = new PrintWriter(out, true, StandardCharsets.UTF_8);
             PrintWriter e = new PrintWriter(err, true, StandardCharsets.UTF_8)) {
            code = Main.execute(args, o, e, terminal);
        }
        return new Sleet(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Sleet run(String command, Path config, String... more) {
        String[] args = new String[2 + more.length + 1];
        args[0] = command;
        args[1] = "--config";
        args[2] = config.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        return run(args);
    }

    /**
     * Runs the command line in a JVM of its own ({@link StoppedRun}) that stops at the {@code n}th
     * point where a file is written, and kills it there with SIGKILL, as {@code kill -9} does.
     * Returns the point (e.g. "moved _journal.json"), or empty when the run finished before it (it
     * must then have succeeded).
     */
    static Optional<String> killedAtWrite(int n, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                StoppedRun.class.getName(), Integer.toString(n)));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(StoppedRun.STOPPED)) {
                    process.destroyForcibly().waitFor();
                    return Optional.of(line.substring(StoppedRun.STOPPED.length()));
                }
                output.append(line).append('\n');
            }
        }
        if (process.waitFor() != 0) {
            throw new AssertionError("the run failed before point " + n + ":\n" + output);
        }
        return Optional.empty();
    }

    String all() {
        return out + err;
    }
}
