package dev.tva.lessons;

/** The tutorial's sections (see docs/lessons/README.md): every lesson belongs to one. */
public enum Section {
    WAITING(1, "Start before programming: what waiting means"),
    BLOCKING(2, "Blocking vs non-blocking; why synchronous code fails at scale"),
    PARALLELISM(3, "Concurrency vs parallelism"),
    ASYNC(4, "Async fundamentals: smart waiting, futures, what it does not solve"),
    EVENT_LOOP(5, "The event loop, tasks, cooperative multitasking"),
    MASTERY(6, "Await, gather, the common bugs, web servers, streaming, cancellation, long-lived tasks"),
    TEACHING(7, "Timelines, the request lifecycle, debugging"),
    REAL_WORLD(8, "Real-world grounding: streaming at scale, high-scale APIs, outages");

    private final int number;
    private final String title;

    Section(int number, String title) {
        this.number = number;
        this.title = title;
    }

    /** The tutorial's section number. */
    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    /** {@code §5}. */
    public String label() {
        return "\u00a7" + number;
    }
}
