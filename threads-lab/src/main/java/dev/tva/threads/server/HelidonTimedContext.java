package dev.tva.threads.server;

import io.helidon.common.buffers.DataReader;
import io.helidon.common.buffers.DataWriter;
import io.helidon.common.socket.HelidonSocket;
import io.helidon.common.socket.PeerInfo;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ListenerContext;
import io.helidon.webserver.ProxyProtocolData;
import io.helidon.webserver.Router;

import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * A Helidon connection's context as its HTTP/1 connection sees it: Helidon's own, except that the request bytes
 * are read through the connection's {@link HelidonHeadClock}, so that the clock sees every read.
 */
final class HelidonTimedContext implements ConnectionContext {
    private final ConnectionContext helidon;
    private final HelidonHeadClock clock;
    private final DataReader reader;

    /*
     * Helidon's reader may hold bytes already: the first bytes of the connection, read to choose its protocol.
     * The clocked reader takes them first (the clock reads Helidon's reader a chunk at a time), then what
     * Helidon's reader reads from the socket, with Helidon's handling of a closed or failed socket.
     */
    HelidonTimedContext(ConnectionContext helidon, HelidonHeadClock clock) {
        this.helidon = helidon;
        this.clock = clock;
        DataReader socket = helidon.dataReader();
        this.reader = DataReader.create(() -> clock.read(socket));
    }

    /** The head clock of {@code ctx}'s connection, when it has one. */
    static Optional<HelidonHeadClock> clock(ConnectionContext ctx) {
        return ctx instanceof HelidonTimedContext timed ? Optional.of(timed.clock) : Optional.empty();
    }

    @Override
    public DataReader dataReader() {
        return reader;
    }

    @Override
    public DataWriter dataWriter() {
        return helidon.dataWriter();
    }

    @Override
    public ListenerContext listenerContext() {
        return helidon.listenerContext();
    }

    @Override
    public ExecutorService executor() {
        return helidon.executor();
    }

    @Override
    public Router router() {
        return helidon.router();
    }

    @Override
    public Optional<ProxyProtocolData> proxyProtocolData() {
        return helidon.proxyProtocolData();
    }

    @Override
    public HelidonSocket serverSocket() {
        return helidon.serverSocket();
    }

    @Override
    public PeerInfo remotePeer() {
        return helidon.remotePeer();
    }

    @Override
    public PeerInfo localPeer() {
        return helidon.localPeer();
    }

    @Override
    public boolean isSecure() {
        return helidon.isSecure();
    }

    @Override
    public String socketId() {
        return helidon.socketId();
    }

    @Override
    public String childSocketId() {
        return helidon.childSocketId();
    }
}
