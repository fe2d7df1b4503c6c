package dev.tva.report;

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
import dev.tva.engine.UserException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders a JMH JSON result file as markdown: one table per suite (models side by side when the suite
 * has a {@code model} parameter) and "what to notice" lines whose every number is computed from the file.
 */
public final class BenchDoc {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MODELS = List.of("platform", "virtual", "event-loop");

    /** One JMH result: a benchmark method with its parameters, and its primary score. */
    record Row(Suite suite, String method, Map<String, String> params, Score score) {
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
            rows.add(new Row(suite, name.substring(name.lastIndexOf('.') + 1), params, new Score(metric.path("score").asDouble(),
                    metric.path("scoreError").asDouble(Double.NaN), metric.path("scoreUnit").asText())));
        }
        return rows;
    }

    /** The whole page: where the numbers come from, then a section per suite, then the footprint table. */
    public static String render(Path jmhJson, Path footprint) throws IOException {
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
        Path envFile = envFileOf(jmhJson);
        int cores = Files.isRegularFile(envFile) ? JSON.readTree(envFile.toFile()).path("env").path("cores").asInt()
                : Runtime.getRuntime().availableProcessors();
        BenchDoc doc = new BenchDoc(rows, cores);
        for (Suite suite : Suite.values()) {
            if (rows.stream().anyMatch(r -> r.suite() == suite)) {
                md.append(doc.section(suite, first.path("jdkVersion").asText()));
            }
        }
        if (footprint != null) {
            md.append(FootprintDoc.markdown(footprint));
        }
        return md.toString();
    }

    /** {@code results/X-bench.json} -> {@code results/X-bench-env.json}. */
    public static Path envFileOf(Path jmhJson) {
        String name = jmhJson.getFileName().toString().replaceFirst("\\.json$", "");
        return jmhJson.resolveSibling(name + "-env.json");
    }

    private static String header(Path jmhJson, Path footprint, JsonNode first) throws IOException {
        StringBuilder md = new StringBuilder("# Benchmarks (JMH)\n\n");
        Path envFile = envFileOf(jmhJson);
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
                The text states a ratio between two scores, or calls one faster or slower, only when their intervals do not overlap;
                where they overlap, it says there is no measurable difference.

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
        String unit = mine.get(0).score().unit();
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
        Score s = r.score();
        return s.hasInterval() ? num(s.mean()) + " ± " + num(s.error()) : num(s.mean());
    }

    /** {@code 42.7 ± 20.0 us} or {@code 88,417 ± 1,062 tasks/s}: a score in prose, with its interval. */
    static String text(Score s) {
        String unit = switch (s.unit()) {
            case "ops/s" -> "tasks/s"; // every throughput suite counts one operation per task
            default -> s.unit().replace("/op", "");
        };
        return (s.hasInterval() ? num(s.mean()) + " ± " + num(s.error()) : num(s.mean())) + " " + unit;
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

    /** What the text says of two scores whose intervals overlap. */
    static final String NO_DIFFERENCE = "no measurable difference (the intervals overlap)";

    /**
     * {@code 3.2x faster} / {@code 1.4x slower} / {@code 6% faster}: how time {@code a} compares with time
     * {@code b} (lower is better), or empty when their intervals overlap and no difference is measurable.
     */
    static Optional<String> fasterTime(Score a, Score b) {
        if (!a.separatesFrom(b)) {
            return Optional.empty();
        }
        double r = a.ratio(b);
        String word = r < 1 ? "faster" : "slower";
        double times = r < 1 ? 1 / r : r;
        return Optional.of(times < 1.1 ? String.format(Locale.ROOT, "%.0f%% %s", 100 * (times - 1), word)
                : String.format(Locale.ROOT, "%.1fx %s", times, word));
    }

    private Optional<Score> score(Suite suite, String method, String... params) {
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
        return score(Suite.CPU_BOUND, "baselineOneThread").map(tasksPerSec -> 1e9 / tasksPerSec.mean() / CpuBoundBenchmark.UNITS);
    }

    private int cores() {
        return cores;
    }

    /**
     * Sentences for "what to notice"; each is left out when a number it needs is missing from the file. A ratio
     * or a "faster" between two scores is stated only when {@link Score#separatesFrom} says their intervals do not overlap.
     */
    private List<String> notice(Suite suite, String jdkVersion) {
        List<String> n = new ArrayList<>();
        switch (suite) {
            case SPAWN -> {
                var p = score(suite, "newPlatformThread");
                var v = score(suite, "newVirtualThread");
                var pool = score(suite, "platformPoolTask");
                var loop = score(suite, "eventLoopTask");
                if (p.isPresent() && v.isPresent()) {
                    n.add(String.format(Locale.ROOT, "Starting and joining a virtual thread took %s, a platform thread %s%s. A platform "
                            + "thread is a clone() and a native stack; a virtual thread is an object queued on a carrier.",
                            text(v.get()), text(p.get()), fasterTime(v.get(), p.get()).map(f -> ": the virtual thread was " + f)
                                    .orElse(": " + NO_DIFFERENCE)));
                }
                var handoff = score(Suite.HANDOFF, "pingPong", "model", "platform");
                if (v.isPresent() && handoff.isPresent()) {
                    Score h = handoff.get();
                    Score vt = v.get();
                    String share = !h.separatesFrom(vt)
                            ? String.format(Locale.ROOT, "within the error of a virtual thread's %s: most of that figure may be the "
                                    + "wake-ups, not the thread itself", text(vt))
                            : h.mean() < vt.mean()
                            ? String.format(Locale.ROOT, "%.0f%% of a virtual thread's %s: that much of it is the wake-ups, not the "
                                    + "thread itself", 100 * h.ratio(vt), text(vt))
                            : String.format(Locale.ROOT, "%.1fx a virtual thread's %s: the wake-ups there cost less than a round trip "
                                    + "between platform threads", h.ratio(vt), text(vt));
                    n.add(String.format(Locale.ROOT, "Every figure here includes waking a parked thread and being woken back (the "
                            + "benchmark thread waits for the result). Handoff measures a round trip of two such wake-ups between platform "
                            + "threads at %s on this machine, %s.", text(h), share));
                }
                if (pool.isPresent() && loop.isPresent()) {
                    n.add(String.format(Locale.ROOT, "Handing a task to a thread that already runs cost %s (platform pool) and %s "
                            + "(event loop): no thread is started, only a queue and a wake-up there and back.", text(pool.get()), text(loop.get())));
                }
                if (pool.isPresent() && p.isPresent()) {
                    n.add(fasterTime(pool.get(), p.get())
                            .map(f -> "The pool's hand-off was " + f + " than starting a platform thread: that is why platform threads come pooled.")
                            .orElse("Against starting a platform thread, the pool's hand-off shows " + NO_DIFFERENCE + "."));
                }
                if (pool.isPresent() && v.isPresent()) {
                    n.add(fasterTime(v.get(), pool.get())
                            .map(f -> "Starting a virtual thread was " + f + " than the pool's hand-off.")
                            .orElse("Against the pool's hand-off, starting a virtual thread shows " + NO_DIFFERENCE + ". Within the error, "
                                    + "a new virtual thread costs what a pooled hand-off does: that is why virtual threads need no pool."));
                }
            }
            case HANDOFF -> {
                var p = score(suite, "pingPong", "model", "platform");
                var v = score(suite, "pingPong", "model", "virtual");
                var e = score(suite, "pingPong", "model", "event-loop");
                if (p.isPresent() && v.isPresent() && e.isPresent()) {
                    n.add(String.format(Locale.ROOT, "One round trip (two hand-offs) took %s between platform threads, %s between "
                            + "virtual threads and %s between two event loops.", text(p.get()), text(v.get()), text(e.get())));
                    n.add("Virtual threads switch inside the JVM (park unmounts, unpark queues on a carrier); the kernel wakes and switches "
                            + "platform threads (a futex per hand-off), and an event loop that waits in its selector is woken the same way. "
                            + fasterTime(v.get(), p.get()).map(f -> "Virtual threads were " + f + " than platform threads.")
                                    .orElse("Against platform threads, virtual threads show " + NO_DIFFERENCE + "."));
                }
            }
            case IO_BOUND -> {
                for (String workload : List.of("sleep", "http")) {
                    for (String inFlight : List.of("100", "1000")) {
                        double bound = Integer.parseInt(inFlight) * 1000.0 / IoBoundBenchmark.LATENCY_MILLIS;
                        var p = score(suite, workload, "model", "platform", "inFlight", inFlight, "client", "lean").map(Score::mean);
                        var v = score(suite, workload, "model", "virtual", "inFlight", inFlight, "client", "lean").map(Score::mean);
                        var e = score(suite, workload, "model", "event-loop", "inFlight", inFlight, "client", "lean").map(Score::mean);
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
                    bestHttp = Math.max(bestHttp, score(suite, "http", "model", m, "inFlight", "1000", "client", "lean").map(Score::mean).orElse(0.0));
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
                    Score bound = b.get().times(cores());
                    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "One thread alone ran %s (%s us of CPU per task); "
                            + "%d cores make the bound %s.", text(b.get()), num(1e6 / b.get().mean()), cores(), text(bound)));
                    List<Score> models = new ArrayList<>();
                    for (String m : MODELS) {
                        score(suite, "cpu", "model", m).ifPresent(x -> {
                            models.add(x);
                            s.append(String.format(Locale.ROOT, " %s: %s (%s).", m, text(x), x.separatesFrom(bound)
                                    ? String.format(Locale.ROOT, "%.0f%% of the bound", 100 * x.ratio(bound)) : "within the error of the bound"));
                        });
                    }
                    n.add(s.toString());
                    if (models.size() == MODELS.size()) {
                        Score max = models.stream().max(Comparator.comparingDouble(Score::mean)).orElseThrow();
                        Score min = models.stream().min(Comparator.comparingDouble(Score::mean)).orElseThrow();
                        boolean above = models.stream().anyMatch(x -> x.separatesFrom(bound) && x.mean() > bound.mean());
                        n.add(String.format(Locale.ROOT, "%s, and %s.",
                                max.separatesFrom(min) ? String.format(Locale.ROOT, "The fastest model ran %.0f%% more tasks/s than the slowest",
                                        100 * (max.ratio(min) - 1)) : "The fastest and the slowest model are within the error of each other",
                                above ? "at least one is measurably above the bound: the one-thread baseline ran slow in this run"
                                        : "none is measurably above the bound: computing needs cores, and no way of waiting adds any"));
                    }
                }
            }
            case MIXED -> {
                List<OptionalDouble> gaps = new ArrayList<>(); // best / worst at each step; empty where no gap is measurable
                boolean allBelowCores = true;
                for (String work : List.of("0", "20", "100")) {
                    List<String> parts = new ArrayList<>();
                    List<Score> scores = new ArrayList<>();
                    for (String m : MODELS) {
                        var x = score(suite, "mixed", "model", m, "work", work, "client", "lean");
                        if (x.isPresent()) {
                            parts.add(m + " " + text(x.get()));
                            scores.add(x.get());
                        }
                    }
                    if (parts.size() == MODELS.size()) {
                        int units = Integer.parseInt(work);
                        Score best = scores.stream().max(Comparator.comparingDouble(Score::mean)).orElseThrow();
                        Score worst = scores.stream().min(Comparator.comparingDouble(Score::mean)).orElseThrow();
                        // The cores' figure is CpuBound's one-thread baseline, scaled: a measured score with an interval of its own.
                        Optional<Score> cpuBound = score(Suite.CPU_BOUND, "baselineOneThread").filter(u -> units > 0)
                                .map(base -> base.times((double) cores() * CpuBoundBenchmark.UNITS / units));
                        String cpu = units == 0 ? " (no CPU work after the call)" : cpuBound.map(c -> String.format(Locale.ROOT,
                                " (about %s us of kernel CPU per task: %d cores allow %s)", num(cores() * 1e6 / c.mean()), cores(), text(c)))
                                .orElse("");
                        OptionalDouble gap = best.separatesFrom(worst) ? OptionalDouble.of(best.ratio(worst)) : OptionalDouble.empty();
                        gaps.add(gap);
                        String share = "";
                        if (cpuBound.isPresent()) {
                            Score c = cpuBound.get();
                            allBelowCores &= best.separatesFrom(c) && best.mean() < c.mean();
                            share = best.separatesFrom(c) ? String.format(Locale.ROOT, "; the best is %.0f%% of what the cores allow",
                                    100 * best.ratio(c)) : "; the best is at what the cores allow, within the error";
                        }
                        n.add(String.format(Locale.ROOT, "work=%s%s: %s; %s%s.", work, cpu, String.join(", ", parts), gap.isPresent()
                                ? String.format(Locale.ROOT, "best / worst = %.1fx", gap.getAsDouble())
                                : "best and worst are within the error of each other", share));
                    }
                }
                // A trend is claimed only from a measurable gap at the start; a gap that vanishes counts as 1x.
                String trend = "CPU becomes the limit";
                if (gaps.size() >= 2 && gaps.get(0).isPresent()) {
                    OptionalDouble first = gaps.get(0);
                    OptionalDouble last = gaps.get(gaps.size() - 1);
                    trend = last.orElse(1) < first.getAsDouble()
                            ? String.format(Locale.ROOT, "the gap between the models closes (best / worst above, from %s to %s) and CPU "
                                    + "becomes the limit", gapText(first), gapText(last))
                            : String.format(Locale.ROOT, "CPU becomes the limit, though in this run the gap between the models does not "
                                    + "close (best / worst above, from %s to %s)", gapText(first), gapText(last));
                }
                n.add(String.format(Locale.ROOT, "Waiting alone bounds %d tasks in flight at %d / %d ms = %s tasks/s, and a pool of %d "
                        + "platform threads holds only %d of them at a time. As the CPU per task grows, %s; each call's own CPU (client, "
                        + "backend in the same JVM, loopback TCP) comes on top of the kernel's%s.", MixedBenchmark.TASKS, MixedBenchmark.TASKS,
                        MixedBenchmark.LATENCY_MILLIS, num(MixedBenchmark.TASKS * 1000.0 / MixedBenchmark.LATENCY_MILLIS),
                        BenchModels.PLATFORM_THREADS, Math.min(BenchModels.PLATFORM_THREADS, MixedBenchmark.TASKS), trend,
                        allBelowCores && nanosPerUnit().isPresent() ? ", so no model reaches the cores' figure" : ""));
            }
            case FAN_OUT -> {
                for (String calls : List.of("10", "100")) {
                    List<String> parts = new ArrayList<>();
                    for (String m : MODELS) {
                        score(suite, "fanOut", "model", m, "calls", calls, "client", "lean").ifPresent(x -> parts.add(m + " " + num(x.mean()) + " ms"));
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
                var u = score(suite, "unpinned").map(Score::mean);
                var r = score(suite, "reentrantLockNeverPins").map(Score::mean);
                var s = score(suite, "synchronizedPinsBeforeJdk24").map(Score::mean);
                var c = score(suite, "classInitializerPins").map(Score::mean);
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
                double worst = 0;
                boolean compared = false;
                for (String method : List.of("synchronizedCounter", "reentrantLockCounter")) {
                    var p = score(suite, method, "model", "platform");
                    var v = score(suite, method, "model", "virtual");
                    if (p.isPresent() && v.isPresent()) {
                        compared = true;
                        n.add(String.format(Locale.ROOT, "`%s`, %d threads, one shared counter: %s per increment on platform threads, "
                                + "%s on virtual threads%s.", method, LockContentionBenchmark.THREADS, text(p.get()), text(v.get()),
                                fasterTime(v.get(), p.get()).map(f -> ": virtual was " + f).orElse(": " + NO_DIFFERENCE)));
                        if (v.get().separatesFrom(p.get())) {
                            worst = Math.max(worst, v.get().ratio(p.get()));
                        }
                    }
                }
                if (compared) {
                    n.add("Public results report virtual threads far slower under no-back-off contention. " + (worst >= 3
                            ? String.format(Locale.ROOT, "Reproduced here: virtual threads took up to %.1fx the time per increment.", worst)
                            : worst > 1
                            ? String.format(Locale.ROOT, "Not reproduced on this JDK and machine: the largest measurable gap is %.1fx "
                                    + "(virtual / platform time per increment).", worst)
                            : "Not reproduced on this JDK and machine: no pair shows virtual threads measurably slower."));
                }
            }
        }
        return n;
    }

    /** {@code 2.6x}, or {@code no measurable gap} where best and worst overlapped. */
    private static String gapText(OptionalDouble gap) {
        return gap.isPresent() ? String.format(Locale.ROOT, "%.1fx", gap.getAsDouble()) : "no measurable gap";
    }

    private static int parseFeature(String jdkVersion) {
        try {
            return Integer.parseInt(jdkVersion.split("[.+-]")[0]);
        } catch (NumberFormatException e) {
            return Runtime.version().feature();
        }
    }
}
