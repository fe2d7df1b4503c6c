package dev.tva.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads every {@code .json} file under a results folder, classifies it by shape and binds it to typed records. */
public final class InputReader {
    /*
     * Files are read in sorted path order, so the report is the same however the file system lists them.
     * Anything that is not JSON (.txt, .yaml) is not a result and is skipped. A file that is not JSON, or is
     * JSON of no known kind, or whose records do not bind, stops the report with one line naming the file:
     * a report that silently skipped a result would misstate what it rests on.
     */
    static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private InputReader() {
    }

    /** Reads {@code folder}; {@code label} is how the report names it. */
    public static Inputs read(Path folder, String label) throws ReportException {
        if (!Files.isDirectory(folder)) {
            throw new ReportException(label + ": not a folder of results");
        }
        Map<String, Path> byPath = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".json"))
                    .forEach(p -> byPath.put(folder.relativize(p).toString().replace('\\', '/'), p));
        } catch (IOException e) {
            throw new ReportException(label + ": cannot be read (" + e.getMessage() + ")");
        }
        if (byPath.isEmpty()) {
            throw new ReportException(label + ": no results in it (no .json file); run ./lab tour, or name a folder with --results");
        }
        Binder bound = new Binder();
        for (Map.Entry<String, Path> e : byPath.entrySet()) {
            String name = label + "/" + e.getKey();
            JsonNode json = parse(e.getValue(), name);
            Kind kind = Kind.of(json).orElseThrow(() -> new ReportException(name + ": not a kind of result lab report knows"
                    + (json.isArray() && json.isEmpty() ? " (an empty list)" : "") + "; expected one of " + Kind.ids()));
            try {
                bound.add(e.getKey(), kind, json);
            } catch (JsonProcessingException | IllegalArgumentException ex) {
                throw new ReportException(name + ": looks like " + kind.description() + " but does not read as one ("
                        + firstLine(ex.getMessage()) + ")");
            }
        }
        return bound.inputs(label);
    }

    private static JsonNode parse(Path file, String name) throws ReportException {
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ReportException(name + ": not valid JSON (" + firstLine(e.getOriginalMessage()) + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new ReportException(name + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static String firstLine(String message) {
        return message == null ? "no detail" : message.lines().findFirst().orElse("no detail").trim();
    }
}
