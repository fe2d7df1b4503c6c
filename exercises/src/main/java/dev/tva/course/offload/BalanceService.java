package dev.tva.course.offload;

import io.netty.channel.ChannelHandler;

import java.util.concurrent.Executor;

/*
 * The tutorial's second async bug, blocking the event loop (lessons cooperative and outage, §5 and §8): a Netty
 * server answers "what is this account's balance?", and the balance comes from a ledger that answers the way JDBC
 * does, by blocking the calling thread until the database replies. Called from the handler, that wait happens ON
 * the event loop, and the loop runs nothing else meanwhile: no other connection, no timer, no accept. With one loop,
 * one slow query stalls the whole server. `./lab lesson cooperative` measures the lag; `./lab lesson outage` shows
 * what it does to a server under load.
 */

/** Answers balance requests on a Netty event loop: the interface the student's {@code StudentBalanceService} implements. */
public interface BalanceService {

    /**
     * The handler the check's server puts at the end of each new connection's pipeline, after a line decoder and a
     * string codec: it reads one account id per message (a {@code String}, without the line end) and must write back
     * {@link #reply} for it. A connection sends its next request only once it has the answer to the last.
     *
     * @param ledger       the balances; {@link Ledger#balanceCents} blocks the calling thread for about 100 ms
     * @param blockingPool the server's threads for blocking work (a few platform threads, not event loops)
     */
    ChannelHandler newHandler(Ledger ledger, Executor blockingPool);

    /** The line a request for {@code account} is answered with: {@code acct-3 12345\n}. */
    static String reply(String account, long cents) {
        return account + " " + cents + "\n";
    }

    /** The ledger: the database behind the service, reached through a blocking call like a JDBC query. */
    interface Ledger {
        /** Queries the account's balance in cents: blocks the calling thread until the answer is there (about 100 ms). */
        long balanceCents(String account) throws InterruptedException;
    }
}
