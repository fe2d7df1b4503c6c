package dev.tva.lessons;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import reactor.blockhound.BlockHound;

import java.util.concurrent.TimeUnit;

/**
 * The debugging lesson's child JVM: installs BlockHound (Netty's integration marks event-loop threads as
 * non-blocking), runs a sleep ON an event loop (the bug) and a loop timer (the fix), and prints one line
 * per case: {@code blockingOnEventLoop: <what BlockHound said>} and {@code timerOnEventLoop: none}.
 * On JDK 25 it needs {@code -XX:+AllowRedefinitionToAddDeleteMethods -XX:+EnableDynamicAgentLoading}.
 */
public final class BlockedLoopUnderBlockHound {
    static final String NONE = "none";

    private BlockedLoopUnderBlockHound() {
    }

    public static void main(String[] args) throws InterruptedException {
        BlockHound.install();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("checked-loop"), NioIoHandler.newFactory());
        try {
            EventLoop loop = group.next();
            // The bug: a blocking sleep on the loop.
            Future<?> blocking = loop.submit(() -> {
                Thread.sleep(50);
                return null;
            }).await();
            System.out.println("blockingOnEventLoop: " + (blocking.isSuccess() ? NONE : blocking.cause().toString()));
            // The fix: the same wait as a timer on the loop.
            Future<?> timer = loop.schedule(() -> null, 50, TimeUnit.MILLISECONDS).await();
            System.out.println("timerOnEventLoop: " + (timer.isSuccess() ? NONE : timer.cause().toString()));
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
