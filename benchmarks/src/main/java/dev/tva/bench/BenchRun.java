package dev.tva.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One JMH run of this lab's suites, as the notices read it: every result's score by suite, method and
 * parameters, and the cores and JDK of the machine it ran on.
 */
public record BenchRun(List<Row> rows, int cores, String jdkVersion) {

    /** One JMH result: a benchmark method with its parameters, and its primary score. */
    public record Row(Suite suite, String method, Map<String, String> params, Score score) {

        /** The parameters but {@code name}, sorted, as {@code calls=10, client=lean}. */
        public String paramsWithout(String name) {
            StringBuilder s = new StringBuilder();
            new TreeMap<>(params).forEach((k, v) -> {
                if (!k.equals(name)) {
                    s.append(s.isEmpty() ? "" : ", ").append(k).append('=').append(v);
                }
            });
            return s.toString();
        }
    }

    /** The score of {@code method} with every parameter in {@code params}; empty when the run lacks it. */
    public Optional<Score> score(BenchMethod method, ParamValue... params) {
        return rows.stream().filter(r -> r.suite() == method.suite() && r.method().equals(method.methodName()) && matches(r, params))
                .map(Row::score).findFirst();
    }

    /** True when the row has every named parameter's value; one the row lacks (an older run, or a benchmark without it) matches. */
    private static boolean matches(Row r, ParamValue... params) {
        for (ParamValue p : params) {
            String value = r.params().get(p.name());
            if (value != null && !p.value().equals(value)) {
                return false;
            }
        }
        return true;
    }
}
