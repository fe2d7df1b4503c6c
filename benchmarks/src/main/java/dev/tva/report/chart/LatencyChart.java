package dev.tva.report.chart;

import dev.tva.report.Comparison;
import dev.tva.workloads.RunResult;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.List;
import java.util.Optional;

/** The latency distribution of each model in one comparison, on HdrHistogram's percentile axis. */
public final class LatencyChart {
    /*
     * Each run carries its measured windows' histogram (HdrHistogram, compressed, base64). The curve is
     * HdrHistogram's own percentile iteration, five steps per halving of the distance to 100%, as its
     * plotter draws it; the 100% point (the maximum) sits at infinity on this axis and is left out.
     */
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private LatencyChart() {
    }

    /** The file name of the chart of {@code comparison}. */
    public static String fileName(Comparison comparison) {
        return "latency-" + comparison.work().workload().id() + ".svg";
    }

    /** The chart, when every run of the comparison carries a histogram. */
    public static Optional<Figure> draw(Comparison comparison) {
        if (comparison.rows().stream().anyMatch(r -> r.latencyHistogram() == null)) {
            return Optional.empty();
        }
        XyChart chart = new XyChart().withoutShapes();
        double highest = 99;
        for (RunResult r : comparison.rows()) {
            Histogram h = r.latencyDistribution();
            for (HistogramIterationValue v : h.percentiles(TICKS_PER_HALF_DISTANCE)) {
                double p = v.getPercentileLevelIteratedTo();
                if (p >= 100) {
                    continue;
                }
                double ms = h.highestEquivalentValue(v.getValueIteratedTo()) / 1000.0;
                chart.point(r.model().id(), Palette.of(r.model()), PercentileAxis.x(p), ms, ms, ms);
                highest = Math.max(highest, p);
            }
        }
        String work = comparison.work().describe();
        String title = "Latency by percentile: " + work;
        String svg = Svg.render(chart.build(title, new PercentileAxis("percentile", highest), Axes.log("latency (ms)")),
                "latency-" + comparison.work().workload().id());
        String caption = "Each task's latency from its start to its completion, the measured windows' histograms merged ("
                + work + "). A model whose tasks queue for a thread shows it across the whole curve; a pause shows in the tail."
                + " One run per model: a distribution, not an interval.";
        return Optional.of(new Figure(fileName(comparison), "Latency percentiles: " + comparison.work().workload().id(), caption,
                List.of(comparison.file()), svg));
    }
}
