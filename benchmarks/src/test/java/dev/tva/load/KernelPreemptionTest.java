package dev.tva.load;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The preemption model and tick as a kernel's build configuration states them. */
class KernelPreemptionTest {
    @Test
    void aKernelBuiltWithoutPreemptionAndDynamicSupportIsNone() {
        List<String> config = List.of("CONFIG_PREEMPT_BUILD=y", "CONFIG_PREEMPT_NONE=y", "# CONFIG_PREEMPT_VOLUNTARY is not set",
                "# CONFIG_PREEMPT is not set", "CONFIG_PREEMPT_COUNT=y", "CONFIG_PREEMPTION=y", "CONFIG_PREEMPT_DYNAMIC=y", "CONFIG_HZ_250=y",
                "CONFIG_HZ=250");

        assertThat(KernelPreemption.built(config)).isEqualTo("none");
        assertThat(KernelPreemption.hz(config)).isEqualTo(250);
    }

    @Test
    void fullAndVoluntaryAreNamedAsTheSchedulerNamesThem() {
        assertThat(KernelPreemption.built(List.of("# CONFIG_PREEMPT_NONE is not set", "CONFIG_PREEMPT=y"))).isEqualTo("full");
        assertThat(KernelPreemption.built(List.of("CONFIG_PREEMPT_VOLUNTARY=y"))).isEqualTo("voluntary");
    }

    @Test
    void aConfigurationThatDoesNotSayIsUnknown() {
        assertThat(KernelPreemption.built(List.of("CONFIG_PREEMPTION=y"))).isNull();
        assertThat(KernelPreemption.hz(List.of("CONFIG_HZ_1000=y"))).isNull();
    }

    @Test
    void thisMachineIsReadWithoutFailing() {
        KernelPreemption k = KernelPreemption.read();

        assertThat(k.mode() == null || List.of("none", "voluntary", "full", "lazy").contains(k.mode())).as(k.toString()).isTrue();
        assertThat(k.mode() == null).isEqualTo(k.source() == null);
    }
}
