package dev.tva.report;

import dev.tva.report.chart.CrossoverChart;
import dev.tva.report.chart.Figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** The report as Markdown: summary, decision guide, charts, methodology, limitations and the inputs it read. */
final class ReportPage {
    static final String TITLE = "Threads vs Async Lab: the comparison report";
    static final String CHARTS = "charts/";

    private ReportPage() {
    }

    static String markdown(Inputs inputs, List<Figure> figures, Links links) {
        Evidence evidence = Evidence.of(inputs);
        Markdown md = new Markdown().heading(1, TITLE);
        md.paragraph("Platform threads, virtual threads and Netty event loops, compared on the same work. Written by "
                + Markdown.code("./lab report") + " from the " + inputs.files().size() + " result files in " + Markdown.code(inputs.label())
                + " (listed under [Inputs](#inputs)); every number below is computed from them.");
        md.heading(2, "Summary");
        List<String> findings = Summary.findings(evidence, links);
        md.bullets(findings.isEmpty() ? List.of("These inputs hold no comparison of models; " + Markdown.code("./lab tour") + " makes one.")
                : findings);
        md.heading(2, "Decision guide");
        List<List<String>> rows = new ArrayList<>();
        for (Decision d : DecisionGuide.rows(evidence, links)) {
            rows.add(List.of(d.situation().text(), "**" + d.pick() + "**", d.reason(), d.source(), d.caveat()));
        }
        md.table(List.of("situation", "pick", "measured reason", "source", "caveat"), rows);
        md.heading(2, "Charts");
        for (Figure f : figures) {
            md.heading(3, f.heading()).image(f.heading(), CHARTS + f.fileName());
            md.paragraph(f.caption() + " Source: " + String.join(", ", f.sources().stream().map(links::file).toList()) + ".");
        }
        if (figures.stream().noneMatch(f -> f.fileName().equals(CrossoverChart.FILE))) {
            md.heading(3, "The crossover map").paragraph("No crossover sweep in these inputs: " + Markdown.code("./lab crossover --quick")
                    + " makes one (a file of kind " + Markdown.code(Kind.CROSSOVER.id()) + "), and the map of which model wins where"
                    + " appears here.");
        }
        Reliability.write(md, inputs, links);
        Methodology.write(md, inputs, figures);
        Limitations.write(md, inputs);
        inputsAppendix(md, inputs, figures, evidence, links);
        return md.toString();
    }

    private static void inputsAppendix(Markdown md, Inputs inputs, List<Figure> figures, Evidence evidence, Links links) {
        Map<String, SortedSet<String>> uses = new TreeMap<>();
        for (Figure f : figures) {
            f.sources().forEach(s -> uses.computeIfAbsent(s.path(), p -> new TreeSet<>()).add("chart: " + f.heading()));
        }
        evidence.files().forEach(p -> uses.computeIfAbsent(p, k -> new TreeSet<>()).add("summary and decision guide"));
        inputs.files().stream().filter(f -> switch (f.kind()) {
            case SOAK, OVERLOAD, IDLE, SLOWLORIS -> true;
            default -> false;
        }).forEach(f -> uses.computeIfAbsent(f.path(), k -> new TreeSet<>()).add("reliability: " + f.kind().id()));
        List<List<String>> rows = new ArrayList<>();
        for (InputFile f : inputs.files()) {
            SortedSet<String> used = uses.getOrDefault(f.path(), new TreeSet<>());
            rows.add(List.of(links.file(f), f.kind().id(), f.method().id(), f.commits(), f.dates(),
                    used.isEmpty() ? "read, not cited" : String.join("; ", used)));
        }
        md.heading(2, "Inputs").paragraph("Every file read, in path order. Method: " + methods() + ".");
        md.table(List.of("file", "kind", "method", "commit", "date", "used by"), rows);
    }

    private static String methods() {
        List<String> parts = new ArrayList<>();
        for (Method m : Method.values()) {
            parts.add(Markdown.code(m.id()) + " " + m.description());
        }
        return String.join("; ", parts);
    }
}
