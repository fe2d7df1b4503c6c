package dev.tva.report;

import dev.tva.workloads.Environment;
import dev.tva.workloads.RunResult;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The report's limitations: the machine the inputs were measured on, and what each file's method leaves out. */
final class Limitations {

    private Limitations() {
    }

    static void write(Markdown md, Inputs inputs) {
        TreeSet<Integer> cores = new TreeSet<>();
        TreeSet<String> jdks = new TreeSet<>();
        TreeSet<String> systems = new TreeSet<>();
        for (InputFile f : inputs.files()) {
            for (Environment e : f.envs()) {
                cores.add(e.cores());
                jdks.add(e.jdk());
                systems.add(e.os());
            }
        }
        List<String> items = new ArrayList<>();
        items.add("**Shared cores.** Measured on " + words(cores.stream().map(c -> c == 1 ? "1 core" : c + " cores").toList()) + ", shared by the model"
                + " under test, the load generator, the backend and the database: a figure is a ratio between models on that machine,"
                + " not a capacity to plan with.");
        items.add("**Loopback networking.** Every call crosses the loopback interface: no network latency, loss or bandwidth limit,"
                + " and the kernel's TCP work is charged to the same cores.");
        items.add("**One JDK, one kernel.** " + words(new ArrayList<>(jdks)) + " on " + words(new ArrayList<>(systems))
                + ". Virtual threads behave differently on other JDKs (synchronized pins before JDK 24).");
        items.add("**Older method.** Files measured before the lab waited for a steady state and computed intervals are used, labelled"
                + " (method " + Markdown.code(Method.OLDER.id()) + " in Inputs): their points carry no error bar, and the lab's rule never"
                + " calls one model faster on them. Where a comparison by the current method exists, the summary uses it instead.");
        items.add("**Fonts.** The charts' text is laid out with the fonts of the machine that draws them; the numbers do not depend on it.");
        for (InputFile f : inputs.files()) {
            note(f, runsOf(f, inputs)).ifPresent(n -> items.add(Markdown.code(f.path()) + ": " + n));
        }
        md.heading(2, "Limitations").bullets(items);
    }

    /** The runs a file holds: a list of runs, or every run of a crossover sweep's cells. */
    private static List<RunResult> runsOf(InputFile f, Inputs inputs) {
        List<RunResult> runs = new ArrayList<>();
        inputs.runs().stream().filter(r -> r.file().equals(f)).forEach(r -> runs.add(r.value()));
        inputs.crossovers().stream().filter(c -> c.file().equals(f))
                .forEach(c -> c.value().cells().forEach(cell -> runs.addAll(cell.results())));
        return runs;
    }

    private static java.util.Optional<String> note(InputFile f, List<RunResult> runs) {
        List<String> notes = new ArrayList<>();
        if (f.method() == Method.OLDER) {
            notes.add("measured by the older method (" + Method.OLDER.description() + ")");
        } else {
            long unsettled = runs.stream().filter(r -> !r.steady()).count();
            if (unsettled > 0) {
                notes.add(unsettled + " of " + runs.size() + " runs never settled within their warm-up cap:"
                        + " their figures are not to be trusted (the crossover map marks them *)");
            }
            long single = runs.stream().filter(r -> r.windows() * Math.max(1, r.forks()) < 2).count();
            if (single > 0) {
                notes.add(single + " of " + runs.size() + " runs measured in one window: no interval");
            }
        }
        if (f.envs().stream().anyMatch(e -> e.commit() != null && e.commit().endsWith("-dirty"))) {
            notes.add("measured on a working tree with uncommitted changes");
        }
        if (f.envs().isEmpty()) {
            notes.add("records no environment");
        }
        return notes.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(String.join("; ", notes) + ".");
    }

    private static String words(List<String> values) {
        return values.isEmpty() ? "an unrecorded machine" : String.join(" and ", values);
    }
}
