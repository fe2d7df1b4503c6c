package dev.tva.course.offload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The checks' clients: a few connections at once, each asking for a few balances one after another, each answer compared with the ledger's. */
final class BalanceClients {
    static final int CONNECTIONS = 4;
    static final int REQUESTS_EACH = 2;
    /** How long a client waits for one answer before it gives up on its connection. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(3);

    private BalanceClients() {
    }

    /** What the clients got: right answers out of those asked, the first wrong one in words, and how long all took. */
    record Answers(int right, int asked, String firstWrong, long millis) {
        boolean allRight() {
            return right == asked;
        }

        String describe() {
            return right + " of " + asked + " answers right" + (firstWrong == null ? "" : " (" + firstWrong + ")");
        }
    }

    static Answers ask(int port) throws InterruptedException {
        AtomicInteger right = new AtomicInteger();
        Queue<String> wrong = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < CONNECTIONS; c++) {
                List<String> accounts = new ArrayList<>();
                for (int r = 0; r < REQUESTS_EACH; r++) {
                    accounts.add("acct-" + (c * REQUESTS_EACH + r + 1));
                }
                clients.execute(() -> connection(port, accounts, right, wrong));
            }
        }
        return new Answers(right.get(), CONNECTIONS * REQUESTS_EACH, wrong.peek(), (System.nanoTime() - start) / 1_000_000);
    }

    /** One connection: each account in turn, the next request only after the last answer. */
    private static void connection(int port, List<String> accounts, AtomicInteger right, Queue<String> wrong) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) ANSWER_TIMEOUT.toMillis());
            socket.setSoTimeout((int) ANSWER_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (String account : accounts) {
                out.write((account + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                String line = in.readLine();
                String expected = BalanceService.reply(account, SlowLedger.balanceOf(account));
                if (line == null) {
                    wrong.add("asked for " + account + ", the server closed the connection");
                    return;
                }
                if ((line + "\n").equals(expected)) {
                    right.incrementAndGet();
                } else {
                    wrong.add("asked for " + account + ", got '" + line + "' instead of '" + expected.strip() + "'");
                }
            }
        } catch (SocketTimeoutException e) {
            wrong.add("no answer within " + ANSWER_TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            wrong.add("the connection failed: " + e.getMessage());
        }
    }
}
