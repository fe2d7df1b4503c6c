package dev.tva.course.offload;

import dev.tva.async.LoopLagProbe;
import dev.tva.course.Check;
import dev.tva.course.Check.Seen;
import dev.tva.course.CheckSuite;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** offload-the-loop's checks: every balance answered right, the loop's lag small meanwhile, and BlockHound silent. */
public final class OffloadChecks implements CheckSuite<BalanceService> {
    /** The most a tick of the loop's probe timer may run late while the queries are under way. */
    static final Duration MAX_LAG = Duration.ofMillis(20);
    private static final Duration PROBE_PERIOD = Duration.ofMillis(5);
    /** The lag is measured up to this many times and the best try counts: one slow try on a busy machine does not fail it. */
    private static final int TRIES = 3;
    private static final String HOW_MANY = BalanceClients.CONNECTIONS + " connections x " + BalanceClients.REQUESTS_EACH
            + " requests, each query " + SlowLedger.QUERY.toMillis() + " ms";

    @Override
    public Class<BalanceService> contract() {
        return BalanceService.class;
    }

    @Override
    public String studentClass() {
        return "StudentBalanceService";
    }

    @Override
    public Duration checkTimeout() {
        return Duration.ofSeconds(15);
    }

    /*
     * BlockHound's agent needs the two -XX:+ flags on JDK 25. -XX:-PrintWarnings, first, silences the two VM warnings
     * they cause (a deprecated option; class sharing off for classes appended to the boot class path), and the
     * Unsafe flag (JDK 23+, which older JVMs refuse) its byte-code library's warning: none is about the student's code.
     * Installing BlockHound rewrites many classes; with the quick compiler alone it costs half the CPU (about 1.7 s
     * instead of 3.4 s here), and these checks time waits, not computing.
     */
    @Override
    public List<String> jvmFlags() {
        List<String> flags = new ArrayList<>(List.of("-XX:-PrintWarnings", "-XX:+AllowRedefinitionToAddDeleteMethods",
                "-XX:+EnableDynamicAgentLoading", "-XX:TieredStopAtLevel=1"));
        if (Runtime.version().feature() >= 23) {
            flags.add("--sun-misc-unsafe-memory-access=allow");
        }
        return flags;
    }

    @Override
    public List<Check<BalanceService>> checks() {
        return List.of(
                new Check<>("every request is answered with its account's balance",
                        "once the ledger has the balance, write BalanceService.reply(account, cents) to the connection (ctx.writeAndFlush)",
                        this::answered),
                new Check<>("the event loop keeps running while the ledger is queried: its lag stays under " + MAX_LAG.toMillis() + " ms",
                        "hand the ledger call to blockingPool (execute, or CompletableFuture.supplyAsync(..., blockingPool)), return from"
                                + " channelRead at once, and write the answer when the query is done (ctx.executor() runs it back on the loop)",
                        this::loopKeepsRunning),
                new Check<>("BlockHound finds no blocking call on the event loop",
                        "no call that waits (the ledger query, Thread.sleep, a future's get or join) may run on the loop's thread:"
                                + " run it on blockingPool and let its completion write the answer",
                        this::blockHoundSilent));
    }

    private Seen answered(BalanceService service) throws InterruptedException {
        SlowLedger ledger = new SlowLedger();
        try (BalanceServer server = BalanceServer.start(service, ledger)) {
            BalanceClients.Answers answers = BalanceClients.ask(server.port());
            String what = answers.describe() + " (" + HOW_MANY + "); the ledger was queried " + ledger.whoWaited();
            return answers.allRight() ? Seen.held(what) : Seen.missed(what);
        }
    }

    /** One measured try: the answers, the probe's worst and 99th-percentile lateness (microseconds), and who waited for the ledger. */
    private record LagTry(BalanceClients.Answers answers, long maxMicros, long p99Micros, String whoWaited) {
    }

    private Seen loopKeepsRunning(BalanceService service) throws InterruptedException {
        long target = MAX_LAG.toNanos() / 1_000;
        LagTry best = null;
        int tries = 0;
        // Even a lag as long as a query can be noise on busy cores (a loop thread waiting 110 ms for a core): try again.
        while (tries < TRIES && (best == null || best.maxMicros() >= target)) {
            LagTry next = lagTry(service);
            tries++;
            if (!next.answers().allRight()) {
                return Seen.missed("the answers were wrong, so the lag measures nothing: " + next.answers().describe());
            }
            best = best == null || next.maxMicros() < best.maxMicros() ? next : best;
        }
        String what = String.format(Locale.ROOT, "the loop's %d ms timer ran up to %s ms late (p99 %s ms, %s), target under %d ms;"
                        + " %d queries of %d ms took %d ms in all; the ledger was queried %s",
                PROBE_PERIOD.toMillis(), ms(best.maxMicros()), ms(best.p99Micros()), tries(tries), MAX_LAG.toMillis(), best.answers().asked(),
                SlowLedger.QUERY.toMillis(), best.answers().millis(), best.whoWaited());
        if (best.maxMicros() < target) {
            return Seen.held(what);
        }
        return Seen.missed(what + ". While a query waits on the event loop, the loop runs nothing else: every other connection,"
                + " timer and new client waits with it, and with one loop the whole server stalls (an outage)");
    }

    /** Serves the clients once with the probe ticking on the loop. */
    private static LagTry lagTry(BalanceService service) throws InterruptedException {
        SlowLedger ledger = new SlowLedger();
        try (BalanceServer server = BalanceServer.start(service, ledger);
             LoopLagProbe probe = LoopLagProbe.start(server.loop(), PROBE_PERIOD)) {
            Thread.sleep(4 * PROBE_PERIOD.toMillis());
            probe.reset();
            BalanceClients.Answers answers = BalanceClients.ask(server.port());
            Histogram lag = probe.lag();
            return new LagTry(answers, lag.getMaxValue(), lag.getValueAtPercentile(99), ledger.whoWaited());
        }
    }

    private Seen blockHoundSilent(BalanceService service) throws InterruptedException {
        BlockingCalls.watch();
        BalanceClients.Answers answers;
        try (BalanceServer server = BalanceServer.start(service, new SlowLedger())) {
            answers = BalanceClients.ask(server.port());
        }
        List<BlockingCalls.Call> calls = BlockingCalls.seen();
        if (calls.isEmpty()) {
            String what = "BlockHound saw no blocking call on an event loop; " + answers.describe();
            return answers.allRight() ? Seen.held(what) : Seen.missed(what + ": a handler that does not answer blocks nothing, and serves nobody");
        }
        String each = calls.stream().collect(Collectors.groupingBy(BlockingCalls.Call::toString, TreeMap::new, Collectors.counting()))
                .entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
        return Seen.missed("BlockHound saw " + calls.size() + " blocking call" + (calls.size() == 1 ? "" : "s") + " on an event loop: " + each
                + ". A thread that must never wait waited: Netty's loop serves many connections, and each wait holds up all of them");
    }

    /** {@code 1 try} or {@code best of 3 tries}. */
    private static String tries(int tries) {
        return tries == 1 ? "1 try" : "best of " + tries + " tries";
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, micros < 10_000 ? "%.1f" : "%.0f", micros / 1000.0);
    }
}
