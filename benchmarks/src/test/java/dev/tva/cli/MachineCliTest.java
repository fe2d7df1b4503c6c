package dev.tva.cli;

import dev.tva.engine.UserException;
import dev.tva.load.Damon;
import dev.tva.load.DamonTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code lab machine}: {@code show} reads this machine; {@code quiet} and {@code restore} run against a DAMON admin
 * folder laid out in a temporary folder (on the real one they take root and change the machine).
 */
class MachineCliTest {
    @TempDir
    Path dir;

    @Test
    void showReadsThisMachineAndChangesNothing() throws IOException {
        String before = states();
        LabCliTest.Ran ran = LabCliTest.lab("machine");

        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.err()).isEmpty();
        assertThat(ran.out()).startsWith("kernel   ").contains(Runtime.getRuntime().availableProcessors() + " cores")
                .contains("\nhost     ").contains("\nDAMON    ");
        assertThat(states()).isEqualTo(before);
    }

    @Test
    void anUnknownActionIsOneLineAndExitCodeTwo() {
        LabCliTest.Ran ran = LabCliTest.lab("machine", "tune");

        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err().lines()).hasSize(1);
        assertThat(ran.err()).startsWith("lab machine: ").contains("'tune' is not an action; expected show, quiet or restore")
                .doesNotContain("\tat ");
        assertThat(ran.out()).isEmpty();
    }

    @Test
    void quietStopsWhatRunsAndRestoreStartsThoseAndNoOther() throws IOException {
        Path admin = dir.resolve("admin");
        Path memo = dir.resolve("memo");
        DamonTestSupport.monitor(admin, "0", "on", 78, "paddr", "pageout");
        DamonTestSupport.monitor(admin, "1", "off", -1, "vaddr");
        DamonTestSupport.monitor(admin, "2", "on", 80, "paddr");
        Damon damon = new Damon(admin);

        assertThat(MachineCommand.quiet(damon, memo)).isEqualTo("stopped DAMON kdamond 0, 2; './lab machine restore' starts them again");
        assertThat(damon.monitors()).noneMatch(Damon.Monitor::on);
        assertThat(Files.readAllLines(memo)).containsExactly("0", "2");
        assertThat(MachineCommand.quiet(damon, memo)).isEqualTo("nothing to stop: no DAMON monitor runs on this machine");

        assertThat(MachineCommand.restore(damon, memo)).isEqualTo("started DAMON kdamond 0, 2 again");
        assertThat(damon.monitors()).extracting(Damon.Monitor::on).containsExactly(true, false, true);
        assertThat(memo).doesNotExist();
        assertThat(MachineCommand.restore(damon, memo)).isEqualTo("nothing to restore: 'lab machine quiet' has stopped nothing on this machine");
    }

    @Test
    void withoutRootQuietAndRestoreSayWhyInOneLineAndChangeNothing() throws IOException {
        Path admin = dir.resolve("admin");
        Path memo = dir.resolve("memo");
        DamonTestSupport.monitor(admin, "0", "on", 78, "paddr");
        DamonTestSupport.monitor(admin, "1", "on", 79, "paddr");
        // A folder in place of monitor 1's state file fails the read as a root-only file fails a user's.
        Files.delete(admin.resolve("kdamonds/1/state"));
        Files.createDirectories(admin.resolve("kdamonds/1/state"));
        Damon damon = new Damon(admin);

        assertThatThrownBy(() -> MachineCommand.quiet(damon, memo)).isInstanceOf(UserException.class)
                .hasMessage("cannot read " + admin.resolve("kdamonds/1/state") + ": DAMON's files are root's (run it as root)");
        assertThat(Files.readString(admin.resolve("kdamonds/0/state"))).isEqualTo("on\n");
        assertThat(memo).doesNotExist();

        Files.write(memo, List.of("1"));
        assertThatThrownBy(() -> MachineCommand.restore(damon, memo)).isInstanceOf(UserException.class)
                .hasMessageContaining("DAMON's files are root's");
        assertThat(memo).exists();
    }

    private static String states() throws IOException {
        StringBuilder s = new StringBuilder();
        for (Damon.Monitor m : new Damon(Damon.SYSFS).monitors()) {
            s.append(m.name()).append('=').append(m.on()).append(';');
        }
        return s.toString();
    }
}
