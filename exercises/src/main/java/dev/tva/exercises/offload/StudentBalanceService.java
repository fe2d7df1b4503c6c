package dev.tva.exercises.offload;

import dev.tva.course.offload.BalanceService;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

import java.util.concurrent.Executor;

/*
 * EXERCISE offload-the-loop (lessons cooperative and outage, tutorial §5).
 *
 * A Netty server with ONE event loop answers "what is this account's balance?". The balance comes from a ledger
 * that works like JDBC: ledger.balanceCents(account) blocks the calling thread for about 100 ms while the database
 * answers. This handler calls it right in channelRead0, that is ON the event loop: for those 100 ms the loop runs
 * nothing else. Every other connection, every timer, even accepting a new client waits. Four clients asking at once
 * wait for each other's queries, one after another; under load, that is an outage.
 *
 * Your job: keep the loop free. Run the ledger call on blockingPool (the server's threads for blocking work), return
 * from channelRead0 at once, and write the answer when the query is done, back on the connection's loop. Check it
 * (no rebuild needed):
 *
 *   ./lab exercise check offload-the-loop
 */

/** The student's balance service: its handler queries the ledger on the event loop, blocking it. */
public class StudentBalanceService implements BalanceService {

    @Override
    public ChannelHandler newHandler(Ledger ledger, Executor blockingPool) {
        return new SimpleChannelInboundHandler<String>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, String account) throws Exception {
                // TODO: run the query on blockingPool, and write the answer once it is done, without waiting for it here.
                long cents = ledger.balanceCents(account); // blocks the event loop for the whole query
                ctx.writeAndFlush(BalanceService.reply(account, cents));
            }
        };
    }
}
