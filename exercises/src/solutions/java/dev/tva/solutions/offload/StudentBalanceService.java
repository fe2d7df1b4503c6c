package dev.tva.solutions.offload;

import dev.tva.course.offload.BalanceService;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/*
 * SOLUTION offload-the-loop. channelRead0 only starts the query on blockingPool and returns: the loop goes back to
 * its other connections and timers at once. When the query is done, the answer is handed to ctx.executor(), the
 * connection's own event loop, which writes it (Netty would hand a write from another thread over to the loop by
 * itself; saying so keeps every touch of the channel on its loop). A failed query closes the connection instead of
 * leaving the client waiting.
 */

/** The reference balance service: the blocking ledger call runs on the blocking pool, the answer is written on the loop. */
public class StudentBalanceService implements BalanceService {

    @Override
    public ChannelHandler newHandler(Ledger ledger, Executor blockingPool) {
        return new SimpleChannelInboundHandler<String>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, String account) {
                CompletableFuture.supplyAsync(() -> query(ledger, account), blockingPool)
                        .whenCompleteAsync((cents, failure) -> {
                            if (failure == null) {
                                ctx.writeAndFlush(BalanceService.reply(account, cents));
                            } else {
                                ctx.close();
                            }
                        }, ctx.executor());
            }
        };
    }

    private static long query(Ledger ledger, String account) {
        try {
            return ledger.balanceCents(account);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }
}
