package dev.tva.workloads.web;

import dev.tva.workloads.Backend;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every server refuses, with 503 at once, a request whose backend sockets would go over its file budget:
 * a server started with {@code -Dlab.openFiles} = {@link #OPEN_FILES} has 12 slots (a fifth of 60), so 4 slow
 * {@code /fanout?n=3} fit and the 5th and 6th sent at the same time are refused.
 */
public abstract class FileBudgetContract {
    static final long OPEN_FILES = FileBudget.RESERVE + 60;
    static final int SENT = 6;
    static final int CALLS = 3;
    static final int SLOW_MILLIS = 2_000;

    /** The server under test. */
    protected abstract ServerId id();

    /** Starts the server under test; it must read its budget when it starts. */
    protected abstract LabServer start(ServerConfig config);

    @Test
    void slowRequestsBeyondTheBudgetGet503AtOnce() throws Exception {
        FileBudget budget = new FileBudget(OPEN_FILES);
        int fit = budget.requestSockets() / CALLS;
        assertThat(fit).as("the test needs some requests to fit and some not").isBetween(1, SENT - 1);
        try (Backend backend = Backend.start("127.0.0.1", 0, 1);
             LabServer server = startWithBudget(ServerConfig.of(id(), 0, backend.uri()));
             HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            URI slow = URI.create("http://127.0.0.1:" + server.port() + "/fanout?n=" + CALLS + "&ms=" + SLOW_MILLIS);
            List<CompletableFuture<Long[]>> answers = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < SENT; i++) {
                answers.add(client.sendAsync(HttpRequest.newBuilder(slow).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString()).thenApply(r -> new Long[] {(long) r.statusCode(),
                        (System.nanoTime() - start) / 1_000_000}));
            }
            List<Long[]> done = answers.stream().map(CompletableFuture::join).toList();
            assertThat(done.stream().filter(a -> a[0] == 200).count()).isEqualTo(fit);
            assertThat(done.stream().filter(a -> a[0] == 503).count()).isEqualTo(SENT - fit);
            // Refused at once: well before a slow one could have finished.
            assertThat(done.stream().filter(a -> a[0] == 503).mapToLong(a -> a[1])).allMatch(ms -> ms < SLOW_MILLIS / 2);
        }
    }

    /** The server for {@code config}, with this class's budget instead of the process's (read at start-up only). */
    private LabServer startWithBudget(ServerConfig config) {
        String before = System.getProperty(FileBudget.OPEN_FILES_PROPERTY);
        System.setProperty(FileBudget.OPEN_FILES_PROPERTY, Long.toString(OPEN_FILES));
        try {
            return start(config);
        } finally {
            if (before == null) {
                System.clearProperty(FileBudget.OPEN_FILES_PROPERTY);
            } else {
                System.setProperty(FileBudget.OPEN_FILES_PROPERTY, before);
            }
        }
    }
}
