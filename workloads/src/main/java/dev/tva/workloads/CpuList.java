package dev.tva.workloads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A set of CPU numbers in Linux's list syntax ({@code 0-3}, {@code 0,2,4-7}, {@code 0-7:2}), the syntax of
 * {@code taskset -c}, {@code /proc/PID/status}'s {@code Cpus_allowed_list} and {@code /sys/devices/system/cpu/online}.
 *
 * @param cpus the CPU numbers, ascending, without repeats, at least one
 */
public record CpuList(List<Integer> cpus) {
    /** One element: {@code N}, {@code N-M}, or {@code N-M:STRIDE} (every STRIDE-th CPU from N to M). */
    private static final Pattern RANGE = Pattern.compile("(\\d{1,4})(?:-(\\d{1,4})(?::(\\d{1,4}))?)?");

    public CpuList {
        cpus = List.copyOf(new TreeSet<>(cpus));
        if (cpus.isEmpty()) {
            throw new IllegalArgumentException("a CPU list needs at least one CPU");
        }
    }

    /**
     * Parses Linux's list syntax.
     *
     * @throws IllegalArgumentException saying what is accepted, when {@code text} is not a CPU list
     */
    public static CpuList parse(String text) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : text.trim().split(",", -1)) {
            Matcher m = RANGE.matcher(part.trim());
            int first = m.matches() ? Integer.parseInt(m.group(1)) : -1;
            int last = m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : first;
            int stride = m.matches() && m.group(3) != null ? Integer.parseInt(m.group(3)) : 1;
            if (first < 0 || last < first || stride < 1) {
                throw new IllegalArgumentException("'" + text + "' is not a CPU list; use Linux's syntax, e.g. 0-3 or 0,2,4-7");
            }
            for (int cpu = first; cpu <= last; cpu += stride) {
                cpus.add(cpu);
            }
        }
        return new CpuList(cpus);
    }

    /**
     * The CPUs this process may run on now: its affinity ({@code Cpus_allowed_list} of {@code /proc/self/status},
     * which {@code taskset} sets), else the CPUs online; empty where neither file exists (not Linux).
     */
    public static Optional<CpuList> ofThisProcess() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return Optional.of(parse(line.substring("Cpus_allowed_list:".length())));
                }
            }
            return Optional.of(parse(Files.readString(Path.of("/sys/devices/system/cpu/online"))));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public int size() {
        return cpus.size();
    }

    /** The CPUs from index {@code from} (inclusive) to {@code to} (exclusive), counted in ascending order. */
    public CpuList slice(int from, int to) {
        return new CpuList(cpus.subList(from, to));
    }

    public boolean overlaps(CpuList other) {
        return cpus.stream().anyMatch(other.cpus::contains);
    }

    /** The CPUs of this list that {@code other} does not have; empty when it has them all. */
    public Optional<CpuList> notIn(CpuList other) {
        List<Integer> missing = cpus.stream().filter(cpu -> !other.cpus.contains(cpu)).toList();
        return missing.isEmpty() ? Optional.empty() : Optional.of(new CpuList(missing));
    }

    /** Linux's list syntax, ranges folded: {@code 0-3,6}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cpus.size(); ) {
            int j = i;
            while (j + 1 < cpus.size() && cpus.get(j + 1) == cpus.get(j) + 1) {
                j++;
            }
            s.append(s.isEmpty() ? "" : ",").append(cpus.get(i)).append(i == j ? "" : "-" + cpus.get(j));
            i = j + 1;
        }
        return s.toString();
    }
}
