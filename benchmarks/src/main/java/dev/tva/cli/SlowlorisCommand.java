package dev.tva.cli;

import dev.tva.engine.ServerProcess;
import dev.tva.engine.Slowloris;
import dev.tva.engine.SlowlorisResult;
import dev.tva.engine.UserException;
import dev.tva.report.SlowlorisVerdict;
import dev.tva.workloads.Environment;
import dev.tva.workloads.Results;
import dev.tva.workloads.web.ServerId;
import dev.tva.workloads.web.ServerLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code lab slowloris}: connections that trickle a request head one byte at a time, against each server in its
 * own JVM; when each server cuts them off, and what it holds meanwhile (a platform thread, a virtual thread, or
 * only a buffer).
 */
@Command(name = "slowloris", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Opens N connections that each send a request head one byte at a time and never finish it, against each server "
                + "in its own JVM: when the server cuts them off (its head timeout), and what it holds meanwhile (platform threads, "
                + "virtual threads, memory), against the same server with none; and whether it still answers /hello."})
final class SlowlorisCommand implements Callable<Integer> {
    static final int MAX_CONNECTIONS = 10_000;

    @Spec
    CommandSpec spec;

    @Mixin
    ServersOption servers;

    @Option(names = "--connections", converter = Converters.PositiveInt.class, defaultValue = "200",
            description = "slowloris connections, 1 to " + MAX_CONNECTIONS + " (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--byte-every", converter = Converters.DurationConverter.class, defaultValue = "1s",
            description = "each connection sends one byte of head this often, 10ms to under the head timeout (default: ${DEFAULT-VALUE})")
    Duration byteEvery;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        if (connections > MAX_CONNECTIONS) {
            throw new UserException(UserException.BAD_INPUT, "--connections: expected 1 to " + MAX_CONNECTIONS + ", got " + connections);
        }
        if (byteEvery.compareTo(Duration.ofMillis(10)) < 0 || byteEvery.compareTo(ServerLimits.HEAD_TIMEOUT) >= 0) {
            throw new UserException(UserException.BAD_INPUT, "--byte-every: expected 10ms to under the head timeout ("
                    + ServerLimits.HEAD_TIMEOUT.toSeconds() + "s), got " + byteEvery.toMillis() + "ms");
        }
        PrintWriter out = spec.commandLine().getOut();
        Environment env = Environment.current();
        out.println("lab slowloris: " + env.oneLine());
        out.printf(Locale.ROOT, "%,d connections per server, each sending a request head one byte every %d ms and never finishing it;"
                + " head timeout %d s (ServerLimits); each server in its own JVM, sharing the cores with this one.%n",
                connections, byteEvery.toMillis(), ServerLimits.HEAD_TIMEOUT.toSeconds());
        out.flush();
        List<SlowlorisResult> results = new ArrayList<>();
        for (ServerId id : servers.ids()) {
            try (ServerProcess server = ServerProcess.start(id, List.of())) {
                results.add(Slowloris.run(server, connections, byteEvery, env));
            }
            SlowlorisResult r = results.getLast();
            printTable(out, r);
            out.flush();
        }
        out.println(Results.save("slowloris", results, json.json));
        return 0;
    }

    private static void printTable(PrintWriter out, SlowlorisResult r) {
        out.println();
        out.println(r.server());
        out.printf(Locale.ROOT, "  %-28s %s%n", "cut off after (s)", r.cutOff() == 0 ? "never (within " + 3 * r.headTimeoutMillis() / 1000 + " s)"
                : String.format(Locale.ROOT, "min %.1f, median %.1f, max %.1f (%,d of %,d cut off, %,d with a 408)",
                r.cutOffMinMillis() / 1000.0, r.cutOffMedianMillis() / 1000.0, r.cutOffMaxMillis() / 1000.0,
                r.cutOff(), r.connections(), r.answered408()));
        SlowlorisResult.Sample a = r.attacked();
        SlowlorisResult.Sample i = r.idle();
        out.printf(Locale.ROOT, "  %-28s %+,d (%,d -> %,d; %,d parked reading a head)%n", "platform threads",
                a.platformThreads() - i.platformThreads(), i.platformThreads(), a.platformThreads(), a.platformInHeadRead());
        out.printf(Locale.ROOT, "  %-28s %+,d (%,d -> %,d; %,d parked reading a head)%n", "virtual threads",
                a.virtualThreads() - i.virtualThreads(), i.virtualThreads(), a.virtualThreads(), a.virtualInHeadRead());
        out.printf(Locale.ROOT, "  %-28s %+,d (%,d -> %,d)%n", "RSS MiB", a.rssMb() - i.rssMb(), i.rssMb(), a.rssMb());
        out.printf(Locale.ROOT, "  %-28s %s (%,d of %,d answered within %d s)%n", "/hello p99 during it (ms)",
                r.helloP99Millis() < 0 ? "-" : Long.toString(r.helloP99Millis()), r.helloSent() - r.helloFailed(), r.helloSent(),
                Slowloris.HELLO_TIMEOUT.toSeconds());
        SlowlorisVerdict.Holds holds = SlowlorisVerdict.Holds.valueOf(r.holds());
        out.printf(Locale.ROOT, "  %-28s %s%n", "what it holds", holds);
        out.println("  What to notice: " + SlowlorisVerdict.sentence(r.server(), r.connections(), holds, i, a));
    }
}
