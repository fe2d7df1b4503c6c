package dev.tva.bench;

import dev.tva.workloads.Client;
import dev.tva.workloads.Model;

/** One JMH parameter and its value, as a run's rows are looked up by: {@code model=virtual}, {@code inFlight=1000}. */
public record ParamValue(String name, String value) {

    /** {@code model=} a model's id. */
    public static ParamValue model(Model model) {
        return new ParamValue("model", model.id());
    }

    /** {@code client=} a client's id. */
    public static ParamValue client(Client client) {
        return new ParamValue("client", client.id());
    }

    /** A whole-number parameter, {@code inFlight=1000}. */
    public static ParamValue of(String name, int value) {
        return new ParamValue(name, Integer.toString(value));
    }
}
