package dev.tva.course.offload;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/** The checks' ledger: each query sleeps as a JDBC call waits for its database, and the ledger notes which thread waited. */
final class SlowLedger implements BalanceService.Ledger {
    /** How long one query blocks its caller. */
    static final Duration QUERY = Duration.ofMillis(100);

    private final Queue<String> waitedOn = new ConcurrentLinkedQueue<>();

    /** The balance the ledger holds for {@code account}: the expected answer, computed. */
    static long balanceOf(String account) {
        return Math.floorMod(account.hashCode() * 7_919L, 1_000_000L);
    }

    @Override
    public long balanceCents(String account) throws InterruptedException {
        waitedOn.add(Thread.currentThread().getName());
        Thread.sleep(QUERY);
        return balanceOf(account);
    }

    /** How many queries so far and on which threads: {@code 8 times, on 'balance-loop'}, or each pool thread with its count. */
    String whoWaited() {
        List<String> threads = List.copyOf(waitedOn);
        if (threads.isEmpty()) {
            return "0 times";
        }
        Map<String, Long> byThread = threads.stream().collect(Collectors.groupingBy(t -> t, TreeMap::new, Collectors.counting()));
        return threads.size() + " times, on " + byThread.entrySet().stream()
                .map(e -> "'" + e.getKey() + "'" + (byThread.size() > 1 ? " x" + e.getValue() : "")).collect(Collectors.joining(", "));
    }
}
