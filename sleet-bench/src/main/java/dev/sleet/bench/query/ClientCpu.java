package dev.sleet.bench.query;

import com.sun.management.ThreadMXBean;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client's own cost of benchmark methods: CPU time and bytes allocated by the calling thread per
 * call, which neither waiting for the server nor for a busy core counts, beside the wall time per
 * call; then, in one more untimed call per subject, its peak live heap (below). JMH runs one
 * benchmark after another, so a machine whose speed drifts (a shared host) moves its results apart;
 * here the subjects are called in turn, a block of calls each, so that drift hits all of them alike,
 * and the median block is reported. Each subject has a connection of its own: pin the server's
 * backends and this JVM to cores ({@code sleet-bench/client-cpu.sh --pin}), or where the scheduler
 * puts each backend weighs more than the library.
 *
 * <pre>
 * java -cp "sleet-bench/target/classes:sleet-bench/target/lib/*" dev.sleet.bench.query.ClientCpu \
 *     RelationalBench 20 'sleetPerLevel[tasks=1000]' 'handPerLevel[tasks=1000]'
 * ... ClientCpu ExecutionBench 1 'streamMillion[library=sleet]' 'streamMillion[library=jdbc]'
 * </pre>
 * A subject is a benchmark method and the values of the class's {@code @Param} fields; each has an
 * instance of its own, set up and torn down as JMH would for a trial.
 */
public final class ClientCpu {

    private static final Pattern SUBJECT = Pattern.compile("(\\w+)(?:\\[(.*)])?");
    private static final int BLOCKS = 41;

    private ClientCpu() {
    }

    private record Subject(String label, Object bench, Method method) {
        void call() throws Exception {
            method.invoke(bench);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ClientCpu <benchmark class> <calls per block> <method[param=value,...]>...");
            System.exit(2);
        }
        Class<?> type = Class.forName(ClientCpu.class.getPackageName() + "." + args[0]);
        int callsPerBlock = Integer.parseInt(args[1]);
        List<Subject> subjects = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            Matcher matcher = SUBJECT.matcher(args[i]);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("Not a subject: " + args[i]);
            }
            Object bench = type.getConstructor().newInstance();
            if (matcher.group(2) != null) {
                for (String setting : matcher.group(2).split(",")) {
                    String[] pair = setting.split("=", 2);
                    var field = type.getField(pair[0]);
                    field.set(bench, field.getType() == int.class ? Integer.valueOf(pair[1]) : pair[1]);
                }
            }
            lifecycle(bench, true);
            subjects.add(new Subject(args[i], bench, type.getMethod(matcher.group(1))));
        }
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        // Warm up for about as many calls as the measurement makes, so the JIT has settled first.
        for (Subject subject : subjects) {
            for (int i = 0; i < BLOCKS * callsPerBlock; i++) {
                subject.call();
            }
        }
        long[][] wall = new long[subjects.size()][BLOCKS];
        long[][] cpu = new long[subjects.size()][BLOCKS];
        long[][] bytes = new long[subjects.size()][BLOCKS];
        for (int block = 0; block < BLOCKS; block++) {
            for (int s = 0; s < subjects.size(); s++) {
                long wallBefore = System.nanoTime();
                long cpuBefore = threads.getCurrentThreadCpuTime();
                long bytesBefore = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < callsPerBlock; i++) {
                    subjects.get(s).call();
                }
                cpu[s][block] = (threads.getCurrentThreadCpuTime() - cpuBefore) / callsPerBlock;
                wall[s][block] = (System.nanoTime() - wallBefore) / callsPerBlock;
                bytes[s][block] = (threads.getCurrentThreadAllocatedBytes() - bytesBefore) / callsPerBlock;
            }
        }
        // Once unmeasured: the first measurement would count what the sampling itself keeps from then on.
        peakLiveHeap(subjects.get(0));
        long[] live = new long[subjects.size()];
        for (int s = 0; s < subjects.size(); s++) {
            live[s] = peakLiveHeap(subjects.get(s));
        }
        for (Subject subject : subjects) {
            lifecycle(subject.bench, false);
        }
        System.out.printf("%-40s %14s %14s %18s %15s%n", "subject", "wall µs/call", "CPU µs/call", "KB allocated/call",
                "live KB (peak)");
        for (int s = 0; s < subjects.size(); s++) {
            System.out.printf("%-40s %14.1f %14.1f %18.1f %15s%n", subjects.get(s).label, median(wall[s]) / 1_000.0,
                    median(cpu[s]) / 1_000.0, median(bytes[s]) / 1_024.0,
                    live[s] < 0 ? "-" : String.format("%.1f", live[s] / 1_024.0));
        }
    }

    /**
     * The most heap still in use after full collections forced every 20 ms during one call, over what
     * was in use before it: what the call keeps reachable (a stream that held its rows grows with
     * them), not the garbage it makes; -1 for a call over before the first 20 ms. Untimed: the
     * collections stop the world.
     */
    private static long peakLiveHeap(Subject subject) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long idle = memory.getHeapMemoryUsage().getUsed();
        long[] peak = {-1};
        Thread sampler = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(20);
                    System.gc();
                    peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
                }
            } catch (InterruptedException e) {
                // the call is over
            }
        });
        sampler.start();
        try {
            subject.call();
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        return peak[0] < 0 ? -1 : Math.max(0, peak[0] - idle);
    }

    /** Runs the trial-level {@code @Setup} (or {@code @TearDown}) methods, superclass ones first. */
    private static void lifecycle(Object bench, boolean setup) throws Exception {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c = bench.getClass(); c != Object.class; c = c.getSuperclass()) {
            classes.add(0, c);
        }
        for (Class<?> c : classes) {
            for (Method method : c.getDeclaredMethods()) {
                Level level = setup ? (method.isAnnotationPresent(Setup.class) ? method.getAnnotation(Setup.class).value() : null)
                        : (method.isAnnotationPresent(TearDown.class) ? method.getAnnotation(TearDown.class).value() : null);
                if (level == Level.Trial) {
                    method.invoke(bench);
                }
            }
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
