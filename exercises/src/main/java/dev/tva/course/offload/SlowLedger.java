package dev.tva.course.offload;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

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

    /** The names of the threads that waited for a query, one per query so far. */
    List<String> waitedOn() {
        return List.copyOf(waitedOn);
    }
}
