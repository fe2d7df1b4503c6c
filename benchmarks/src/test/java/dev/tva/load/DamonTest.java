package dev.tva.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DAMON's sysfs admin folder, laid out in a temporary folder ({@link DamonTestSupport}): stopping DAMON on a real
 * machine takes root and changes the machine, so the real one is only read ({@code MachineCliTest}).
 */
class DamonTest {
    @TempDir
    Path admin;

    @Test
    void readsEachMonitorInNumericOrderWithWhatItDoes() throws IOException {
        DamonTestSupport.monitor(admin, "10", "off", -1, "vaddr");
        DamonTestSupport.monitor(admin, "0", "on", 78, "paddr", "pageout", "stat");
        DamonTestSupport.monitor(admin, "2", "on", 91, "paddr");

        assertThat(new Damon(admin).monitors()).containsExactly(
                new Damon.Monitor("0", "on", 78, "paddr", List.of("pageout", "stat")),
                new Damon.Monitor("2", "on", 91, "paddr", List.of()),
                new Damon.Monitor("10", "off", -1, "vaddr", List.of()));
    }

    @Test
    void aStateThisProcessMayNotReadIsShownAsUnknownNotAsOff() throws IOException {
        DamonTestSupport.monitor(admin, "0", "on", 78, "paddr");
        // As root every sysfs file is readable; a folder in the file's place fails the read as a root-only file does a user's.
        Files.delete(admin.resolve("kdamonds/0/state"));
        Files.createDirectories(admin.resolve("kdamonds/0/state"));

        Damon.Monitor m = new Damon(admin).monitors().get(0);
        assertThat(m.readable()).isFalse();
        assertThat(m.on()).isFalse();
    }

    @Test
    void noAdminFolderMeansNoMonitor() {
        assertThat(new Damon(admin.resolve("absent")).monitors()).isEmpty();
    }

    @Test
    void setWritesTheStateFile() throws IOException {
        DamonTestSupport.monitor(admin, "0", "on", 78, "paddr", "pageout");
        Damon damon = new Damon(admin);

        damon.set("0", false);
        assertThat(Files.readString(admin.resolve("kdamonds/0/state"))).isEqualTo("off");
        assertThat(damon.monitors().get(0).on()).isFalse();

        damon.set("0", true);
        assertThat(damon.monitors().get(0).on()).isTrue();
    }

    @Test
    void aStateThatCannotBeWrittenSaysWhichFileAndWhy() throws IOException {
        Files.createDirectories(admin.resolve("kdamonds/0/state"));

        assertThatThrownBy(() -> new Damon(admin).set("0", false))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot write 'off' to " + admin.resolve("kdamonds/0/state") + ": ");
    }
}
