package dev.sleet.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

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

    String all() {
        return out + err;
    }
}
