package dev.tva.engine;

import dev.tva.load.Progress;
import dev.tva.workloads.SteadyState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Says when a server under open-model load has warmed up: asked at each of the load generator's
 * once-a-second reports, it stops the warm-up's run once the windows have settled.
 *
 * <p>The figure watched is the server's CPU time per answer in each window (its process's CPU, JIT
 * compiler and GC threads included), steady by {@link SteadyState}: two blocks of windows within 5%.
 * Throughput says nothing here: in an open model it equals the rate whenever the server keeps up.
 * Latency only moves once the CPU runs short: with cores to spare it settles while the JIT is still
 * compiling, and the compiles then land in the measurement as a p99 of hundreds of milliseconds. The CPU
 * per answer falls while the hot path is being compiled and stays flat once it is, with or without
 * headroom, so it follows the JIT itself. The operating system counts CPU in {@link #CPU_TICK} steps, so
 * two blocks that differ by less than the clock can make them are taken as equal: at a light load (10/s)
 * the figure cannot tell a trend from the clock, and there the JIT hardly matters.
 */
final class ServerWarmup implements Predicate<Progress> {
    /** One window: the time between two of the generator's reports. */
    static final Duration WINDOW = Duration.ofSeconds(1);
    /** The step of a process's CPU time as Linux reports it (clock ticks of 1/100 s). */
    static final Duration CPU_TICK = Duration.ofMillis(10);

    private final LongSupplier serverCpuMillis;
    private final SteadyState rule;
    private final List<Double> cpuMicrosPerAnswer = new ArrayList<>();
    private final List<Long> answers = new ArrayList<>();
    private long lastCpuMillis;
    private long lastAnswers;
    private boolean settled;

    /** Watches the server whose CPU time {@code serverCpuMillis} reads, by the lab's rule with 1 s windows, for at most {@code cap}. */
    ServerWarmup(LongSupplier serverCpuMillis, Duration cap) {
        this.serverCpuMillis = serverCpuMillis;
        this.rule = SteadyState.of(WINDOW, cap);
        this.lastCpuMillis = serverCpuMillis.getAsLong();
    }

    /** How long a run this needs: the cap, and half a window more so that the cap's own report comes before the run ends. */
    Duration runLength() {
        return WINDOW.multipliedBy(rule.maxWarmupWindows()).plus(WINDOW.dividedBy(2));
    }

    /** Records the window that just closed; true once the windows have settled or reached the cap (the run may stop). */
    @Override
    public boolean test(Progress p) {
        long cpu = serverCpuMillis.getAsLong();
        long windowAnswers = p.answers() - lastAnswers;
        cpuMicrosPerAnswer.add(cpu < 0 || lastCpuMillis < 0 || windowAnswers <= 0
                ? Double.NaN : (cpu - lastCpuMillis) * 1000.0 / windowAnswers);
        answers.add(windowAnswers);
        lastCpuMillis = cpu;
        lastAnswers = p.answers();
        settled = rule.settled(cpuMicrosPerAnswer, resolution());
        return settled || rule.capped(cpuMicrosPerAnswer.size());
    }

    /**
     * The largest difference between the two blocks' means that the clock alone can make: each block's
     * CPU is the difference of two readings, each off by up to a tick.
     */
    private double resolution() {
        int n = answers.size();
        int compared = Math.min(n, 2 * rule.span());
        long fewest = answers.subList(n - compared, n).stream().mapToLong(Long::longValue).min().orElse(0);
        return fewest <= 0 ? 0 : 2.0 * CPU_TICK.toNanos() / 1000 / (rule.span() * fewest);
    }

    /** True when the windows settled. */
    boolean steady() {
        return settled;
    }

    /** Windows watched so far. */
    int windows() {
        return cpuMicrosPerAnswer.size();
    }

    /** The windows, for a progress line, e.g. {@code 410, 220, 150, 148 us of server CPU per answer}. */
    String describe() {
        if (cpuMicrosPerAnswer.isEmpty()) {
            return "no window at the full warm-up rate: the cap left no room";
        }
        return cpuMicrosPerAnswer.stream().map(v -> Double.isNaN(v) ? "?" : String.format(Locale.ROOT, "%,.0f", v))
                .collect(Collectors.joining(", ")) + " us of server CPU per answer";
    }
}
