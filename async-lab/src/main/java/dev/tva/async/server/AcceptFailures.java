package dev.tva.async.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The last handler of the listening channel: a failed accept (no file descriptor left, {@code EMFILE}) is
 * logged as ONE line at most every {@link #EVERY}, with how many failed since, instead of Netty's stack
 * trace for each. Netty's acceptor before it has already paused accepting for a second.
 *
 * <p>When an accept fails for want of a file descriptor, no file can be opened, and the first log line of a
 * JVM opens files: the logging configuration, and the time-zone rules its time stamp is printed with. Both
 * are read when this handler is made, at start-up, so that the line can be written when it is needed.
 */
final class AcceptFailures extends ChannelInboundHandlerAdapter {
    static final Duration EVERY = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(AcceptFailures.class.getName());

    private final LogEvery failures = new LogEvery(EVERY);

    AcceptFailures() {
        LOG.isLoggable(System.Logger.Level.WARNING); // the logging backend and its configuration file
        ZoneId.systemDefault().getRules();           // the JDK's time-zone database, another file
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Only the listening channel's loop calls this: no locks needed.
        failures.count();
        LogEvery.Due due = failures.due(System.nanoTime());
        if (due != null) {
            LOG.log(System.Logger.Level.WARNING, "cannot accept connections: {0} ({1} failed accepts in the last {2} s)",
                    String.valueOf(cause.getMessage()), due.events(), due.seconds());
        }
    }
}
