package dev.tva.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The JMH suites, in the order {@code lab bench} runs them; a suite's name is its class name without "Benchmark". */
public enum Suite {
    SPAWN(SpawnBenchmark.class, "What does it cost to start a unit of work and wait for its result?", new SpawnNotices()),
    HANDOFF(HandoffBenchmark.class, "What does one context switch cost in each model?", new HandoffNotices()),
    IO_BOUND(IoBoundBenchmark.class, "How many waiting tasks per second does each model complete, with a given number in flight?",
            new IoBoundNotices()),
    CPU_BOUND(CpuBoundBenchmark.class, "Does the execution model change how fast CPU-bound work gets done?", new CpuBoundNotices()),
    MIXED(MixedBenchmark.class, "A backend call, then CPU work on its answer: how do the models compare as the CPU share grows?",
            new MixedNotices()),
    FAN_OUT(FanOutBenchmark.class, "One request that needs n backend answers: each model's way to make the calls in parallel and combine them.",
            new FanOutNotices()),
    PINNING(PinningBenchmark.class, "Does a virtual thread that blocks give its carrier back? Not while it is pinned.", new PinningNotices()),
    LOCK_CONTENTION(LockContentionBenchmark.class, "Many threads fight over one lock: are virtual threads slower at it than platform threads?",
            new LockContentionNotices());

    private final Class<?> benchmark;
    private final String question;
    private final SuiteNotices notices;

    Suite(Class<?> benchmark, String question, SuiteNotices notices) {
        this.benchmark = benchmark;
        this.question = question;
        this.notices = notices;
    }

    /** {@code IoBound} for {@code IoBoundBenchmark}. */
    public String id() {
        return benchmark.getSimpleName().replace("Benchmark", "");
    }

    public Class<?> benchmarkClass() {
        return benchmark;
    }

    /** The question the suite answers (the first line of its class comment). */
    public String question() {
        return question;
    }

    /** What to notice in a run of this suite, kept beside the suite ({@code SpawnNotices} beside {@code SpawnBenchmark}). */
    public SuiteNotices notices() {
        return notices;
    }

    /** A JMH include pattern matching this suite's benchmarks and nothing else. */
    public String includePattern() {
        return "^" + Pattern.quote(benchmark.getName()) + "\\.";
    }

    /** The suite a JMH benchmark name ({@code dev.tva.bench.IoBoundBenchmark.http}) belongs to. */
    public static Suite ofBenchmark(String benchmarkName) {
        for (Suite s : values()) {
            if (benchmarkName.startsWith(s.benchmark.getName() + ".")) {
                return s;
            }
        }
        throw new IllegalArgumentException("'" + benchmarkName + "' is not a benchmark of this lab");
    }

    /** Parses {@code IoBound} or {@code IoBoundBenchmark}, in any case; the message lists every suite. */
    public static Suite fromName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (Suite s : values()) {
            if (s.id().toLowerCase(Locale.ROOT).equals(wanted) || s.benchmark.getSimpleName().toLowerCase(Locale.ROOT).equals(wanted)) {
                return s;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a suite; expected one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(Suite::id).collect(Collectors.joining(", "));
    }
}
