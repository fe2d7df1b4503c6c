package dev.tva.report;

/** How a file's numbers were measured, so that numbers of different methods are never mixed silently. */
public enum Method {
    /** Warm-up until steady, then measured windows (and forks): every throughput has a 95% interval. */
    WINDOWS("windows", "warm-up until steady, measured windows, 95% interval"),
    /** An earlier method of the lab: a fixed warm-up or none, no steady check, no interval. */
    OLDER("older", "older method: no warm-up until steady, no interval"),
    /** One measured run after a warm-up until steady: no interval (servers, load, footprint). */
    SINGLE("single", "one run after a warm-up, no interval"),
    /** JMH: forks x iterations, JMH's 99.9% interval. */
    JMH("jmh", "JMH forks and iterations, 99.9% interval"),
    /** Nothing measured: the file describes another (a JMH run's environment). */
    NONE("none", "describes another file");

    private final String id;
    private final String description;

    Method(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }
}
