package dev.tva.workloads.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client would send: what came back, and
 * whether the server closed the connection afterwards.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /**
     * What the server sent.
     *
     * @param status    the status code of the first response, or -1 when none arrived
     * @param text      every byte received, as text
     * @param closed    the server closed the connection (end of stream, or a reset after the answer)
     */
    public record Exchange(int status, String text, boolean closed) {
        /** The body of the first response (after the blank line). */
        public String body() {
            int start = text.indexOf("\r\n\r\n");
            return start < 0 ? "" : text.substring(start + 4);
        }

        /** A header of the first response, or null. Names compare case-insensitively. */
        public String header(String name) {
            int end = text.indexOf("\r\n\r\n");
            for (String line : (end < 0 ? text : text.substring(0, end)).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    /**
     * Sends {@code request} as is, then reads until the server closes the connection or is silent for
     * {@code quietMillis}; a server that keeps the connection open is reported as not closed.
     */
    public static Exchange send(int port, String request, int quietMillis) throws IOException {
        return send(port, request, 0, "", quietMillis);
    }

    /**
     * Sends {@code first}, waits {@code pauseMillis} (long enough for a server to answer what it has), sends
     * {@code second} on the same connection, then reads as {@link #send(int, String, int)} does.
     */
    public static Exchange send(int port, String first, int pauseMillis, String second, int quietMillis) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(quietMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(first.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (!second.isEmpty()) {
                    sleep(pauseMillis);
                    out.write(second.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
            } catch (SocketException e) {
                // The server may answer and close before it has read everything we send; read what it said.
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            boolean closed;
            try {
                for (int n; ; ) {
                    n = in.read(buffer);
                    if (n < 0) {
                        closed = true;
                        break;
                    }
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                closed = false;
            } catch (SocketException e) {
                closed = true; // reset: the server closed with bytes of ours still unread
            }
            String text = received.toString(StandardCharsets.ISO_8859_1);
            return new Exchange(status(text), text, closed);
        }
    }

    private static void sleep(int millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static int status(String text) {
        if (!text.startsWith("HTTP/1.")) {
            return -1;
        }
        try {
            return Integer.parseInt(text.substring(9, 12));
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
