package dev.sleet.cli;

import dev.sleet.kit.internal.WriteHook;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The command line in a JVM of its own ({@link Sleet#killedAtWrite}): {@code StoppedRun N command
 * args...} stops at the Nth point where a file is written, prints {@link #STOPPED} and the point,
 * and waits there to be killed.
 */
final class StoppedRun {

    static final String STOPPED = "STOPPED AT ";

    private StoppedRun() {}

    public static void main(String[] args) {
        int stopAt = Integer.parseInt(args[0]);
        AtomicInteger reached = new AtomicInteger();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        WriteHook.install(point -> {
            if (reached.incrementAndGet() == stopAt) {
                out.println(STOPPED + point);
                while (true) {
                    LockSupport.park();
                }
            }
        });
        System.exit(Main.execute(Arrays.copyOfRange(args, 1, args.length), out,
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), Terminal.NONE));
    }
}
