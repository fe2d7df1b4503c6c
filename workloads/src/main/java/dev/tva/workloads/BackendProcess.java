package dev.tva.workloads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The backend in a JVM of its own, started from this JVM's own {@code java} and class path.
 *
 * <p>Why a separate process: its CPU time is not charged to the model under test, and its sockets do
 * not count against this process's open-file limit (one connection costs a descriptor on each side).
 */
public final class BackendProcess implements AutoCloseable {
    private final Process process;
    private final URI uri;

    private BackendProcess(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /** Starts the backend with {@code loops} event loops and waits (up to 30 s) until it listens. */
    public static BackendProcess start(int loops) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g"));
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                Backend.class.getName(), "--loops", Integer.toString(loops)));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the backend process: " + e.getMessage(), e);
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(Backend.READY_LINE)) {
                        return line.substring(Backend.READY_LINE.length()).trim();
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String uri = ready.get(30, TimeUnit.SECONDS);
            if (uri == null) {
                throw new IllegalStateException("the backend process exited before listening (exit code "
                        + process.waitFor() + ")");
            }
            return new BackendProcess(process, URI.create(uri));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the backend process", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the backend process did not start listening within 30 s", e);
        }
    }

    public URI uri() {
        return uri;
    }

    public long pid() {
        return process.pid();
    }

    /** CPU time the backend process has used so far, in milliseconds (-1 when the OS does not tell). */
    public long cpuMillis() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // the backend stops when its standard input closes
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
