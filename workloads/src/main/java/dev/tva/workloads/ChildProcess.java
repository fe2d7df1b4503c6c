package dev.tva.workloads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A service in a JVM of its own (the backend, a lab server): started, then waited for until it prints
 * its ready line, and stopped by closing its standard input, which it watches
 * ({@link #awaitStandardInputClosed}). Its standard output is
 * drained after the ready line, so a chatty child never blocks on a full pipe; its standard error is
 * copied to this process's. Both pass through {@link ChildLeaks#note}, so a leak the child reports
 * can fail the test that started it.
 */
public final class ChildProcess implements AutoCloseable {
    /** How long to wait, after the child exited, for the rest of its output. */
    private static final Duration OUTPUT_END = Duration.ofSeconds(2);

    private final Process process;
    private final String ready;
    private final Duration grace;
    private final Thread reader;
    private final ChildOutput errors;

    private ChildProcess(Process process, String ready, Duration grace, Thread reader, ChildOutput errors) {
        this.process = process;
        this.ready = ready;
        this.grace = grace;
        this.reader = reader;
        this.errors = errors;
    }

    /**
     * Runs {@code command} and waits up to {@code timeout} for a line starting with {@code readyPrefix}.
     * On {@link #close} it gets {@code grace} to stop by itself before it is killed.
     *
     * @throws IllegalStateException naming {@code what} when it cannot start, exits, or stays silent
     */
    public static ChildProcess start(List<String> command, String readyPrefix, Duration timeout, Duration grace, String what) {
        return start(List.of(), command, readyPrefix, timeout, grace, what);
    }

    /**
     * The same, with {@code prefix} put before {@code command}: words that run it, such as {@link CpuPlacement#prefix}'s
     * {@code taskset -c LIST}, which replaces itself with the command (the process id stays the command's).
     */
    public static ChildProcess start(List<String> prefix, List<String> command, String readyPrefix, Duration timeout, Duration grace,
                                     String what) {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(command);
        Process process;
        try {
            process = new ProcessBuilder(full).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the " + what + " process: " + e.getMessage(), e);
        }
        ChildOutput errors = ChildOutput.copy(process.getErrorStream(), System.err, what);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> readyLine = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    ChildLeaks.note(what, line);
                    if (!readyLine.isDone() && line.startsWith(readyPrefix)) {
                        readyLine.complete(line.substring(readyPrefix.length()).trim());
                    }
                }
            } catch (IOException e) {
                // the process is gone: treated as never ready
            }
            readyLine.complete(null);
        }, what + "-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            String rest = readyLine.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (rest == null) {
                throw new IllegalStateException("the " + what + " process exited before it was ready (exit code " + process.waitFor() + ")");
            }
            return new ChildProcess(process, rest, grace, reader, errors);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the " + what + " process", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the " + what + " process was not ready within " + timeout.toSeconds() + " s", e);
        }
    }

    /**
     * The child's half of the protocol: returns once this process's standard input has closed, which
     * is how its parent says "stop" (and what happens when the parent dies). Under paranoid leak
     * detection (tests) it first makes Netty report its leaks, while the parent still reads them.
     */
    public static void awaitStandardInputClosed() {
        try {
            while (System.in.read() >= 0) {
                // input means nothing; only its end does
            }
        } catch (IOException e) {
            // an unreadable standard input counts as closed
        }
        LeakSweep.beforeExit();
    }

    /** What followed the ready prefix on its ready line (a URI, a port). */
    public String ready() {
        return ready;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** CPU time it has used so far, in milliseconds (-1 when the OS does not tell). */
    public long cpuMillis() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    /**
     * Closes its standard input (its signal to stop gracefully), waits up to the grace period, then kills it;
     * returns once its last lines are read.
     */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            reader.join(OUTPUT_END.toMillis());
            errors.awaitEnd(OUTPUT_END);
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
