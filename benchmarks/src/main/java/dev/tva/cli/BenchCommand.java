package dev.tva.cli;

import dev.tva.bench.Suite;
import dev.tva.engine.UserException;
import dev.tva.report.BenchDoc;
import dev.tva.workloads.Environment;
import dev.tva.workloads.Results;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code lab bench}: the JMH suites through JMH's Runner API, or {@code --doc} to render a run as markdown. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the JMH suites (dev.tva.bench) with JMH's own forks, and writes JMH's JSON and the environment record under results/.",
                "The same suites run with `java -jar benchmarks/target/benchmarks.jar` and every JMH option."})
final class BenchCommand implements Callable<Integer> {
    /** The forks each suite declares in its annotations ({@code @Fork(2)}). */
    static final int SUITE_FORKS = 2;
    /** The forks of {@code --quick}. */
    static final int QUICK_FORKS = 1;

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "short settings (1 fork, warm-up 2 x 1 s, measurement 3 x 1 s): every suite in about 5 minutes on 2 cores")
    boolean quick;

    @Option(names = "--forks", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "run every suite in N fresh JVMs (JMH forks), a whole number >= 1 (default: " + SUITE_FORKS + ", or "
                    + QUICK_FORKS + " with --quick)")
    Integer forks;

    @Option(names = "--suite", split = ",", paramLabel = "NAME", converter = SuiteConverter.class,
            description = "run only these suites (repeat the flag or separate with commas): ${sys:lab.suites} (default: all)")
    List<Suite> suites;

    @Option(names = "--json", paramLabel = "FILE", description = "also write JMH's JSON here")
    Path json;

    @Option(names = "--doc", paramLabel = "RESULTS.json",
            description = "run nothing: render this JMH JSON (and its -env.json record beside it) as the markdown of docs/benchmarks.md")
    Path doc;

    @Option(names = "--footprint", paramLabel = "FILE", description = "with --doc: add the footprint table from this `lab footprint --json` file")
    Path footprint;

    @Option(names = "--out", paramLabel = "FILE", description = "with --doc: write the markdown here instead of printing it")
    Path docOut;

    /** What a bench run was, kept beside JMH's JSON: JMH records the JVM, not the machine. */
    record BenchRecord(String command, boolean quick, int forks, List<String> suites, String settings, String jmhResults, Environment env) {
    }

    static {
        System.setProperty("lab.suites", Suite.names());
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (doc != null) {
            if (forks != null) {
                throw new UserException(UserException.BAD_INPUT, "--forks goes with a run; --doc RESULTS.json runs nothing");
            }
            String markdown = BenchDoc.render(doc, footprint);
            if (docOut != null) {
                Files.writeString(docOut, markdown);
                out.println("wrote " + docOut);
            } else {
                out.print(markdown);
                out.flush();
            }
            return 0;
        }
        if (footprint != null || docOut != null) {
            throw new UserException(UserException.BAD_INPUT, "--footprint and --out go with --doc RESULTS.json");
        }
        List<Suite> chosen = suites == null ? Arrays.asList(Suite.values()) : suites;
        Path results = Results.timestamped(quick ? "bench-quick" : "bench");
        Path record = BenchDoc.envFileOf(results);
        Files.createDirectories(results.toAbsolutePath().getParent());

        // Configure the run: the suites' own annotations, or the short settings; --forks overrides either.
        Options options = jmhOptions(chosen, quick, forks, results);
        Environment env = Environment.current();
        List<String> ids = chosen.stream().map(Suite::id).toList();
        String settings = settings(quick, forks);
        out.println("lab bench: " + String.join(", ", ids) + "; " + settings);
        out.println("  " + env.oneLine());
        out.flush();

        // Run: JMH prints its own progress and summary.
        try {
            new org.openjdk.jmh.runner.Runner(options).run();
        } catch (RunnerException e) {
            throw new UserException(UserException.FAILED, "JMH failed: " + firstLine(e));
        }
        Results.write(record, new BenchRecord(commandLine(), quick, forksOf(quick, forks), ids, settings,
                results.getFileName().toString(), env));
        if (json != null) {
            Files.createDirectories(json.toAbsolutePath().getParent());
            Files.copy(results, json, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        out.println("results: " + results + " (JMH) and " + record + " (environment)" + (json != null ? "; copy in " + json : ""));
        out.println("tables:  ./lab bench --doc " + results);
        return 0;
    }

    /** JMH's options for these suites: their own annotations, or the short settings of {@code --quick}; {@code forks} overrides either. */
    static Options jmhOptions(List<Suite> suites, boolean quick, Integer forks, Path results) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .resultFormat(ResultFormatType.JSON)
                .result(results.toString())
                .shouldFailOnError(true);
        suites.forEach(s -> options.include(s.includePattern()));
        if (quick) {
            options.forks(QUICK_FORKS)
                    .warmupIterations(2).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(3).measurementTime(TimeValue.seconds(1));
        }
        if (forks != null) {
            options.forks(forks);
        }
        return options.build();
    }

    /** The forks a run uses: {@code --forks}, else those of {@code --quick} or of the suites' annotations. */
    static int forksOf(boolean quick, Integer forks) {
        return forks != null ? forks : quick ? QUICK_FORKS : SUITE_FORKS;
    }

    /** The settings printed with a run and kept in its record: {@code --quick: 1 fork, warm-up 2 x 1 s, measurement 3 x 1 s}. */
    static String settings(boolean quick, Integer forks) {
        int n = forksOf(quick, forks);
        String source = (quick ? "--quick" : "as annotated on each suite") + (forks == null ? "" : (quick ? " --forks " : ", with --forks ") + forks);
        return source + ": " + n + (n == 1 ? " fork" : " forks") + (quick ? ", warm-up 2 x 1 s, measurement 3 x 1 s"
                : ", warm-up 3 x 2 s, measurement 5 x 2 s");
    }

    private String commandLine() {
        StringBuilder line = new StringBuilder("lab bench");
        if (quick) {
            line.append(" --quick");
        }
        if (forks != null) {
            line.append(" --forks ").append(forks);
        }
        if (suites != null) {
            suites.forEach(s -> line.append(" --suite ").append(s.id()));
        }
        return line.toString();
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).lines().findFirst().orElse(root.toString());
    }

    /** A suite name such as {@code IoBound} (or {@code IoBoundBenchmark}), in any case. */
    static final class SuiteConverter implements ITypeConverter<Suite> {
        @Override
        public Suite convert(String value) {
            try {
                return Suite.fromName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
