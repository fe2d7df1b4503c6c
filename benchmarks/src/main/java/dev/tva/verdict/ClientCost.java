package dev.tva.verdict;

import dev.tva.workloads.Client;
import dev.tva.workloads.Model;
import dev.tva.workloads.RunResult;
import dev.tva.workloads.WorkloadType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a library client adds to a request's CPU time, model by model: the lean client's cost is the
 * model's own, and the difference is the library's.
 *
 * @param model        the model both rows ran on
 * @param leanMicros   CPU time of the model's process per request with the lean client, in microseconds
 * @param addedMicros  what the library client adds to it (negative when it costs less)
 * @param text         the line that says so
 */
public record ClientCost(Model model, double leanMicros, double addedMicros, String text) {

    /** One per model that has a row with each client among {@code rows} (rows of one workload), in model order. */
    public static List<ClientCost> of(List<RunResult> rows) {
        List<ClientCost> costs = new ArrayList<>();
        for (Model model : Model.values()) {
            Optional<RunResult> lean = find(rows, model, Client.LEAN);
            Optional<RunResult> library = find(rows, model, Client.LIBRARY);
            if (lean.isPresent() && library.isPresent()) {
                costs.add(of(model, lean.get(), library.get()));
            }
        }
        return costs;
    }

    private static ClientCost of(Model model, RunResult lean, RunResult library) {
        double leanMicros = perRequest(lean);
        double added = perRequest(library) - leanMicros;
        String unit = lean.workload() == WorkloadType.MIXED ? "task (its request and its CPU work)" : "request";
        String text;
        if (Double.isNaN(added)) {
            text = String.format(Locale.ROOT, "%s: CPU time per %s unknown (the operating system did not report it)", model, unit);
        } else if (added >= 0) {
            text = String.format(Locale.ROOT, "%s: %,.0f us of CPU per %s with the lean client; the library client adds %,.0f us",
                    model, leanMicros, unit, added);
        } else {
            text = String.format(Locale.ROOT, "%s: %,.0f us of CPU per %s with the lean client; the library client takes %,.0f us less",
                    model, leanMicros, unit, -added);
        }
        return new ClientCost(model, leanMicros, added, text);
    }

    /** CPU per backend request: a fan-out task makes {@code calls} of them. */
    private static double perRequest(RunResult r) {
        return r.cpuMicrosPerTask() / (r.calls() == null ? 1 : r.calls());
    }

    private static Optional<RunResult> find(List<RunResult> rows, Model model, Client client) {
        return rows.stream().filter(r -> r.model() == model && r.client() == client).findFirst();
    }
}
