package dev.tva.load;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

import java.util.Arrays;

/**
 * How the load generator's event loops reach their sockets: Netty's native epoll transport (Linux x86-64), or the
 * JDK's NIO selector everywhere else. The generator shares the machine with the server it measures, so it takes the
 * one that keeps its schedule better where it can: on epoll it sent fewer requests late than on NIO, at the same CPU per
 * answer (measured side by side in {@code docs/servers.md}). The lab's servers keep their own transport; this is the load
 * generator's alone.
 */
public enum Transport {
    /** Netty's native epoll transport: edge-triggered, its own socket calls, none of NIO's selector bookkeeping. */
    EPOLL("epoll"),
    /** The JDK's NIO selector: everywhere a JDK runs. */
    NIO("nio");

    private final String id;

    Transport(String id) {
        this.id = id;
    }

    /** The name {@code --transport} takes and the result JSON records. */
    public String id() {
        return id;
    }

    /** Epoll where this machine can load it, NIO elsewhere. */
    public static Transport best() {
        return Epoll.isAvailable() ? EPOLL : NIO;
    }

    /**
     * Parses a {@code --transport} value.
     *
     * @throws IllegalArgumentException naming the values accepted
     */
    public static Transport fromId(String text) {
        return Arrays.stream(values()).filter(t -> t.id.equals(text)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "'" + text + "' is not a transport; expected epoll (Linux) or nio"));
    }

    /**
     * Checks that this transport runs here.
     *
     * @throws IllegalArgumentException saying why epoll cannot load on this machine, and what to use instead
     */
    public void checkAvailable() {
        if (this == EPOLL && !Epoll.isAvailable()) {
            Throwable cause = Epoll.unavailabilityCause();
            throw new IllegalArgumentException("the epoll transport is not available here ("
                    + (cause == null ? "unknown reason" : cause.getClass().getSimpleName() + ": " + cause.getMessage())
                    + "); use nio");
        }
    }

    /** What each event loop polls its sockets with. */
    IoHandlerFactory ioHandlerFactory() {
        return switch (this) {
            case EPOLL -> EpollIoHandler.newFactory();
            case NIO -> NioIoHandler.newFactory();
        };
    }

    /** The client socket channel that goes with {@link #ioHandlerFactory()}. */
    Class<? extends SocketChannel> channelClass() {
        return switch (this) {
            case EPOLL -> EpollSocketChannel.class;
            case NIO -> NioSocketChannel.class;
        };
    }

    @Override
    public String toString() {
        return id;
    }
}
