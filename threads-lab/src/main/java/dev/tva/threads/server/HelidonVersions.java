package dev.tva.threads.server;

import dev.tva.workloads.web.RequestHead;
import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the connections whose first request line names an HTTP version {@link RequestHead} refuses, which
 * Helidon's HTTP/1 selector does not take (it would close them without an answer), and answers them 505 in the
 * lab's words. (HTTP/1.0, which Helidon does not serve either, is still closed unanswered.)
 */
final class HelidonVersions implements ServerConnectionSelector {
    private static final Pattern REQUEST_LINE = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+ \\S+ (HTTP/\\d\\.\\d)");

    @Override
    public int bytesToIdentifyConnection() {
        return 0;
    }

    @Override
    public Support supports(BufferData request) {
        int end = request.indexOf((byte) '\n');
        if (end < 0) {
            return Support.UNKNOWN;
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < end; i++) {
            line.append((char) request.get(i));
        }
        return version(line.toString()) == null ? Support.UNSUPPORTED : Support.SUPPORTED;
    }

    /** The version of {@code requestLine} when it is one {@link RequestHead} refuses, else null. */
    private static String version(String requestLine) {
        Matcher matcher = REQUEST_LINE.matcher(requestLine.stripTrailing());
        if (!matcher.matches() || RequestHead.versionRefusal(matcher.group(1)).isEmpty()) {
            return null;
        }
        return matcher.group(1);
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return Set.of();
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        return new ServerConnection() {
            @Override
            public void handle(Semaphore requestSemaphore) {
                String version;
                try {
                    version = version(ctx.dataReader().readLine());
                } catch (DataReader.IncorrectNewLineException bareLf) {
                    version = null;
                }
                // Throws CloseConnectionException: Helidon closes the connection.
                HelidonHeadCheck.refuse(ctx, version == null ? RequestHead.MALFORMED_HEAD
                        : RequestHead.versionRefusal(version).orElseThrow());
            }

            @Override
            public Duration idleTime() {
                return Duration.ZERO;
            }

            @Override
            public void close(boolean interrupt) {
                ctx.dataWriter().close();
            }
        };
    }
}
