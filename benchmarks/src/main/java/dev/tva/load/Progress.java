package dev.tva.load;

import org.HdrHistogram.Histogram;

/**
 * A running load's counters, handed to the caller about once a second so long runs show they are alive.
 * Counts are of measured requests only (zero during the warm-up); {@code answers} and
 * {@code answersPerSec} count every answer, warm-up included, so the warm-up shows a rate too, and a
 * caller can tell how many answers each interval had.
 *
 * @param elapsedMillis since the first request was due (warm-up included)
 * @param totalMillis   warm-up plus duration: when the last request is due
 * @param warmingUp     true while the warm-up runs
 * @param sent          measured requests written to a connection
 * @param completed     measured requests answered 2xx
 * @param errors        measured requests answered otherwise, or lost with their connection
 * @param timeouts      measured requests with no answer within the timeout
 * @param late          measured requests sent later than the late threshold (open model)
 * @param answersPerSec answers per second over the last interval
 * @param answers       answers so far, warm-up included, whatever their status
 * @param interval      latencies in microseconds of the measured 2xx answers that ended in this interval (empty
 *                      during the warm-up), from each request's intended time like the run's; the caller owns it
 */
public record Progress(long elapsedMillis, long totalMillis, boolean warmingUp, long sent, long completed,
                       long errors, long timeouts, long late, double answersPerSec, long answers, Histogram interval) {
}
