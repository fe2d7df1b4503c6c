package dev.tva.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Lays out DAMON's sysfs admin folder in a temporary folder, as Linux 6.18 lays it out, for tests. */
public final class DamonTestSupport {
    private DamonTestSupport() {
    }

    /** kdamond {@code name} with {@code state}, a pid, and a first context of {@code operations} with these schemes' actions. */
    public static void monitor(Path admin, String name, String state, int pid, String operations, String... actions) throws IOException {
        Path dir = Files.createDirectories(admin.resolve("kdamonds").resolve(name));
        Files.writeString(dir.resolve("state"), state + "\n");
        Files.writeString(dir.resolve("pid"), pid + "\n");
        Path context = Files.createDirectories(dir.resolve("contexts/0"));
        Files.writeString(context.resolve("operations"), operations + "\n");
        for (int i = 0; i < actions.length; i++) {
            Path scheme = Files.createDirectories(context.resolve("schemes").resolve(Integer.toString(i)));
            Files.writeString(scheme.resolve("action"), actions[i] + "\n");
        }
        Files.writeString(admin.resolve("kdamonds/nr_kdamonds"), "0\n");
    }
}
