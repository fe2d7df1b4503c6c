package dev.tva.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tva.engine.CrossoverResult;
import dev.tva.engine.IdleResult;
import dev.tva.engine.OverloadResult;
import dev.tva.engine.SlowlorisResult;
import dev.tva.engine.SoakResult;
import dev.tva.workloads.Environment;
import dev.tva.workloads.Model;
import dev.tva.workloads.RunResult;
import dev.tva.workloads.web.ServerId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Binds each classified file to typed records, remembering the file every record came from. */
final class Binder {
    final List<InputFile> files = new ArrayList<>();
    final List<Sourced<RunResult>> runs = new ArrayList<>();
    final List<Sourced<ServerRow>> servers = new ArrayList<>();
    final List<Sourced<LoadRun>> loads = new ArrayList<>();
    final List<Sourced<FootprintRow>> footprints = new ArrayList<>();
    final List<Sourced<JmhScore>> jmh = new ArrayList<>();
    final List<Sourced<CrossoverResult>> crossovers = new ArrayList<>();
    final List<Sourced<SoakResult>> soaks = new ArrayList<>();
    final List<Sourced<OverloadResult>> overloads = new ArrayList<>();
    final List<Sourced<IdleResult>> idles = new ArrayList<>();
    final List<Sourced<SlowlorisResult>> slowloris = new ArrayList<>();
    final Map<String, InputFile> jmhEnvs = new TreeMap<>();

    void add(String path, Kind kind, JsonNode json) throws JsonProcessingException {
        switch (kind) {
            case RUNS -> {
                List<RunResult> list = new ArrayList<>();
                for (JsonNode node : json.isArray() ? json : List.of(json)) {
                    list.add(InputReader.JSON.treeToValue(node, RunResult.class));
                }
                InputFile file = file(path, kind, list.stream().allMatch(r -> r.windows() > 0) ? Method.WINDOWS : Method.OLDER,
                        list.stream().map(RunResult::env).toList());
                list.forEach(r -> runs.add(Sourced.of(r, file)));
            }
            case TOUR -> {
                List<Sourced<RunResult>> sectionRuns = new ArrayList<>();
                List<Environment> envs = new ArrayList<>(List.of(InputReader.JSON.treeToValue(json.path("env"), Environment.class)));
                InputFile file = file(path, kind, Method.WINDOWS, envs);
                for (JsonNode section : json.path("sections")) {
                    for (JsonNode node : section.path("results")) {
                        RunResult r = InputReader.JSON.treeToValue(node, RunResult.class);
                        sectionRuns.add(new Sourced<>(r, file, path + "#" + section.path("id").asText()));
                    }
                }
                runs.addAll(sectionRuns);
                for (JsonNode node : json.path("servers")) {
                    servers.add(new Sourced<>(InputReader.JSON.treeToValue(node, ServerRow.class), file, path + "#servers"));
                }
            }
            case SERVERS -> {
                List<ServerRow> rows = new ArrayList<>();
                for (JsonNode node : json) {
                    rows.add(InputReader.JSON.treeToValue(node, ServerRow.class));
                }
                rows.forEach(r -> ServerId.fromId(r.server()));
                InputFile file = file(path, kind, rows.stream().allMatch(r -> r.steady() != null) ? Method.SINGLE : Method.OLDER,
                        rows.stream().map(ServerRow::env).toList());
                rows.forEach(r -> servers.add(Sourced.of(r, file)));
            }
            case LOAD -> {
                LoadRun run = InputReader.JSON.treeToValue(json, LoadRun.class);
                loads.add(Sourced.of(run, file(path, kind, Method.SINGLE, List.of(run.env()))));
            }
            case FOOTPRINT -> {
                List<FootprintRow> rows = new ArrayList<>();
                for (JsonNode node : json) {
                    rows.add(InputReader.JSON.treeToValue(node, FootprintRow.class));
                }
                rows.forEach(r -> Model.fromId(r.model()));
                InputFile file = file(path, kind, Method.SINGLE, rows.stream().map(FootprintRow::env).toList());
                rows.forEach(r -> footprints.add(Sourced.of(r, file)));
            }
            case JMH -> {
                InputFile file = file(path, kind, Method.JMH, List.of());
                json.forEach(node -> jmh.add(Sourced.of(JmhScore.of(node), file)));
            }
            case JMH_ENV -> {
                Environment env = InputReader.JSON.treeToValue(json.path("env"), Environment.class);
                String command = json.path("command").isTextual() ? "./" + json.path("command").asText() : null;
                InputFile file = new InputFile(path, kind, Method.NONE, List.of(env), command);
                files.add(file);
                String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
                jmhEnvs.put(dir + json.path("jmhResults").asText(), file);
            }
            case CROSSOVER -> {
                CrossoverResult sweep = InputReader.JSON.treeToValue(json, CrossoverResult.class);
                crossovers.add(Sourced.of(sweep, file(path, kind, Method.WINDOWS, List.of(sweep.env()))));
            }
            case SOAK -> {
                SoakResult soak = InputReader.JSON.treeToValue(json, SoakResult.class);
                ServerId.fromId(soak.server());
                soaks.add(Sourced.of(soak, file(path, kind, Method.SINGLE, List.of(soak.env()))));
            }
            case OVERLOAD -> perServer(path, kind, json, OverloadResult.class, OverloadResult::server,
                    r -> r.load() == null ? null : r.load().env(), overloads);
            case IDLE -> perServer(path, kind, json, IdleResult.class, IdleResult::server,
                    r -> r.load() == null ? null : r.load().env(), idles);
            case SLOWLORIS -> perServer(path, kind, json, SlowlorisResult.class, SlowlorisResult::server, SlowlorisResult::env, slowloris);
        }
    }

    /** A list of one record per server, each server id checked, every record bound to the file. */
    private <T> void perServer(String path, Kind kind, JsonNode json, Class<T> type, Function<T, String> server,
                               Function<T, Environment> env, List<Sourced<T>> into) throws JsonProcessingException {
        List<T> rows = new ArrayList<>();
        for (JsonNode node : json) {
            rows.add(InputReader.JSON.treeToValue(node, type));
        }
        rows.forEach(r -> ServerId.fromId(server.apply(r)));
        InputFile file = file(path, kind, Method.SINGLE, rows.stream().map(env).toList());
        rows.forEach(r -> into.add(Sourced.of(r, file)));
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
        return new Inputs(label, withEnvs, runs, servers, loads, footprints, scores, crossovers,
                new Inputs.Reliability(soaks, overloads, idles, slowloris));
    }
}
