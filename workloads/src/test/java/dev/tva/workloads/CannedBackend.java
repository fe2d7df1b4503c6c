package dev.tva.workloads;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for the backend that answers every request with the same bytes, right or wrong, and then
 * closes the connection: how the clients' tests serve a chunked body, a bad status line or a body cut short.
 */
public final class CannedBackend implements AutoCloseable {
    private final ServerSocket listener;
    private final byte[] answer;

    private CannedBackend(String answer) throws IOException {
        this.answer = answer.getBytes(StandardCharsets.US_ASCII);
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        Thread.ofVirtual().name("canned-backend").start(this::serve);
    }

    /** Answers each request's head with {@code raw} (status line, headers and body, as sent), then closes. */
    public static CannedBackend answering(String raw) throws IOException {
        return new CannedBackend(raw);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    private void serve() {
        while (!listener.isClosed()) {
            try {
                Socket connection = listener.accept();
                Thread.ofVirtual().start(() -> answer(connection));
            } catch (IOException stopped) {
                return;
            }
        }
    }

    private void answer(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            // The request's head ends with an empty line; a GET has no body.
            for (int matched = 0, b; matched < 4 && (b = in.read()) >= 0; ) {
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
            }
            connection.getOutputStream().write(answer);
            connection.getOutputStream().flush();
        } catch (IOException clientGone) {
            // nothing to answer
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
