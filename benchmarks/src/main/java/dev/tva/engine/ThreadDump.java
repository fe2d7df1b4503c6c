package dev.tva.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The threads of another JVM from its JSON thread dump ({@code jcmd PID Thread.dump_to_file -format=json}),
 * the dump that lists virtual threads too: how many are virtual, and how many of each kind are parked reading
 * a request head.
 */
public final class ThreadDump {
    /**
     * Frames that read a request head: the JDK server's request line and fields, Helidon's socket reads (a
     * connection's head, or a body, which the slowloris connections never reach). Netty has none: its loops
     * wait in the selector for every connection at once.
     */
    static final List<String> HEAD_READ_FRAMES = List.of("sun.net.httpserver.Request.readLine",
            "sun.net.httpserver.Request.readHeaders", "io.helidon.common.buffers.DataReader.pullData");

    /**
     * Counts from one dump.
     *
     * @param virtualThreads         virtual threads listed
     * @param platformInHeadRead     platform threads whose stack is in a head read
     * @param virtualInHeadRead      virtual threads whose stack is in a head read
     */
    public record Counts(int virtualThreads, int platformInHeadRead, int virtualInHeadRead) {
    }

    private ThreadDump() {
    }

    /** Dumps the threads of process {@code pid} with the {@code jcmd} of this JDK and counts them. */
    public static Counts of(long pid) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("lab-thread-dump");
        Path file = dir.resolve("threads.json");  // jcmd refuses to overwrite a file
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.dump_to_file", "-format=json",
                    file.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(file)) {
                p.destroyForcibly();
                throw new IOException("jcmd could not dump the threads of process " + pid);
            }
            return count(new ObjectMapper().readTree(file.toFile()));
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }

    /** Counts the threads of a parsed dump. */
    static Counts count(JsonNode dump) {
        int virtual = 0;
        int platformReading = 0;
        int virtualReading = 0;
        for (JsonNode container : dump.path("threadDump").path("threadContainers")) {
            for (JsonNode thread : container.path("threads")) {
                boolean isVirtual = thread.path("virtual").asBoolean(false) || inFrame(thread, "java.lang.VirtualThread.run");
                boolean reading = HEAD_READ_FRAMES.stream().anyMatch(frame -> inFrame(thread, frame));
                virtual += isVirtual ? 1 : 0;
                platformReading += reading && !isVirtual ? 1 : 0;
                virtualReading += reading && isVirtual ? 1 : 0;
            }
        }
        return new Counts(virtual, platformReading, virtualReading);
    }

    private static boolean inFrame(JsonNode thread, String method) {
        for (JsonNode frame : thread.path("stack")) {
            if (frame.asText().contains(method + "(")) {  // a frame may start with its module
                return true;
            }
        }
        return false;
    }
}
