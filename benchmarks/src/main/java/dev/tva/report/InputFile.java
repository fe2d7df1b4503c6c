package dev.tva.report;

import dev.tva.workloads.Environment;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One JSON file of the inputs: its path relative to the results folder (with {@code /}), its kind, how it
 * was measured, the environments its records carry (several when its runs came from several JVMs), and the
 * command that made it when the file (or its companion) records one, else null.
 */
public record InputFile(String path, Kind kind, Method method, List<Environment> envs, String command) {

    public InputFile {
        envs = envs.stream().filter(Objects::nonNull).toList();
    }

    /** The commits the file's records were measured at, sorted, or "not recorded". */
    public String commits() {
        TreeSet<String> commits = new TreeSet<>();
        envs.forEach(e -> commits.add(e.commit()));
        return commits.isEmpty() ? "not recorded" : String.join(", ", commits);
    }

    /** The day (or first and last day) the file's records were measured, or "not recorded". */
    public String dates() {
        TreeSet<String> days = new TreeSet<>();
        envs.stream().filter(e -> e.date() != null).forEach(e -> days.add(e.date().substring(0, Math.min(10, e.date().length()))));
        if (days.isEmpty()) {
            return "not recorded";
        }
        return days.size() == 1 ? days.first() : days.first() + " to " + days.last();
    }

    /** The JDK, cores and OS of the first record, in a few words, or "not recorded". */
    public String machine() {
        if (envs.isEmpty()) {
            return "not recorded";
        }
        Environment e = envs.get(0);
        return e.jdk() + ", " + e.cores() + " cores, " + e.os();
    }

    /** The same file with the environments and command of another record (a JMH run's, from its -env.json). */
    public InputFile describedBy(InputFile companion) {
        return new InputFile(path, kind, method, companion.envs, companion.command);
    }
}
