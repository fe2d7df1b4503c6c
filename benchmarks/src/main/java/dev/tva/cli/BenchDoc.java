package dev.tva.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tva.bench.BenchModels;
import dev.tva.bench.CpuBoundBenchmark;
import dev.tva.bench.FanOutBenchmark;
import dev.tva.bench.IoBoundBenchmark;
import dev.tva.bench.LockContentionBenchmark;
import dev.tva.bench.MixedBenchmark;
import dev.tva.bench.PinningBenchmark;
import dev.tva.bench.Suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders a JMH JSON result file as markdown: one table per suite (models side by side when the suite
 * has a {@code model} parameter) and "what to notice" lines whose every number is computed from the file.
 */
final class BenchDoc {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MODELS = List.of("platform", "virtual", "event-loop");

    /** One JMH result: a benchmark method with its parameters, and its primary score. */
    record Row(Suite suite, String method, Map<String, String> params, double score, double error, String unit) {
        String paramsWithout(String name) {
            StringBuilder s = new StringBuilder();
            new TreeMap<>(params).forEach((k, v) -> {
                if (!k.equals(name)) {
                    s.append(s.isEmpty() ? "" : ", ").append(k).append('=').append(v);
                }
            });
            return s.toString();
        }
    }

    private final List<Row> rows;
    private final int cores;

    private BenchDoc(List<Row> rows, int cores) {
        this.rows = rows;
        this.cores = cores;
    }

    /** Reads a JMH JSON file ({@code -rf json}); benchmarks of other projects are skipped. */
    static List<Row> read(Path jmhJson) throws IOException {
        JsonNode root = JSON.readTree(jmhJson.toFile());
        List<Row> rows = new ArrayList<>();
        for (JsonNode result : root) {
            String name = result.path("benchmark").asText();
            Suite suite;
            try {
                suite = Suite.ofBenchmark(name);
            } catch (IllegalArgumentException e) {
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            result.path("params").properties().forEach(p -> params.put(p.getKey(), p.getValue().asText()));
            JsonNode metric = result.path("primaryMetric");
            rows.add(new Row(suite, name.substring(name.lastIndexOf('.') + 1), params, metric.path("score").asDouble(),
                    metric.path("scoreError").asDouble(Double.NaN), metric.path("scoreUnit").asText()));
        }
        return rows;
    }

    /** The whole page: where the numbers come from, then a section per suite, then the footprint table. */
    static String render(Path jmhJson, Path footprint) throws IOException {
        if (!Files.isRegularFile(jmhJson)) {
            throw new UserException(UserException.BAD_INPUT, "Invalid value for option '--doc': no file " + jmhJson);
        }
        List<Row> rows;
        JsonNode first;
        try {
            rows = read(jmhJson);
            first = JSON.readTree(jmhJson.toFile()).path(0);
        } catch (IOException e) {
            throw new UserException(UserException.BAD_INPUT, "Invalid value for option '--doc': " + jmhJson
                    + " is not JMH JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (rows.isEmpty()) {
            throw new UserException(UserException.BAD_INPUT, "Invalid value for option '--doc': " + jmhJson + " holds no result of this lab's suites");
        }
        StringBuilder md = new StringBuilder();
        md.append(header(jmhJson, footprint, first));
        Path envFile = BenchCommand.envFileOf(jmhJson);
        int cores = Files.isRegularFile(envFile) ? JSON.readTree(envFile.toFile()).path("env").path("cores").asInt()
                : Runtime.getRuntime().availableProcessors();
        BenchDoc doc = new BenchDoc(rows, cores);
        for (Suite suite : Suite.values()) {
            if (rows.stream().anyMatch(r -> r.suite() == suite)) {
                md.append(doc.section(suite, first.path("jdkVersion").asText()));
            }
        }
        if (footprint != null) {
            md.append(FootprintCommand.markdown(footprint));
        }
        return md.toString();
    }

    private static String header(Path jmhJson, Path footprint, JsonNode first) throws IOException {
        StringBuilder md = new StringBuilder("# Benchmarks (JMH)\n\n");
        Path envFile = BenchCommand.envFileOf(jmhJson);
        String settings = String.format("%d fork(s), warm-up %d x %s, measurement %d x %s", first.path("forks").asInt(),
                first.path("warmupIterations").asInt(), first.path("warmupTime").asText(),
                first.path("measurementIterations").asInt(), first.path("measurementTime").asText());
        md.append("Generated with `./lab bench --doc ").append(jmhJson.toString().replace('\\', '/'))
                .append(footprint == null ? "" : " --footprint " + footprint.toString().replace('\\', '/'))
                .append("` from the JMH JSON of one run (and a footprint run); every number below, in the tables and in the text, "
                        + "is computed from those files.\n\n");
        if (Files.isRegularFile(envFile)) {
            JsonNode rec = JSON.readTree(envFile.toFile());
            JsonNode env = rec.path("env");
            md.append("- command: `").append(rec.path("command").asText()).append("` (").append(settings).append(")\n");
            md.append("- date: ").append(env.path("date").asText()).append(", commit `").append(env.path("commit").asText()).append("`\n");
            md.append("- machine: ").append(env.path("jdk").asText()).append(", ").append(env.path("cores").asInt()).append(" cores, ")
                    .append(Math.round(env.path("memoryMb").asLong() / 1024.0)).append(" GiB RAM, ").append(env.path("os").asText()).append("\n");
            if (rec.path("quick").asBoolean()) {
                md.append("\n**This is a `--quick` run** (").append(settings).append("): a short warm-up and few iterations, so "
                        + "the error columns are wide and small differences mean nothing. `./lab bench` (the suites' own settings: 2 forks, "
                        + "warm-up 3 x 2 s, measurement 5 x 2 s, about 30 minutes here) gives the reference numbers.\n");
            }
        } else {
            md.append("- settings: ").append(settings).append("; JDK ").append(first.path("jdkVersion").asText())
                    .append(" (").append(first.path("vmName").asText()).append(")\n");
        }
        md.append("""

                The benchmark JVMs share the machine's cores with everything the benchmark starts: in the suites that call the
                backend, the backend runs in the same JVM. Scores are JMH's: mean and the half-width of its 99.9% confidence
                interval (`±`). Throughput suites count one operation per task (`@OperationsPerInvocation`), so ops/s is tasks/s.

                Run one suite: `java -jar benchmarks/target/benchmarks.jar IoBound -p model=virtual,event-loop` (any JMH option), or
                `./lab bench --suite IoBound` (add `--quick` for short settings); each suite's file ends with its own HOW TO RUN.

                """);
        return md.toString();
    }

    private String section(Suite suite, String jdkVersion) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(suite.id()).append("\n\n");
        md.append(suite.question()).append(" (`").append(suite.benchmarkClass().getSimpleName()).append(".java`)\n\n");
        md.append(table(suite)).append('\n');
        List<String> notes = notice(suite, jdkVersion);
        if (!notes.isEmpty()) {
            md.append("What to notice:\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
            md.append('\n');
        }
        md.append("Run it: `java -jar benchmarks/target/benchmarks.jar ").append(suite.id()).append("` or `./lab bench --suite ")
                .append(suite.id()).append("`\n\n");
        return md.toString();
    }

    /** Models side by side when the suite has a model parameter; one score column otherwise. */
    String table(Suite suite) {
        List<Row> mine = rows.stream().filter(r -> r.suite() == suite).toList();
        String unit = mine.get(0).unit();
        boolean byModel = mine.stream().allMatch(r -> r.params().containsKey("model"));
        StringBuilder md = new StringBuilder();
        if (!byModel) {
            md.append("| benchmark | score (").append(unit).append(") |\n|---|---:|\n");
            for (Row r : mine) {
                String params = r.paramsWithout("");
                md.append("| `").append(r.method()).append('`').append(params.isEmpty() ? "" : " " + params)
                        .append(" | ").append(cell(r)).append(" |\n");
            }
            return md.toString();
        }
        List<String> models = MODELS.stream().filter(m -> mine.stream().anyMatch(r -> m.equals(r.params().get("model")))).toList();
        md.append("| benchmark |");
        models.forEach(m -> md.append(' ').append(m).append(" (").append(unit).append(") |"));
        md.append("\n|---|").append("---:|".repeat(models.size())).append('\n');
        Set<String> keys = new LinkedHashSet<>();
        mine.forEach(r -> keys.add(r.method() + "\u0000" + r.paramsWithout("model")));
        for (String key : keys) {
            String[] parts = key.split("\u0000", -1);
            md.append("| `").append(parts[0]).append('`').append(parts[1].isEmpty() ? "" : " " + parts[1]).append(" |");
            for (String m : models) {
                Optional<Row> r = mine.stream().filter(x -> x.method().equals(parts[0]) && x.paramsWithout("model").equals(parts[1])
                        && m.equals(x.params().get("model"))).findFirst();
                md.append(' ').append(r.map(BenchDoc::cell).orElse("")).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String cell(Row r) {
        return Double.isNaN(r.error()) ? num(r.score()) : num(r.score()) + " ± " + num(r.error());
    }

    /** Three significant figures or whole numbers with thousands separators. */
    static String num(double v) {
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** {@code 3.2x faster} / {@code 1.4x slower}: how {@code a} compares with {@code b}, for times (lower is better). */
    private static String fasterTime(double a, double b) {
        if (Math.max(a, b) / Math.min(a, b) < 1.1) {
            return String.format(Locale.ROOT, "about as fast (within %.0f%%)", 100 * (Math.max(a, b) / Math.min(a, b) - 1));
        }
        return a <= b ? String.format(Locale.ROOT, "%.1fx faster", b / a) : String.format(Locale.ROOT, "%.1fx slower", a / b);
    }

    private Optional<Double> score(Suite suite, String method, String... params) {
        return rows.stream().filter(r -> r.suite() == suite && r.method().equals(method) && matches(r, params))
                .map(Row::score).findFirst();
    }

    /** True when the row has every named parameter's value; one the row lacks (an older run, or a benchmark without it) matches. */
    private static boolean matches(Row r, String... params) {
        for (int i = 0; i + 1 < params.length; i += 2) {
            String value = r.params().get(params[i]);
            if (value != null && !params[i + 1].equals(value)) {
                return false;
            }
        }
        return true;
    }

    /** The measured cost of one CPU kernel unit on one core, from CpuBound's baseline when this run has it. */
    private Optional<Double> nanosPerUnit() {
        return score(Suite.CPU_BOUND, "baselineOneThread").map(tasksPerSec -> 1e9 / tasksPerSec / CpuBoundBenchmark.UNITS);
    }

    private int cores() {
        return cores;
    }

    /** Sentences for "what to notice"; each is left out when a number it needs is missing from the file. */
    private List<String> notice(Suite suite, String jdkVersion) {
        List<String> n = new ArrayList<>();
        switch (suite) {
            case SPAWN -> {
                var p = score(suite, "newPlatformThread");
                var v = score(suite, "newVirtualThread");
                var pool = score(suite, "platformPoolTask");
                var loop = score(suite, "eventLoopTask");
                if (p.isPresent() && v.isPresent()) {
                    n.add(String.format(Locale.ROOT, "Starting and joining a virtual thread took %s us, a platform thread %s us: the virtual "
                            + "thread was %s. A platform thread is a clone() and a native stack; a virtual thread is an object queued on a carrier.",
                            num(v.get()), num(p.get()), fasterTime(v.get(), p.get())));
                }
                var handoff = score(Suite.HANDOFF, "pingPong", "model", "platform");
                if (v.isPresent() && handoff.isPresent()) {
                    n.add(String.format(Locale.ROOT, "Every figure here includes waking a parked thread and being woken back (the "
                            + "benchmark thread waits for the result). Handoff measures such a wake-up between platform threads at about "
                            + "%s us on this machine, so much of the %s us of a virtual thread is two wake-ups, not the thread itself.",
                            num(handoff.get() / 2), num(v.get())));
                }
                if (pool.isPresent() && loop.isPresent()) {
                    n.add(String.format(Locale.ROOT, "Handing a task to a thread that already runs cost %s us (platform pool) and %s us "
                            + "(event loop): no thread is started, only a queue and a wake-up there and back. That is why platform threads "
                            + "come pooled, and why virtual threads need no pool.", num(pool.get()), num(loop.get())));
                }
            }
            case HANDOFF -> {
                var p = score(suite, "pingPong", "model", "platform");
                var v = score(suite, "pingPong", "model", "virtual");
                var e = score(suite, "pingPong", "model", "event-loop");
                if (p.isPresent() && v.isPresent() && e.isPresent()) {
                    n.add(String.format(Locale.ROOT, "One round trip (two hand-offs) took %s us between platform threads, %s us between "
                            + "virtual threads and %s us between two event loops.", num(p.get()), num(v.get()), num(e.get())));
                    n.add(String.format(Locale.ROOT, "Virtual threads switch inside the JVM (park unmounts, unpark queues on a carrier): "
                            + "%s than platform threads, which the kernel wakes and switches (a futex per hand-off). An event loop "
                            + "that waits in its selector is woken the same way.", fasterTime(v.get(), p.get())));
                }
            }
            case IO_BOUND -> {
                for (String workload : List.of("sleep", "http")) {
                    for (String inFlight : List.of("100", "1000")) {
                        double bound = Integer.parseInt(inFlight) * 1000.0 / IoBoundBenchmark.LATENCY_MILLIS;
                        var p = score(suite, workload, "model", "platform", "inFlight", inFlight, "client", "lean");
                        var v = score(suite, workload, "model", "virtual", "inFlight", inFlight, "client", "lean");
                        var e = score(suite, workload, "model", "event-loop", "inFlight", inFlight, "client", "lean");
                        if (p.isPresent() && v.isPresent() && e.isPresent()) {
                            n.add(String.format(Locale.ROOT, "`%s`, %s in flight: bound %s tasks/s (%s / %d ms); platform %s (%.0f%%), "
                                    + "virtual %s (%.0f%%), event-loop %s (%.0f%%).", workload, inFlight, num(bound), inFlight,
                                    IoBoundBenchmark.LATENCY_MILLIS, num(p.get()), 100 * p.get() / bound, num(v.get()), 100 * v.get() / bound,
                                    num(e.get()), 100 * e.get() / bound));
                        }
                    }
                }
                n.add(String.format(Locale.ROOT, "A pool of %d platform threads holds %d waits at a time: %d / %d ms = %s tasks/s is the most "
                        + "it can do, however many tasks are in flight. Virtual threads and event loops hold every wait.",
                        BenchModels.PLATFORM_THREADS, BenchModels.PLATFORM_THREADS, BenchModels.PLATFORM_THREADS,
                        IoBoundBenchmark.LATENCY_MILLIS, num(BenchModels.PLATFORM_THREADS * 1000.0 / IoBoundBenchmark.LATENCY_MILLIS)));
                double bestHttp = 0;
                for (String m : MODELS) {
                    bestHttp = Math.max(bestHttp, score(suite, "http", "model", m, "inFlight", "1000", "client", "lean").orElse(0.0));
                }
                if (bestHttp > 0) {
                    n.add(String.format(Locale.ROOT, "`http` with 1000 in flight reaches at most %.0f%% of its bound: each call costs CPU in "
                            + "this JVM (the client, the backend that runs in the same JVM, the loopback TCP stack), and the cores run out "
                            + "before the waits do. The model that spends the least CPU per call gets furthest.", 100 * bestHttp / 100_000));
                }
            }
            case CPU_BOUND -> {
                var b = score(suite, "baselineOneThread");
                if (b.isPresent()) {
                    double bound = b.get() * cores();
                    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "One thread alone ran %s tasks/s (%s us of CPU per task); "
                            + "%d cores make the bound %s tasks/s.", num(b.get()), num(1e6 / b.get()), cores(), num(bound)));
                    List<Double> models = new ArrayList<>();
                    for (String m : MODELS) {
                        score(suite, "cpu", "model", m).ifPresent(x -> {
                            models.add(x);
                            s.append(String.format(Locale.ROOT, " %s: %s (%.0f%% of the bound).", m, num(x), 100 * x / bound));
                        });
                    }
                    n.add(s.toString());
                    if (models.size() == MODELS.size()) {
                        double max = models.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                        double min = models.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                        n.add(String.format(Locale.ROOT, "The models are within %.0f%% of each other, and none is above the bound: "
                                + "computing needs cores, and no way of waiting adds any.", 100 * (max - min) / max));
                    }
                }
            }
            case MIXED -> {
                for (String work : List.of("0", "20", "100")) {
                    List<String> parts = new ArrayList<>();
                    double best = 0;
                    double worst = Double.MAX_VALUE;
                    for (String m : MODELS) {
                        var x = score(suite, "mixed", "model", m, "work", work, "client", "lean");
                        if (x.isPresent()) {
                            parts.add(m + " " + num(x.get()));
                            best = Math.max(best, x.get());
                            worst = Math.min(worst, x.get());
                        }
                    }
                    if (parts.size() == MODELS.size()) {
                        int units = Integer.parseInt(work);
                        Optional<Double> cpuBound = nanosPerUnit().filter(u -> units > 0).map(u -> cores() * 1e9 / (u * units));
                        String cpu = units == 0 ? " (no CPU work after the call)" : cpuBound.map(b -> String.format(Locale.ROOT,
                                " (about %s us of kernel CPU per task: %d cores allow %s tasks/s)", num(cores() * 1e6 / b), cores(), num(b)))
                                .orElse("");
                        double top = best;
                        String share = cpuBound.map(b -> String.format(Locale.ROOT, "; the best is %.0f%% of what the cores allow", 100 * top / b))
                                .orElse("");
                        n.add(String.format(Locale.ROOT, "work=%s%s: %s tasks/s; best / worst = %.1fx%s.", work, cpu, String.join(", ", parts),
                                best / worst, share));
                    }
                }
                n.add(String.format(Locale.ROOT, "Waiting alone bounds %d tasks in flight at %d / %d ms = %s tasks/s, and a pool of %d "
                        + "platform threads holds only %d of them at a time. As the CPU per task grows, the gap between the models closes "
                        + "(best / worst above) and CPU becomes the limit; each call's own CPU (client, backend in the same JVM, loopback "
                        + "TCP) comes on top of the kernel's, so no model reaches the cores' figure.", MixedBenchmark.TASKS, MixedBenchmark.TASKS, MixedBenchmark.LATENCY_MILLIS,
                        num(MixedBenchmark.TASKS * 1000.0 / MixedBenchmark.LATENCY_MILLIS), BenchModels.PLATFORM_THREADS,
                        Math.min(BenchModels.PLATFORM_THREADS, MixedBenchmark.TASKS)));
            }
            case FAN_OUT -> {
                for (String calls : List.of("10", "100")) {
                    List<String> parts = new ArrayList<>();
                    for (String m : MODELS) {
                        score(suite, "fanOut", "model", m, "calls", calls, "client", "lean").ifPresent(x -> parts.add(m + " " + num(x) + " ms"));
                    }
                    if (!parts.isEmpty()) {
                        int c = Integer.parseInt(calls);
                        n.add(String.format(Locale.ROOT, "%d calls of %d ms: one after another they would take %s ms; in parallel %s.",
                                c, FanOutBenchmark.LATENCY_MILLIS, num((double) c * FanOutBenchmark.LATENCY_MILLIS), String.join(", ", parts)));
                    }
                }
                n.add("Everything above the 10 ms wait is the cost of fanning out and combining: threads started or woken, connections "
                        + "used, answers added up. Every model runs the lab's fanout workload through ExecutionModel.start (forks on the "
                        + "model's executor, or futures on one loop) and returns the same combined answer: n x 16 bytes.");
            }
            case PINNING -> {
                var u = score(suite, "unpinned");
                var r = score(suite, "reentrantLockNeverPins");
                var s = score(suite, "synchronizedPinsBeforeJdk24");
                var c = score(suite, "classInitializerPins");
                long serial = PinningBenchmark.TASKS / PinningBenchmark.CARRIERS * PinningBenchmark.SLEEP_MILLIS;
                if (u.isPresent() && r.isPresent() && s.isPresent() && c.isPresent()) {
                    n.add(String.format(Locale.ROOT, "%d virtual threads each block %d ms on %d carrier: unpinned %s ms, ReentrantLock %s ms, "
                            + "synchronized %s ms, class initializer %s ms. Fully pinned would be %d x %d ms = %d ms.", PinningBenchmark.TASKS,
                            PinningBenchmark.SLEEP_MILLIS, PinningBenchmark.CARRIERS, num(u.get()), num(r.get()), num(s.get()), num(c.get()),
                            PinningBenchmark.TASKS / PinningBenchmark.CARRIERS, PinningBenchmark.SLEEP_MILLIS, serial));
                    int feature = parseFeature(jdkVersion);
                    boolean expectPinned = feature < 24;
                    boolean measuredPinned = s.get() > serial / 2.0;
                    n.add(String.format(Locale.ROOT, "This run's JDK is %s: `synchronized` %s expected to pin (JEP 491 stopped it in JDK 24), "
                            + "and it measured %s ms, %s.", jdkVersion, expectPinned ? "is" : "is not", num(s.get()),
                            measuredPinned ? "pinned (the sleeps ran one at a time)" : "unpinned (the sleeps overlapped)"));
                    n.add("A class initializer pins on every JDK: the VM runs it with a native frame on the stack, and a virtual thread "
                            + "cannot unmount across one. JFR's `jdk.VirtualThreadPinned` event is the evidence (PinningBenchmarkTest).");
                }
            }
            case LOCK_CONTENTION -> {
                for (String method : List.of("synchronizedCounter", "reentrantLockCounter")) {
                    var p = score(suite, method, "model", "platform");
                    var v = score(suite, method, "model", "virtual");
                    if (p.isPresent() && v.isPresent()) {
                        n.add(String.format(Locale.ROOT, "`%s`, %d threads, one shared counter: %s ns per increment on platform threads, "
                                + "%s ns on virtual threads: virtual was %s.", method, LockContentionBenchmark.THREADS, num(p.get()),
                                num(v.get()), fasterTime(v.get(), p.get())));
                    }
                }
                double worst = 0;
                for (String method : List.of("synchronizedCounter", "reentrantLockCounter")) {
                    var p = score(suite, method, "model", "platform");
                    var v = score(suite, method, "model", "virtual");
                    if (p.isPresent() && v.isPresent()) {
                        worst = Math.max(worst, v.get() / p.get());
                    }
                }
                if (worst > 0) {
                    n.add(String.format(Locale.ROOT, "Public results report virtual threads far slower under no-back-off contention. %s: "
                            + "the largest gap in this run is %.1fx (virtual / platform time per increment).",
                            worst >= 3 ? "Reproduced here" : "Not reproduced on this JDK and machine", worst));
                }
            }
        }
        return n;
    }

    private static int parseFeature(String jdkVersion) {
        try {
            return Integer.parseInt(jdkVersion.split("[.+-]")[0]);
        } catch (NumberFormatException e) {
            return Runtime.version().feature();
        }
    }
}
