package dev.tva.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The footprint child JVM's collector: G1, where heap used is read per byte, unless the user chose one. */
class FootprintChildJvmTest {
    private static final List<String> LAUNCHED = List.of("/jdk/bin/java", "--enable-native-access=ALL-UNNAMED", "-XX:+UseZGC",
            "-XX:+ZGenerational", "-cp", "lab.jar");

    @Test
    void theLaunchersZgcIsReplacedByG1() {
        assertThat(FootprintCommand.onG1(LAUNCHED, null))
                .containsExactly("/jdk/bin/java", "-XX:+UseG1GC", "--enable-native-access=ALL-UNNAMED", "-cp", "lab.jar");
    }

    @Test
    void aCollectorChosenInLabJavaOptsIsKept() {
        assertThat(FootprintCommand.onG1(LAUNCHED, "-Xmx2g -XX:+UseZGC")).isEqualTo(LAUNCHED);
        assertThat(FootprintCommand.onG1(LAUNCHED, "-Xmx2g")).contains("-XX:+UseG1GC").doesNotContain("-XX:+UseZGC");
    }
}
