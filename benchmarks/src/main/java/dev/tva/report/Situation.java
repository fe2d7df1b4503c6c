package dev.tva.report;

/** The situations the decision guide answers, each with the command that measures it when the inputs hold no number. */
public enum Situation {
    BLOCKING_IO("Waiting on I/O through blocking libraries", "./lab compare --workload http --latency 50ms --concurrency 1000"),
    JDBC_POOL("JDBC behind a connection pool", "./lab compare --workload db --latency 10ms --concurrency 1000 --pool 10"),
    CPU_BOUND("CPU-bound work", "./lab compare --workload cpu --work 100 --concurrency 100"),
    IDLE_CONNECTIONS("Thousands of idle connections or long-lived streams", "./lab footprint"),
    LATENCY_SLO("A latency SLO at a given request rate", "./lab servers --endpoint io --ms 50 --rates 1000,2000,4000 --slo 100ms"),
    MEMORY_BUDGET("A memory budget per connection", "./lab footprint --tasks 1000,10000,20000"),
    REACTIVE_CODEBASE("An existing reactive codebase", "./lab compare --workload http --latency 50ms --concurrency 1000 --client both"),
    SLOW_CLIENTS("Many slow or idle clients (request heads that trickle in, idle keep-alive connections)",
            "./lab slowloris --connections 200"),
    PINNING("Code that pins a virtual thread (native frames, class initializers; synchronized only before JDK 24)",
            "./lab bench --suite Pinning");

    private final String text;
    private final String command;

    Situation(String text, String command) {
        this.text = text;
        this.command = command;
    }

    public String text() {
        return text;
    }

    /** The command that measures this situation. */
    public String command() {
        return command;
    }
}
