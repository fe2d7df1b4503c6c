package dev.tva.report;

import dev.tva.bench.BenchRun;
import dev.tva.bench.Score;
import dev.tva.bench.ScoreText;
import dev.tva.bench.Suite;
import dev.tva.workloads.Model;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A suite's scores as a markdown table: mean ± JMH's error, the models side by side when the suite has a model parameter. */
final class BenchTable {

    private BenchTable() {
    }

    /** Models side by side when the suite has a model parameter; one score column otherwise. */
    static String table(List<BenchRun.Row> rows, Suite suite) {
        List<BenchRun.Row> mine = rows.stream().filter(r -> r.suite() == suite).toList();
        String unit = mine.get(0).score().unit();
        boolean byModel = mine.stream().allMatch(r -> r.params().containsKey("model"));
        StringBuilder md = new StringBuilder();
        if (!byModel) {
            md.append("| benchmark | score (").append(unit).append(") |\n|---|---:|\n");
            for (BenchRun.Row r : mine) {
                String params = r.paramsWithout("");
                md.append("| `").append(r.method()).append('`').append(params.isEmpty() ? "" : " " + params)
                        .append(" | ").append(cell(r)).append(" |\n");
            }
            return md.toString();
        }
        List<String> models = Arrays.stream(Model.values()).map(Model::id)
                .filter(m -> mine.stream().anyMatch(r -> m.equals(r.params().get("model")))).toList();
        md.append("| benchmark |");
        models.forEach(m -> md.append(' ').append(m).append(" (").append(unit).append(") |"));
        md.append("\n|---|").append("---:|".repeat(models.size())).append('\n');
        Set<String> keys = new LinkedHashSet<>();
        mine.forEach(r -> keys.add(r.method() + "\u0000" + r.paramsWithout("model")));
        for (String key : keys) {
            String[] parts = key.split("\u0000", -1);
            md.append("| `").append(parts[0]).append('`').append(parts[1].isEmpty() ? "" : " " + parts[1]).append(" |");
            for (String m : models) {
                Optional<BenchRun.Row> r = mine.stream().filter(x -> x.method().equals(parts[0])
                        && x.paramsWithout("model").equals(parts[1]) && m.equals(x.params().get("model"))).findFirst();
                md.append(' ').append(r.map(BenchTable::cell).orElse("")).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** {@code 42.7 ± 20.0}, or the mean alone when JMH gave no interval. */
    private static String cell(BenchRun.Row r) {
        Score s = r.score();
        return s.hasInterval() ? ScoreText.num(s.mean()) + " ± " + ScoreText.num(s.error()) : ScoreText.num(s.mean());
    }
}
