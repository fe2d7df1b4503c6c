package dev.tva.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP relay in front of the backend that answers its first connection itself, with a 503 after a
 * while, and relays every other one: the one call of a fan-out that fails while its siblings wait on the
 * real backend. When a client closes a relayed connection, the relay closes its backend side too, so the
 * backend sees what the client abandoned.
 */
final class OneCallFails implements AutoCloseable {
    private static final byte[] FAILURE = "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final InetSocketAddress backend;
    private final Duration failAfter;
    private final AtomicBoolean failed = new AtomicBoolean();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    /** Relays to {@code backend}; the first connection gets a 503 {@code failAfter} after its request. */
    OneCallFails(URI backend, Duration failAfter) throws IOException {
        this.backend = new InetSocketAddress(backend.getHost(), backend.getPort());
        this.failAfter = failAfter;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        Thread.ofVirtual().name("one-call-fails").start(this::acceptLoop);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                if (failed.compareAndSet(false, true)) {
                    Thread.ofVirtual().start(() -> fail(client));
                } else {
                    Socket server = new Socket(backend.getAddress(), backend.getPort());
                    open.add(server);
                    Thread.ofVirtual().start(() -> pipe(client, server));
                    Thread.ofVirtual().start(() -> pipe(server, client));
                }
            } catch (IOException stopped) {
                return;
            }
        }
    }

    private void fail(Socket client) {
        try (client) {
            client.getInputStream().read(new byte[4096]);  // the request (small, one read)
            Thread.sleep(failAfter);
            client.getOutputStream().write(FAILURE);
        } catch (IOException | InterruptedException gone) {
            // nothing to answer
        }
    }

    /** Copies {@code from} to {@code to} until either side ends, then closes both. */
    private void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException closed) {
            // one side is gone
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        open.forEach(this::closeQuietly);
    }
}
