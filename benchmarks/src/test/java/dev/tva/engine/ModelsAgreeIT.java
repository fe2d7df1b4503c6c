package dev.tva.engine;

import dev.tva.workloads.Backend;
import dev.tva.workloads.Client;
import dev.tva.workloads.CpuKernel;
import dev.tva.workloads.ExecutionModel;
import dev.tva.workloads.Experiment;
import dev.tva.workloads.Model;
import dev.tva.workloads.Workload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The three models run the same workloads and must get the same answers, with either client. */
class ModelsAgreeIT {
    private static final int TASKS = 2_000;
    private static Backend backend;
    private static long expectedCpuChecksum;

    @BeforeAll
    static void setUp() {
        backend = Backend.start("127.0.0.1", 0, 1);
        for (int task = 0; task < TASKS; task++) {
            expectedCpuChecksum += CpuKernel.run(5, task);
        }
    }

    @AfterAll
    static void tearDown() {
        backend.close();
    }

    private static ExecutionModel create(Model model, Client client) {
        return new ModelSpec(model, 8, 2).create(backend.uri(), client, Duration.ofSeconds(10));
    }

    static Stream<Arguments> modelsAndClients() {
        return Stream.of(Model.values()).flatMap(m -> Stream.of(Client.values()).map(c -> Arguments.of(m, c)));
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void cpuChecksumsAreTheSameOnEveryModel(Model model) {
        try (ExecutionModel execution = create(model, Client.LEAN)) {
            Experiment.Outcome outcome = Experiment.run(execution, new Workload.Cpu(5, 0), TASKS, 16, Experiment.Progress.NONE);
            assertThat(outcome.completed()).isEqualTo(TASKS);
            assertThat(outcome.errors()).isZero();
            assertThat(outcome.checksum()).isEqualTo(expectedCpuChecksum);
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("modelsAndClients")
    void everyHttpTaskGetsItsFullAnswerOnEveryModel(Model model, Client client) {
        try (ExecutionModel execution = create(model, client)) {
            Experiment.Outcome outcome = Experiment.run(execution, new Workload.Http(5, 100), TASKS, 64, Experiment.Progress.NONE);
            assertThat(outcome.errors()).isZero();
            assertThat(outcome.checksum()).isEqualTo(TASKS * 100L);
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("modelsAndClients")
    void mixedWorkAddsTheAnswerToTheChecksumOnEveryModel(Model model, Client client) {
        try (ExecutionModel execution = create(model, client)) {
            Workload mixed = new Workload.Mixed(new Workload.Http(5, 10), new Workload.Cpu(5, 0));
            Experiment.Outcome outcome = Experiment.run(execution, mixed, TASKS, 64, Experiment.Progress.NONE);
            assertThat(outcome.errors()).isZero();
            assertThat(outcome.checksum()).isEqualTo(expectedCpuChecksum + TASKS * 10L);
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("modelsAndClients")
    void everyFanOutAddsUpAllItsAnswersOnEveryModel(Model model, Client client) {
        try (ExecutionModel execution = create(model, client)) {
            Experiment.Outcome outcome = Experiment.run(execution, new Workload.FanOut(5, 5, 100), TASKS / 10, 16,
                    Experiment.Progress.NONE);
            assertThat(outcome.errors()).isZero();
            assertThat(outcome.checksum()).isEqualTo(TASKS / 10 * 5 * 100L);
        }
    }
}
