package dev.tva.report.chart;

import dev.tva.report.Comparison;
import dev.tva.report.Inputs;
import dev.tva.workloads.WorkloadType;

import java.util.ArrayList;
import java.util.List;

/** Every chart the inputs support, in the report's order; a chart without data is left out, never drawn empty. */
public final class Charts {

    private Charts() {
    }

    public static List<Figure> draw(Inputs inputs) {
        List<Figure> figures = new ArrayList<>();
        List<Comparison> comparisons = Comparison.all(inputs);
        ThroughputChart.draw(inputs).ifPresent(figures::add);
        for (WorkloadType workload : WorkloadType.values()) {
            Comparison.best(comparisons, workload).flatMap(LatencyChart::draw).ifPresent(figures::add);
        }
        ServerSloChart.draw(inputs.servers()).ifPresent(figures::add);
        CpuCostChart.draw(inputs).ifPresent(figures::add);
        FootprintChart.draw(inputs.footprints()).ifPresent(figures::add);
        DatabaseChart.draw(inputs).ifPresent(figures::add);
        CpuParityChart.draw(comparisons).ifPresent(figures::add);
        CrossoverChart.draw(inputs.crossovers()).ifPresent(figures::add);
        OverloadChart.draw(inputs.reliability().overloads()).ifPresent(figures::add);
        return figures;
    }
}
