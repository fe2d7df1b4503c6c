package dev.tva.report;

import dev.tva.workloads.Client;
import dev.tva.workloads.RunResult;
import dev.tva.workloads.WorkloadType;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The command that measures a file's numbers again, written from what the file records. */
public final class Reproduce {

    private Reproduce() {
    }

    public static String command(InputFile file, Inputs inputs) {
        return switch (file.kind()) {
            case TOUR -> "./lab tour";
            case RUNS -> runs(inputs.runs().stream().filter(s -> s.file().equals(file)).map(Sourced::value).toList());
            case SERVERS -> servers(inputs.servers().stream().filter(s -> s.file().equals(file)).map(Sourced::value).toList());
            case LOAD -> inputs.loads().stream().filter(s -> s.file().equals(file)).map(Sourced::value).findFirst()
                    .map(l -> "./lab load --url '" + l.url() + "' " + (l.targetPerSec() == null ? "--closed"
                            : "--rate " + Fmt.count(l.targetPerSec()).replace(",", "") + "/s")).orElse("./lab load");
            case FOOTPRINT -> "./lab footprint --tasks " + inputs.footprints().stream().filter(s -> s.file().equals(file))
                    .map(s -> s.value().tasks()).collect(Collectors.toCollection(TreeSet::new)).stream().map(String::valueOf)
                    .collect(Collectors.joining(","));
            case JMH, JMH_ENV -> file.command() == null ? "./lab bench" : file.command();
            case CROSSOVER -> "./lab crossover" + (inputs.crossovers().stream().anyMatch(s -> s.file().equals(file) && s.value().quick())
                    ? " --quick" : "");
            case SOAK, OVERLOAD, IDLE, SLOWLORIS -> ReliabilityCommands.command(file, inputs.reliability());
        };
    }

    private static String runs(List<RunResult> runs) {
        RunResult r = runs.get(0);
        TreeSet<Integer> pools = new TreeSet<>();
        TreeSet<Integer> counts = new TreeSet<>();
        runs.forEach(x -> {
            counts.add(x.concurrency());
            if (x.dbPool() != null) {
                pools.add(x.dbPool());
            }
        });
        if (r.workload() == WorkloadType.DB && (pools.size() > 1 || counts.size() > 1)) {
            return "./lab db-sweep --model " + r.model().id() + " --pools " + join(pools) + " --concurrency " + join(counts)
                    + " --latency " + r.latencyMillis() + "ms" + ("read".equals(r.query()) ? " --query read" : "");
        }
        long models = runs.stream().map(RunResult::model).distinct().count();
        long clients = runs.stream().map(RunResult::client).distinct().count();
        StringBuilder s = new StringBuilder(models > 1 || clients > 1 ? "./lab compare" : "./lab run --model " + r.model().id());
        s.append(" --workload ").append(r.workload().id());
        if (r.latencyMillis() != null) {
            s.append(" --latency ").append(r.latencyMillis()).append("ms");
        }
        if (r.workUnits() != null) {
            s.append(" --work ").append(r.workUnits());
        }
        if (r.calls() != null) {
            s.append(" --calls ").append(r.calls());
        }
        s.append(" --concurrency ").append(r.concurrency());
        if (r.client() != null && (clients > 1 || r.client() == Client.LIBRARY)) {
            s.append(" --client ").append(clients > 1 ? "both" : r.client().id());
        }
        if (r.dbPool() != null) {
            s.append(" --pool ").append(r.dbPool()).append("read".equals(r.query()) ? " --query read" : "");
        }
        if (r.dbBulkhead() != null && r.dbBulkhead() > 0) {
            s.append(" --bulkhead ").append(r.dbBulkhead());
        }
        if (r.forks() > 1) {
            s.append(" --forks ").append(r.forks());
        }
        if (r.windows() > 0 && r.forks() > 0 && r.windows() / r.forks() != 5) {
            s.append(" --windows ").append(r.windows() / r.forks());
        }
        return s.toString();
    }

    private static String servers(List<ServerRow> rows) {
        ServerRow r = rows.get(0);
        String ms = r.path() != null && r.path().contains("ms=") ? r.path().replaceAll(".*ms=(\\d+).*", "$1") : null;
        return "./lab servers --endpoint " + r.endpoint() + (ms == null ? "" : " --ms " + ms) + " --rates "
                + rows.stream().map(x -> (int) x.targetPerSec()).collect(Collectors.toCollection(TreeSet::new)).stream()
                .map(String::valueOf).collect(Collectors.joining(","))
                + " --duration " + Math.max(1, r.durationMillis() / 1000) + "s";
    }

    private static String join(TreeSet<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
