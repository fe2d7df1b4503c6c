package dev.tva.report;

import dev.tva.engine.IdleResult;
import dev.tva.engine.OverloadResult;
import dev.tva.engine.SlowlorisResult;
import dev.tva.engine.SoakResult;
import dev.tva.load.LoadSettings;
import dev.tva.workloads.web.Endpoint;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The command that measures a reliability file again (lab soak, overload, idle or slowloris), written from what it records. */
final class ReliabilityCommands {
    /*
     * Only what the records hold is written: the servers, the endpoint and its wait, the rates and durations.
     * A flag left at its default is left out, so the command reads as a user would type it.
     */
    private static final Pattern MS = Pattern.compile("[?&]ms=(\\d+)");
    private static final Pattern THREADS = Pattern.compile("\\((\\d+) threads\\)");

    private ReliabilityCommands() {
    }

    static String command(InputFile file, Inputs.Reliability r) {
        return switch (file.kind()) {
            case SOAK -> r.soaks().stream().filter(s -> s.file().equals(file)).map(Sourced::value).findFirst()
                    .map(ReliabilityCommands::soak).orElse("./lab soak");
            case OVERLOAD -> overload(of(r.overloads(), file));
            case IDLE -> idle(of(r.idles(), file));
            case SLOWLORIS -> slowloris(of(r.slowloris(), file));
            default -> throw new IllegalArgumentException(file.kind().id() + " is not a reliability result");
        };
    }

    private static String soak(SoakResult s) {
        return String.format(Locale.ROOT, "./lab soak --server %s%s --rate %s --duration %ds --warmup %ds --sample %ds", s.server(),
                endpoint(s.endpoint(), s.path()), Fmt.count(s.targetPerSec()).replace(",", ""), s.durationMillis() / 1000,
                s.warmupMillis() / 1000, s.sampleMillis() / 1000) + (s.sloMillis() == 100 ? "" : " --slo " + s.sloMillis() + "ms")
                + (s.cpus() == null ? "" : " --cpus " + s.cpus());
    }

    private static String overload(List<OverloadResult> rows) {
        OverloadResult r = rows.get(0);
        String capacity = "given".equals(r.capacityFrom()) ? " --capacity " + Fmt.count(r.capacityPerSec()).replace(",", "") : "";
        return "./lab overload --servers " + rows.stream().map(OverloadResult::server).collect(Collectors.joining(","))
                + threads(rows.stream().map(OverloadResult::label).toList()) + endpoint(r.endpoint(), r.path()) + capacity
                + " --over " + r.overMillis() / 1000 + "s --after " + r.afterMillis() / 1000 + "s"
                + (r.sloMillis() == 100 ? "" : " --slo " + r.sloMillis() + "ms")
                + (r.load().connections() == LoadSettings.DEFAULT_CONNECTIONS ? "" : " --connections " + r.load().connections())
                + (r.load().cpus() == null ? "" : " --cpus " + r.load().cpus());
    }

    private static String idle(List<IdleResult> rows) {
        IdleResult r = rows.get(0);
        return "./lab idle --servers " + rows.stream().map(IdleResult::server).collect(Collectors.joining(","))
                + threads(rows.stream().map(IdleResult::label).toList()) + endpoint(r.endpoint(), r.path()) + " --idle " + r.idle()
                + " --rate " + Fmt.count(r.load().targetPerSec()).replace(",", "") + " --duration " + r.load().durationMillis() / 1000 + "s"
                + (r.sloMillis() == 50 ? "" : " --slo " + r.sloMillis() + "ms");
    }

    private static String slowloris(List<SlowlorisResult> rows) {
        SlowlorisResult r = rows.get(0);
        return "./lab slowloris --servers " + rows.stream().map(SlowlorisResult::server).collect(Collectors.joining(","))
                + " --connections " + r.connections() + " --byte-every " + r.byteEveryMillis() + "ms";
    }

    /** {@code --endpoint io --ms 50}, from the endpoint and the path the records hold. */
    private static String endpoint(Endpoint endpoint, String path) {
        Matcher ms = MS.matcher(path == null ? "" : path);
        return " --endpoint " + endpoint.id() + (ms.find() ? " --ms " + ms.group(1) : "");
    }

    /** {@code --threads 2} when a server's label records jdk-platform's pool, e.g. {@code jdk-platform (2 threads)}. */
    private static String threads(List<String> labels) {
        for (String label : labels) {
            Matcher threads = THREADS.matcher(label == null ? "" : label);
            if (threads.find()) {
                return " --threads " + threads.group(1);
            }
        }
        return "";
    }

    private static <T> List<T> of(List<Sourced<T>> rows, InputFile file) {
        return rows.stream().filter(s -> s.file().equals(file)).map(Sourced::value).toList();
    }
}
