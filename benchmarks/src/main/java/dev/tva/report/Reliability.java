package dev.tva.report;

import java.util.List;

/** The report's reliability section: how each server bore a long steady load, an overload, idle connections and slow clients. */
final class Reliability {
    /*
     * One table per kind of run, one row per server, every number read from the files; under each table the
     * files it came from, with the command that measures them again and the commit they were measured at. A
     * kind the inputs do not hold says which command makes it, as the crossover map does.
     */
    static final String HEADING = "Reliability";

    private Reliability() {
    }

    static void write(Markdown md, Inputs inputs, Links links) {
        Inputs.Reliability r = inputs.reliability();
        md.heading(2, HEADING);
        md.paragraph("Throughput and latency at a steady rate say how fast a server is; these runs say how it fails. Each server"
                + " runs in a JVM of its own, sharing the machine's cores with the load generator and the backend.");
        SoakTable.write(md, r.soaks(), inputs, links);
        OverloadTable.write(md, r.overloads(), inputs, links);
        IdleTable.write(md, r.idles(), inputs, links);
        SlowlorisTable.write(md, r.slowloris(), inputs, links);
    }

    /** A kind the inputs hold no file of: which command makes one. */
    static void missing(Markdown md, String heading, String command, Kind kind) {
        md.heading(3, heading).paragraph("Not measured in these inputs: " + Markdown.code(command) + " makes it (a file of kind "
                + Markdown.code(kind.id()) + ").");
    }

    /** The files under a table: each with the command that measures it again, its commit, its date and the machine. */
    static void sources(Markdown md, List<InputFile> files, Inputs inputs, Links links) {
        List<String> lines = files.stream().distinct().map(f -> "Source: " + links.file(f) + ", measured by "
                + Markdown.code(Reproduce.command(f, inputs)) + " at commit " + Markdown.code(f.commits()) + " on " + f.dates() + " ("
                + f.machine() + ").").toList();
        lines.forEach(md::paragraph);
    }

    /** A count with thousands separators and a sign, e.g. {@code +1,024}. */
    static String signed(long value) {
        return String.format(java.util.Locale.ROOT, "%+,d", value);
    }
}
