package dev.sleet.kit.internal;

import java.util.function.Consumer;

/**
 * Where a test stands in for a crash: {@link dev.sleet.kit.AtomicFiles} reports each point of a
 * write (the new content fully in its temporary file; the file moved into place; a file deleted)
 * here before it goes on. A test installs a hook that kills the process at the point it wants to
 * test; nothing else installs one.
 */
public final class WriteHook {

    private static volatile Consumer<String> hook = point -> { };

    private WriteHook() {}

    /** Installs {@code hook}, called with a description of each point, e.g. {@code "moved 0001_x.sql"}. */
    public static void install(Consumer<String> hook) {
        WriteHook.hook = hook;
    }

    /** Called by the writer at each point. */
    public static void reached(String point) {
        hook.accept(point);
    }
}
