package dev.sleet.bench;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

/**
 * CPU time the benchmark's JVM used per operation ({@code -prof dev.sleet.bench.CpuProfiler}): what
 * the client spends (library, driver, JMH's loop, GC), without the database's share or the time spent
 * waiting for a core. On a machine shared with other work the wall-clock time per operation swings
 * by ±50 % and more; the client's CPU time moves far less, so it is the figure to compare libraries by.
 */
public final class CpuProfiler implements InternalProfiler {

    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long start;

    @Override
    public String getDescription() {
        return "CPU time of the benchmark JVM per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        start = OS.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
        long used = OS.getProcessCpuTime() - start;
        long ops = result.getMetadata().getAllOps();
        double perOp = ops == 0 ? Double.NaN : used / 1_000.0 / ops;
        return List.of(new ScalarResult("cpu.time.norm", perOp, "us/op", AggregationPolicy.AVG));
    }
}
