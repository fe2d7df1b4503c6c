package dev.tva.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tva.engine.CrossoverResult;
import dev.tva.workloads.Environment;
import dev.tva.workloads.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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
        Bound bound = new Bound();
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

    /** The typed records of the files read so far. */
    private static final class Bound {
        final List<InputFile> files = new ArrayList<>();
        final List<Sourced<RunResult>> runs = new ArrayList<>();
        final List<Sourced<ServerRow>> servers = new ArrayList<>();
        final List<Sourced<LoadRun>> loads = new ArrayList<>();
        final List<Sourced<FootprintRow>> footprints = new ArrayList<>();
        final List<Sourced<JmhScore>> jmh = new ArrayList<>();
        final List<Sourced<CrossoverResult>> crossovers = new ArrayList<>();
        final Map<String, InputFile> jmhEnvs = new TreeMap<>();

        void add(String path, Kind kind, JsonNode json) throws JsonProcessingException {
            switch (kind) {
                case RUNS -> {
                    List<RunResult> list = new ArrayList<>();
                    for (JsonNode node : json.isArray() ? json : List.of(json)) {
                        list.add(JSON.treeToValue(node, RunResult.class));
                    }
                    InputFile file = file(path, kind, list.stream().allMatch(r -> r.windows() > 0) ? Method.WINDOWS : Method.OLDER,
                            list.stream().map(RunResult::env).toList());
                    list.forEach(r -> runs.add(Sourced.of(r, file)));
                }
                case TOUR -> {
                    List<Sourced<RunResult>> sectionRuns = new ArrayList<>();
                    List<Environment> envs = new ArrayList<>(List.of(JSON.treeToValue(json.path("env"), Environment.class)));
                    InputFile file = file(path, kind, Method.WINDOWS, envs);
                    for (JsonNode section : json.path("sections")) {
                        for (JsonNode node : section.path("results")) {
                            RunResult r = JSON.treeToValue(node, RunResult.class);
                            sectionRuns.add(new Sourced<>(r, file, path + "#" + section.path("id").asText()));
                        }
                    }
                    runs.addAll(sectionRuns);
                    for (JsonNode node : json.path("servers")) {
                        servers.add(new Sourced<>(JSON.treeToValue(node, ServerRow.class), file, path + "#servers"));
                    }
                }
                case SERVERS -> {
                    List<ServerRow> rows = new ArrayList<>();
                    for (JsonNode node : json) {
                        rows.add(JSON.treeToValue(node, ServerRow.class));
                    }
                    rows.forEach(r -> dev.tva.workloads.web.ServerId.fromId(r.server()));
                    InputFile file = file(path, kind, rows.stream().allMatch(r -> r.steady() != null) ? Method.SINGLE : Method.OLDER,
                            rows.stream().map(ServerRow::env).toList());
                    rows.forEach(r -> servers.add(Sourced.of(r, file)));
                }
                case LOAD -> {
                    LoadRun run = JSON.treeToValue(json, LoadRun.class);
                    loads.add(Sourced.of(run, file(path, kind, Method.SINGLE, List.of(run.env()))));
                }
                case FOOTPRINT -> {
                    List<FootprintRow> rows = new ArrayList<>();
                    for (JsonNode node : json) {
                        rows.add(JSON.treeToValue(node, FootprintRow.class));
                    }
                    rows.forEach(r -> dev.tva.workloads.Model.fromId(r.model()));
                    InputFile file = file(path, kind, Method.SINGLE, rows.stream().map(FootprintRow::env).toList());
                    rows.forEach(r -> footprints.add(Sourced.of(r, file)));
                }
                case JMH -> {
                    InputFile file = file(path, kind, Method.JMH, List.of());
                    json.forEach(node -> jmh.add(Sourced.of(JmhScore.of(node), file)));
                }
                case JMH_ENV -> {
                    Environment env = JSON.treeToValue(json.path("env"), Environment.class);
                    String command = json.path("command").isTextual() ? "./" + json.path("command").asText() : null;
                    InputFile file = new InputFile(path, kind, Method.NONE, List.of(env), command);
                    files.add(file);
                    String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
                    jmhEnvs.put(dir + json.path("jmhResults").asText(), file);
                }
                case CROSSOVER -> {
                    CrossoverResult sweep = JSON.treeToValue(json, CrossoverResult.class);
                    crossovers.add(Sourced.of(sweep, file(path, kind, Method.WINDOWS, List.of(sweep.env()))));
                }
            }
        }

        InputFile file(String path, Kind kind, Method method, List<Environment> envs) {
            InputFile file = new InputFile(path, kind, method, envs, null);
            files.add(file);
            return file;
        }

        /** The inputs, each JMH file carrying the environment its -env.json records. */
        Inputs inputs(String label) {
            List<InputFile> withEnvs = files.stream()
                    .map(f -> f.kind() == Kind.JMH && jmhEnvs.containsKey(f.path()) ? f.describedBy(jmhEnvs.get(f.path())) : f).toList();
            List<Sourced<JmhScore>> scores = jmh.stream().map(s -> {
                InputFile f = withEnvs.get(files.indexOf(s.file()));
                return new Sourced<>(s.value(), f, f.path());
            }).toList();
            return new Inputs(label, withEnvs, runs, servers, loads, footprints, scores, crossovers);
        }
    }
}
