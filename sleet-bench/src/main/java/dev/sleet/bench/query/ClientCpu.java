package dev.sleet.bench.query;

import com.sun.management.ThreadMXBean;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The client's own cost of {@link RelationalBench} methods: CPU time and bytes allocated by the
 * calling thread per call, which neither waiting for the server nor for a busy core counts. JMH's
 * wall time needs a quiet machine; this comparison does not, so it is how a change to the client
 * side is judged while other work runs. The methods are called in turn, a block of calls each, so
 * that drift in the machine's state hits all of them alike; the median block is reported.
 *
 * <pre>java -cp "sleet-bench/target/classes:sleet-bench/target/lib/*" dev.sleet.bench.query.ClientCpu 1000 sleetPerLevel handPerLevel</pre>
 */
public final class ClientCpu {

    private static final int WARMUP_CALLS = 1_500;
    private static final int BLOCKS = 41;
    private static final int CALLS_PER_BLOCK = 20;

    private ClientCpu() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ClientCpu <tasks> <benchmark method>...");
            System.exit(2);
        }
        RelationalBench bench = new RelationalBench();
        bench.tasks = Integer.parseInt(args[0]);
        bench.open();
        List<Method> methods = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            methods.add(RelationalBench.class.getMethod(args[i]));
        }
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (Method method : methods) {
            for (int i = 0; i < WARMUP_CALLS; i++) {
                method.invoke(bench);
            }
        }
        long[][] cpu = new long[methods.size()][BLOCKS];
        long[][] bytes = new long[methods.size()][BLOCKS];
        for (int block = 0; block < BLOCKS; block++) {
            for (int m = 0; m < methods.size(); m++) {
                long cpuBefore = threads.getCurrentThreadCpuTime();
                long bytesBefore = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < CALLS_PER_BLOCK; i++) {
                    methods.get(m).invoke(bench);
                }
                cpu[m][block] = (threads.getCurrentThreadCpuTime() - cpuBefore) / CALLS_PER_BLOCK;
                bytes[m][block] = (threads.getCurrentThreadAllocatedBytes() - bytesBefore) / CALLS_PER_BLOCK;
            }
        }
        bench.close();
        System.out.printf("%-22s %14s %16s%n", "method (" + bench.tasks + " tasks)", "CPU µs/call", "KB allocated/call");
        for (int m = 0; m < methods.size(); m++) {
            System.out.printf("%-22s %14.1f %16.1f%n", methods.get(m).getName(), median(cpu[m]) / 1_000.0,
                    median(bytes[m]) / 1_024.0);
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
