package dev.tva.workloads;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Which CPUs each of the lab's processes may run on, parsed once from {@code --cpus} and applied with Linux's
 * {@code taskset}, so the load generator, the server and the backend stop taking CPU time from one another.
 *
 * <p>{@code --cpus} takes a CPU list ({@code 0-7}, {@code 0,2,4-7}) that the lab splits in ascending order:
 * the backend gets the last quarter (at least one CPU) in every layout, so a tour can keep one backend;
 * {@link Layout#RUN} gives the model the rest (with one CPU it shares the backend's);
 * {@link Layout#SERVERS} gives the generator the first quarter (at least one), the server what lies between
 * (with two CPUs, nothing: it shares the backend's); {@link Layout#LOAD} gives the generator all.
 * Or it names the roles, separated by {@code /}: {@code generator=0/server=1-3/backend=4}; every role the
 * command runs must be named, the others are ignored. The generator and the server never share a CPU (they
 * are the two sides of every measurement); the backend may share with either.
 *
 * @param cpus the CPUs of each placed role; empty for {@link #NONE}
 */
public record CpuPlacement(Map<Role, CpuList> cpus) {
    /** No placement: every process may run on every CPU. */
    public static final CpuPlacement NONE = new CpuPlacement(Map.of());

    /** A process the lab runs. */
    public enum Role {
        /** Issues the load: the model's JVM in run/compare/tour (its driver is the generator), this JVM in servers/load. */
        GENERATOR,
        /** A server JVM of {@code lab servers} and the tour. */
        SERVER,
        /** The backend JVM that answers the I/O calls. */
        BACKEND;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which roles a command runs, hence how a CPU list is split. */
    public enum Layout {
        /** {@code lab run}, {@code compare}, the tour's model rows: the model (with its driver) and the backend. */
        RUN(Role.GENERATOR, Role.BACKEND),
        /** {@code lab servers}, the tour's servers: this JVM's generator, a server, the backend. */
        SERVERS(Role.GENERATOR, Role.SERVER, Role.BACKEND),
        /** {@code lab load}: only this JVM's generator. */
        LOAD(Role.GENERATOR);

        private final List<Role> roles;

        Layout(Role... roles) {
            this.roles = List.of(roles);
        }

        public List<Role> roles() {
            return roles;
        }
    }

    public CpuPlacement {
        cpus = Map.copyOf(cpus);
    }

    /**
     * Parses {@code --cpus SPEC} for {@code layout} on a machine whose usable CPUs are {@code available}
     * (empty: no Linux affinity here).
     *
     * @throws IllegalArgumentException with one line saying what is wrong and what is accepted
     */
    public static CpuPlacement parse(String spec, Layout layout, Optional<CpuList> available) {
        Map<Role, CpuList> placed;
        if (spec.contains("=")) {
            Map<Role, CpuList> named = roles(spec);
            checkOnThisMachine(named.values(), available);
            placed = new EnumMap<>(Role.class);
            for (Role role : layout.roles()) {
                if (!named.containsKey(role)) {
                    throw new IllegalArgumentException("'" + spec + "' names no CPUs for the " + role.id() + "; name every role: "
                            + layout.roles().stream().map(r -> r.id() + "=LIST").collect(Collectors.joining("/")));
                }
                placed.put(role, named.get(role));
            }
        } else {
            CpuList list = CpuList.parse(spec);
            checkOnThisMachine(List.of(list), available);
            placed = split(list, layout);
        }
        CpuList generator = placed.get(Role.GENERATOR);
        CpuList server = placed.get(Role.SERVER);
        if (server != null && generator.overlaps(server)) {
            throw new IllegalArgumentException("the generator (" + generator + ") and the server (" + server + ") must not share a CPU");
        }
        return new CpuPlacement(placed);
    }

    private static void checkOnThisMachine(Collection<CpuList> asked, Optional<CpuList> available) {
        CpuList usable = available.orElseThrow(
                () -> new IllegalArgumentException("pinning needs Linux's taskset (util-linux); not found on this machine"));
        for (CpuList list : asked) {
            list.notIn(usable).ifPresent(missing -> {
                throw new IllegalArgumentException("no CPU " + missing + " on this machine: it has CPUs " + usable);
            });
        }
    }

    /** The CPUs this process may be placed on; empty unless this is Linux with {@code taskset} on the PATH. */
    public static Optional<CpuList> availableCpus() {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean taskset = Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "taskset")));
        boolean linux = System.getProperty("os.name", "").startsWith("Linux");
        return linux && taskset ? CpuList.ofThisProcess() : Optional.empty();
    }

    private static Map<Role, CpuList> roles(String spec) {
        Map<Role, CpuList> named = new EnumMap<>(Role.class);
        for (String part : spec.split("/", -1)) {
            String[] pair = part.split("=", 2);
            Role role = Arrays.stream(Role.values()).filter(r -> r.id().equals(pair[0].trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + part + "' names no role; use generator=LIST, server=LIST"
                            + " or backend=LIST, separated by /, e.g. generator=0/server=1-3/backend=4"));
            if (pair.length == 2 && pair[1].contains("=")) {
                throw new IllegalArgumentException("'" + spec + "': separate the roles with /, e.g. generator=0/server=1-3/backend=4");
            }
            if (pair.length < 2 || named.put(role, CpuList.parse(pair[1])) != null) {
                throw new IllegalArgumentException("'" + spec + "' names the " + role.id() + " twice or without CPUs;"
                        + " e.g. generator=0/server=1-3/backend=4");
            }
        }
        return named;
    }

    /** The documented split of a CPU list: see the class comment. */
    private static Map<Role, CpuList> split(CpuList list, Layout layout) {
        int n = list.size();
        int quarter = Math.max(1, n / 4);
        CpuList backend = list.slice(n - quarter, n);
        Map<Role, CpuList> placed = new EnumMap<>(Role.class);
        switch (layout) {
            case LOAD -> placed.put(Role.GENERATOR, list);
            case RUN -> {
                placed.put(Role.GENERATOR, n == 1 ? backend : list.slice(0, n - quarter));
                placed.put(Role.BACKEND, backend);
            }
            case SERVERS -> {
                if (n < 2) {
                    throw new IllegalArgumentException("1 CPU (" + list + ") cannot keep the generator and the server apart;"
                            + " give at least 2, e.g. 0-1");
                }
                placed.put(Role.GENERATOR, list.slice(0, quarter));
                placed.put(Role.SERVER, n == 2 ? backend : list.slice(quarter, n - quarter));
                placed.put(Role.BACKEND, backend);
            }
        }
        return placed;
    }

    public boolean placed() {
        return !cpus.isEmpty();
    }

    /** The command words to put before {@code java ...} to run {@code role} on its CPUs; empty when it is not placed. */
    public List<String> prefix(Role role) {
        CpuList list = cpus.get(role);
        return list == null ? List.of() : List.of("taskset", "-c", list.toString());
    }

    /** How many CPUs {@code role} has, or {@code unplaced} when it is not placed (to size thread pools and loops). */
    public int cpuCount(Role role, int unplaced) {
        CpuList list = cpus.get(role);
        return list == null ? unplaced : list.size();
    }

    /**
     * Pins this JVM, all its threads (and so the threads they start), to the CPUs of {@code role}; nothing when not placed.
     * Twice: taskset moves the threads one by one, and a thread started meanwhile by one not yet moved would keep the old CPUs.
     */
    public void pinSelf(Role role) {
        pin(ProcessHandle.current().pid(), role);
        pin(ProcessHandle.current().pid(), role);
    }

    /**
     * Pins every thread of process {@code pid} to the CPUs of {@code role} ({@code taskset -a -p -c LIST PID}).
     *
     * @throws IllegalStateException when taskset fails
     */
    public void pin(long pid, Role role) {
        CpuList list = cpus.get(role);
        if (list == null) {
            return;
        }
        List<String> command = List.of("taskset", "-a", "-p", "-c", list.toString(), Long.toString(pid));
        try {
            Process taskset = new ProcessBuilder(command).redirectErrorStream(true).start();
            taskset.getOutputStream().close();
            String output = new String(taskset.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!taskset.waitFor(10, TimeUnit.SECONDS) || taskset.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output.lines().reduce((a, b) -> b).orElse(""));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run taskset: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pinning with taskset", e);
        }
    }

    /** The placement as {@code --cpus} would name it ({@code generator=0/server=1/backend=1}); empty for {@link #NONE}. */
    public String toSpec() {
        return Arrays.stream(Role.values()).filter(cpus::containsKey)
                .map(r -> r.id() + "=" + cpus.get(r)).collect(Collectors.joining("/"));
    }

    /** One line for the start of a run: {@code cpus: generator 0, server 1, backend 1 (shared with the server)}. */
    public String describe() {
        if (!placed()) {
            return "cpus: not placed (every process may run on every CPU)";
        }
        List<String> parts = new ArrayList<>();
        for (Role role : Role.values()) {
            CpuList list = cpus.get(role);
            if (list != null) {
                List<String> sharing = Arrays.stream(Role.values())
                        .filter(other -> other.ordinal() < role.ordinal() && cpus.containsKey(other) && cpus.get(other).overlaps(list))
                        .map(other -> "the " + other.id()).toList();
                parts.add(role.id() + " " + list + (sharing.isEmpty() ? "" : " (shared with " + String.join(" and ", sharing) + ")"));
            }
        }
        return "cpus: " + String.join(", ", parts);
    }
}
