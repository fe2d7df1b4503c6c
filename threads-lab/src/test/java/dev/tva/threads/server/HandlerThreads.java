package dev.tva.threads.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.HotSpotDiagnosticMXBean;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which threads are running {@link BlockingEndpoints} right now, read from a JSON thread dump: the one that
 * lists virtual threads too (what {@code jcmd PID Thread.dump_to_file -format=json} writes).
 */
final class HandlerThreads {
    private static final String HANDLER_FRAME = BlockingEndpoints.class.getName() + ".handle(";

    private HandlerThreads() {
    }

    /**
     * The threads of this JVM whose stack is in the handler now, as {@code "virtual NAME"} or
     * {@code "platform NAME"}.
     */
    static Set<String> now() throws IOException {
        Path dir = Files.createTempDirectory("thread-dump");
        Path file = dir.resolve("threads.json");  // the dump refuses to overwrite a file
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            Set<String> threads = new HashSet<>();
            for (JsonNode container : new ObjectMapper().readTree(file.toFile()).path("threadDump").path("threadContainers")) {
                for (JsonNode thread : container.path("threads")) {
                    List<String> stack = new ArrayList<>();
                    thread.path("stack").forEach(frame -> stack.add(frame.asText()));
                    if (stack.stream().anyMatch(frame -> frame.contains(HANDLER_FRAME))) {
                        // A virtual thread's stack starts in VirtualThread.run (JDK 21 and later).
                        boolean virtual = stack.stream().anyMatch(frame -> frame.contains("java.lang.VirtualThread.run("));
                        threads.add((virtual ? "virtual " : "platform ") + thread.path("name").asText());
                    }
                }
            }
            return threads;
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }
}
