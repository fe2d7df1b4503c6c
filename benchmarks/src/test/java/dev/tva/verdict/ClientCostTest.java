package dev.tva.verdict;

import dev.tva.workloads.Bound;
import dev.tva.workloads.Client;
import dev.tva.workloads.Environment;
import dev.tva.workloads.ExecutionModel;
import dev.tva.workloads.Experiment;
import dev.tva.workloads.Model;
import dev.tva.workloads.RunResult;
import dev.tva.workloads.Workload;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The line per model that `lab compare --client both` prints, from synthetic rows. */
class ClientCostTest {

    /** A row of {@code tasks} tasks of {@code workload} that used {@code cpuMillis} of CPU on {@code model} with {@code client}. */
    private static RunResult row(Model model, Client client, Workload workload, int tasks, long cpuMillis) {
        Experiment.Outcome outcome = new Experiment.Outcome(tasks, 100, tasks, 0, null, 1_000_000_000L, new Histogram(3),
                0, cpuMillis, 10, 100, null);
        Experiment.Windows windows = new Experiment.Windows(1_000, new double[0], new double[] {tasks}, true);
        return RunResult.of(model.id(), named(model), workload, outcome, windows, Bound.of(workload, tasks, 100, 2, 0),
                0, 0, null, null, null, Environment.current(), client);
    }

    @Test
    void eachModelGetsItsLeanCostAndWhatTheLibraryAdds() {
        Workload http = new Workload.Http(50, 16);
        List<RunResult> rows = List.of(
                row(Model.PLATFORM, Client.LEAN, http, 10_000, 500), row(Model.PLATFORM, Client.LIBRARY, http, 10_000, 2_800),
                row(Model.VIRTUAL, Client.LEAN, http, 10_000, 410), row(Model.VIRTUAL, Client.LIBRARY, http, 10_000, 2_310),
                row(Model.EVENT_LOOP, Client.LEAN, http, 10_000, 350), row(Model.EVENT_LOOP, Client.LIBRARY, http, 10_000, 900));

        List<ClientCost> costs = ClientCost.of(rows);

        assertThat(costs).extracting(ClientCost::model).containsExactly(Model.PLATFORM, Model.VIRTUAL, Model.EVENT_LOOP);
        ClientCost virtual = costs.get(1);
        assertThat(virtual.leanMicros()).isCloseTo(41, within(1e-9));
        assertThat(virtual.addedMicros()).isCloseTo(190, within(1e-9));
        assertThat(virtual.text()).isEqualTo("virtual: 41 us of CPU per request with the lean client; the library client adds 190 us");
    }

    @Test
    void aFanOutsCostIsPerBackendRequestNotPerTask() {
        Workload fanOut = new Workload.FanOut(10, 50, 16);
        List<ClientCost> costs = ClientCost.of(List.of(
                row(Model.EVENT_LOOP, Client.LIBRARY, fanOut, 1_000, 1_200), row(Model.EVENT_LOOP, Client.LEAN, fanOut, 1_000, 400)));

        assertThat(costs).singleElement().satisfies(c -> {
            assertThat(c.leanMicros()).isCloseTo(40, within(1e-9));
            assertThat(c.addedMicros()).isCloseTo(80, within(1e-9));
        });
    }

    @Test
    void aLibraryThatCostsLessIsSaidSoAndAModelWithOneClientGetsNoLine() {
        Workload http = new Workload.Http(50, 16);
        List<ClientCost> costs = ClientCost.of(List.of(
                row(Model.VIRTUAL, Client.LEAN, http, 1_000, 60), row(Model.VIRTUAL, Client.LIBRARY, http, 1_000, 50),
                row(Model.PLATFORM, Client.LEAN, http, 1_000, 60)));

        assertThat(costs).singleElement().extracting(ClientCost::text)
                .isEqualTo("virtual: 60 us of CPU per request with the lean client; the library client takes 10 us less");
    }

    @Test
    void unknownCpuTimeIsSaidInsteadOfANumber() {
        Workload http = new Workload.Http(50, 16);
        List<ClientCost> costs = ClientCost.of(List.of(
                row(Model.VIRTUAL, Client.LEAN, http, 1_000, -1), row(Model.VIRTUAL, Client.LIBRARY, http, 1_000, 50)));

        assertThat(costs).singleElement().extracting(ClientCost::text)
                .isEqualTo("virtual: CPU time per request unknown (the operating system did not report it)");
    }

    private static ExecutionModel named(Model id) {
        return new ExecutionModel() {
            @Override
            public Model model() {
                return id;
            }

            @Override
            public CompletionStage<Long> start(Workload workload) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int parallelism() {
                return 2;
            }

            @Override
            public String describe() {
                return id.id();
            }

            @Override
            public void close() {
            }
        };
    }
}
