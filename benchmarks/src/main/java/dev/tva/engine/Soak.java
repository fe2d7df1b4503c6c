package dev.tva.engine;

import dev.tva.load.HostSteal;
import dev.tva.load.KernelMonitor;
import dev.tva.load.LoadGenerator;
import dev.tva.load.LoadResult;
import dev.tva.load.LoadSettings;
import dev.tva.load.Progress;
import dev.tva.workloads.CpuPlacement;
import dev.tva.workloads.LatencySummary;
import dev.tva.workloads.web.Endpoint;
import dev.tva.workloads.web.ServerId;
import org.HdrHistogram.Histogram;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A server under one steady open-model load for a long time, its process sampled at fixed intervals, to
 * show whether anything grows that should stay flat: memory, threads, file descriptors, latency.
 */
public final class Soak {
    /** The load runs this long past its last sample, so that sample's last second is reported complete. */
    private static final Duration TAIL = Duration.ofSeconds(1);

    private Soak() {
    }

    /**
     * What to run: the server with its flags, the endpoint's path and query, the rate, the unsampled warm-up,
     * the sampled duration and the time between samples (whole seconds, at most the duration), and the limits.
     */
    public record Plan(ServerId server, List<String> flags, Endpoint endpoint, String pathAndQuery, double ratePerSec,
                       Duration warmup, Duration duration, Duration sample, int connections, Duration timeout, Duration slo) {

        /** Samples the run takes: one every {@code sample}, the last at the end of {@code duration}. */
        public long samples() {
            return duration.toSeconds() / sample.toSeconds();
        }
    }

    /**
     * Starts the server (in its own JVM, calling the backend at {@code backend}), attaches a {@link ServerProbe},
     * runs the load and samples (each sample after a full collection the probe asks for, so heap after GC is the live
     * heap then); each sample goes to {@code onSample} as it is taken, and a line about the probe, when it cannot
     * attach, to {@code out}.
     */
    public static SoakResult run(PrintWriter out, URI backend, Plan plan, CpuPlacement placement, Consumer<SoakSample> onSample) {
        List<String> flags = new ArrayList<>(List.of("--backend", backend.toString()));
        flags.addAll(plan.flags());
        try (ServerProcess server = ServerProcess.start(plan.server(), flags, placement);
             ServerProbe probe = ServerProbe.attach(server.pid())) {
            probe.attachProblem().ifPresent(problem -> out.println("heap after GC and JVM threads are not measured: " + problem));
            out.flush();
            URI target = URI.create("http://127.0.0.1:" + server.port() + plan.pathAndQuery());
            LoadSettings settings = settings(plan, target, plan.ratePerSec(), plan.duration().plus(TAIL)).withWarmup(plan.warmup());
            Sampler sampler = new Sampler(plan, probe, onSample);
            LoadResult load = LoadGenerator.run(settings, sampler::accept, p -> sampler.samples.size() >= plan.samples());
            List<SoakSample> samples = List.copyOf(sampler.samples);
            List<Trend> trends = Arrays.stream(SoakFigure.values()).flatMap(f -> Trend.of(f, samples).stream()).toList();
            List<SoakFigure> growing = trends.stream().filter(t -> t.verdict() == Trend.Verdict.GROWING).map(Trend::figure).toList();
            long sloMicros = plan.slo().toNanos() / 1_000;
            long breaches = samples.stream().filter(s -> s.overSlo(sloMicros)).count();
            boolean held = load.valid() && growing.isEmpty() && breaches == 0 && samples.size() == plan.samples();
            return new SoakResult("soak", plan.server().id(), plan.endpoint(), plan.pathAndQuery(), plan.ratePerSec(),
                    plan.duration().toMillis(), plan.warmup().toMillis(), plan.sample().toMillis(), plan.connections(),
                    plan.timeout().toMillis(), plan.slo().toMillis(), probe.attachProblem().orElse(null), samples, trends, growing,
                    breaches, load.sent(), load.completed(), load.connectionsOpened(), load.errors(), load.timeouts(), load.valid(), load.invalidReason(),
                    held, load.env(), placement.placed() ? placement.toSpec() : null);
        }
    }

    private static LoadSettings settings(Plan plan, URI target, double rate, Duration duration) {
        return LoadSettings.open(target, rate, duration).withConnections(plan.connections()).withTimeout(plan.timeout());
    }

    /**
     * Turns the generator's one-second reports into samples: merges each second's latencies, and every
     * {@code sample} seconds after the warm-up reads the probe and closes the interval.
     */
    private static final class Sampler {
        private final Plan plan;
        private final ServerProbe probe;
        private final Consumer<SoakSample> onSample;
        private final List<SoakSample> samples = new ArrayList<>();
        private final Histogram interval = new Histogram(3);
        private long answeredBefore;
        private long errorsBefore;
        private long timeoutsBefore;
        private HostSteal.Ticks hostBefore = HostSteal.Ticks.UNKNOWN;
        /** DAMON's threads are looked for once, here; each interval then re-reads them ({@link KernelMonitor#again}). */
        private KernelMonitor.Ticks kernelBefore = KernelMonitor.now();

        Sampler(Plan plan, ServerProbe probe, Consumer<SoakSample> onSample) {
            this.plan = plan;
            this.probe = probe;
            this.onSample = onSample;
        }

        void accept(Progress p) {
            if (p.warmingUp()) {
                hostBefore = HostSteal.now(); // the last report of the warm-up starts the first interval
                kernelBefore = KernelMonitor.again(kernelBefore);
                return;
            }
            if (samples.size() >= plan.samples()) {
                return;
            }
            // Reports come once a second from the start of the warm-up: this one ends the n-th measured second.
            long second = Math.round((p.elapsedMillis() - plan.warmup().toMillis()) / 1000.0);
            if (p.interval() != null) {
                interval.add(p.interval());
            }
            if (second < (samples.size() + 1) * plan.sample().toSeconds()) {
                return;
            }
            HostSteal.Ticks host = HostSteal.now();
            KernelMonitor.Ticks kernel = KernelMonitor.again(kernelBefore);
            SoakSample sample = new SoakSample(second * 1000, probe.sample(), LatencySummary.of(interval),
                    p.completed() - answeredBefore, p.errors() - errorsBefore, p.timeouts() - timeoutsBefore, host.percentSince(hostBefore),
                    kernel.percentSince(kernelBefore));
            hostBefore = host;
            kernelBefore = kernel;
            interval.reset();
            answeredBefore = p.completed();
            errorsBefore = p.errors();
            timeoutsBefore = p.timeouts();
            samples.add(sample);
            onSample.accept(sample);
        }
    }
}
