package dev.tva.course.offload;

import dev.tva.course.Check;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loop checks measure the loop, not where the ledger ran: a handler that offloads the query but joins it on the
 * loop still blocks it; one that answers from the pool's thread passes; a wrong balance fails the answers. (BlockHound's
 * check needs its JVM flags and is graded in ExercisesIT.)
 */
class OffloadChecksTest {
    private final OffloadChecks checks = new OffloadChecks();

    @Test
    void offloadingTheQueryButJoiningItOnTheLoopStillBlocksTheLoop() throws Exception {
        BalanceService joinsOnTheLoop = handler((ctx, account, ledger, pool) -> {
            long cents = CompletableFuture.supplyAsync(() -> query(ledger, account), pool).join(); // waits ON the loop
            ctx.writeAndFlush(BalanceService.reply(account, cents));
        });

        Check.Seen answered = check(0).trial().run(joinsOnTheLoop);
        Check.Seen lag = check(1).trial().run(joinsOnTheLoop);

        assertThat(answered.held()).as(answered.what()).isTrue();
        assertThat(lag.held()).as(lag.what()).isFalse();
        assertThat(lag.what()).contains("target under 20 ms").contains("on 'ledger-pool-").contains("the whole server stalls");
    }

    @Test
    void answeringFromThePoolsThreadKeepsTheLoopFree() throws Exception {
        BalanceService fromThePool = handler((ctx, account, ledger, pool) -> pool.execute(() ->
                ctx.writeAndFlush(BalanceService.reply(account, query(ledger, account)))));

        Check.Seen lag = check(1).trial().run(fromThePool);

        assertThat(lag.held()).as(lag.what()).isTrue();
        assertThat(lag.what()).contains("8 queries of 100 ms");
    }

    @Test
    void aWrongBalanceFailsTheAnswersAndTheLagIsNotMeasuredOnIt() throws Exception {
        BalanceService wrong = handler((ctx, account, ledger, pool) -> ctx.writeAndFlush(BalanceService.reply(account, 0)));

        Check.Seen answered = check(0).trial().run(wrong);
        Check.Seen lag = check(1).trial().run(wrong);

        assertThat(answered.held()).isFalse();
        assertThat(answered.what()).startsWith("0 of 8 answers right (asked for acct-").contains("got 'acct-").contains("; the ledger was queried 0 times");
        assertThat(lag.held()).isFalse();
        assertThat(lag.what()).startsWith("the answers were wrong, so the lag measures nothing");
    }

    private Check<BalanceService> check(int index) {
        return checks.checks().get(index);
    }

    /** What a hand-made handler does with one request. */
    private interface OnRequest {
        void read(ChannelHandlerContext ctx, String account, BalanceService.Ledger ledger, Executor pool);
    }

    private static BalanceService handler(OnRequest onRequest) {
        return (ledger, pool) -> new SimpleChannelInboundHandler<String>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, String account) {
                onRequest.read(ctx, account, ledger, pool);
            }
        };
    }

    private static long query(BalanceService.Ledger ledger, String account) {
        try {
            return ledger.balanceCents(account);
        } catch (InterruptedException e) {
            throw new CompletionException(e);
        }
    }
}
