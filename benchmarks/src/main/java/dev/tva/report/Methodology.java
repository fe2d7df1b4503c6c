package dev.tva.report;

import dev.tva.engine.CrossoverGrid;
import dev.tva.report.chart.Figure;
import dev.tva.verdict.ModelVerdicts;

import java.util.ArrayList;
import java.util.List;

/** The report's methodology section: how each number is measured, and for every figure how to measure it again. */
final class Methodology {

    private Methodology() {
    }

    static void write(Markdown md, Inputs inputs, List<Figure> figures) {
        md.heading(2, "Methodology");
        md.bullets(List.of(
                "**Bounds.** Every throughput stands beside the most the work allows: Little's law, tasks in flight / latency, for"
                        + " waiting work (a pool of connections or threads holds one wait each, so pool / latency where it is smaller);"
                        + " cores / CPU per task for computing, the CPU per task measured on one core first.",
                "**Warm-up to steady state, then windows.** Each run warms up in fixed windows until the mean of the last two is within"
                        + " 5% of the two before (with a cap; a run that never settles says so), then measures a fixed number of windows."
                        + " Throughput is the mean over the windows; latency comes from their HdrHistograms merged.",
                "**Forks.** " + Markdown.code("--forks N") + " repeats a run in N fresh JVMs; each model always runs in a JVM of its own.",
                "**Intervals.** A throughput's 95% interval is Student's t over every window of every fork. One model is called faster"
                        + " than another only when their intervals do not overlap and the gap is over "
                        + Math.round(ModelVerdicts.SMALLEST_CLAIM * 100) + "%; otherwise the report says no measurable difference."
                        + " JMH scores carry JMH's own 99.9% interval.",
                "**Open-model HTTP load.** Servers are loaded at fixed arrival rates, and latency counts from each request's intended"
                        + " send time, so a stalled server cannot hide its stall (coordinated omission corrected). A rate with errors,"
                        + " timeouts or over 1% late sends is invalid.",
                "**Crossover map.** `lab crossover` runs the `mixed` task (a backend call, then CPU work) with a budget of "
                        + CrossoverGrid.TASK_MICROS / 1000 + " ms split by the cell's share of waiting: the wait in whole milliseconds,"
                        + " the rest as CPU kernel units at the cost per unit measured at the start of the sweep. Every cell runs"
                        + " all three models, each in a JVM of its own, warmed up until steady and then measured in windows; a"
                        + " cell's winner follows the rule above, else no measurable difference.",
                "**What shares the cores.** On the machine these inputs were measured on, the model under test, the load"
                        + " generator or driver, the backend and the database share every core; CPU time per task is the model's"
                        + " process's own, the backend's is reported apart."));
        md.paragraph("Every figure, the command that measures it again, and where its numbers were measured:");
        List<List<String>> rows = new ArrayList<>();
        for (Figure f : figures) {
            for (InputFile file : f.sources()) {
                rows.add(List.of(Markdown.link(f.heading(), "#" + Markdown.anchor(f.heading())), Markdown.code(file.path()),
                        Markdown.code(Reproduce.command(file, inputs)), file.commits(), file.machine()));
            }
        }
        md.table(List.of("figure", "file", "command", "commit", "measured on"), rows);
    }
}
