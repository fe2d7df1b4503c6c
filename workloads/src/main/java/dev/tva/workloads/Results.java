package dev.tva.workloads;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Reads and writes results JSON (Jackson), and names result files under {@code results/}. */
public final class Results {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private Results() {
    }

    public static void write(Path file, Object result) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), result);
    }

    public static String toJson(Object result) throws IOException {
        return JSON.writeValueAsString(result);
    }

    public static RunResult read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), RunResult.class);
    }

    public static List<RunResult> readAll(Path file) throws IOException {
        return JSON.readValue(file.toFile(), new TypeReference<>() { });
    }

    /**
     * Writes {@code result} to {@code results/<yyyyMMdd-HHmmss>-<name>.json} and, when {@code copy} is not
     * null, to {@code copy} too. Returns a line saying where it went.
     */
    public static String save(String name, Object result, Path copy) throws IOException {
        Path file = timestamped(name);
        write(file, result);
        if (copy != null) {
            write(copy, result);
        }
        return "results: " + file + (copy != null ? " and " + copy : "");
    }

    /** {@code results/<yyyyMMdd-HHmmss>-<name>.json}, relative to the working directory. */
    public static Path timestamped(String name) {
        return Path.of("results", LocalDateTime.now().format(STAMP) + "-" + name + ".json");
    }
}
