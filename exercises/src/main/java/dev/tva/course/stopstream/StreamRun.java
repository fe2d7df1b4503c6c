package dev.tva.course.stopstream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/*
 * One stream over loopback, the check playing both the server and the client. The server accepts the connection and
 * calls the student's stream() on a virtual thread of its own, closing the connection when it returns. The client
 * reads line by line, compares each with the chunk expected there, and leaves (closes its socket) after `leaveAfter`
 * chunks. Then the run watches, for at most `watch`, until stream() has returned and every thread that generated a
 * chunk has ended; what it saw stays in the result.
 */

/** One stream of the student's code to the check's client, who leaves early or reads to the end. */
final class StreamRun {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

    private StreamRun() {
    }

    /**
     * What happened: the chunks the client read (and the first wrong one), the time from the first to the last of them,
     * when the client left (nanoTime), when stream()
     * returned and when the last generating thread ended (0 if not by the end of the watch), the generator's calls, and
     * the generating threads still alive at the end of the watch.
     */
    record Seen(int read, String firstWrong, long spreadMillis, long leftNanos, long returnedNanos, long threadsEndedNanos,
                List<TimedGenerator.Call> calls, List<Thread> alive) {
    }

    static Seen run(Streamer student, TimedGenerator generator, int leaveAfter, Duration watch) throws IOException, InterruptedException {
        String[] expected = generator.expected().split("\n");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            Socket connection = server.accept();
            long[] returned = new long[1];
            long firstChunk = 0;
            long lastChunk = 0;
            Thread serving = Thread.ofVirtual().name("stream-connection").start(() -> {
                try (connection) {
                    student.stream(connection, generator);
                } catch (Exception e) {
                    // a failed write ends a stream too; what counts is that stream() returned
                } finally {
                    returned[0] = System.nanoTime();
                }
            });
            client.setSoTimeout((int) READ_TIMEOUT.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            int read = 0;
            String firstWrong = null;
            while (read < leaveAfter && firstWrong == null) {
                String line;
                try {
                    line = in.readLine();
                } catch (SocketTimeoutException e) {
                    firstWrong = "chunk " + (read + 1) + " did not come within " + READ_TIMEOUT.toSeconds() + " s";
                    break;
                } catch (IOException e) {
                    line = null;
                }
                if (expected[read].equals(line)) {
                    lastChunk = System.nanoTime();
                    firstChunk = read == 0 ? lastChunk : firstChunk;
                    read++;
                } else {
                    firstWrong = "chunk " + (read + 1) + (line == null ? " never came (the stream ended)" : " was '" + line + "'")
                            + ", expected '" + expected[read] + "'";
                }
            }
            long left = System.nanoTime();
            client.close();
            serving.join(watch);
            long deadline = left + watch.toNanos();
            while (!generator.aliveThreads().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            long ended = generator.aliveThreads().isEmpty() ? System.nanoTime() : 0;
            long returnedNanos = serving.isAlive() ? 0 : returned[0];
            return new Seen(read, firstWrong, (lastChunk - firstChunk) / 1_000_000, left, returnedNanos, ended, generator.calls(), generator.aliveThreads());
        } finally {
            generator.end();
        }
    }
}
